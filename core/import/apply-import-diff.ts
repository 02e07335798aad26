import type { ListingSource, ListingStatus, Marketplace } from '../../common/listing.js';
import type { NewListing, NewVariant } from '../catalog/insert-listings.js';
import { parseStringArray, parseStringRecord, parseVariantOptions } from '../catalog/listing-codec.js';
import { decodeColumns, decodeListingSource, sameColumns, sameSource } from '../catalog/listing-source.js';

/** A listing row as the importer reads it back (raw columns, JSON as text) with its variants. */
export interface StoredListing {
  id: number;
  marketplace: Marketplace;
  source_id: string | null;
  sku: string | null;
  title: string;
  description: string;
  price_minor: number | null;
  currency: string;
  quantity: number | null;
  tags: string;
  materials: string;
  images: string;
  category: string | null;
  brand: string | null;
  condition: string | null;
  attributes: string;
  status: ListingStatus;
  created_at: number;
  updated_at: number;
  /** `listing_sources.data`, or null. */
  source: string | null;
  variants: { sku: string | null; options: string; price_minor: number | null; quantity: number | null; image: string | null; columns: string | null }[];
}

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

export function storedToNew(stored: StoredListing): NewListing {
  return {
    marketplace: stored.marketplace,
    sourceId: stored.source_id,
    sku: stored.sku,
    title: stored.title,
    description: stored.description,
    priceMinor: stored.price_minor,
    currency: stored.currency,
    quantity: stored.quantity,
    tags: parseStringArray(stored.tags),
    materials: parseStringArray(stored.materials),
    images: parseStringArray(stored.images),
    category: stored.category,
    brand: stored.brand,
    condition: stored.condition,
    attributes: parseStringRecord(stored.attributes),
    variants: stored.variants.map((variant) => {
      const columns = decodeColumns(variant.columns);
      return {
        sku: variant.sku,
        options: parseVariantOptions(variant.options),
        priceMinor: variant.price_minor,
        quantity: variant.quantity,
        image: variant.image,
        ...(columns ? { columns } : {}),
      };
    }),
    status: stored.status,
    createdAt: stored.created_at,
    updatedAt: stored.updated_at,
    ...sourceField(decodeListingSource(stored.source)),
  };
}

function sourceField(source: ListingSource | undefined): { source?: ListingSource } {
  return source ? { source } : {};
}

/**
 * The listing an import leaves behind when a file row matches a stored listing (`before`), and
 * also what two rows of one file naming the same listing merge into.
 *
 * An empty value in the file never erases a stored one (the catalog may have learned it from
 * another file, or the seller typed it): null/blank scalars, empty lists and an empty variant
 * list keep what the catalog holds, and attributes and kept source columns merge (the file's win
 * per name). Title, currency and status are always given by the parsers and always taken.
 */
export function mergeIncoming(before: NewListing, incoming: NewListing): NewListing {
  const source = mergeSource(before, incoming);
  return {
    marketplace: before.marketplace,
    sourceId: present(incoming.sourceId) ?? before.sourceId,
    sku: present(incoming.sku) ?? before.sku,
    title: incoming.title,
    description: incoming.description !== '' ? incoming.description : before.description,
    priceMinor: incoming.priceMinor ?? before.priceMinor,
    currency: incoming.currency,
    quantity: incoming.quantity ?? before.quantity,
    tags: incoming.tags.length > 0 ? [...incoming.tags] : before.tags,
    materials: incoming.materials.length > 0 ? [...incoming.materials] : before.materials,
    images: incoming.images.length > 0 ? [...incoming.images] : before.images,
    category: present(incoming.category) ?? before.category,
    brand: present(incoming.brand) ?? before.brand,
    condition: present(incoming.condition) ?? before.condition,
    attributes: { ...before.attributes, ...incoming.attributes },
    variants: incoming.variants.length > 0 ? mergeVariants(before.variants, incoming.variants) : before.variants,
    status: incoming.status,
    createdAt: before.createdAt,
    updatedAt: before.updatedAt,
    ...(source ? { source } : {}),
  };
}

/**
 * Kept columns merge like attributes (the file's win per name, none erased); a field is unknown
 * only while no file has had a column for it; the status word is the file's.
 */
function mergeSource(before: NewListing, incoming: NewListing): ListingSource | undefined {
  const a = before.source;
  const b = incoming.source;
  if (!b) return a;
  if (!a) {
    // The stored listing was not imported (typed in, demo data): every field of it is known.
    const { unknown: _unknown, ...known } = b;
    return known;
  }
  const merged: ListingSource = { dialect: b.dialect, columns: { ...a.columns, ...inSpellingOf(a.columns, b.columns) } };
  const layout = b.layout ?? (a.dialect === b.dialect ? a.layout : undefined);
  if (layout !== undefined) merged.layout = layout;
  const attributeColumns = { ...a.attributeColumns, ...b.attributeColumns };
  // An attribute read back from the same column spelled another way keeps its first spelling.
  for (const [name, column] of Object.entries(a.attributeColumns ?? {})) {
    if (b.attributeColumns?.[name] !== undefined && looseHeader(b.attributeColumns[name]) === looseHeader(column)) attributeColumns[name] = column;
  }
  if (Object.keys(attributeColumns).length > 0) merged.attributeColumns = attributeColumns;
  const imageColumns = { ...a.imageColumns, ...b.imageColumns };
  if (Object.keys(imageColumns).length > 0) merged.imageColumns = imageColumns;
  const unknown = (b.unknown ?? []).filter((field) => (a.unknown ?? []).includes(field));
  if (unknown.length > 0) merged.unknown = unknown;
  if (b.status !== undefined) merged.status = b.status;
  return merged;
}

