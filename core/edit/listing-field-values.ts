import { EDITABLE_FIELDS, type EditableField } from '../../common/edit-types.js';
import type { Listing, ListingSource } from '../../common/listing.js';
import type { NewVariant } from '../catalog/insert-listings.js';
import { parseStringArray, parseStringRecord, parseVariantOptions } from '../catalog/listing-codec.js';
import { decodeColumns, decodeListingSource, encodeColumns, encodeListingSource } from '../catalog/listing-source.js';

/**
 * Every listing field an import's revision may record (apply-import-diff.ts): the editable ones
 * plus the marketplace id, the variants and what the source file held.
 */
export type ListingField = EditableField | 'sourceId' | 'variants' | 'source';
export const LISTING_FIELDS: readonly ListingField[] = [...EDITABLE_FIELDS, 'sourceId', 'variants', 'source'];

const FIELD_SET = new Set<string>(LISTING_FIELDS);
export function isListingField(name: string): name is ListingField {
  return FIELD_SET.has(name);
}

const NULLABLE_TEXT = new Set<ListingField>(['sourceId', 'sku', 'brand', 'condition', 'category']);
const NUMBERS = new Set<ListingField>(['priceMinor', 'quantity']);
const LISTS = new Set<ListingField>(['tags', 'materials', 'images']);

/**
 * A field's value in the form the catalog stores and reads back, so that a revision's JSON and a
 * stored listing compare equal exactly when they hold the same: lists of strings, records of
 * strings, variants without their row ids (empty kept columns dropped), a source without the
 * parts a stored one omits, and null for "none".
 */
export function storedForm(field: ListingField, value: unknown): unknown {
  if (NULLABLE_TEXT.has(field)) return typeof value === 'string' ? value : null;
  if (NUMBERS.has(field)) return typeof value === 'number' ? value : null;
  if (LISTS.has(field)) return parseStringArray(JSON.stringify(Array.isArray(value) ? value : []));
  if (field === 'attributes') return parseStringRecord(JSON.stringify(value ?? {}));
  if (field === 'variants') return Array.isArray(value) ? value.map(storedVariant) : [];
  if (field === 'source') return decodeListingSource(encodeListingSource(isObject(value) ? (value as unknown as ListingSource) : undefined)) ?? null;
  return value ?? null;
}

/** Two values of a field hold the same (compared in their stored form, object keys in any order). */
export function sameStoredValue(field: ListingField, a: unknown, b: unknown): boolean {
  return canonical(storedForm(field, a)) === canonical(storedForm(field, b));
}

/** The listing's value of a field (its stored form). */
export function fieldOf(listing: Listing, field: ListingField): unknown {
  return storedForm(field, field === 'source' ? (listing.source ?? null) : listing[field]);
}

function storedVariant(value: unknown): NewVariant {
  const variant = isObject(value) ? value : {};
  const columns = decodeColumns(encodeColumns(isObject(variant.columns) ? (variant.columns as Record<string, string>) : undefined));
  return {
    sku: typeof variant.sku === 'string' ? variant.sku : null,
    options: parseVariantOptions(JSON.stringify(variant.options ?? [])),
    priceMinor: typeof variant.priceMinor === 'number' ? variant.priceMinor : null,
    quantity: typeof variant.quantity === 'number' ? variant.quantity : null,
    image: typeof variant.image === 'string' ? variant.image : null,
    ...(columns ? { columns } : {}),
  };
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    isObject(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : item,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
