import { SOURCE_FIELDS, type ListingSource, type SourceField } from '../../common/listing.js';

/**
 * Encoding of `listing_sources.data` and `variants.columns` (migration 007). Decoding is defensive
 * like listing-codec.ts: a damaged row degrades to "no kept columns", never to a crash.
 */

const KNOWN_FIELDS = new Set<string>(SOURCE_FIELDS);

/** The JSON stored for a listing's source, or null when the listing has none (not imported). */
export function encodeListingSource(source: ListingSource | undefined): string | null {
  return source ? JSON.stringify(source) : null;
}

export function decodeListingSource(text: string | null | undefined): ListingSource | undefined {
  if (!text) return undefined;
  const value = parseObject(text);
  if (!value || typeof value.dialect !== 'string') return undefined;
  const source: ListingSource = { dialect: value.dialect, columns: stringRecord(value.columns) };
  if (typeof value.layout === 'string') source.layout = value.layout;
  const attributeColumns = stringRecord(value.attributeColumns);
  if (Object.keys(attributeColumns).length > 0) source.attributeColumns = attributeColumns;
  if (isObject(value.imageColumns)) {
    const images: Record<string, Record<string, string>> = {};
    for (const [url, columns] of Object.entries(value.imageColumns)) {
      const record = stringRecord(columns);
      if (Object.keys(record).length > 0) images[url] = record;
    }
    if (Object.keys(images).length > 0) source.imageColumns = images;
  }
  if (Array.isArray(value.unknown)) {
    const unknown = value.unknown.filter((field): field is SourceField => typeof field === 'string' && KNOWN_FIELDS.has(field));
    if (unknown.length > 0) source.unknown = unknown;
  }
  if (typeof value.status === 'string') source.status = value.status;
  return source;
}

/** `variants.columns`: null when the variant keeps none. */
export function encodeColumns(columns: Record<string, string> | undefined): string | null {
  return columns && Object.keys(columns).length > 0 ? JSON.stringify(columns) : null;
}

export function decodeColumns(text: string | null | undefined): Record<string, string> | undefined {
  if (!text) return undefined;
  const record = stringRecord(parseObject(text));
  return Object.keys(record).length > 0 ? record : undefined;
}

/**
 * Per-row upload instructions a file carries, not listing data: eBay's `Action(…)` column (Add,
 * Revise, Draft…) and Amazon's `update_delete`. An export writes its own; reading them back must
 * not count as a change to the listing.
 */
const ENVELOPE_COLUMN = /^\*?action(\(|$)|^update_delete$/i;

export function isEnvelopeColumn(header: string): boolean {
  return ENVELOPE_COLUMN.test(header.trim());
}

/**
 * What of a source is the seller's data: its kept columns (without the envelope), attribute and
 * image columns, unknown fields and status word. The format it came in (dialect, header
 * generation) is how the data travelled, not part of it: a listing read back from the file Listsmith
 * wrote for it is unchanged even when that file is another dialect of its marketplace.
 */
export function sourceContent(source: ListingSource | undefined): Omit<ListingSource, 'dialect' | 'layout'> | undefined {
  if (!source) return undefined;
  const { dialect: _dialect, layout: _layout, columns, ...rest } = source;
  const content = { ...rest, columns: Object.fromEntries(Object.entries(columns).filter(([header]) => !isEnvelopeColumn(header))) };
  const empty = Object.keys(content.columns).length === 0 && Object.values(rest).every((value) => value === undefined);
  return empty ? undefined : content;
}

/** Two sources hold the same seller data (key order aside): the importer's "unchanged" test. */
export function sameSource(a: ListingSource | undefined, b: ListingSource | undefined): boolean {
  return canonical(sourceContent(a)) === canonical(sourceContent(b));
}

export function sameColumns(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  return canonical(a && Object.keys(a).length > 0 ? a : undefined) === canonical(b && Object.keys(b).length > 0 ? b : undefined);
}

function canonical(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value, (_key, item: unknown) => {
    if (isObject(item) && !Array.isArray(item)) {
      return Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return item;
  });
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringRecord(value: unknown): Record<string, string> {
  const record: Record<string, string> = {};
  if (!isObject(value)) return record;
  for (const [name, item] of Object.entries(value)) if (typeof item === 'string') record[name] = item;
  return record;
}
