import { describe, expect, it } from 'vitest';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { tempDbPath } from '../catalog/temp-catalog.js';
import { corpusPath } from '../../corpus-files.js';
import { readAllListings } from '../fidelity/catalog-state.js';
import { exportAll, importInto, reimport } from './export-helpers.js';

/**
 * A WooCommerce store that does not count stock says "out of stock" with `In stock?` 0 and a blank
 * `Stock` (real file: a Pakistani night-suit shop, 403 of its 781 variable products). Shopify has
 * no sold-out status: a product whose inventory is not tracked is always for sale. Such a listing
 * goes to Shopify with 0 in stock, tracked, and the preview says so.
 */
describe('Shopify export: a sold-out listing without a stock count', () => {
  it('goes out as 0 in stock, tracked; a listing in stock without counts stays untracked', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    await importInto(catalog, corpusPath('woocommerce_wc-product-export_out-of-stock-without-stock-counts_PKR__MuhammadTariqGigani.csv'), { currency: 'PKR' });
    const listings = readAllListings(catalog);
    const soldOut = listings.find((listing) => listing.sourceId === '1132')!;
    const inStock = listings.find((listing) => listing.sourceId === '1295')!;
    expect(soldOut.status).toBe('sold_out');
    expect(soldOut.variants.map((variant) => variant.quantity)).toEqual([null]);
    expect(inStock.status).toBe('active');

    const { summary, files } = await exportAll(catalog, 'shopify');
    expect(summary.skipped).toBe(0);
    expect(summary.problems.filter((p) => /sold out and has no stock count/.test(p.message)).length).toBeGreaterThan(0);
    const [file] = files;
    const rowsOf = (title: string): string[][] => {
      const handle = file!.at(file!.rows.find((row) => file!.at(row, 'Title') === title)!, 'URL handle');
      return file!.rows.filter((row) => file!.at(row, 'URL handle') === handle && file!.at(row, 'Option1 value') !== '');
    };
    expect(rowsOf(soldOut.title).map((row) => [file!.at(row, 'Inventory tracker'), file!.at(row, 'Inventory quantity')])).toEqual([['shopify', '0']]);
    expect(rowsOf(inStock.title).map((row) => file!.at(row, 'Inventory quantity'))).toEqual(['', '', '', '']);

    const back = await reimport(summary, 'PKR');
    expect(back.find((listing) => listing.title === soldOut.title)!.variants.map((variant) => variant.quantity)).toEqual([0]);
    expect(back.find((listing) => listing.title === inStock.title)!.variants.map((variant) => variant.quantity)).toEqual([null, null, null, null]);
    catalog.close();
  });

  it('a variation out of stock without a count, in a product still for sale, goes out as 0 in stock, tracked', async () => {
    // Product 5107 (a baby girl hoodie) is in stock; three of its four variations say `In stock?` 0 with a blank Stock, one has 1 in stock.
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    await importInto(catalog, corpusPath('woocommerce_wc-product-export_out-of-stock-without-stock-counts_PKR__MuhammadTariqGigani.csv'), { currency: 'PKR' });
    const hoodie = readAllListings(catalog).find((listing) => listing.sourceId === '5107')!;
    expect(hoodie.status).toBe('active');
    expect(hoodie.variants.map((variant) => [variant.options[0]!.value, variant.quantity])).toEqual([
      ['small', null],
      ['Extra large', null],
      ['Large', null],
      ['Medium', 1],
    ]);

    const { summary, files } = await exportAll(catalog, 'shopify');
    expect(summary.problems.some((p) => /3 of its variants are out of stock with no stock count/.test(p.message))).toBe(true);
    const [file] = files;
    const handle = file!.at(file!.rows.find((row) => file!.at(row, 'Title') === hoodie.title)!, 'URL handle');
    const rows = file!.rows.filter((row) => file!.at(row, 'URL handle') === handle && file!.at(row, 'Option1 value') !== '');
    expect(rows.map((row) => [file!.at(row, 'Option1 value'), file!.at(row, 'Inventory tracker'), file!.at(row, 'Inventory quantity')])).toEqual([
      ['small', 'shopify', '0'],
      ['Extra large', 'shopify', '0'],
      ['Large', 'shopify', '0'],
      ['Medium', 'shopify', '1'],
    ]);

    // The WooCommerce export writes the variations back as the file had them: `In stock?` 0, no Stock.
    const woo = (await exportAll(catalog, 'woocommerce')).files[0]!;
    const variations = woo.rows.filter((row) => woo.at(row, 'Parent') === 'id:5107');
    expect(variations.map((row) => [woo.at(row, 'In stock?'), woo.at(row, 'Stock')])).toEqual([
      ['0', ''],
      ['0', ''],
      ['0', ''],
      ['1', '1'],
    ]);
    catalog.close();
  });
});
