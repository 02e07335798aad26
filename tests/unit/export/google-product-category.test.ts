import { describe, expect, it } from 'vitest';
import { readAllListings } from '../fidelity/catalog-state.js';
import { catalogFromText, exportAll, reimport } from './export-helpers.js';

/**
 * A Google feed written by a Wix store's script (pharleg/lecc-google-merchant-feed google_feed.tsv)
 * names each item's Google taxonomy in `google_product_category` and has no `product_type`. Read
 * as the listing's category, it went back to Google as `product_type` only: the feed replaces an
 * item whole, so the item lost its Google product category.
 */
const TSV = [
  'id\ttitle\tdescription\tlink\timage_link\tavailability\tprice\tbrand\tcondition\tgoogle_product_category\titem_group_id\tsize',
  'a-1\tPirate Fest Tank Top\tTank top\thttps://shop.example/tank\thttps://img.example/1.jpg\tin stock\t28.00 USD\tLake Erie\tnew\tApparel & Accessories > Clothing > Shirts & Tops\tg-1\tS',
  'a-2\tPirate Fest Tank Top\tTank top\thttps://shop.example/tank\thttps://img.example/1.jpg\tin stock\t28.00 USD\tLake Erie\tnew\tApparel & Accessories > Clothing > Shirts & Tops\tg-1\tM',
  'b-1\tLake Mug\tA mug\thttps://shop.example/mug\thttps://img.example/2.jpg\tin stock\t12.00 USD\tLake Erie\tnew\tHome & Garden > Kitchen & Dining\t\t',
].join('\n');

describe('Google feed export: google_product_category', () => {
  it('goes back under its own attribute, and the feed reads back unchanged', async () => {
    const catalog = await catalogFromText(TSV, { ext: 'tsv' });
    const before = readAllListings(catalog);
    expect(before.map((l) => l.category).sort()).toEqual(['Apparel & Accessories > Clothing > Shirts & Tops', 'Home & Garden > Kitchen & Dining']);
    const { summary, files } = await exportAll(catalog, 'google_merchant');
    const file = files[0]!;
    expect(Object.fromEntries(file.rows.map((row) => [file.at(row, 'id'), file.at(row, 'google_product_category')]))).toEqual({
      'a-1': 'Apparel & Accessories > Clothing > Shirts & Tops',
      'a-2': 'Apparel & Accessories > Clothing > Shirts & Tops',
      'b-1': 'Home & Garden > Kitchen & Dining',
    });
    const back = await reimport(summary);
    const view = (l: (typeof before)[number]): unknown[] => [l.category, l.attributes, l.source?.attributeColumns];
    expect(back.map(view)).toEqual(before.map(view));
    catalog.close();
  });
});
