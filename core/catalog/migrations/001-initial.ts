import type { Migration } from './migration.js';

/** Listings, variants, counters and full-text search, plus empty tables later features fill. */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(BULK_WRITE);
    db.exec(LISTINGS);
    db.exec(VARIANTS);
    db.exec(LISTING_COUNTS);
    db.exec(FULL_TEXT);
    db.exec(LATER_FEATURES);
  },
};

const BULK_WRITE = `
-- The bulk insert path (insert-listings.ts) puts a row here for the length of its own
-- transaction: while it exists, the per-row full-text and variant_count triggers stand aside and
-- the batch writes both itself (FTS5 flushes its pending data at every statement savepoint, so
-- indexing row by row from a trigger costs ~45 us a listing, 5x one statement per batch).
-- Other connections never see the row; a crash rolls it back with the batch.
CREATE TABLE bulk_write (marker INTEGER PRIMARY KEY CHECK (marker = 1));

-- Sort indexes a large bulk load dropped and must recreate (bulk-load.ts). The writer recreates
-- whatever is listed here when it opens, so a crash mid-load only costs the rebuild time.
CREATE TABLE pending_indexes (name TEXT PRIMARY KEY, sql TEXT NOT NULL) WITHOUT ROWID;
`;

const LISTINGS = `
CREATE TABLE listings (
  id INTEGER PRIMARY KEY,
  marketplace TEXT NOT NULL CHECK (marketplace IN ('ebay','etsy','amazon','shopify','woocommerce','google','other')),
  source_id TEXT,
  sku TEXT,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  price_minor INTEGER CHECK (price_minor IS NULL OR price_minor >= 0),
  currency TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3 AND currency = upper(currency)),
  quantity INTEGER,
  tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
  materials TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(materials) AND json_type(materials) = 'array'),
  images TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(images) AND json_type(images) = 'array'),
  category TEXT,
  brand TEXT,
  condition TEXT,
  attributes TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes) AND json_type(attributes) = 'object'),
  status TEXT NOT NULL CHECK (status IN ('active','draft','inactive','sold_out','archived')),
  variant_count INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- The same marketplace item imported twice must update, not duplicate.
CREATE UNIQUE INDEX listings_source ON listings (marketplace, source_id) WHERE source_id IS NOT NULL;

-- One index per grid sort column. Each index entry carries the rowid, so "ORDER BY col, id"
-- (ties broken by id) walks the index without a sort step; DESC walks it backwards.
-- The marketplace and status indexes also serve the grid filters.
CREATE INDEX listings_title ON listings (title COLLATE NOCASE);
CREATE INDEX listings_sku ON listings (sku);
CREATE INDEX listings_price ON listings (price_minor);
CREATE INDEX listings_quantity ON listings (quantity);
CREATE INDEX listings_updated ON listings (updated_at);
CREATE INDEX listings_marketplace ON listings (marketplace);
CREATE INDEX listings_status ON listings (status);
`;

const VARIANTS = `
CREATE TABLE variants (
  id INTEGER PRIMARY KEY,
  listing_id INTEGER NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  sku TEXT,
  options TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(options) AND json_type(options) = 'array'),
  price_minor INTEGER CHECK (price_minor IS NULL OR price_minor >= 0),
  quantity INTEGER,
  image TEXT
);
CREATE INDEX variants_listing ON variants (listing_id, position);

-- listings.variant_count follows the variants table, whoever writes it.
CREATE TRIGGER variants_count_insert AFTER INSERT ON variants
WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  UPDATE listings SET variant_count = variant_count + 1 WHERE id = new.listing_id;
END;
CREATE TRIGGER variants_count_delete AFTER DELETE ON variants BEGIN
  UPDATE listings SET variant_count = variant_count - 1 WHERE id = old.listing_id;
END;
CREATE TRIGGER variants_count_move AFTER UPDATE OF listing_id ON variants
WHEN old.listing_id IS NOT new.listing_id BEGIN
  UPDATE listings SET variant_count = variant_count - 1 WHERE id = old.listing_id;
  UPDATE listings SET variant_count = variant_count + 1 WHERE id = new.listing_id;
END;
`;

