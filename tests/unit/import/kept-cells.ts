import type { MappedRecord } from '../../../core/import/mapped-record.js';
import { decodeFile } from '../../../core/import/decode-text.js';
import { Columns } from '../../../core/import/listing-draft.js';
import { openTable } from '../../../core/import/read-table.js';
import type { LostCell } from './no-cell-lost.js';

/**
 * The strict half of the "no cell lost" check (no-cell-lost.ts is the value-level half): every
 * non-empty cell of a column the reader does not read into a listing field must come back exactly
 * as written, under its own header, from the record its row went into — in the listing's source
 * columns, a variant's own columns, an image's columns, or as an attribute recorded under that
 * column (attributes are read trimmed). Rows of rejected records are exempt (the report lists them).
 *
 * `read(header)` says which columns the dialect reads into fields (title, price, options…): those
 * are left to the value-level check, since the field holds them changed (a price in minor units,
 * tags split). Works for any table dialect.
 */
export async function unkeptCells(path: string, records: readonly MappedRecord[], read: (header: string) => boolean): Promise<LostCell[]> {
  const byLine = new Map<number, MappedRecord>();
  for (const record of records) for (const line of record.lines) byLine.set(line, record);
  const table = await openTable(await decodeFile(path));
  const lost: LostCell[] = [];
  for await (const row of table.rows) {
    const record = byLine.get(row.line);
    if (record === undefined) {
      lost.push({ line: row.line, column: '(whole row)', value: row.cells.join(' | ').slice(0, 200) });
      continue;
    }
    if (record.kind === 'rejected') continue;
    row.cells.forEach((value, i) => {
      const column = table.header[i] ?? `Column ${i + 1}`;
      if (value.trim() === '' || read(column) || keeps(record.listing, column, value)) return;
      lost.push({ line: row.line, column, value: value.slice(0, 200) });
    });
  }
  return lost;
}

function keeps(listing: Extract<MappedRecord, { kind: 'listing' }>['listing'], column: string, value: string): boolean {
  const source = listing.source;
  if (source?.columns[column] === value) return true;
  if (listing.variants.some((variant) => variant.columns?.[column] === value)) return true;
  if (Object.values(source?.imageColumns ?? {}).some((columns) => columns[column] === value)) return true;
  return Object.entries(source?.attributeColumns ?? {}).some(([name, header]) => header === column && listing.attributes[name] === value.trim());
}

/** A `read` for unkeptCells from header names (compared as Columns.key) and patterns. */
export function readColumns(...names: (string | RegExp)[]): (header: string) => boolean {
  const exact = new Set(names.filter((n): n is string => typeof n === 'string').map((n) => Columns.key(n)));
  const patterns = names.filter((n): n is RegExp => n instanceof RegExp);
  return (header) => exact.has(Columns.key(header)) || patterns.some((p) => p.test(Columns.key(header)));
}
