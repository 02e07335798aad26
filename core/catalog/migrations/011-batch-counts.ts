import type { Migration } from './migration.js';

/**
 * Issue 15 (import at the speed of the disk): the listing_counts trigger may stand aside for the
 * bulk insert path, which then adds a whole batch's counts in one grouped statement
 * (insert-listings.ts). A separate marker from `bulk_write`: undo's put-back also holds that one
 * and relies on this trigger. Like `bulk_write`, the row lives only inside the inserting
 * transaction; other connections never see it and a crash rolls it back with the batch.
 */
export const batchCounts: Migration = {
  version: 11,
  name: 'batch-counts',
  up(db) {
    db.exec(`
CREATE TABLE batch_counts (marker INTEGER PRIMARY KEY CHECK (marker = 1));
DROP TRIGGER listings_count_insert;
CREATE TRIGGER listings_count_insert AFTER INSERT ON listings
WHEN NOT EXISTS (SELECT 1 FROM batch_counts) BEGIN
  INSERT INTO listing_counts (marketplace, status, n) VALUES (new.marketplace, new.status, 1)
    ON CONFLICT (marketplace, status) DO UPDATE SET n = n + 1;
END;
`);
  },
};