// Counting 1M rows takes ~100 ms even through an index; these counters make stats O(1).
const LISTING_COUNTS = `
CREATE TABLE listing_counts (
  marketplace TEXT NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (marketplace, status)
) WITHOUT ROWID;

CREATE TRIGGER listings_count_insert AFTER INSERT ON listings BEGIN
  INSERT INTO listing_counts (marketplace, status, n) VALUES (new.marketplace, new.status, 1)
    ON CONFLICT (marketplace, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER listings_count_delete AFTER DELETE ON listings BEGIN
  UPDATE listing_counts SET n = n - 1 WHERE marketplace = old.marketplace AND status = old.status;
END;
CREATE TRIGGER listings_count_update AFTER UPDATE OF marketplace, status ON listings
WHEN old.marketplace IS NOT new.marketplace OR old.status IS NOT new.status BEGIN
  UPDATE listing_counts SET n = n - 1 WHERE marketplace = old.marketplace AND status = old.status;
  INSERT INTO listing_counts (marketplace, status, n) VALUES (new.marketplace, new.status, 1)
    ON CONFLICT (marketplace, status) DO UPDATE SET n = n + 1;
END;
`;

// External content: the text lives once, in listings; the FTS table holds only the index.
const FULL_TEXT = `
CREATE VIRTUAL TABLE listings_fts USING fts5 (
  title, description, sku, brand, tags,
  content = 'listings', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER listings_fts_insert AFTER INSERT ON listings
WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO listings_fts (rowid, title, description, sku, brand, tags)
    VALUES (new.id, new.title, new.description, new.sku, new.brand, new.tags);
END;
CREATE TRIGGER listings_fts_delete AFTER DELETE ON listings BEGIN
  INSERT INTO listings_fts (listings_fts, rowid, title, description, sku, brand, tags)
    VALUES ('delete', old.id, old.title, old.description, old.sku, old.brand, old.tags);
END;
CREATE TRIGGER listings_fts_update AFTER UPDATE OF id, title, description, sku, brand, tags ON listings BEGIN
  INSERT INTO listings_fts (listings_fts, rowid, title, description, sku, brand, tags)
    VALUES ('delete', old.id, old.title, old.description, old.sku, old.brand, old.tags);
  INSERT INTO listings_fts (rowid, title, description, sku, brand, tags)
    VALUES (new.id, new.title, new.description, new.sku, new.brand, new.tags);
END;
`;

const LATER_FEATURES = `
-- History outlives the listing (no foreign key), so a deleted listing can be restored.
CREATE TABLE revisions (
  id INTEGER PRIMARY KEY,
  listing_id INTEGER NOT NULL,
  author TEXT NOT NULL CHECK (author IN ('user','import','optimizer','ai')),
  created_at INTEGER NOT NULL,
  changes TEXT NOT NULL CHECK (json_valid(changes))
);
CREATE INDEX revisions_listing ON revisions (listing_id, created_at);

CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued','running','done','failed','cancelled')),
  priority INTEGER NOT NULL DEFAULT 0,
  payload TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
  attempts INTEGER NOT NULL DEFAULT 0,
  lease_expires_at INTEGER,
  error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX jobs_runnable ON jobs (state, priority DESC, id);

CREATE TABLE proposals (
  id INTEGER PRIMARY KEY,
  listing_id INTEGER NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
  job_id INTEGER REFERENCES jobs (id) ON DELETE SET NULL,
  field TEXT NOT NULL,
  before_value TEXT CHECK (before_value IS NULL OR json_valid(before_value)),
  after_value TEXT CHECK (after_value IS NULL OR json_valid(after_value)),
  rule TEXT,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','accepted','rejected','superseded')),
  created_at INTEGER NOT NULL
);
CREATE INDEX proposals_listing ON proposals (listing_id, state);
CREATE INDEX proposals_job ON proposals (job_id);

CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  dialect TEXT,
  encoding TEXT,
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  counts TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(counts)),
  report TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(report))
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) WITHOUT ROWID;
`;
