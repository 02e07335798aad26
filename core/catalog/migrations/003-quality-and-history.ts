import type { Migration } from './migration.js';

/**
 * Issue 4 (editing): a stored quality score per listing, dashboard counters kept by triggers, and
 * change sets that group revisions into undoable user actions.
 *
 * Scores are NOT computed here: a migration is frozen SQL and the rules engine changes over time.
 * New columns start NULL ("not scored yet"); the writer scores such rows in the background at
 * start (core/catalog/rescore.ts) and rescoring is repeated whenever the rule tables change.
 */
export const qualityAndHistory: Migration = {
  version: 3,
  name: 'quality-and-history',
  up(db) {
    db.exec(QUALITY);
    db.exec(DASHBOARD_COUNTERS);
    db.exec(CHANGE_SETS);
  },
};

const QUALITY = `
-- 0–100 against the listing's own marketplace (common/rules); NULL until scored.
ALTER TABLE listings ADD COLUMN quality_score INTEGER CHECK (quality_score IS NULL OR quality_score BETWEEN 0 AND 100);
-- Failing rules of severity 'error'; NULL until scored.
ALTER TABLE listings ADD COLUMN error_count INTEGER CHECK (error_count IS NULL OR error_count >= 0);
-- JSON array of the ids of every failing rule (errors and warnings), for "top failing rules".
ALTER TABLE listings ADD COLUMN failing_rules TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(failing_rules) AND json_type(failing_rules) = 'array');

-- Grid sort by score (ties by id, like every sort index) and the "has errors" filter.
CREATE INDEX listings_score ON listings (quality_score);
CREATE INDEX listings_errors ON listings (error_count) WHERE error_count > 0;
`;

// Counting 1M rows for the dashboard takes ~100 ms; these counters make it O(1) (goal ≤ 10 ms).
const DASHBOARD_COUNTERS = `
-- bucket = min(score / 10, 9): 0 → 0–9 … 9 → 90–100. Unscored rows are not counted.
CREATE TABLE score_counts (
  bucket INTEGER PRIMARY KEY CHECK (bucket BETWEEN 0 AND 9),
  n INTEGER NOT NULL
);
CREATE TABLE error_counts (
  has_errors INTEGER PRIMARY KEY CHECK (has_errors IN (0, 1)),
  n INTEGER NOT NULL
);
CREATE TABLE rule_counts (
  rule_id TEXT PRIMARY KEY,
  n INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER listings_quality_insert AFTER INSERT ON listings WHEN new.quality_score IS NOT NULL BEGIN
  INSERT INTO score_counts (bucket, n) VALUES (min(new.quality_score / 10, 9), 1)
    ON CONFLICT (bucket) DO UPDATE SET n = n + 1;
  INSERT INTO error_counts (has_errors, n) VALUES (new.error_count > 0, 1)
    ON CONFLICT (has_errors) DO UPDATE SET n = n + 1;
  INSERT INTO rule_counts (rule_id, n) SELECT value, 1 FROM json_each(new.failing_rules) WHERE true
    ON CONFLICT (rule_id) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER listings_quality_delete AFTER DELETE ON listings WHEN old.quality_score IS NOT NULL BEGIN
  UPDATE score_counts SET n = n - 1 WHERE bucket = min(old.quality_score / 10, 9);
  UPDATE error_counts SET n = n - 1 WHERE has_errors = (old.error_count > 0);
  UPDATE rule_counts SET n = n - 1 WHERE rule_id IN (SELECT value FROM json_each(old.failing_rules));
END;

CREATE TRIGGER listings_quality_update AFTER UPDATE OF quality_score, error_count, failing_rules ON listings
WHEN old.quality_score IS NOT new.quality_score OR old.error_count IS NOT new.error_count OR old.failing_rules IS NOT new.failing_rules BEGIN
  UPDATE score_counts SET n = n - 1 WHERE old.quality_score IS NOT NULL AND bucket = min(old.quality_score / 10, 9);
  UPDATE error_counts SET n = n - 1 WHERE old.quality_score IS NOT NULL AND has_errors = (old.error_count > 0);
  UPDATE rule_counts SET n = n - 1 WHERE old.quality_score IS NOT NULL AND rule_id IN (SELECT value FROM json_each(old.failing_rules));
  INSERT INTO score_counts (bucket, n) SELECT min(new.quality_score / 10, 9), 1 WHERE new.quality_score IS NOT NULL
    ON CONFLICT (bucket) DO UPDATE SET n = n + 1;
  INSERT INTO error_counts (has_errors, n) SELECT new.error_count > 0, 1 WHERE new.quality_score IS NOT NULL
    ON CONFLICT (has_errors) DO UPDATE SET n = n + 1;
  INSERT INTO rule_counts (rule_id, n) SELECT value, 1 FROM json_each(new.failing_rules) WHERE new.quality_score IS NOT NULL
    ON CONFLICT (rule_id) DO UPDATE SET n = n + 1;
END;
`;

const CHANGE_SETS = `
-- One row per user-visible action (an inline edit, a bulk edit, a revert, an import, an accepted
-- proposal). Undo/redo walk the user's change sets; each revision belongs to one change set.
CREATE TABLE change_sets (
  id INTEGER PRIMARY KEY,
  author TEXT NOT NULL CHECK (author IN ('user','import','optimizer','ai')),
  kind TEXT NOT NULL CHECK (kind IN ('edit','bulk','revert','import','proposal')),
  summary TEXT NOT NULL,
  listing_count INTEGER NOT NULL DEFAULT 0,
  -- applied: in effect (undoable); undone: reverted by undo (redoable);
  -- discarded: undone and then superseded by a new change (redo no longer offered).
  state TEXT NOT NULL DEFAULT 'applied' CHECK (state IN ('applied','undone','discarded')),
  undoable INTEGER NOT NULL DEFAULT 1 CHECK (undoable IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX change_sets_undo ON change_sets (undoable, state, id);

ALTER TABLE revisions ADD COLUMN change_set_id INTEGER REFERENCES change_sets (id);
CREATE INDEX revisions_change_set ON revisions (change_set_id) WHERE change_set_id IS NOT NULL;

-- The dashboard's "activity per day" reads this small table, never the revisions.
CREATE INDEX change_sets_created ON change_sets (created_at);
`;
