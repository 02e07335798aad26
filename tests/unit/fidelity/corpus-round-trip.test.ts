import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportFormat, ImportReport } from '../../../common/import-types.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { exportListings } from '../../../core/export/export-listings.js';
import { applyImport } from '../../../core/import/apply-import.js';
import { openImportSource } from '../../../core/import/open-import-source.js';
import { tempDbPath, tempDir } from '../catalog/temp-catalog.js';
import { corpus } from '../import/helpers.js';
import { catalogState, exportedPaths, ownFormat, readAllListings } from './catalog-state.js';
import { describeDifferences, diffStates } from './state-diff.js';

/**
 * The promise of docs/FIDELITY.md, checked on every real export file in the shared corpus (files
 * added there later are picked up without a code change):
 *
 * 1. the import accounts for every data row once (the report's tiles add up);
 * 2. exporting the listings to their own format and importing those files into the same catalog
 *    changes nothing (0 new, 0 updated) and leaves every field equal;
 * 3. importing the exported files into an empty catalog gives the same listings and variants with
 *    equal values in every field, kept source columns included.
 *
 * A file whose prices state no currency is imported in USD, as a seller picking USD in the wizard
 * would, and its re-import is given the same choice.
 */

const files = existsSync(corpus) ? readdirSync(corpus).filter((name) => !name.startsWith('.') && name !== 'README.md').sort() : [];

async function importInto(catalog: Catalog, file: string, options: { defaultCurrency: string; matchBy?: 'key' | 'title' }): Promise<ImportReport> {
  const fileName = path.basename(file);
  const source = await openImportSource(file, { fileName, defaultCurrency: options.defaultCurrency });
  return applyImport(catalog, source, { fileName, operationId: 'fidelity', ...(options.matchBy ? { matchBy: options.matchBy } : {}) });
}

function expectEveryRowAccounted(report: ImportReport): void {
  const { rows } = report;
  expect(rows.new + rows.updated + rows.unchanged + rows.partOf + rows.merged + rows.rejected, JSON.stringify(rows)).toBe(report.dataRows);
  expect(report.warnings.filter((w) => /could not be accounted/.test(w.message))).toEqual([]);
}

/** The most common currency of the catalog: what a seller would pick again for a re-import. */
function storeCurrency(catalog: Catalog): string {
  const row = catalog.db.prepare('SELECT currency FROM listing_offers GROUP BY currency ORDER BY count(*) DESC LIMIT 1').pluck().get() as string | undefined;
  return row ?? 'USD';
}

/** Exports every listing to its own format (one export per format the file's listings came back to). */
async function exportOwnFormats(catalog: Catalog): Promise<string[]> {
  const byFormat = new Map<ExportFormat, number[]>();
  for (const listing of readAllListings(catalog)) {
    const format = ownFormat(listing.source?.dialect as Parameters<typeof ownFormat>[0] ?? 'jsonl', listing.source?.layout);
    byFormat.set(format, [...(byFormat.get(format) ?? []), listing.id]);
  }
  const paths: string[] = [];
  const dir = tempDir();
  for (const [format, ids] of byFormat) {
    const summary = await exportListings(catalog, { format, scope: { kind: 'ids', ids }, outPath: path.join(dir, `own-${format}.${format === 'jsonl' ? 'jsonl' : format === 'google_merchant' ? 'tsv' : 'csv'}`) });
    expect(summary.skipped, `${format}: ${summary.problems.map((p) => p.message).slice(0, 5).join(' | ')}`).toBe(0);
    paths.push(...exportedPaths(summary));
  }
  return paths;
}

describe.skipIf(files.length === 0)('every corpus file: import → export to its own format → re-import loses nothing', () => {
  it.each(files)('%s', async (name) => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const first = await importInto(catalog, path.join(corpus, name), { defaultCurrency: 'USD' });
    expectEveryRowAccounted(first);
    const before = catalogState(catalog);
    if (before.size === 0) {
      catalog.close();
      return;
    }
    const currency = storeCurrency(catalog);
    const exported = await exportOwnFormats(catalog);

    // Same catalog: nothing new, nothing changed.
    for (const file of exported) {
      const again = await importInto(catalog, file, { defaultCurrency: currency, matchBy: 'title' });
      expectEveryRowAccounted(again);
      expect({ file: path.basename(file), imported: again.imported, updated: again.updated, errors: again.errors.slice(0, 3) }).toEqual({ file: path.basename(file), imported: 0, updated: 0, errors: [] });
    }
    const unchanged = diffStates(before, catalogState(catalog));
    expect(unchanged, describeDifferences(unchanged)).toEqual([]);

    // An empty catalog: the same listings, every field equal.
    const fresh = openCatalog(tempDbPath(), { role: 'writer' });
    for (const file of exported) expectEveryRowAccounted(await importInto(fresh, file, { defaultCurrency: currency }));
    const rebuilt = diffStates(before, catalogState(fresh));
    expect(rebuilt, describeDifferences(rebuilt)).toEqual([]);
    fresh.close();
    catalog.close();
  });
});
