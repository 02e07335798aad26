import type { MAPPABLE_FIELDS, MappableField } from '../../../../common/import-types.js';
import { FIELD_TITLES } from '../../../../common/edit/field-labels.js';

/** Words the import wizard shows for fields, confidences and currencies. */

/** The import's own choices, beside the listing fields (whose names come from common/edit/field-labels). */
const MAPPING_LABELS = {
  sourceId: 'Marketplace id',
  variantGroup: 'Variant group (parent)',
  optionName1: 'Option 1 name',
  optionValue1: 'Option 1 value',
  optionName2: 'Option 2 name',
  optionValue2: 'Option 2 value',
  ignore: 'Ignore this column',
} as const satisfies Partial<Record<(typeof MAPPABLE_FIELDS)[number], string>>;

type ListingMappable = Exclude<(typeof MAPPABLE_FIELDS)[number], keyof typeof MAPPING_LABELS>;

export const FIELD_LABELS: Readonly<Record<(typeof MAPPABLE_FIELDS)[number], string>> = { ...(FIELD_TITLES satisfies Record<ListingMappable, string>), ...MAPPING_LABELS };

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
