import type { MAPPABLE_FIELDS, MappableField } from '../../../common/import-types.js';

/** Words the import wizard shows for fields, confidences and currencies. */

export const FIELD_LABELS: Record<(typeof MAPPABLE_FIELDS)[number], string> = {
  sourceId: 'Marketplace id',
  sku: 'SKU',
  title: 'Title',
  description: 'Description',
  price: 'Price',
  currency: 'Currency',
  quantity: 'Quantity',
  tags: 'Tags',
  materials: 'Materials',
  images: 'Images',
  category: 'Category',
  brand: 'Brand',
  condition: 'Condition',
  status: 'Status',
  variantGroup: 'Variant group (parent)',
  optionName1: 'Option 1 name',
  optionValue1: 'Option 1 value',
  optionName2: 'Option 2 name',
  optionValue2: 'Option 2 value',
  ignore: 'Ignore this column',
};

export function fieldLabel(field: MappableField): string {
  if (field.startsWith('attribute:')) return `Attribute: ${field.slice('attribute:'.length)}`;
  return FIELD_LABELS[field as (typeof MAPPABLE_FIELDS)[number]] ?? field;
}

export const pct = (confidence: number): string => `${Math.round(Math.max(0, Math.min(1, confidence)) * 100)} %`;

const currencyNames = ((): Intl.DisplayNames | null => {
  try {
    return new Intl.DisplayNames(undefined, { type: 'currency' });
  } catch {
    return null;
  }
})();

/** "EUR — Euro" in the seller's language. */
export function currencyLabel(code: string): string {
  const name = currencyNames?.of(code);
  return name !== undefined && name !== code ? `${code} — ${name}` : code;
}
