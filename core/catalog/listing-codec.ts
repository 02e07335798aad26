import type { Selectable } from 'kysely';
import { aiWrittenFromBits, type GridRow, type Listing, type ListingStatus, type Marketplace, type Variant, type VariantOption } from '../../common/listing.js';
import { decodeColumns, decodeListingSource } from './listing-source.js';
import type { ListingRowsView, VariantsTable } from './schema.js';

/** A row of the `listing_rows` view: the whole listing (migration 006 split it over two tables). */
export type ListingRow = Selectable<ListingRowsView>;
export type VariantRow = Selectable<VariantsTable>;

/** The columns a grid row needs (of `listing_rows`), in the order `gridRowFromRaw` reads them. */
export const GRID_ROW_COLUMNS = "id, marketplace, sku, title, price_minor, currency, quantity, status, variant_count, updated_at, quality_score, error_count, images ->> '$[0]'";

export type GridRowRaw = [
  id: number,
  marketplace: string,
  sku: string | null,
  title: string,
  priceMinor: number | null,
  currency: string,
  quantity: number | null,
  status: string,
  variantCount: number,
  updatedAt: number,
  qualityScore: number | null,
  errorCount: number | null,
  mainImage: string | null,
];

// marketplace and status are guarded by CHECK constraints, so the casts below are sound.
export function gridRowFromRaw(raw: GridRowRaw): GridRow {
  return {
    id: raw[0],
    marketplace: raw[1] as Marketplace,
    sku: raw[2],
    title: raw[3],
    priceMinor: raw[4],
    currency: raw[5],
    quantity: raw[6],
    status: raw[7] as ListingStatus,
    variantCount: raw[8],
    updatedAt: raw[9],
    score: raw[10],
    errors: raw[11],
    pendingProposals: false,
    mainImage: typeof raw[12] === 'string' ? raw[12] : null,
  };
}

/** `source` is the listing's `listing_sources.data` (undefined when not read or absent). */
export function listingFromRows(row: ListingRow, variants: readonly VariantRow[], source?: string | null): Listing {
  const kept = decodeListingSource(source);
  return {
    id: row.id,
    marketplace: row.marketplace,
    sourceId: row.source_id,
    sku: row.sku,
    title: row.title,
    description: row.description,
    priceMinor: row.price_minor,
    currency: row.currency,
    quantity: row.quantity,
    tags: parseStringArray(row.tags),
    materials: parseStringArray(row.materials),
    images: parseStringArray(row.images),
    category: row.category,
    brand: row.brand,
    condition: row.condition,
    attributes: parseStringRecord(row.attributes),
    variants: variants.map(variantFromRow),
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.ai_fields ? { aiWritten: aiWrittenFromBits(row.ai_fields) } : {}),
    ...(kept ? { source: kept } : {}),
  };
}

export function variantFromRow(row: VariantRow): Variant {
  return {
    id: row.id,
    sku: row.sku,
    options: parseVariantOptions(row.options),
    priceMinor: row.price_minor,
    quantity: row.quantity,
    image: row.image,
    ...(columnsOf(row) ?? {}),
  };
}

function columnsOf(row: VariantRow): { columns: Record<string, string> } | undefined {
  const columns = decodeColumns(row.columns);
  return columns ? { columns } : undefined;
}

/*
 * JSON columns are checked to be arrays/objects by the schema, but their elements are not: an
 * importer bug or a hand-edited file must degrade to "fewer tags", never to a crash in the UI.
 */

export function parseStringArray(text: string): string[] {
  const value = parseJson(text);
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string');
}

export function parseStringRecord(text: string): Record<string, string> {
  const value = parseJson(text);
  const record: Record<string, string> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return record;
  for (const [name, item] of Object.entries(value)) {
    if (typeof item === 'string') record[name] = item;
    else if (typeof item === 'number' || typeof item === 'boolean') record[name] = String(item);
  }
  return record;
}

export function parseVariantOptions(text: string): VariantOption[] {
  const value = parseJson(text);
  if (!Array.isArray(value)) return [];
  const options: VariantOption[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) continue;
    const { name, value: optionValue } = item as { name?: unknown; value?: unknown };
    if (typeof name === 'string' && typeof optionValue === 'string') options.push({ name, value: optionValue });
  }
  return options;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
