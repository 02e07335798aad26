import { describe, expect, it } from 'vitest';
import type { NewVariant } from '../../../core/catalog/insert-listings.js';
import { newListing } from '../catalog/temp-catalog.js';
import { catalogFromText, catalogWith, exportAll, reimport } from './export-helpers.js';

/** Variants go out in every format's own way, and read back as the same variants. */

const shirtVariants: NewVariant[] = ['S', 'M'].flatMap((size) =>
  ['Red', 'Blue'].map((color, i) => ({ sku: `TEE-${size}-${color}`, options: [{ name: 'Size', value: size }, { name: 'Color', value: color }], priceMinor: size === 'M' ? 2200 : null, quantity: i + 1, image: null })),
);

const shirt = (overrides: Parameters<typeof newListing>[0] = {}) =>
  newListing({ marketplace: 'shopify', sourceId: 'linen-tee', sku: 'TEE', title: 'Linen tee', priceMinor: 2000, quantity: 6, variants: shirtVariants, ...overrides });

const options = (variants: readonly { options: { name: string; value: string }[] }[]) => variants.map((v) => v.options.map((o) => `${o.name}=${o.value}`).join('|'));

describe('Shopify quantities', () => {
  it('a listing without variants writes its quantity on its one variant row', async () => {
    const catalog = catalogWith([newListing({ marketplace: 'shopify', sourceId: 'mug', title: 'Mug', quantity: 7 })]);
    const { files } = await exportAll(catalog, 'shopify');
    const [file] = files;
    expect(file!.at(file!.rows[0]!, 'Inventory quantity')).toBe('7');
    expect(file!.at(file!.rows[0]!, 'Inventory tracker')).toBe('shopify');
    catalog.close();
  });

  it("variants write their own quantity, never a share of the listing's; a listing whose variants have none says so", async () => {
    const variants: NewVariant[] = [
      { sku: 'V-S', options: [{ name: 'Size', value: 'S' }], priceMinor: null, quantity: null, image: null },
      { sku: 'V-M', options: [{ name: 'Size', value: 'M' }], priceMinor: null, quantity: null, image: null },
    ];
    const catalog = catalogWith([newListing({ title: 'Etsy print', quantity: 12, variants })]);
    const { summary, files } = await exportAll(catalog, 'shopify');
    const [file] = files;
    expect(file!.rows.map((row) => file!.at(row, 'Inventory quantity'))).toEqual(['', '']);
    expect(summary.problems.some((p) => /quantity \(12\) is not written.*per variant/.test(p.message))).toBe(true);
    catalog.close();
  });
});

describe('Shopify products with variants → WooCommerce', () => {
  it('a product without a SKU gets its handle as the parent SKU its variations point at', async () => {
    const csv = [
      'Handle,Title,Body (HTML),Vendor,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty,Status',
      'field-jacket,Field jacket,<p>Waxed.</p>,Acme,Size,S,,120.00,2,active',
      'field-jacket,,,,,M,,125.00,3,',
    ].join('\n');
    const catalog = await catalogFromText(csv);
    const { summary, files } = await exportAll(catalog, 'woocommerce');
    expect(summary.skipped).toBe(0);
    const [file] = files;
    expect(file!.rows.map((row) => [file!.at(row, 'Type'), file!.at(row, 'SKU'), file!.at(row, 'Parent')])).toEqual([
      ['variable', 'field-jacket', ''],
      ['variation', '', 'field-jacket'],
      ['variation', '', 'field-jacket'],
    ]);
    const [back] = await reimport(summary);
    expect(back!.variants.map((v) => [v.options, v.priceMinor, v.quantity])).toEqual([
      [[{ name: 'Size', value: 'S' }], 12000, 2],
      [[{ name: 'Size', value: 'M' }], 12500, 3],
    ]);
    catalog.close();
  });
});

describe('eBay variations', () => {
  it('a parent row listing every value and one Variation row per variant, with its own SKU, price and quantity', async () => {
    const catalog = catalogWith([shirt({ marketplace: 'etsy', sourceId: null })]);
    const { summary, files } = await exportAll(catalog, 'ebay_seller_hub');
    expect(summary.problems.filter((p) => /variants are not exported/.test(p.message))).toEqual([]);
    const [file] = files;
    const cells = (column: string) => file!.rows.map((row) => file!.at(row, column));
    expect(cells('Relationship')).toEqual(['', 'Variation', 'Variation', 'Variation', 'Variation']);
    expect(cells('Relationship details')).toEqual(['Size=S;M|Color=Red;Blue', 'Size=S|Color=Red', 'Size=S|Color=Blue', 'Size=M|Color=Red', 'Size=M|Color=Blue']);
    expect(cells('Custom label (SKU)')).toEqual(['TEE', 'TEE-S-Red', 'TEE-S-Blue', 'TEE-M-Red', 'TEE-M-Blue']);
    // A variant without its own price costs the listing's.
    expect(cells('Price')).toEqual(['', '20.00', '20.00', '22.00', '22.00']);
    expect(cells('Quantity')).toEqual(['', '1', '2', '1', '2']);
    expect(cells('Title')).toEqual(['Linen tee', '', '', '', '']);

    const [back] = await reimport(summary);
    expect(options(back!.variants)).toEqual(['Size=S|Color=Red', 'Size=S|Color=Blue', 'Size=M|Color=Red', 'Size=M|Color=Blue']);
    expect(back!.variants.map((v) => [v.sku, v.priceMinor, v.quantity])).toEqual([
      ['TEE-S-Red', 2000, 1],
      ['TEE-S-Blue', 2000, 2],
      ['TEE-M-Red', 2200, 1],
      ['TEE-M-Blue', 2200, 2],
    ]);
    catalog.close();
  });

  it('a variant picture goes on its row as value=URL of the first option', async () => {
    const variants: NewVariant[] = [{ sku: 'C-R', options: [{ name: 'Color', value: 'Red' }], priceMinor: null, quantity: 1, image: 'https://x/red.jpg' }];
    const catalog = catalogWith([newListing({ title: 'Cap', variants })]);
    const { files } = await exportAll(catalog, 'ebay_seller_hub');
    expect(files[0]!.at(files[0]!.rows[1]!, 'Item photo URL')).toBe('Red=https://x/red.jpg');
    catalog.close();
  });

  it('options eBay cannot hold skip the listing with the reason', async () => {
    const variants: NewVariant[] = [{ sku: 'X', options: [{ name: 'Size', value: 'S|M' }], priceMinor: null, quantity: 1, image: null }];
    const catalog = catalogWith([newListing({ title: 'Odd', variants })]);
    const { summary } = await exportAll(catalog, 'ebay_seller_hub');
    expect(summary.skipped).toBe(1);
    expect(summary.problems.some((p) => /holds = ; or \|/.test(p.message))).toBe(true);
    catalog.close();
  });
});

