import type { ExportFormat } from '../../common/import-types.js';
import type { Listing } from '../../common/listing.js';
import { flatFileNameOf } from '../import/amazon-attribute-keys.js';
import { normaliseStatus } from '../import/values.js';
import { isPlainNumber } from './cells.js';
import type { Column, ExportTarget, OutputRow } from './target.js';

/**
 * Writing back what Listsmith does not model (docs/FIDELITY.md §3): a listing exported to the
 * format family it was imported from gets its kept source columns under their original headers,
 * so that export is lossless for the whole row. A value the format writes itself wins over a
 * kept column of the same header, except in `derived` columns (defaults such as Shopify's
 * inventory tracker), where the file's own value is the truer one.
 */

/** Kept columns are written under this key prefix + their header (dynamic columns, after the format's own). */
export const KEPT_KEY = '@';

/** The export format each import dialect writes back to. */
const FAMILY: Readonly<Record<string, ExportFormat>> = {
  shopify: 'shopify',
  etsy: 'etsy',
  etsy_api: 'etsy',
  ebay_seller_hub: 'ebay_seller_hub',
  ebay_report: 'ebay_seller_hub',
  amazon_flat_file: 'amazon_flat_file',
  amazon_all_listings: 'amazon_flat_file',
  woocommerce: 'woocommerce',
  google_merchant: 'google_merchant',
};

function familyOf(format: ExportFormat): ExportFormat {
  if (format === 'shopify_legacy') return 'shopify';
  return format === 'google_merchant_xml' ? 'google_merchant' : format;
}

/** The listing came from a file of this format's family: its kept columns go back into it. */
export function writesBack(listing: Listing, format: ExportFormat): boolean {
  const dialect = listing.source?.dialect;
  return dialect !== undefined && FAMILY[dialect] === familyOf(format);
}

/** The header under which an attribute goes back to its own format, or null (the format writes it its own way). */
export function attributeColumn(listing: Listing, format: ExportFormat, name: string): string | null {
  return writesBack(listing, format) ? (listing.source?.attributeColumns?.[name] ?? null) : null;
}

/** A kept source column of the listing's own row by header (as headerKey compares them), when it goes back to this format. */
export function keptCell(listing: Listing, format: ExportFormat, header: string): string | undefined {
  if (!writesBack(listing, format)) return undefined;
  const key = headerKey(header);
  for (const [name, value] of Object.entries(listing.source?.columns ?? {})) if (headerKey(name) === key) return value;
  return undefined;
}

/** How headers compare: case, a leading `*` (eBay's required mark) and spacing do not matter. */
export function headerKey(header: string): string {
  return header.replace(/^\*/, '').trim().toLowerCase().replace(/\s+/g, ' ');
}

const staticColumns = new WeakMap<ExportTarget, Map<string, Column>>();

function columnsByHeader(target: ExportTarget): Map<string, Column> {
  let map = staticColumns.get(target);
  if (!map) {
    map = new Map(target.columns.map((column) => [headerKey(column.header), column]));
    for (const [header, key] of Object.entries(target.aliases ?? {})) {
      const column = target.columns.find((candidate) => candidate.key === key);
      if (column && !map.has(headerKey(header))) map.set(headerKey(header), column);
    }
    staticColumns.set(target, map);
  }
  return map;
}

/** The listing's source status word and its column, while its status still maps from it (and the column can hold it). */
function keptStatus(target: ExportTarget, listing: Listing): { key: string; word: string } | null {
  const word = listing.source?.status;
  const key = target.statusKey;
  if (word === undefined || key === undefined || normaliseStatus(word) !== listing.status) return null;
  const column = target.columns.find((c) => c.key === key);
  return column?.type === 'number' && !isPlainNumber(word) ? null : { key, word };
}

/**
 * Adds the listing's kept columns to its rows when it goes back to its own format family: the
 * listing's own row gets `source.columns`, its attributes under `attributeColumns` (the current,
 * possibly edited value; a removed attribute is written blank) and its source status word;
 * variant rows their `variant.columns`; image rows their `imageColumns`.
 */
export function withKeptColumns(target: ExportTarget, listing: Listing, rows: OutputRow[]): OutputRow[] {
  const source = listing.source;
  if (!source || !writesBack(listing, target.format)) return rows;
  const own = columnsByHeader(target);
  /** `wins`: this value replaces what the row has (a variant's own value over its listing's). */
  const put = (row: OutputRow, header: string, value: string, wins = false): void => {
    const cells = row.cells;
    if (target.uploadable && !target.uploadable(header, listing)) return;
    const column = own.get(headerKey(header)) ?? ownByPath(target, listing, header);
    if (column) {
      // The format's own value wins. Where it has none (a field the reader could not read is kept
      // as written: "15 000 Fcfa", "n/a"), the kept cell is the truth and fills the column.
      const current = cells[column.key];
      if (wins || column.derived || current === undefined || current === null || current === '') setKept(row, column.key, value);
      return;
    }
    const key = KEPT_KEY + header;
    if (wins || !(key in row.cells)) setKept(row, key, value);
  };
  const status = keptStatus(target, listing);
  for (const row of rows) {
    if (row.listingRow) {
      for (const [name, header] of Object.entries(source.attributeColumns ?? {})) put(row, header, listing.attributes[name] ?? '');
      for (const [header, value] of Object.entries(source.columns)) put(row, header, value);
      if (status !== null && status.key in row.cells) row.cells[status.key] = status.word;
    }
    if (row.variant?.columns) for (const [header, value] of Object.entries(row.variant.columns)) put(row, header, value, row.variantColumnsWin === true);
    const imageColumns = row.image === undefined ? undefined : source.imageColumns?.[row.image];
    if (imageColumns) for (const [header, value] of Object.entries(imageColumns)) put(row, header, value);
  }
  return rows;
}

/**
 * An Amazon column kept under an attribute path spelled otherwise than the export writes it
 * (`parentage_level#1.value` where the export writes `parentage_level[marketplace_id=…]#1.value`):
 * the format's own column it is, so the listing does not get the column twice.
 */
function ownByPath(target: ExportTarget, listing: Listing, header: string): Column | undefined {
  if (target.format !== 'amazon_flat_file' || listing.source?.dialect !== 'amazon_flat_file') return undefined;
  const name = flatFileNameOf(header);
  return name === null ? undefined : target.columns.find((column) => column.key === name);
}

/** A cell written exactly as its file had it: text even in a number column (see OutputRow.verbatim). */
function setKept(row: OutputRow, key: string, value: string): void {
  row.cells[key] = value;
  (row.verbatim ??= new Set()).add(key);
}

/** A kept or data-named column (`@Variant Grams`, `@C:Colour`): plain text under its own header. */
export function keptColumn(key: string): Column | null {
  return key.startsWith(KEPT_KEY) ? { key, header: key.slice(KEPT_KEY.length), type: 'text' } : null;
}
