import type { EditableField } from '../edit-types.js';

/** How a seller calls each editable field, for summaries and messages ("Edited price of …"). */
export const FIELD_LABELS: Readonly<Record<EditableField, string>> = {
  title: 'title',
  description: 'description',
  priceMinor: 'price',
  currency: 'currency',
  quantity: 'quantity',
  tags: 'tags',
  materials: 'materials',
  images: 'photos',
  sku: 'SKU',
  brand: 'brand',
  condition: 'condition',
  category: 'category',
  status: 'status',
  attributes: 'item specifics',
};