describe('Amazon parent/child', () => {
  it('a parent row with the theme and a child row per variant with parent_sku, relationship_type and its size/colour', async () => {
    const catalog = catalogWith([shirt({ marketplace: 'etsy', sourceId: null })]);
    const { summary, files } = await exportAll(catalog, 'amazon_flat_file');
    expect(summary.skipped).toBe(0);
    const [file] = files;
    const cells = (column: string) => file!.rows.map((row) => file!.at(row, column));
    expect(cells('item_sku')).toEqual(['TEE', 'TEE-S-Red', 'TEE-S-Blue', 'TEE-M-Red', 'TEE-M-Blue']);
    expect(cells('parent_child')).toEqual(['parent', 'child', 'child', 'child', 'child']);
    expect(cells('parent_sku')).toEqual(['', 'TEE', 'TEE', 'TEE', 'TEE']);
    expect(cells('relationship_type')).toEqual(['', 'Variation', 'Variation', 'Variation', 'Variation']);
    expect(cells('variation_theme')).toEqual(['SizeColor', 'SizeColor', 'SizeColor', 'SizeColor', 'SizeColor']);
    expect(cells('size_name')).toEqual(['', 'S', 'S', 'M', 'M']);
    expect(cells('color_name')).toEqual(['', 'Red', 'Blue', 'Red', 'Blue']);
    expect(cells('standard_price')).toEqual(['', '20.00', '20.00', '22.00', '22.00']);
    expect(cells('quantity')).toEqual(['', '1', '2', '1', '2']);

    const [back] = (await reimport(summary)).filter((listing) => listing.sku === 'TEE');
    expect(back!.variants.map((v) => [v.sku, v.priceMinor, v.quantity])).toEqual([
      ['TEE-S-Red', 2000, 1],
      ['TEE-S-Blue', 2000, 2],
      ['TEE-M-Red', 2200, 1],
      ['TEE-M-Blue', 2200, 2],
    ]);
    catalog.close();
  });

  it('variants without a SKU, or varying by something Amazon has no attribute for, are skipped with why', async () => {
    const noSku: NewVariant[] = [{ sku: null, options: [{ name: 'Size', value: 'S' }], priceMinor: null, quantity: 1, image: null }];
    const fit: NewVariant[] = [{ sku: 'F-1', options: [{ name: 'Fit', value: 'Slim' }], priceMinor: null, quantity: 1, image: null }];
    const catalog = catalogWith([newListing({ sku: 'A', title: 'No SKU', variants: noSku }), newListing({ sku: 'B', title: 'Fit', variants: fit })]);
    const { summary } = await exportAll(catalog, 'amazon_flat_file');
    expect(summary.skipped).toBe(2);
    expect(summary.problems.map((p) => p.message)).toEqual(expect.arrayContaining([expect.stringMatching(/1 of its variants have no SKU/), expect.stringMatching(/"Fit", which Amazon has no variation attribute/)]));
    catalog.close();
  });
});

describe('Google item groups', () => {
  it('one item per variant sharing item_group_id, each with its own id, price, availability and size/color', async () => {
    const variants: NewVariant[] = [
      { sku: 'G-S', options: [{ name: 'Size', value: 'S' }], priceMinor: null, quantity: 0, image: null },
      { sku: 'G-M', options: [{ name: 'Size', value: 'M' }], priceMinor: 2500, quantity: 3, image: 'https://x/m.jpg' },
    ];
    const catalog = catalogWith([newListing({ sku: 'G', title: 'Scarf', variants })]);
    const { summary, files } = await exportAll(catalog, 'google_merchant');
    const [file] = files;
    const cells = (column: string) => file!.rows.map((row) => file!.at(row, column));
    expect(cells('id')).toEqual(['G-S', 'G-M']);
    expect(cells('item_group_id')).toEqual(['G', 'G']);
    expect(cells('price')).toEqual(['10.00 USD', '25.00 USD']);
    expect(cells('availability')).toEqual(['out_of_stock', 'in_stock']);
    expect(cells('size')).toEqual(['S', 'M']);
    expect(cells('image_link')).toEqual(['https://picsum.photos/seed/1/600', 'https://x/m.jpg']);

    const [back] = await reimport(summary);
    expect(back!.sourceId).toBe('G');
    expect(back!.variants.map((v) => [v.sku, v.options, v.priceMinor])).toEqual([
      ['G-S', [{ name: 'Size', value: 'S' }], 1000],
      ['G-M', [{ name: 'Size', value: 'M' }], 2500],
    ]);
    catalog.close();
  });
});
