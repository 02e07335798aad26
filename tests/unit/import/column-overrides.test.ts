import { describe, expect, it } from 'vitest';
import type { ImportDialect, MappableField } from '../../../common/import-types.js';
import type { NewListing } from '../../../core/catalog/insert-listings.js';
import { applyColumnOverrides, formatColumnFields, mappableFieldsOf } from '../../../core/import/column-overrides.js';
import { DIALECT_FIELD_COLUMNS, type ColumnField } from '../../../core/import/dialect-field-columns.js';
import { importText } from './helpers.js';

/**
 * A seller's column mapping over each marketplace format: the column is read as the chosen field by
 * the format's own reader, the column that held the field before is kept untouched with the
 * listing, `ignore` keeps a column without reading it, `attribute:<name>` lifts it into an
 * attribute, and problems name the file's own headers. Every entry of the field table is checked
 * against its reader here, so the table cannot drift from the readers unnoticed.
 */

interface Fixture {
  header: string[];
  row: string[];
  ext?: string;
}

const FIXTURES: Partial<Record<ImportDialect, Fixture>> = {
  shopify: {
    header: ['Handle', 'Title', 'Body (HTML)', 'Vendor', 'Tags', 'Option1 Name', 'Option1 Value', 'Variant SKU', 'Variant Price', 'Variant Inventory Qty', 'Image Src', 'Status', 'Product Category'],
    row: ['mug', 'Blue mug', '<p>x</p>', 'Acme', 'kitchen', 'Title', 'Default Title', 'M-1', '12.00', '3', 'https://i.example/a.jpg', 'active', 'Home'],
  },
  etsy: {
    header: ['TITLE', 'DESCRIPTION', 'PRICE', 'CURRENCY_CODE', 'QUANTITY', 'TAGS', 'MATERIALS', 'IMAGE1', 'SKU', 'LISTING_ID'],
    row: ['Wool throw', 'A throw', '64.00', 'GBP', '2', 'throw', 'wool', 'https://i.example/t.jpg', 'T-1', '77'],
  },
  etsy_api: {
    header: ['listing_id', 'state', 'title', 'description', 'price', 'currency_code', 'quantity', 'sku', 'tags', 'materials', 'taxonomy_path', 'images'],
    row: ['1', 'active', 'Mug', 'A mug', '12.00', 'USD', '3', "['M-1']", "['a']", "['clay']", "['Home']", "['https://i.example/m.jpg']"],
  },
  ebay_seller_hub: {
    header: ['Action(SiteID=US|Country=US|Currency=USD|Version=1193)', 'Item number', 'Custom label (SKU)', 'Category ID', 'Title', 'Price', 'Quantity', 'Item photo URL', 'Condition ID', 'Description'],
    row: ['Add', '998877', 'S-1', '123', 'Lamp', '20.00', '2', 'https://i.example/l.jpg', '1000', 'Nice'],
  },
  ebay_report: {
    header: ['Item number', 'Title', 'Custom label (SKU)', 'Available quantity', 'Current price', 'Currency', 'Condition', 'Category name', 'Picture URL', 'Description'],
    row: ['123456', 'Lamp', 'S-1', '2', '20.00', 'USD', 'New', 'Lamps', 'https://i.example/l.jpg', 'Nice'],
  },
  amazon_flat_file: {
    header: ['item_sku', 'item_name', 'brand_name', 'product_description', 'generic_keywords', 'standard_price', 'quantity', 'currency', 'main_image_url', 'condition_type', 'item_type_name', 'feed_product_type'],
    row: ['A-1', 'Ring', 'Acme', 'Silver ring', 'ring', '12.00', '3', 'GBP', 'https://i.example/r.jpg', 'New', 'rings', 'jewelry'],
  },
  wix: {
    header: ['handleId', 'fieldType', 'name', 'description', 'productImageUrl', 'collection', 'sku', 'price', 'inventory', 'brand', 'visible'],
    row: ['product_1', 'Product', 'Ring', '<p>Silver</p>', 'https://i.example/r.jpg', 'Rings', 'R-1', '12.00', '3', 'Acme', 'true'],
  },
  amazon_all_listings: {
    header: ['item-name', 'item-description', 'seller-sku', 'price', 'quantity', 'image-url', 'item-condition', 'status', 'asin1'],
    row: ['Ring', 'Silver', 'A-1', '12.00', '3', 'https://i.example/r.jpg', '11', 'Active', 'B000111'],
    ext: 'txt',
  },
  woocommerce: {
    header: ['ID', 'Type', 'SKU', 'Name', 'Published', 'Description', 'Regular price', 'Categories', 'Tags', 'Images', 'Parent', 'Stock'],
    row: ['10', 'simple', 'W-1', 'Mug', '1', 'A mug', '12.00', 'Kitchen', 'mug', 'https://i.example/m.jpg', '', '3'],
  },
  google_merchant: {
    header: ['id', 'title', 'description', 'link', 'image_link', 'availability', 'price', 'condition', 'brand', 'product_type', 'quantity'],
    row: ['G1', 'Mug', 'A mug', 'https://shop.example/m', 'https://i.example/m.jpg', 'in_stock', '12.00 USD', 'new', 'Acme', 'Home', '3'],
  },
};

