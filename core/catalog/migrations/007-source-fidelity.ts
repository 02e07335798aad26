import type { Migration } from './migration.js';

/**
 * Issue 13 (lossless on real seller files):
 *
 * - `listing_sources`: per listing, what its source file held that Listsmith does not model
 *   (untouched columns, which attribute came from which column, image alt texts, fields the file
 *   had no column for, the status word as written). A table of its own rather than a column of the
 *   wide `listings` row: an Amazon flat-file row keeps hundreds of bytes of columns, which would push
 *   the grid's columns onto overflow pages. Most demo and hand-made listings have no row here.
 * - `variants.columns`: a variant's own untouched source columns (Shopify `Variant Grams`…).
 * - Deleting listings and undoing an import become undoable change sets: `change_sets.kind` gains
 *   'delete'; `listing_snapshots` keeps the whole listing a change set removed (a delete, or an
 *   undone import's new listings) so undo/redo can put it back with its id; `change_set_created`
 *   records the id ranges a change set created (an import's new listings get consecutive ids, so
 *   a 100k-listing import is usually one row).
 *
 * change_sets is rebuilt to widen its CHECK (SQLite cannot alter one); the foreign keys that
 * point at it (revisions, proposals, jobs) are checked at COMMIT, when the rebuilt table holds
 * every id again.
 */
export const sourceFidelity: Migration = {
  version: 7,
  name: 'source-fidelity',
  up(db) {
    db.pragma('defer_foreign_keys = ON');
    db.exec(SOURCES);
    db.exec(CHANGE_SETS);
    db.exec(SNAPSHOTS);
  },
};

const SOURCES = `
CREATE TABLE listing_sources (
  listing_id INTEGER PRIMARY KEY REFERENCES listings (id) ON DELETE CASCADE,
  data TEXT NOT NULL CHECK (json_valid(data) AND json_type(data) = 'object')
);
ALTER TABLE variants ADD COLUMN columns TEXT CHECK (columns IS NULL OR (json_valid(columns) AND json_type(columns) = 'object'));
`;

const CHANGE_SETS = `
CREATE TABLE change_sets_new (
  id INTEGER PRIMARY KEY,
  author TEXT NOT NULL CHECK (author IN ('user','import','optimizer','ai')),
  kind TEXT NOT NULL CHECK (kind IN ('edit','bulk','revert','import','proposal','delete')),
  summary TEXT NOT NULL,
  listing_count INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT 'applied' CHECK (state IN ('applied','undone','discarded')),
  undoable INTEGER NOT NULL DEFAULT 1 CHECK (undoable IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
INSERT INTO change_sets_new (id, author, kind, summary, listing_count, state, undoable, created_at, updated_at)
  SELECT id, author, kind, summary, listing_count, state, undoable, created_at, updated_at FROM change_sets ORDER BY id;
DROP TABLE change_sets;
ALTER TABLE change_sets_new RENAME TO change_sets;
CREATE INDEX change_sets_undo ON change_sets (undoable, state, id);
CREATE INDEX change_sets_created ON change_sets (created_at);
`;

const SNAPSHOTS = `
-- A whole listing (JSON: fields, variants, source, marks) that a change set removed; undo or redo
-- inserts it again under the same id.
CREATE TABLE listing_snapshots (
  change_set_id INTEGER NOT NULL REFERENCES change_sets (id) ON DELETE CASCADE,
  listing_id INTEGER NOT NULL,
  data TEXT NOT NULL CHECK (json_valid(data)),
  PRIMARY KEY (change_set_id, listing_id)
) WITHOUT ROWID;

-- Id ranges of the listings a change set created (an import's new listings).
CREATE TABLE change_set_created (
  change_set_id INTEGER NOT NULL REFERENCES change_sets (id) ON DELETE CASCADE,
  first_id INTEGER NOT NULL,
  last_id INTEGER NOT NULL CHECK (last_id >= first_id),
  PRIMARY KEY (change_set_id, first_id)
) WITHOUT ROWID;
`;
