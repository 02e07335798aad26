import type { ExportFormat } from '../../common/import-types.js';
import type { Listing } from '../../common/listing.js';

/**
 * One cell as a format produces it:
 * - a string or number: the value;
 * - `null` (or the key missing from a full row): the listing LACKS this field — the column is then
 *   left out of the whole file (see plan.ts: a blank would erase the value on the marketplace);
 * - `undefined` (key present): not applicable on this row (a Shopify variant row's product
 *   fields, a simple product's Parent), where a blank is the format's normal, harmless spelling.
 */
export type Cell = string | number | null | undefined;

export interface OutputRow {
  cells: Record<string, Cell>;
  /** Image-only or continuation rows: keys not given are "not applicable", never "lacking". */
  partial?: boolean;
}

export interface Column {
  key: string;
  header: string;
  /** Numbers are validated and written plainly (never prefixed against spreadsheet formulas). */
  type: 'text' | 'number';
  /** Written even when some listings lack it (structural columns: handle, action, ID…). */
  always?: boolean;
}

/** A change the export makes to fit the format (shortened, dropped), shown before writing. */
export interface Change {
  column: string | null;
  message: string;
}

export type Checked = { ok: true; listing: Listing; changes: Change[] } | { ok: false; reason: string; column: string | null };

export interface ExportTarget {
  format: ExportFormat;
  /** csv = comma-separated (RFC 4180, CRLF); tsv = tab-separated; jsonl = one JSON object per line. */
  kind: 'csv' | 'tsv' | 'jsonl';
  /** UTF-8 byte order mark first, so Excel reads UTF-8 instead of the ANSI code page. */
  bom: boolean;
  extension: 'csv' | 'tsv' | 'jsonl';
  /** Columns in file order; keys rows use that are not listed here go through `dynamicColumn`. */
  columns: readonly Column[];
  /** Columns named by data (eBay `C:` item specifics, WooCommerce attributes), after the static ones. */
  dynamicColumn?(key: string): Column | null;
  /** Validates against the marketplace's hard limits; may return a fitted copy with its changes. */
  check(listing: Listing): Checked;
  rows(listing: Listing): OutputRow[];
}
