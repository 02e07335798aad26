import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ExportFormat, ExportSummary } from '../../../common/import-types.js';
import type { Listing } from '../../../common/listing.js';
import { insertListings, type NewListing } from '../../../core/catalog/insert-listings.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { exportListings } from '../../../core/export/export-listings.js';
import type { ExportSettings } from '../../../core/export/target.js';
import { applyImport } from '../../../core/import/apply-import.js';
import { openImportSource } from '../../../core/import/open-import-source.js';
import { tempDbPath, tempDir } from '../catalog/temp-catalog.js';
import { readAllListings } from '../fidelity/catalog-state.js';
import { fixture } from '../import/helpers.js';

/** A catalog holding these listings (as the catalog stores them, `source` included). */
export function catalogWith(listings: NewListing[]): Catalog {
  const catalog = openCatalog(tempDbPath(), { role: 'writer' });
  insertListings(catalog.db, listings);
  return catalog;
}

/** Imports a file (or inline text) into the catalog, as a seller would (USD where the file states no currency). */
export async function importInto(catalog: Catalog, file: string, options: { currency?: string; matchBy?: 'key' | 'title' } = {}): Promise<void> {
  const fileName = path.basename(file);
  const source = await openImportSource(file, { fileName, defaultCurrency: options.currency ?? 'USD' });
  await applyImport(catalog, source, { fileName, operationId: 'test', ...(options.matchBy ? { matchBy: options.matchBy } : {}) });
}

export async function catalogFromText(text: string | Uint8Array, options: { currency?: string; ext?: string } = {}): Promise<Catalog> {
  const catalog = openCatalog(tempDbPath(), { role: 'writer' });
  await importInto(catalog, fixture(text, options.ext ?? 'csv'), options);
  return catalog;
}

export interface WrittenFile {
  name: string;
  path: string;
  header: string[];
  rows: string[][];
  /** The cell of `row` under `column` ('' when the file has no such column). */
  at(row: string[], column: string): string;
}

/** Reads an exported CSV/TSV back with an independent parser. */
export function readExported(file: string): WrittenFile {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const tsv = file.endsWith('.tsv');
  const [header = [], ...rows] = parse(text, { delimiter: tsv ? '\t' : ',', quote: tsv ? false : '"', relax_column_count: true }) as string[][];
  return { name: path.basename(file), path: file, header, rows, at: (row, column) => (header.includes(column) ? (row[header.indexOf(column)] ?? '') : '') };
}

export async function exportAll(catalog: Catalog, format: ExportFormat, settings: ExportSettings = {}): Promise<{ summary: ExportSummary; files: WrittenFile[] }> {
  const extension = format === 'google_merchant' ? 'tsv' : format === 'jsonl' ? 'jsonl' : 'csv';
  const outPath = path.join(tempDir(), `export.${extension}`);
  const summary = await exportListings(catalog, { format, scope: { kind: 'all' }, outPath, ...settings });
  return { summary, files: format === 'jsonl' ? [] : summary.files.map((file) => readExported(file.path)) };
}

/** Every exported file imported into a fresh catalog: what a marketplace (or Listsmith) reads back. */
export async function reimport(summary: ExportSummary, currency = 'USD'): Promise<Listing[]> {
  const fresh = openCatalog(tempDbPath(), { role: 'writer' });
  for (const file of summary.files) await importInto(fresh, file.path, { currency });
  const listings = readAllListings(fresh);
  fresh.close();
  return listings;
}
