import { describe, expect, it } from 'vitest';
import { corpusPath } from '../../corpus-files.js';
import { collect, importText } from './helpers.js';

/**
 * A WooCommerce import file may name its columns by WooCommerce's field keys (`regular_price`,
 * `stock_quantity`, `parent_id`…: its importer maps them). Detection reads them as WooCommerce's
 * labels when the file's Type column holds WooCommerce's product types; a generic file with `type`,
 * `name`, `sku` and `price` columns stays generic.
 */
describe('WooCommerce detected by its field keys', () => {
  it('a file naming only field keys, with simple/variable/variation types, is WooCommerce', async () => {
    const csv = [
      'type,sku,name,regular_price,sale_price,stock_quantity,short_description,description,category_ids,tag_ids,parent_id,images',
      'variable,MUG,Mug,,,,Stoneware mug,Long text,Kitchen > Mugs,"gift, mug",,https://i/mug.png',
      'variation,MUG-B,Mug - Blue,9.50,,4,,,,,MUG,',
      'simple,CUP,Cup,5.00,4.00,3,Short,Long,Kitchen,,,https://i/cup.png',
    ].join('\n');
    const { listings, source } = await importText(csv, { defaultCurrency: 'EUR' });
    expect(source.dialect).toBe('woocommerce');
    expect(listings.map((listing) => [listing.sku, listing.priceMinor, listing.variants.length])).toEqual([
      ['CUP', 500, 0],
      ['MUG', 950, 1],
    ]);
  });

  it('the same headers with types that are not WooCommerce product types stay generic', async () => {
    const csv = ['type,sku,name,regular_price,short_description,category_ids,parent_id,images', 'product,SKU-1,Imported Item,12.50,Short,3,,https://i/1.png', 'service,SKU-2,Repair,30,,3,,'].join('\n');
    const { source } = await importText(csv, { defaultCurrency: 'EUR' });
    expect(source.dialect).toBe('generic_csv');
  });

  it('a plain generic CSV with name, price, sku and type columns stays generic', async () => {
    const csv = ['type,sku,name,price,description,images', 'simple,CUP,Cup,5.00,A cup,https://i/cup.png', 'variable,MUG,Mug,9.50,A mug,'].join('\n');
    const { source } = await importText(csv, { defaultCurrency: 'EUR' });
    expect(source.dialect).toBe('generic_csv');
  });

  it("a real awards seller's import file (field keys beside WooCommerce's labels) is WooCommerce", async () => {
    const { source, listings } = await collect(corpusPath('woocommerce_import-file_field-key-headers_awards__Dylanmurzello.csv'), { defaultCurrency: 'USD' });
    expect(source.dialect).toBe('woocommerce');
    expect(listings.map((listing) => [listing.sku, listing.variants.map((variant) => [variant.sku, variant.priceMinor])])).toEqual([
      ['PARENT_1', [['AA202', 1500], ['AA212', 2050], ['AA222', 2375]]],
      ['PARENT_2', [['ASP101', 1650], ['ASP201', 2325]]],
    ]);
  });
});
