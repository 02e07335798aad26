import { basename } from 'node:path';
import type { ImportReport } from '../../../common/import-types.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { applyImport } from '../../../core/import/apply-import.js';
import { openImportSource, type OpenImportOptions } from '../../../core/import/open-import-source.js';
import { tempDbPath } from '../catalog/temp-catalog.js';

/**
 * Imports a file into a fresh temp catalog, then the same file again: the reports of both. The
 * second must find every listing unchanged (identity and variants are stable).
 */
export async function importTwice(path: string, options: Partial<OpenImportOptions> = {}): Promise<[ImportReport, ImportReport]> {
  const catalog = openCatalog(tempDbPath(), { role: 'writer' });
  try {
    const run = async (operationId: string): Promise<ImportReport> => {
      const fileName = basename(path);
      const source = await openImportSource(path, { fileName, ...options });
      return applyImport(catalog, source, { fileName, operationId });
    };
    return [await run('first'), await run('again')];
  } finally {
    catalog.close();
  }
}

/** The report's row tiles add up to the file's data rows. */
export function tilesAddUp(report: ImportReport): boolean {
  const { rows } = report;
  return rows.new + rows.updated + rows.unchanged + rows.partOf + rows.merged + rows.rejected === report.dataRows;
}
