import type { Migration } from './migration.js';

/**
 * Which import last created or changed a listing, so an import's report can show "these
 * listings" in the grid (filter `importId`). Listings the import found unchanged keep their
 * earlier value. No foreign key: the imports table is history, and a listing outlives it.
 */
export const importIdColumn: Migration = {
  version: 2,
  name: 'import-id',
  up(db) {
    db.exec(`
ALTER TABLE listings ADD COLUMN import_id INTEGER;
CREATE INDEX listings_import ON listings (import_id) WHERE import_id IS NOT NULL;
`);
  },
};
