import { describe, expect, it } from 'vitest';
import { insertListings } from '../../../core/catalog/insert-listings.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { readStats } from '../../../core/catalog/stats.js';
import { newListing, tempDbPath } from './temp-catalog.js';

/** The counters as stored, without zero rows, vs. a full recount of the listings table. */
function counters(catalog: Catalog) {
  return catalog.db.prepare('SELECT marketplace, status, n FROM listing_counts WHERE n <> 0 ORDER BY 1, 2').all();
}
function recount(catalog: Catalog) {
  return catalog.db.prepare('SELECT marketplace, status, count(*) AS n FROM listings GROUP BY 1, 2 ORDER BY 1, 2').all();
}
function search(catalog: Catalog, query: string): number[] {
  return catalog.db.prepare('SELECT rowid FROM listings_fts WHERE listings_fts MATCH ? ORDER BY rowid').pluck().all(query) as number[];
}

describe('trigger-maintained counters and search index', () => {
  it('keeps listing_counts exact through inserts, updates, deletes and replaces', () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const { db } = catalog;
    insertListings(db, [
      newListing({ marketplace: 'etsy', status: 'active', sourceId: 'e1' }),
      newListing({ marketplace: 'etsy', status: 'active' }),
      newListing({ marketplace: 'ebay', status: 'draft', sourceId: 'b1' }),
      newListing({ marketplace: 'amazon', status: 'sold_out' }),
    ]);
    // The trigger path too (a plain INSERT, as an editor would write).
    db.prepare("INSERT INTO listings (marketplace, title, status, created_at) VALUES ('shopify', 'x', 'archived', 1)").run();
    expect(counters(catalog)).toEqual(recount(catalog));
    expect(counters(catalog)).toEqual([
      { marketplace: 'amazon', status: 'sold_out', n: 1 },
      { marketplace: 'ebay', status: 'draft', n: 1 },
      { marketplace: 'etsy', status: 'active', n: 2 },
      { marketplace: 'shopify', status: 'archived', n: 1 },
    ]);

    db.prepare("UPDATE listings SET status = 'inactive' WHERE marketplace = 'etsy'").run();
    db.prepare("UPDATE listings SET marketplace = 'google', status = 'active' WHERE marketplace = 'ebay'").run();
    db.prepare("UPDATE listings SET title = 'retitled' WHERE marketplace = 'amazon'").run();
    expect(counters(catalog)).toEqual(recount(catalog));

    db.prepare("DELETE FROM listings WHERE marketplace = 'shopify'").run();
    // REPLACE deletes the conflicting row first; recursive_triggers makes that delete count.
    db.prepare("INSERT OR REPLACE INTO listings (marketplace, source_id, title, status, created_at) VALUES ('etsy', 'e1', 'replaced', 'draft', 2)").run();
    expect(counters(catalog)).toEqual(recount(catalog));
    expect(readStats(catalog)).toEqual({
      listings: 4,
      byMarketplace: { etsy: 2, google: 1, amazon: 1 },
      byStatus: { inactive: 1, draft: 1, active: 1, sold_out: 1 },
    });
    catalog.close();
  });

  it('keeps the full-text index in step with inserts, edits, deletes and replaces', () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const { db } = catalog;
    const [batchId] = insertListings(db, [newListing({ title: 'Walnut serving board', sourceId: 's1' })]);
    db.prepare("INSERT INTO listings (marketplace, title, brand, status, created_at) VALUES ('ebay', 'Brass lamp', 'Lumen', 'active', 1)").run();
    const lampId = db.prepare("SELECT id FROM listings WHERE title = 'Brass lamp'").pluck().get() as number;
    expect(search(catalog, 'walnut')).toEqual([batchId]);
    expect(search(catalog, 'lumen')).toEqual([lampId]);

    db.prepare("UPDATE listings SET title = 'Copper lamp' WHERE id = ?").run(lampId);
    expect(search(catalog, 'brass')).toEqual([]);
    expect(search(catalog, 'copper')).toEqual([lampId]);

    db.prepare("INSERT OR REPLACE INTO listings (marketplace, source_id, title, status, created_at) VALUES ('etsy', 's1', 'Oak board', 'active', 1)").run();
    expect(search(catalog, 'walnut')).toEqual([]);
    expect(search(catalog, 'oak')).toHaveLength(1);

    db.prepare('DELETE FROM listings WHERE id = ?').run(lampId);
    expect(search(catalog, 'copper')).toEqual([]);
    // FTS5's own check that the index matches the content table.
    expect(() => db.exec("INSERT INTO listings_fts (listings_fts) VALUES ('integrity-check')")).not.toThrow();
    catalog.close();
  });

  it('keeps variant_count equal to the number of variants', () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const { db } = catalog;
    const variant = { sku: null, options: [{ name: 'Size', value: 'S' }], priceMinor: null, quantity: 1, image: null };
    const [withTwo, withNone] = insertListings(db, [newListing({ variants: [variant, variant] }), newListing()]);
    const count = (id: number | undefined) => db.prepare('SELECT variant_count FROM listings WHERE id = ?').pluck().get(id);
    expect(count(withTwo)).toBe(2);
    expect(count(withNone)).toBe(0);

    db.prepare("INSERT INTO variants (listing_id, options) VALUES (?, '[]')").run(withNone);
    db.prepare('DELETE FROM variants WHERE id = (SELECT min(id) FROM variants WHERE listing_id = ?)').run(withTwo);
    expect(count(withTwo)).toBe(1);
    expect(count(withNone)).toBe(1);
    db.prepare('UPDATE variants SET listing_id = ? WHERE listing_id = ?').run(withTwo, withNone);
    expect(count(withTwo)).toBe(2);
    expect(count(withNone)).toBe(0);

    db.prepare('DELETE FROM listings WHERE id = ?').run(withTwo);
    expect(db.prepare('SELECT count(*) FROM variants').pluck().get()).toBe(0);
    catalog.close();
  });

  it('rejects rows that break the schema rules', () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const insert = (overrides: Parameters<typeof newListing>[0]) => () => insertListings(catalog.db, [newListing(overrides)]);
    expect(insert({ marketplace: 'myspace' as never })).toThrow(/CHECK/);
    expect(insert({ status: 'deleted' as never })).toThrow(/CHECK/);
    expect(insert({ priceMinor: -1 })).toThrow(/CHECK/);
    expect(insert({ currency: 'usd' })).toThrow(/CHECK/);
    insertListings(catalog.db, [newListing({ sourceId: 'dup' })]);
    expect(insert({ sourceId: 'dup' })).toThrow(/UNIQUE/);
    // A failed batch leaves nothing behind, not even the bulk marker.
    expect(catalog.db.prepare('SELECT count(*) FROM listings').pluck().get()).toBe(1);
    expect(catalog.db.prepare('SELECT count(*) FROM bulk_write').pluck().get()).toBe(0);
    catalog.close();
  });

  it('rolls the caller\'s transaction back when a batch inside it fails: nothing half-written, the triggers work after', () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const { db } = catalog;
    insertListings(db, [newListing({ sourceId: 'before' })]);
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO listings (marketplace, title, status, created_at) VALUES ('ebay', 'Oak spoon', 'active', 1)").run();
    const bad = newListing({ marketplace: 'myspace' as never });
    expect(() => insertListings(db, [newListing({ sourceId: 'ok-1' }), bad])).toThrow(/CHECK/);
    expect(db.inTransaction).toBe(false);
    expect(db.prepare('SELECT source_id FROM listings').pluck().all()).toEqual(['before']);
    expect(db.prepare('SELECT count(*) FROM bulk_write').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM batch_counts').pluck().get()).toBe(0);
    db.prepare("INSERT INTO listings (marketplace, title, status, created_at) VALUES ('ebay', 'Walnut bowl', 'active', 1)").run();
    expect(counters(catalog)).toEqual(recount(catalog));
    expect(search(catalog, 'walnut')).toHaveLength(1);
    catalog.close();
  });
});
