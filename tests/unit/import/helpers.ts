import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RowProblem } from '../../../common/import-types.js';
import type { NewListing } from '../../../core/catalog/insert-listings.js';
import type { ImportSource, MappedRecord } from '../../../core/import/mapped-record.js';
import { openImportSource, type OpenImportOptions } from '../../../core/import/open-import-source.js';

export const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
export { corpusFiles, corpusPath } from '../../corpus-files.js';

const dir = mkdtempSync(join(tmpdir(), 'listsmith-import-'));
let n = 0;
/** Writes a fixture (string = UTF-8, or raw bytes) to a temp file and returns its path. */
export function fixture(content: string | Uint8Array, ext = 'csv'): string {
  const path = join(dir, `f${++n}.${ext}`);
  writeFileSync(path, content);
  return path;
}

export interface Collected {
  source: ImportSource;
  records: MappedRecord[];
  listings: (NewListing & { lines: number[]; warnings: RowProblem[] })[];
  rejected: (RowProblem & { lines: number[] })[];
}

export async function collect(path: string, options: Partial<OpenImportOptions> = {}): Promise<Collected> {
  const source = await openImportSource(path, { fileName: path.split('/').pop() ?? 'file', now: 1_700_000_000_000, ...options });
  const records: MappedRecord[] = [];
  for await (const record of source.records) records.push(record);
  const listings: Collected['listings'] = [];
  const rejected: Collected['rejected'] = [];
  for (const r of records) {
    if (r.kind === 'listing') listings.push({ ...r.listing, lines: r.lines, warnings: r.warnings });
    else rejected.push({ lines: r.lines, ...r.problem });
  }
  return { source, records, listings, rejected };
}

export async function importText(text: string | Uint8Array, options: Partial<OpenImportOptions> = {}, ext = 'csv'): Promise<Collected> {
  return collect(fixture(text, ext), options);
}