const EXTRA = 'Seller column';

/** The value the seller's column holds for a field, and how the listing shows that it was read. */
const PROBES: Partial<Record<ColumnField, { value: (dialect: ImportDialect) => string; read: (l: NewListing, dialect: ImportDialect) => unknown; expected: (dialect: ImportDialect) => unknown }>> = {
  title: { value: () => 'Seller title', read: (l) => l.title, expected: () => 'Seller title' },
  description: { value: () => 'Seller description', read: (l) => l.description, expected: () => 'Seller description' },
  sku: { value: (d) => (d === 'etsy_api' ? "['SELLER-SKU']" : 'SELLER-SKU'), read: (l) => l.sku ?? l.variants[0]?.sku, expected: () => 'SELLER-SKU' },
  sourceId: { value: () => '424242', read: (l) => l.sourceId, expected: () => '424242' },
  price: { value: (d) => (d === 'google_merchant' ? '43.21 USD' : '43.21'), read: (l) => l.priceMinor ?? l.variants[0]?.priceMinor, expected: () => 4321 },
  quantity: { value: () => '37', read: (l) => l.quantity ?? l.variants[0]?.quantity, expected: () => 37 },
  currency: { value: () => 'CHF', read: (l) => l.currency, expected: () => 'CHF' },
  tags: { value: (d) => (d === 'etsy_api' ? "['seller-tag']" : 'seller-tag'), read: (l) => l.tags.includes('seller-tag'), expected: () => true },
  materials: { value: (d) => (d === 'etsy_api' ? "['seller-oak']" : 'seller-oak'), read: (l) => l.materials.includes('seller-oak'), expected: () => true },
  images: { value: (d) => (d === 'etsy_api' ? "['https://i.example/seller.jpg']" : 'https://i.example/seller.jpg'), read: (l) => l.images.includes('https://i.example/seller.jpg'), expected: () => true },
  brand: { value: () => 'SellerBrand', read: (l) => l.brand, expected: () => 'SellerBrand' },
  category: { value: (d) => (d === 'etsy_api' ? "['Seller category']" : 'Seller category'), read: (l) => l.category, expected: () => 'Seller category' },
  condition: {
    value: (d) => (d === 'ebay_seller_hub' ? '3000' : d === 'amazon_all_listings' ? '1' : 'used'),
    read: (l) => l.condition,
    expected: (d) => (d === 'ebay_seller_hub' ? 'Used' : d === 'amazon_all_listings' ? 'Used - Like New' : 'used'),
  },
  status: {
    value: (d) => (d === 'google_merchant' ? 'out_of_stock' : d === 'amazon_all_listings' ? 'Inactive' : 'draft'),
    read: (l) => l.status,
    expected: (d) => (d === 'google_merchant' ? 'sold_out' : d === 'amazon_all_listings' ? 'inactive' : 'draft'),
  },
};

