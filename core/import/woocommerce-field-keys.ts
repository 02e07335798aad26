import { englishHeader } from './canonical-headers.js';

/**
 * WooCommerce's own field keys as headers (`regular_price`, `stock_quantity`, `parent_id`…): its
 * importer maps a header that is none of its labels to the field of that key
 * (WC_Product_CSV_Importer_Controller::auto_map_columns), and script-written import files name
 * their columns so. Format detection reads them as the labels they stand for, but only when the
 * file is clearly WooCommerce's: generic files have `name`, `sku`, `price` and even `type` too.
 */

/** Field keys only WooCommerce's importer uses, and the label each stands for. */
const FIELD_KEY_LABELS: Readonly<Record<string, string>> = {
  regular_price: 'Regular price',
  sale_price: 'Sale price',
  stock_quantity: 'Stock',
  short_description: 'Short description',
  category_ids: 'Categories',
  tag_ids: 'Tags',
  parent_id: 'Parent',
  catalog_visibility: 'Visibility in catalog',
  tax_status: 'Tax status',
  tax_class: 'Tax class',
  stock_status: 'In stock?',
  low_stock_amount: 'Low stock amount',
  date_on_sale_from: 'Date sale price starts',
  date_on_sale_to: 'Date sale price ends',
  upsell_ids: 'Upsells',
  cross_sell_ids: 'Cross-sells',
  purchase_note: 'Purchase note',
};

/** `sale_price` is also Google's (and a generic word): on its own it is no evidence. */
const EVIDENCE = new Set(Object.keys(FIELD_KEY_LABELS).filter((key) => key !== 'sale_price'));

/** WooCommerce's product types (a Type cell may list several: `simple, virtual`). */
const PRODUCT_TYPES = new Set(['simple', 'variable', 'variation', 'grouped', 'external', 'virtual', 'downloadable']);

const key = (header: string): string => header.trim().toLowerCase();

/**
 * `header` with WooCommerce's field keys read as its labels, when the file is clearly a WooCommerce
 * product file: a field key only WooCommerce uses, and a Type column whose values in `sample` (the
 * first data rows) are all WooCommerce product types. Otherwise `header` as it is.
 */
export function wooFieldKeysAsLabels(header: readonly string[], sample: readonly (readonly string[])[]): readonly string[] {
  if (!header.some((name) => EVIDENCE.has(key(name)))) return header;
  const type = header.findIndex((name) => key(englishHeader('woocommerce', name)) === 'type');
  if (type < 0) return header;
  const types = sample.flatMap((cells) => (cells[type] ?? '').split(',').map((word) => word.trim().toLowerCase())).filter((word) => word !== '');
  if (types.length === 0 || !types.every((word) => PRODUCT_TYPES.has(word))) return header;
  return header.map((name) => FIELD_KEY_LABELS[key(name)] ?? name);
}
