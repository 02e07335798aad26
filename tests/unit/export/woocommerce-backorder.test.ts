import { describe, expect, it } from 'vitest';
import { readAllListings } from '../fidelity/catalog-state.js';
import { catalogFromText, exportAll, reimport } from './export-helpers.js';

/**
 * WooCommerce writes `backorder` in `In stock?` for a product on backorder (a real export:
 * siul72/scrapy wc-product-export-2.csv, two synthesizers). The export wrote 1 over it, so the
 * store would have taken the product off backorder and a re-import found both listings changed.
 */
const CSV = ['ID,Type,SKU,Name,Published,In stock?,Stock,Backorders allowed?,Regular price', '691,simple,D-50,Roland D-50,1,backorder,,0,899', '692,simple,JX-3P,Roland JX-3P,1,1,,0,750'].join('\n');

describe('WooCommerce export: a product on backorder', () => {
  it('keeps `backorder` in In stock? while it is for sale, and comes back unchanged', async () => {
    const catalog = await catalogFromText(CSV);
    const before = readAllListings(catalog);
    const { summary, files } = await exportAll(catalog, 'woocommerce');
    expect(files[0]!.rows.map((row) => files[0]!.at(row, 'In stock?'))).toEqual(['backorder', '1']);
    const back = await reimport(summary);
    expect(back.map((listing) => [listing.status, listing.source?.columns['In stock?']])).toEqual(before.map((listing) => [listing.status, listing.source?.columns['In stock?']]));
    catalog.close();
  });

  it('sold out in Listsmith, it goes out as 0', async () => {
    const catalog = await catalogFromText(CSV);
    catalog.db.prepare("UPDATE listings SET status = 'sold_out' WHERE source_id = '691'").run();
    const { files } = await exportAll(catalog, 'woocommerce');
    expect(files[0]!.at(files[0]!.rows[0]!, 'In stock?')).toBe('0');
    catalog.close();
  });
});
