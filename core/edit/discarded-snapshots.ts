import type BetterSqlite3 from 'better-sqlite3';
import { prepared } from '../catalog/prepared.js';

/*
 * Snapshots are kept so that undo or redo can put listings back (change-set-listings.ts). Once a
 * change set is discarded — it was undone, then a new change ended redo — nothing can walk it
 * again, and the listings its snapshots hold (an undone import's new listings, say: ~1.5 kB each)
 * would stay in the seller's file for good. The writer forgets them after answering the call that
 * discarded the set. Their parked revisions stay: history is never rewritten.
 */

/** True when some discarded change set still holds snapshots (an index probe per discarded set). */
export function hasDiscardedSnapshots(db: BetterSqlite3.Database): boolean {
  return (
    prepared(
      db,
      "SELECT 1 FROM change_sets c WHERE c.undoable = 1 AND c.state = 'discarded' AND EXISTS (SELECT 1 FROM listing_snapshots s WHERE s.change_set_id = c.id) LIMIT 1",
    ).get() !== undefined
  );
}

/** Deletes the snapshots of every discarded change set, in one transaction; returns how many. */
export function forgetDiscardedSnapshots(db: BetterSqlite3.Database): number {
  return db
    .transaction(
      () =>
        prepared(db, "DELETE FROM listing_snapshots WHERE change_set_id IN (SELECT id FROM change_sets WHERE undoable = 1 AND state = 'discarded')").run().changes,
    )
    .immediate();
}
