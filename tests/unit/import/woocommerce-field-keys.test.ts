import { describe, expect, it } from 'vitest';
import { importText } from './helpers.js';

/**
 * WooCommerce's importer maps a header that is none of its labels to the field of that key
 * (WC_Product_CSV_Importer_Controller::auto_map_columns falls back to the lower-cased header), so
 * a script-written file may name its columns `regular_price`, `stock_quantity`… An awards
 * seller's import file (Dylanmurzello/new woocommerce.csv, 11,687 rows, this header) does: read
 * as unknown columns, none of its 6,623 variations had a price.
 */
const HEADER =
  'type,sku,name,regular_price,categories,images,description,Attribute 1 name,Attribute 1 value(s),Attribute 1 visible,Attribute 1 global,Attribute 2 name,Attribute 2 value(s),Attribute 2 visible,Attribute 2 global,status,parent,length,width,height,Attribute 3 name,Attribute 3 value(s),Attribute 3 visible,Attribute 3 global';

describe('WooCommerce: columns named by their field keys', () => {
  it('regular_price is the price, as WooCommerce reads it', async () => {
    const csv = [
      HEADER,
      'variable,PARENT_1,Baseball/Softball Astro Award,,RESINS > Baseball/Softball,https://i/AA202.png,,Size,"Small, Large",1,1,Sport,Baseball/Softball,1,1,1,,,,,Material,Resin,1,1',
      'variation,AA202-S,Baseball/Softball Astro Award,12.75,RESINS > Baseball/Softball,https://i/AA202.png,"Original dimensions (in): 7""",Size,Small,1,1,Sport,Baseball/Softball,1,1,1,PARENT_1,17.78,17.78,0,Material,Resin,1,1',
      'variation,AA202-L,Baseball/Softball Astro Award,15.0,RESINS > Baseball/Softball,https://i/AA202.png,,Size,Large,1,1,Sport,Baseball/Softball,1,1,1,PARENT_1,20.32,20.32,0,Material,Resin,1,1',
    ].join('\n');
    const { listings, rejected, source } = await importText(csv, { defaultCurrency: 'USD' });
    expect(source.dialect).toBe('woocommerce');
    expect(rejected).toEqual([]);
    expect(listings).toHaveLength(1);
    const [award] = listings;
    expect(award!.priceMinor).toBe(1275);
    expect(award!.variants.map((variant) => [variant.sku, variant.priceMinor])).toEqual([
      ['AA202-S', 1275],
      ['AA202-L', 1500],
    ]);
    // Read into the price, not kept again as a column of its own.
    expect(award!.variants.every((variant) => !('regular_price' in (variant.columns ?? {})))).toBe(true);
  });

  it('stock_quantity, short_description, category_ids, tag_ids and parent_id are read as their fields', async () => {
    const csv = [
      'ID,type,sku,name,regular_price,stock_quantity,short_description,category_ids,tag_ids,images,parent_id,Attribute 1 name,Attribute 1 value(s),Attribute 1 visible,Attribute 1 global',
      '10,variable,MUG,Mug,,,Stoneware mug,Kitchen > Mugs,"gift, mug",https://i/mug.png,,Colour,"Blue, Red",1,0',
      '11,variation,MUG-B,Mug - Blue,9.50,4,,,,,id:10,Colour,Blue,,0',
      '12,variation,MUG-R,Mug - Red,9.50,,,,,,id:10,Colour,Red,,0',
    ].join('\n');
    // Detected as WooCommerce by its field keys and product types (woocommerce-field-key-detection.test.ts).
    const { listings, source } = await importText(csv, { defaultCurrency: 'EUR' });
    expect(source.dialect).toBe('woocommerce');
    const [mug] = listings;
    expect(mug).toMatchObject({ description: 'Stoneware mug', category: 'Kitchen > Mugs', tags: ['gift', 'mug'] });
    expect(mug!.variants.map((variant) => [variant.sku, variant.priceMinor, variant.quantity])).toEqual([
      ['MUG-B', 950, 4],
      ['MUG-R', 950, null],
    ]);
  });
});
