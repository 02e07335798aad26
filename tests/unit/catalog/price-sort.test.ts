import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../core/catalog/demo-data.js';
import { SORT_EXPRESSIONS, SORT_TABLES } from '../../../core/catalog/grid-sort.js';
import { GridViews } from '../../../core/catalog/grid-views.js';
import { insertListings } from '../../../core/catalog/insert-listings.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { newListing, tempDbPath } from './temp-catalog.js';

describe('price sort (issue 17, item 7)', () => {
  it('groups by currency, then amount: $5, £6 and €7 are never one sequence', () => {
    const path = tempDbPath();
    const writer = openCatalog(path, { role: 'writer' });
    insertListings(writer.db, [
      newListing({ sku: 'usd-900', priceMinor: 900, currency: 'USD' }),
      newListing({ sku: 'gbp-600', priceMinor: 600, currency: 'GBP' }),
      newListing({ sku: 'eur-700', priceMinor: 700, currency: 'EUR' }),
      newListing({ sku: 'usd-500', priceMinor: 500, currency: 'USD' }),
      newListing({ sku: 'gbp-5000', priceMinor: 5000, currency: 'GBP' }),
      newListing({ sku: 'eur-100', priceMinor: 100, currency: 'EUR' }),
      newListing({ sku: 'usd-none', priceMinor: null, currency: 'USD' }),
    ]);
    const views = new GridViews(openCatalog(path, { role: 'reader' }));
    const skus = (direction: 'asc' | 'desc', marketplaces?: ['etsy']) => {
      const { viewId, total } = views.open({ sort: { column: 'price', direction }, filter: marketplaces ? { marketplaces } : {} });
      return views.rows(viewId, 0, total).rows.map((row) => row.sku);
    };
    const ascending = ['eur-100', 'eur-700', 'gbp-600', 'gbp-5000', 'usd-none', 'usd-500', 'usd-900'];
    expect(skus('asc')).toEqual(ascending);
    expect(skus('desc')).toEqual([...ascending].reverse());
    // The filtered path (a WHERE on listing_rows) orders the same way.
    expect(skus('asc', ['etsy'])).toEqual(ascending);
    writer.close();
  });

  it('stays one walk of the price index (no temp B-tree) for the whole catalog', () => {
    const writer = openCatalog(tempDbPath(), { role: 'writer' });
    generateDemoData(writer, { count: 300, seed: 3, now: 1_750_000_000_000 });
    const plan = (writer.db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM ${SORT_TABLES.price} ORDER BY ${SORT_EXPRESSIONS.price}, id`).all() as { detail: string }[])
      .map((row) => row.detail)
      .join(' | ');
    expect(plan).toContain('USING COVERING INDEX listing_offers_price');
    expect(plan).not.toContain('TEMP B-TREE');
    writer.close();
  });
});
