import type { EditableField } from '../edit-types.js';

/**
 * A field under every name the code gives it: listings and revisions say `priceMinor`, the rules
 * engine, the editor's draft and the import mapping say `price`; revisions also record `variants`.
 */
export type LabeledField = EditableField | 'price' | 'variants';

/**
 * How a seller calls each field, in the middle of a sentence ("Edited price of …"). The one table of
 * field names: every screen and message takes its words from here (FIELD_TITLES for headings), so
 * a field has one name everywhere ("images", not "photos" in one place and "Images" in another).
 */
export const FIELD_LABELS: Readonly<Record<LabeledField, string>> = {
  title: 'title',
  description: 'description',
  priceMinor: 'price',
  price: 'price',
  currency: 'currency',
  quantity: 'quantity',
  tags: 'tags',
  materials: 'materials',
  images: 'images',
  sku: 'SKU',
  brand: 'brand',
  condition: 'condition',
  category: 'category',
  status: 'status',
  attributes: 'item specifics',
  variants: 'variants',
};

/** The same names as headings and form labels: "Title", "SKU", "Item specifics". */
export const FIELD_TITLES = Object.fromEntries(Object.entries(FIELD_LABELS).map(([field, label]) => [field, label.charAt(0).toUpperCase() + label.slice(1)])) as Readonly<
  Record<LabeledField, string>
>;

/** A field's heading, for names that come as plain strings (a revision's keys, a rule id's part); null when the name is not a field. */
export function fieldTitle(field: string): string | null {
  return Object.hasOwn(FIELD_TITLES, field) ? FIELD_TITLES[field as LabeledField] : null;
}
