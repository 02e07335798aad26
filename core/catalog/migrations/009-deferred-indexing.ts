import type { Migration } from './migration.js';

/**
 * Issue 15: a large import commits its listings first and indexes them for search (and scores
 * them) afterwards, in small slices on the writer (core/catalog/index-backlog.ts). The ids still
 * waiting are rows of `listings_unindexed`; a slice indexes some and deletes them in the same
 * transaction, so a crash mid-way resumes where it stopped and nothing is indexed twice.
 *
 * The full-text triggers must not touch a waiting listing: FTS5 with external content trusts a
 * 'delete' to name text it holds, and a waiting listing is not in the index yet. So an update of
 * a waiting listing leaves the index alone (the slice reads the text as it is then), and a delete
 * only drops it from the waiting list.
 */
export const deferredIndexing: Migration = {
  version: 9,
  name: 'deferred-indexing',
  up(db) {
    db.exec(`
CREATE TABLE listings_unindexed (id INTEGER PRIMARY KEY);

DROP TRIGGER listings_fts_delete;
CREATE TRIGGER listings_fts_delete AFTER DELETE ON listings BEGIN
  INSERT INTO listings_fts (listings_fts, rowid, title, description, sku, brand, tags)
    SELECT 'delete', old.id, old.title, old.description, old.sku, old.brand, old.tags
    WHERE NOT EXISTS (SELECT 1 FROM listings_unindexed WHERE id = old.id);
  DELETE FROM listings_unindexed WHERE id = old.id;
END;

DROP TRIGGER listings_fts_update;
CREATE TRIGGER listings_fts_update AFTER UPDATE OF id, title, description, sku, brand, tags ON listings
WHEN NOT EXISTS (SELECT 1 FROM listings_unindexed WHERE id = old.id) BEGIN
  INSERT INTO listings_fts (listings_fts, rowid, title, description, sku, brand, tags)
    VALUES ('delete', old.id, old.title, old.description, old.sku, old.brand, old.tags);
  INSERT INTO listings_fts (rowid, title, description, sku, brand, tags)
    VALUES (new.id, new.title, new.description, new.sku, new.brand, new.tags);
END;
`);
  },
};
