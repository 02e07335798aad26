import type { EditableField } from '../edit-types.js';
import type { RuleField } from '../rules/index.js';

/** The rules-engine field each editable field is checked as (currency, category, status have no rules). */
export const RULE_FIELD_OF: Readonly<Record<EditableField, RuleField | null>> = {
  title: 'title',
  description: 'description',
  priceMinor: 'price',
  currency: null,
  quantity: 'quantity',
  tags: 'tags',
  materials: 'materials',
  images: 'images',
  sku: 'sku',
  brand: 'brand',
  condition: 'condition',
  category: null,
  status: null,
  attributes: 'attributes',
};
