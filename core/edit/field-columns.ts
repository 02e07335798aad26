import type { EditableField, ListingChanges } from '../../common/edit-types.js';
import { parseStringArray, parseStringRecord } from '../catalog/listing-codec.js';

export type SqlValue = string | number | null;

/** The column (of the `listing_rows` view) behind each editable field, and whether it holds JSON. */
export const FIELD_COLUMNS: Readonly<Record<EditableField, { column: string; json: 'list' | 'record' | null }>> = {
  title: { column: 'title', json: null },
  description: { column: 'description', json: null },
  priceMinor: { column: 'price_minor', json: null },
  currency: { column: 'currency', json: null },
  quantity: { column: 'quantity', json: null },
  tags: { column: 'tags', json: 'list' },
  materials: { column: 'materials', json: 'list' },
  images: { column: 'images', json: 'list' },
  sku: { column: 'sku', json: null },
  brand: { column: 'brand', json: null },
  condition: { column: 'condition', json: null },
  category: { column: 'category', json: null },
  status: { column: 'status', json: null },
  attributes: { column: 'attributes', json: 'record' },
};

/** Columns stored in `listing_offers` rather than `listings` (migration 006); writes go to their table. */
export const OFFER_COLUMNS: ReadonlySet<string> = new Set(['price_minor', 'currency', 'quantity', 'updated_at']);

export function isEditableField(name: string): name is EditableField {
  return Object.hasOwn(FIELD_COLUMNS, name);
}

/** A field's value as the column stores it (lists and records as JSON text). */
export function toColumnValue(field: EditableField, value: unknown): SqlValue {
  return FIELD_COLUMNS[field].json === null ? (value as SqlValue) : JSON.stringify(value);
}

/** A column's value as the field holds it (JSON parsed defensively, like listing-codec.ts). */
export function fromColumnValue(field: EditableField, raw: unknown): unknown {
  const json = FIELD_COLUMNS[field].json;
  if (json === 'list') return parseStringArray(String(raw));
  if (json === 'record') return parseStringRecord(String(raw));
  return raw;
}

/** The fields of `row` (raw columns) as a partial listing, for the fields asked for. */
export function fieldsFromRow(row: Record<string, unknown>, fields: readonly EditableField[]): ListingChanges {
  const values: Record<string, unknown> = {};
  for (const field of fields) values[field] = fromColumnValue(field, row[FIELD_COLUMNS[field].column]);
  return values as ListingChanges;
}
