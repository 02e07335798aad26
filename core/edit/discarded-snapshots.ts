import type BetterSqlite3 from 'better-sqlite3';
import { catalogQuery } from '../catalog/query-builder.js';
import { runWrite, selectFirstRow } from '../catalog/run-compiled.js';

/*
 * Snapshots are kept so that undo or redo can put listings back (change-set-listings.ts). Once a
 * change set is discarded — it was undone, then a new change ended redo — nothing can walk it
 * again, and the listings its snapshots hold (an undone import's new listings, say: ~1.5 kB each)
 * would stay in the seller's file for good. The writer forgets them after answering the call that
 * discarded the set. Their parked revisions stay: history is never rewritten.
 */

/** True when some discarded change set still holds snapshots (an index probe per discarded set). */
export function hasDiscardedSnapshots(db: BetterSqlite3.Database): boolean {
  const withSnapshots = catalogQuery
    .selectFrom('change_sets as c')
    .select('c.id')
    .where('c.undoable', '=', 1)
    .where('c.state', '=', 'discarded')
    .where((set) => set.exists(set.selectFrom('listing_snapshots as s').select('s.listing_id').whereRef('s.change_set_id', '=', 'c.id')))
    .limit(1);
  return selectFirstRow(db, withSnapshots) !== undefined;
}

/** Deletes the snapshots of every discarded change set, in one transaction; returns how many. */
export function forgetDiscardedSnapshots(db: BetterSqlite3.Database): number {
  return db
    .transaction(
      () =>
        runWrite(
          db,
          catalogQuery
            .deleteFrom('listing_snapshots')
            .where('change_set_id', 'in', (sets) => sets.selectFrom('change_sets').select('id').where('undoable', '=', 1).where('state', '=', 'discarded')),
        ).changes,
    )
    .immediate();
}