/**
 * Header spellings of one column across eBay's generations and our own export: `*ConditionID`,
 * `Condition ID`, `*Format`, `Format` (required marks, case and spaces aside).
 */
function looseHeader(header: string): string {
  return header.replace(/^\*/, '').toLowerCase().replace(/\s+/g, '');
}

/** `incoming` kept columns, each under the stored spelling of its column when the stored source has one. */
function inSpellingOf(stored: Record<string, string>, incoming: Record<string, string>): Record<string, string> {
  const spelling = new Map(Object.keys(stored).map((header) => [looseHeader(header), header]));
  return Object.fromEntries(Object.entries(incoming).map(([header, value]) => [spelling.get(looseHeader(header)) ?? header, value]));
}

/**
 * Variants are replaced by the file's, but a file variant that is a stored one keeps the stored
 * values the file leaves empty (a SKU column an export left out), and its kept columns merge. A
 * variant is the stored one with the same SKU when that SKU names one variant on both sides
 * (sellers do reuse a SKU across a product's variants), else the one with the same options, else
 * the one at the same position with the same options.
 */
function mergeVariants(stored: readonly NewVariant[], incoming: readonly NewVariant[]): NewVariant[] {
  const uniqueSku = (variants: readonly NewVariant[]): Map<string, NewVariant> => {
    const counts = new Map<string, number>();
    for (const variant of variants) if (present(variant.sku) !== null) counts.set(variant.sku!, (counts.get(variant.sku!) ?? 0) + 1);
    return new Map(variants.filter((variant) => counts.get(variant.sku ?? '') === 1).map((variant) => [variant.sku!, variant]));
  };
  const storedBySku = uniqueSku(stored);
  const incomingBySku = uniqueSku(incoming);
  return incoming.map((variant, index) => {
    const bySku = variant.sku !== null && incomingBySku.has(variant.sku) ? storedBySku.get(variant.sku) : undefined;
    const match = bySku ?? stored.find((candidate) => sameOptions(candidate, variant)) ?? (stored[index] && sameOptions(stored[index], variant) ? stored[index] : undefined);
    if (!match) return variant;
    const columns = { ...match.columns, ...variant.columns };
    return {
      sku: present(variant.sku) ?? match.sku,
      options: variant.options,
      priceMinor: variant.priceMinor ?? match.priceMinor,
      quantity: variant.quantity ?? match.quantity,
      image: present(variant.image) ?? match.image,
      ...(Object.keys(columns).length > 0 ? { columns } : {}),
    };
  });
}

function sameOptions(a: NewVariant, b: NewVariant): boolean {
  return a.options.length === b.options.length && a.options.every((option, at) => option.name === b.options[at]!.name && option.value === b.options[at]!.value);
}

function present(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value;
}

const SCALARS = ['sourceId', 'sku', 'title', 'description', 'priceMinor', 'currency', 'quantity', 'category', 'brand', 'condition', 'status'] as const;
const LISTS = ['tags', 'materials', 'images'] as const;

/** field → {before, after} for every field that differs (dates are not compared), or null. */
export function diffListing(before: NewListing, after: NewListing): FieldChanges | null {
  const changes: FieldChanges = {};
  for (const field of SCALARS) {
    if (before[field] !== after[field]) changes[field] = { before: before[field], after: after[field] };
  }
  for (const field of LISTS) {
    if (!sameList(before[field], after[field])) changes[field] = { before: before[field], after: after[field] };
  }
  if (!sameRecord(before.attributes, after.attributes)) changes.attributes = { before: before.attributes, after: after.attributes };
  if (!sameVariants(before.variants, after.variants)) changes.variants = { before: before.variants, after: after.variants };
  if (!sameSource(before.source, after.source)) changes.source = { before: before.source ?? null, after: after.source ?? null };
  return Object.keys(changes).length > 0 ? changes : null;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function sameRecord(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key]);
}

function sameVariants(a: readonly NewVariant[], b: readonly NewVariant[]): boolean {
  return (
    a.length === b.length &&
    a.every((variant, index) => {
      const other = b[index]!;
      return (
        variant.sku === other.sku &&
        variant.priceMinor === other.priceMinor &&
        variant.quantity === other.quantity &&
        variant.image === other.image &&
        sameOptions(variant, other) &&
        sameColumns(variant.columns, other.columns)
      );
    })
  );
}
