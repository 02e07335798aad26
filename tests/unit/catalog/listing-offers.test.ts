import { describe, expect, it } from 'vitest';
import { getListing } from '../../../core/catalog/get-listing.js';
import { insertListings } from '../../../core/catalog/insert-listings.js';
import { MIGRATIONS } from '../../../core/catalog/migrations/index.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { newListing, tempDbPath } from './temp-catalog.js';

const OFFER_VERSION = 6;

interface Offer {
  id: number;
  price_minor: number | null;
  currency: string;
  quantity: number | null;
  updated_at: number;
}

describe('migration 006: price, currency, quantity and updated_at in listing_offers', () => {
  it('moves every value of an existing catalog, keeps the sorts indexed and forgets stale pending indexes', () => {
    const path = tempDbPath();
    const old = openCatalog(path, { role: 'writer', migrations: MIGRATIONS.slice(0, OFFER_VERSION - 1) });
    const insert = old.db.prepare(
      `INSERT INTO listings (marketplace, source_id, title, price_minor, currency, quantity, status, created_at, updated_at)
       VALUES ('etsy', ?, ?, ?, ?, ?, 'active', 1, ?)`,
    );
    const before: Offer[] = [];
    old.db.transaction(() => {
      for (let i = 1; i <= 300; i++) {
        const offer = { price_minor: i % 17 === 0 ? null : i * 101, currency: i % 3 === 0 ? 'EUR' : 'USD', quantity: i % 5 === 0 ? null : i % 9, updated_at: 1_700_000_000_000 + i * 7 };
        const id = Number(insert.run(`s-${i}`, `Listing ${i}`, offer.price_minor, offer.currency, offer.quantity, offer.updated_at).lastInsertRowid);
        before.push({ id, ...offer });
      }
    })();
    // As a crash in the middle of a bulk load leaves it: the price index dropped and pending.
    old.db.exec("INSERT INTO pending_indexes (name, sql) SELECT name, sql FROM sqlite_schema WHERE name = 'listings_price'; DROP INDEX listings_price;");
    old.close();

    const catalog = openCatalog(path, { role: 'writer' });
    const { db } = catalog;
    expect(db.prepare('SELECT id, price_minor, currency, quantity, updated_at FROM listing_offers ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT id, price_minor, currency, quantity, updated_at FROM listing_rows ORDER BY id').all()).toEqual(before);
    const listingColumns = (db.pragma('table_info(listings)') as { name: string }[]).map((column) => column.name);
    expect(listingColumns.filter((name) => ['price_minor', 'currency', 'quantity', 'updated_at'].includes(name))).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM pending_indexes').pluck().get()).toBe(0);
    for (const [sort, index] of [['currency, price_minor', 'listing_offers_price'], ['quantity', 'listing_offers_quantity'], ['updated_at', 'listing_offers_updated']] as const) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM listing_offers ORDER BY ${sort}, id`).all() as { detail: string }[]).map((row) => row.detail).join(' | ');
      expect(plan).toContain(`USING COVERING INDEX ${index}`);
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    catalog.close();
  });

  it('gives every listing exactly one offer row, whoever inserts or deletes it', () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const { db } = catalog;
    const [batchId] = insertListings(db, [newListing({ priceMinor: 1234, currency: 'GBP', quantity: 3, updatedAt: 1_700_000_000_500 })]);
    expect(getListing(catalog, batchId!)).toMatchObject({ priceMinor: 1234, currency: 'GBP', quantity: 3, updatedAt: 1_700_000_000_500 });

    // Plain SQL (another tool, a future code path): the trigger adds an empty offer.
    const rawId = Number(db.prepare("INSERT INTO listings (marketplace, title, status, created_at) VALUES ('ebay', 'Raw', 'draft', 42)").run().lastInsertRowid);
    expect(db.prepare('SELECT price_minor, currency, quantity, updated_at FROM listing_offers WHERE id = ?').get(rawId)).toEqual({ price_minor: null, currency: 'USD', quantity: null, updated_at: 42 });

    // REPLACE deletes the old row (its offer goes with it) and inserts a new one.
    db.prepare("INSERT INTO listings (marketplace, source_id, title, status, created_at) VALUES ('etsy', 'r-1', 'First', 'active', 1)").run();
    db.prepare("INSERT OR REPLACE INTO listings (marketplace, source_id, title, status, created_at) VALUES ('etsy', 'r-1', 'Second', 'active', 2)").run();
    db.prepare('DELETE FROM listings WHERE id = ?').run(batchId);

    const orphans = db.prepare('SELECT count(*) FROM listing_offers WHERE id NOT IN (SELECT id FROM listings)').pluck().get();
    const missing = db.prepare('SELECT count(*) FROM listings WHERE id NOT IN (SELECT id FROM listing_offers)').pluck().get();
    expect({ orphans, missing }).toEqual({ orphans: 0, missing: 0 });
    expect(db.prepare('SELECT count(*) FROM listing_rows').pluck().get()).toBe(db.prepare('SELECT count(*) FROM listings').pluck().get());
    expect(() => db.prepare('INSERT INTO listing_offers (id, updated_at) VALUES (999999, 1)').run()).toThrow(/FOREIGN KEY/);
    catalog.close();
  });
});