function csv(fixture: Fixture, extra?: string): string {
  const sep = fixture.ext === 'txt' ? '\t' : ',';
  const quote = (cell: string) => (sep === ',' && /[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const header = extra === undefined ? fixture.header : [...fixture.header, EXTRA];
  const row = extra === undefined ? fixture.row : [...fixture.row, extra];
  return `${header.map(quote).join(sep)}\n${row.map(quote).join(sep)}\n`;
}

async function readWith(dialect: ImportDialect, text: string, mapping: Record<string, MappableField>) {
  const fixture = FIXTURES[dialect]!;
  const result = await importText(text, { dialect, mapping }, fixture.ext ?? 'csv');
  expect(result.rejected, `${dialect} ${JSON.stringify(mapping)}`).toEqual([]);
  expect(result.listings).toHaveLength(1);
  return result.listings[0]!;
}

const cases = Object.entries(DIALECT_FIELD_COLUMNS).flatMap(([dialect, table]) =>
  Object.keys(table)
    .filter((field) => field in PROBES)
    .map((field) => [dialect as ImportDialect, field as ColumnField] as const),
);

describe('column overrides per format', () => {
  it('has a fixture for every format with a field table', () => {
    expect(Object.keys(FIXTURES).sort()).toEqual(Object.keys(DIALECT_FIELD_COLUMNS).sort());
  });

  it.each(cases)('%s: a column mapped to %s is read as it, and the column that held it is kept as written', async (dialect, field) => {
    const fixture = FIXTURES[dialect]!;
    const probe = PROBES[field]!;
    const extraIndex = fixture.header.length;
    const listing = await readWith(dialect, csv(fixture, probe.value(dialect)), { [String(extraIndex)]: field });
    expect(probe.read(listing, dialect)).toEqual(probe.expected(dialect));
    const entry = DIALECT_FIELD_COLUMNS[dialect]![field]!;
    const holder = formatColumnFields(dialect, fixture.header).indexOf(field);
    if (!('many' in entry) && holder >= 0 && fixture.row[holder] !== '') {
      // The displaced column is not lost: it travels with the listing under its own header.
      expect(listing.source?.columns[fixture.header[holder]!]).toBe(fixture.row[holder]);
    }
  });

  it.each(Object.keys(FIXTURES) as ImportDialect[])('%s: without overrides the table names the columns its reader reads', async (dialect) => {
    const fixture = FIXTURES[dialect]!;
    const fields = formatColumnFields(dialect, fixture.header);
    const listing = await readWith(dialect, csv(fixture), {});
    const titleColumn = fields.indexOf('title');
    expect(titleColumn).toBeGreaterThanOrEqual(0);
    expect(listing.title).toBe(fixture.row[titleColumn]);
    const priceColumn = fields.indexOf('price');
    expect(priceColumn).toBeGreaterThanOrEqual(0);
    expect(listing.priceMinor ?? listing.variants[0]?.priceMinor).toBe(Math.round(Number(fixture.row[priceColumn]!.replace(/[^\d.]/g, '')) * 100));
  });

  it.each(Object.keys(FIXTURES) as ImportDialect[])('%s: ignore keeps the column as written; attribute:NAME lifts it', async (dialect) => {
    const fixture = FIXTURES[dialect]!;
    const fields = formatColumnFields(dialect, fixture.header);
    const description = fields.indexOf('description');
    if (description >= 0) {
      const ignored = await readWith(dialect, csv(fixture), { [String(description)]: 'ignore' });
      expect(ignored.description).not.toContain(fixture.row[description]!.replace(/<[^>]+>/g, ''));
      expect(ignored.source?.columns[fixture.header[description]!]).toBe(fixture.row[description]);
    }
    const extraIndex = String(fixture.header.length);
    const lifted = await readWith(dialect, csv(fixture, 'Brushed'), { [extraIndex]: 'attribute:Finish' });
    expect(lifted.attributes.Finish).toBe('Brushed');
    expect(lifted.source?.attributeColumns?.Finish).toBe(EXTRA);
    expect(lifted.source?.columns[EXTRA]).toBeUndefined();
  });

  it('a rejected row names the column as the file does, not the header it was read under', async () => {
    const fixture = FIXTURES.amazon_flat_file!;
    const result = await importText(csv(fixture, '-5.00'), { dialect: 'amazon_flat_file', mapping: { [String(fixture.header.length)]: 'price' } });
    const problems = [...result.rejected, ...result.listings.flatMap((l) => l.warnings)];
    expect(problems.some((p) => p.column === EXTRA)).toBe(true);
    expect(problems.some((p) => p.column === 'standard_price')).toBe(false);
  });

  it('swaps two columns of a Shopify file and keeps the 2024/25 header generation', async () => {
    const text = 'Title,URL handle,Description,SKU,Price,Product image URL,Vendor\nBlue mug,blue-mug,Stoneware mug,M-1,12.00,,Acme\n';
    const r = await importText(text, { dialect: 'shopify', mapping: { '0': 'brand', '6': 'title' } });
    expect(r.listings[0]).toMatchObject({ title: 'Acme', brand: 'Blue mug', sourceId: 'blue-mug', priceMinor: 1200 });
  });

  it('Etsy: a column mapped to images is one more image column, not a replacement', async () => {
    const fixture = FIXTURES.etsy!;
    const listing = await readWith('etsy', csv(fixture, 'https://i.example/extra.jpg'), { [String(fixture.header.length)]: 'images' });
    expect(listing.images).toEqual(['https://i.example/t.jpg', 'https://i.example/extra.jpg']);
  });

  it('refuses what a format cannot do, naming the valid fields and where to map', () => {
    const header = FIXTURES.amazon_flat_file!.header;
    expect(() => applyColumnOverrides('amazon_flat_file', header, { '0': 'optionName1' })).toThrow(/cannot read a column as "optionName1"\. It reads: sku, title/);
    expect(() => applyColumnOverrides('amazon_flat_file', header, { '0': 'title', '3': 'title' })).toThrow(/Two columns are mapped to title \("item_sku" and "product_description"\).*--map.*wizard/);
    expect(() => applyColumnOverrides('amazon_flat_file', header, { '99': 'title' })).toThrow(/column 100, but the file has 12 columns/);
    expect(() => applyColumnOverrides('json', [], { '0': 'title' })).toThrow(/no columns to map/);
    expect(mappableFieldsOf('amazon_flat_file')).toContain('variantGroup');
    expect(mappableFieldsOf('amazon_flat_file')).not.toContain('optionName1');
    expect(mappableFieldsOf('amazon_flat_file').at(-1)).toBe('ignore');
    expect(mappableFieldsOf('json')).toEqual([]);
  });

  it('an unrecognised generic CSV tells the CLI and the wizard where to map a title', async () => {
    await expect(importText('foo,bar\n1,2\n')).rejects.toThrow(/does not recognise the columns.*--map "Column=field".*Columns table of the import wizard/);
    const mapped = await importText('foo,bar\nLamp,2\n', { mapping: { '0': 'title', '1': 'price' } });
    expect(mapped.source.dialect).toBe('generic_csv');
    expect(mapped.listings[0]).toMatchObject({ title: 'Lamp', priceMinor: 200 });
  });
});
