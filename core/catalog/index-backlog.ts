import type BetterSqlite3 from 'better-sqlite3';
import { qualityOf } from './listing-quality.js';
import { RULE_INPUT_COLUMNS, ruleInputFromRow, type RuleInputRow } from './rule-input-row.js';

/**
 * Listings per slice: ~15–30 ms of FTS5 and rule work on a busy 2-core machine, so a call queued
 * behind a slice barely waits and the readers keep their share of the CPU.
 */
export const INDEX_SLICE_SIZE = 500;

export interface IndexSliceResult {
  /** Listings indexed (and scored when unscored) by this slice. */
  indexed: number;
  /** Listings still waiting after it. */
  remaining: number;
}

/** The writer's statements of the backlog, prepared once per connection. */
export interface IndexBacklog {
  /** Listings committed but not yet indexed for search. */
  count(): number;
  /** Indexes and scores the next `size` waiting listings in one transaction. */
  indexSlice(size?: number): IndexSliceResult;
}

const backlogs = new WeakMap<BetterSqlite3.Database, IndexBacklog>();
const counters = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement>();

/** Listings committed but not yet indexed for search: what a search may still miss (any connection). */
export function countUnindexed(db: BetterSqlite3.Database): number {
  let statement = counters.get(db);
  if (!statement) counters.set(db, (statement = db.prepare('SELECT count(*) FROM listings_unindexed').pluck()));
  return statement.get() as number;
}

/**
 * The second phase of a large import (migration 009): listings that were committed unindexed and
 * unscored get their full-text entries and quality scores here, a slice at a time, in id order.
 * Each slice takes its ids off `listings_unindexed` in the same transaction that indexes them,
 * so a crash loses at most the slice in progress (rolled back, redone on the next start) and no
 * listing is ever indexed twice. A row the rules already scored (an update, a restore) keeps its
 * score.
 */
export function indexBacklog(db: BetterSqlite3.Database): IndexBacklog {
  const known = backlogs.get(db);
  if (known) return known;
  const bounds = db.prepare('SELECT min(id) AS first, max(id) AS last FROM (SELECT id FROM listings_unindexed ORDER BY id LIMIT ?)');
  const index = db.prepare(`INSERT INTO listings_fts (rowid, title, description, sku, brand, tags)
    SELECT id, title, description, sku, brand, tags FROM listings WHERE id IN (SELECT id FROM listings_unindexed WHERE id BETWEEN ? AND ?)`);
  const unscored = db.prepare(`SELECT ${RULE_INPUT_COLUMNS} FROM listing_rows
    WHERE id IN (SELECT id FROM listings_unindexed WHERE id BETWEEN ? AND ?) AND quality_score IS NULL`);
  const score = db.prepare('UPDATE listings SET quality_score = ?, error_count = ?, failing_rules = ? WHERE id = ?');
  const forget = db.prepare('DELETE FROM listings_unindexed WHERE id BETWEEN ? AND ?');

  const slice = (size: number): IndexSliceResult =>
    db.transaction((): IndexSliceResult => {
      const { first, last } = bounds.get(size) as { first: number | null; last: number | null };
      if (first === null || last === null) return { indexed: 0, remaining: 0 };
      const indexed = index.run(first, last).changes;
      for (const row of unscored.all(first, last) as RuleInputRow[]) {
        const quality = qualityOf(ruleInputFromRow(row));
        score.run(quality.qualityScore, quality.errorCount, quality.failingRules, row.id);
      }
      forget.run(first, last);
      return { indexed, remaining: countUnindexed(db) };
    }).immediate();

  const backlog: IndexBacklog = {
    count: () => countUnindexed(db),
    indexSlice: (size = INDEX_SLICE_SIZE) => slice(size),
  };
  backlogs.set(db, backlog);
  return backlog;
}

/**
 * Indexes the whole backlog at once, slice after slice (the CLI, which has no calls to serve
 * between slices, and tests). Returns the listings it indexed.
 */
export function drainIndexBacklog(db: BetterSqlite3.Database, onProgress?: (done: number, total: number) => void): number {
  const backlog = indexBacklog(db);
  let done = 0;
  for (;;) {
    const slice = backlog.indexSlice();
    done += slice.indexed;
    if (slice.remaining === 0 && slice.indexed === 0) return done;
    onProgress?.(done, done + slice.remaining);
    if (slice.remaining === 0) return done;
  }
}
