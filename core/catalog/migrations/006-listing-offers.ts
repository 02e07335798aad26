import type { Migration } from './migration.js';

/**
 * Issue 8 (bulk edit of 100k rows ≤ 2 s): price, currency, quantity and updated_at move out of the
 * wide `listings` row (~800 bytes: description, images, attributes) into a narrow table, one row
 * per listing, same id.
 *
 * Why: a bulk edit over a filter touches listings spread over the whole catalog. With the wide row,
 * every edited listing dirtied its own 4 KiB table page (~5 listings per page), so a 100k price edit
 * wrote ~100k pages through the WAL: 2.2–2.8 s here for the UPDATE alone. In this table ~150 rows
 * share a page, the same edit rewrites ~7k pages (0.6 s, indexes included). updated_at lives here
 * because every edit writes it; currency because conversions write it with the price.
 *
 * Readers that want the whole row use the `listing_rows` view (a join on the primary keys, which
 * SQLite flattens into two rowid look-ups). At 1M listings this step takes ~12 s (DROP COLUMN
 * rewrites the table); the writer takes a verified backup before any migration.
 */
export const listingOffers: Migration = {
  version: 6,
  name: 'listing-offers',
  up(db) {
    db.exec(OFFERS);
    db.exec(DROP_MOVED);
    db.exec(OFFER_INDEXES);
    db.exec(ROWS_VIEW);
    db.exec(OFFER_FOR_EVERY_LISTING);
  },
};

const OFFERS = `
CREATE TABLE listing_offers (
  id INTEGER PRIMARY KEY REFERENCES listings (id) ON DELETE CASCADE,
  price_minor INTEGER CHECK (price_minor IS NULL OR price_minor >= 0),
  currency TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3 AND currency = upper(currency)),
  quantity INTEGER,
  updated_at INTEGER NOT NULL
);
INSERT INTO listing_offers (id, price_minor, currency, quantity, updated_at)
  SELECT id, price_minor, currency, quantity, updated_at FROM listings ORDER BY id;
`;

// A crash in the middle of a bulk load may have left these three dropped and pending (bulk-load.ts):
// their definitions name the moved columns, so they are forgotten here and recreated below.
const DROP_MOVED = `
DROP INDEX IF EXISTS listings_price;
DROP INDEX IF EXISTS listings_quantity;
DROP INDEX IF EXISTS listings_updated;
DELETE FROM pending_indexes WHERE name IN ('listings_price', 'listings_quantity', 'listings_updated');
ALTER TABLE listings DROP COLUMN price_minor;
ALTER TABLE listings DROP COLUMN currency;
ALTER TABLE listings DROP COLUMN quantity;
ALTER TABLE listings DROP COLUMN updated_at;
`;

// The grid's sorts by price, quantity and last change; each entry ends with the rowid (= listing id).
const OFFER_INDEXES = `
CREATE INDEX listing_offers_price ON listing_offers (price_minor);
CREATE INDEX listing_offers_quantity ON listing_offers (quantity);
CREATE INDEX listing_offers_updated ON listing_offers (updated_at);
`;

// Every listing has its offer row, whoever inserts it: the bulk insert path (insert-listings.ts)
// writes it itself while its bulk_write marker exists; any other INSERT gets an empty offer here.
// Deleting a listing (REPLACE included) deletes its offer through the foreign key.
const OFFER_FOR_EVERY_LISTING = `
CREATE TRIGGER listings_offer_insert AFTER INSERT ON listings
WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO listing_offers (id, updated_at) VALUES (new.id, new.created_at);
END;
`;

const ROWS_VIEW = `
CREATE VIEW listing_rows AS
  SELECT listings.*, listing_offers.price_minor, listing_offers.currency, listing_offers.quantity, listing_offers.updated_at
  FROM listings JOIN listing_offers ON listing_offers.id = listings.id;
`;
