import type { ImportDialect, MAPPABLE_FIELDS } from '../../common/import-types.js';

/**
 * Which header each marketplace format's reader takes a listing field from: the headers it looks
 * for, in the order it looks (the readers' `Columns.find` calls in core/import/dialects/). Data
 * only: column-overrides.ts reads it to show what each column maps to and to carry out a seller's
 * override ("read this column as the title") by renaming that column to the header the reader
 * takes the field from. A format lists only the fields its reader takes from one named column;
 * the others cannot be mapped in that format (the wizard and `--map` say which can).
 *
 * `many`: the reader takes the field from several columns (images); a column mapped to it is added
 * under the first of these headers the file does not use yet, and replaces none. `also`: other
 * names the reader accepts for the first of `many` (Amazon's `main_product_image_locator` for
 * `main_image_url`), never given to a column.
 *
 * tests/unit/import/column-overrides.test.ts checks every entry against its reader.
 */

export type ColumnField = Exclude<(typeof MAPPABLE_FIELDS)[number], 'ignore'>;
export type FieldHeaders = readonly string[] | { readonly many: readonly string[]; readonly also?: readonly string[] };
export type DialectFieldColumns = Partial<Record<ColumnField, FieldHeaders>>;

const numbered = (prefix: string, count: number, suffix = ''): string[] => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}${suffix}`);

export const DIALECT_FIELD_COLUMNS: Partial<Record<ImportDialect, DialectFieldColumns>> = {
  shopify: {
    sourceId: ['Handle', 'URL handle'],
    title: ['Title'],
    description: ['Body (HTML)', 'Description', 'Body HTML'],
    brand: ['Vendor'],
    category: ['Product Category', 'Standardized Product Type'],
    tags: ['Tags'],
    status: ['Status'],
    optionName1: ['Option1 Name'],
    optionValue1: ['Option1 Value'],
    optionName2: ['Option2 Name'],
    optionValue2: ['Option2 Value'],
    sku: ['Variant SKU', 'SKU'],
    quantity: ['Variant Inventory Qty', 'Inventory quantity', 'Variant Inventory Quantity'],
    price: ['Variant Price', 'Price'],
    images: ['Image Src', 'Product image URL'],
  },
  etsy: {
    sourceId: ['LISTING_ID', 'LISTING ID'],
    sku: ['SKU'],
    title: ['TITLE', 'TITOLO', 'TITRE', 'TITEL', 'TÍTULO'],
    description: ['DESCRIPTION', 'DESCRIZIONE', 'BESCHREIBUNG', 'DESCRIPCIÓN'],
    price: ['PRICE', 'PREZZO', 'PRIX', 'PREIS', 'PRECIO'],
    currency: ['CURRENCY_CODE', 'CURRENCY'],
    quantity: ['QUANTITY', 'QUANTITÀ', 'QUANTITÉ', 'MENGE', 'CANTIDAD'],
    tags: ['TAGS', 'TAG'],
    materials: ['MATERIALS', 'MATERIALI', 'MATÉRIAUX', 'MATERIALIEN', 'MATERIALES'],
    images: { many: [...numbered('IMAGE', 10), ...numbered('IMMAGINE', 10), ...numbered('BILD', 10), ...numbered('IMAGEN', 10), 'image_location'] },
  },
  etsy_api: {
    sourceId: ['listing_id'],
    sku: ['sku'],
    title: ['title'],
    description: ['description'],
    price: ['price'],
    currency: ['currency_code'],
    quantity: ['quantity'],
    tags: ['tags'],
    materials: ['materials'],
    category: ['taxonomy_path'],
    status: ['state'],
    images: ['images', 'image_urls'],
  },
  ebay_seller_hub: {
    sourceId: ['Item number', 'ItemID', 'Item ID'],
    sku: ['Custom label (SKU)', 'CustomLabel', 'SKU'],
    title: ['Title'],
    description: ['Description'],
    price: ['Price', 'Start price', 'StartPrice', 'Buy It Now price'],
    quantity: ['Quantity', 'Available quantity'],
    category: ['Category ID', 'Category', 'CategoryID'],
    condition: ['Condition ID', 'ConditionID', 'Condition'],
    images: ['Item photo URL', 'PicURL', 'Picture URL'],
  },
  ebay_report: {
    sourceId: ['Item number', 'ItemId', 'Item ID', 'eBay item number'],
    sku: ['Custom label (SKU)', 'Custom label', 'SKU'],
    title: ['Title', 'Item title'],
    description: ['Description'],
    price: ['Current price', 'Start price', 'Price', 'Buy It Now price'],
    currency: ['Currency'],
    quantity: ['Available quantity', 'Quantity', 'Quantity available'],
    category: ['eBay category 1 name', 'Category name', 'Category'],
    condition: ['Condition'],
    images: ['Picture URL', 'Item photo URL', 'Image URL'],
  },
  amazon_flat_file: {
    sku: ['item_sku', 'sku', 'Seller SKU'],
    title: ['item_name', 'Product Name', 'title'],
    description: ['product_description', 'description'],
    brand: ['brand_name', 'brand'],
    tags: ['generic_keywords', 'generic_keywords1'],
    price: ['standard_price', 'price', 'list_price'],
    currency: ['currency'],
    quantity: ['quantity', 'fulfillment_availability#1.quantity'],
    condition: ['condition_type'],
    category: ['item_type_name', 'item_type'],
    variantGroup: ['parent_sku'],
    images: { many: ['main_image_url', ...numbered('other_image_url', 8)], also: ['main_product_image_locator'] },
  },
  wix: {
    sourceId: ['handleId'],
    sku: ['sku'],
    title: ['name'],
    description: ['description'],
    price: ['price'],
    quantity: ['inventory'],
    category: ['collection'],
    brand: ['brand'],
    images: ['productImageUrl'],
  },
  amazon_all_listings: {
    sku: ['seller-sku', '出品者SKU', 'sku'],
    title: ['item-name', '商品名', 'product-name'],
    description: ['item-description'],
    price: ['price', '価格', 'your-price'],
    quantity: ['quantity', '数量'],
    condition: ['item-condition', 'コンディション', 'condition'],
    status: ['status', 'ステータス'],
    images: ['image-url'],
  },
  woocommerce: {
    sourceId: ['ID'],
    sku: ['SKU'],
    title: ['Name'],
    description: ['Description'],
    price: ['Regular price'],
    quantity: ['Stock'],
    category: ['Categories'],
    tags: ['Tags'],
    images: ['Images'],
    variantGroup: ['Parent'],
  },
  google_merchant: {
    sourceId: ['id'],
    title: ['title'],
    description: ['description'],
    price: ['price'],
    quantity: ['quantity', 'sell_on_google_quantity'],
    brand: ['brand'],
    condition: ['condition'],
    category: ['product_type'],
    status: ['availability'],
    variantGroup: ['item_group_id'],
    images: ['image_link'],
  },
};
