import type BetterSqlite3 from 'better-sqlite3';
import { recordCreatedIds } from '../import/apply-import-record.js';
import { deleteListingRows, indexForSearch, parkRevisions, parseSnapshot, readSnapshots, restoreSnapshot, type ListingSnapshot } from './listing-snapshot.js';
import { prepared } from '../catalog/prepared.js';
import { catalogQuery } from '../catalog/query-builder.js';
import { selectRows } from '../catalog/run-compiled.js';
import type { ListingSnapshotsTable } from '../catalog/schema.js';
import { ID_CHUNK, idChunks } from '../catalog/rows-by-id.js';
import { withSortIndexesRebuilt } from './sort-indexes-rebuilt.js';

/*
 * Whole listings a change set has taken out of the catalog or put into it (migration 007):
 *
 * - `listing_snapshots`: the listings it keeps OUT of the catalog now, whole (listing-snapshot.ts);
 * - `change_set_created`: id ranges of the listings it has put IN: an import's new listings, or
 *   the listings that undoing a delete put back.
 *
 * Taking out moves listings from the catalog into snapshots; putting back does the reverse. So an
 * applied import has its new listings in ranges and an undone one has them in snapshots; an applied
 * delete has its listings in snapshots and an undone one has them in ranges. Undo and redo of both
 * kinds are these two moves (undo.ts). Everything runs inside the caller's transaction.
 */

/** What putting a change set's listings back did. */
export interface PutBack {
  putBack: number;
  /** Not put back: another listing holds the same marketplace id now. Their snapshots stay for a later try. */
  leftOut: number;
}

/**
 * Takes the listings out of the catalog into the change set's snapshots, ID_CHUNK at a time:
 * snapshot, park revisions, delete (foreign keys, counters and search follow). Ids not in the
 * catalog are skipped. Returns how many listings it took out.
 */
export function takeOutListings(db: BetterSqlite3.Database, changeSetId: number, ids: ArrayLike<number>): number {
  const keep = prepared(db, 'INSERT INTO listing_snapshots (change_set_id, listing_id, data) VALUES (?, ?, ?)');
  return withSortIndexesRebuilt(db, { direction: 'out', listings: ids.length }, () => {
    let removed = 0;
    for (const chunk of idChunks(ids)) {
      const snapshots = readSnapshots(db, chunk);
      if (snapshots.size === 0) continue;
      const revisions: number[] = [];
      for (const [id, snapshot] of snapshots) {
        keep.run(changeSetId, id, JSON.stringify(snapshot));
        revisions.push(...snapshot.revisions);
      }
      parkRevisions(db, revisions);
      removed += deleteListingRows(db, [...snapshots.keys()]);
    }
    return removed;
  });
}

/**
 * Takes out the listings the change set has put in (its ranges) and forgets the ranges: undo of
 * an import, redo of a delete. Returns how many listings it took out.
 */
export function takeOutPutIn(db: BetterSqlite3.Database, changeSetId: number): number {
  const removed = takeOutListings(db, changeSetId, listingsPutIn(db, changeSetId));
  prepared(db, 'DELETE FROM change_set_created WHERE change_set_id = ?').run(changeSetId);
  return removed;
}

/** Ids of the listings a change set has put into the catalog (its ranges) that are still there, ascending. */
export function listingsPutIn(db: BetterSqlite3.Database, changeSetId: number): number[] {
  const ranges = selectRows(db, catalogQuery.selectFrom('change_set_created').select(['first_id', 'last_id']).where('change_set_id', '=', changeSetId).orderBy('first_id'));
  const inRange = prepared(db, 'SELECT id FROM listings WHERE id BETWEEN ? AND ? ORDER BY id').pluck();
  const ids: number[] = [];
  for (const range of ranges) for (const id of inRange.iterate(range.first_id, range.last_id)) ids.push(id as number);
  return ids;
}

/**
 * Puts every listing the change set keeps out back into the catalog, ID_CHUNK at a time, each
 * under its own id, or — when a listing added since has taken that id (demo data is not a change
 * set) — under a new one; its history follows it. A listing whose marketplace id another listing
 * holds now is left out (two listings cannot share it) and keeps its snapshot. The ids put back
 * become the change set's ranges, so the reverse step finds them.
 */
export function putBackListings(db: BetterSqlite3.Database, changeSetId: number): PutBack {
  const page = prepared(db, 'SELECT listing_id, data FROM listing_snapshots WHERE change_set_id = ? AND listing_id > ? ORDER BY listing_id LIMIT ?');
  const forget = prepared(db, 'DELETE FROM listing_snapshots WHERE change_set_id = ? AND listing_id = ?');
  const idTaken = prepared(db, 'SELECT 1 FROM listings WHERE id = ?').pluck();
  const marketplaceIdTaken = prepared(db, 'SELECT 1 FROM listings WHERE marketplace = ? AND source_id = ?').pluck();
  const placed: number[] = [];
  let leftOut = 0;
  let nextNewId: number | null = null;
  // Above every listing and every id this change set may still put back, so a moved listing never takes a snapshot's id.
  const newId = (): number => {
    nextNewId ??=
      Math.max(
        prepared(db, 'SELECT coalesce(max(id), 0) FROM listings').pluck().get() as number,
        prepared(db, 'SELECT coalesce(max(listing_id), 0) FROM listing_snapshots WHERE change_set_id = ?').pluck().get(changeSetId) as number,
      ) + 1;
    return nextNewId++;
  };

  // The change set's count is the estimate: counting its snapshots would read them all.
  const expected = prepared(db, 'SELECT listing_count FROM change_sets WHERE id = ?').pluck().get(changeSetId) as number;
  withSortIndexesRebuilt(db, { direction: 'in', listings: expected }, () => {
    let cursor = 0;
    for (;;) {
      const rows = page.all(changeSetId, cursor, ID_CHUNK) as Pick<ListingSnapshotsTable, 'listing_id' | 'data'>[];
      if (rows.length === 0) break;
      cursor = rows.at(-1)!.listing_id;
      const chunk: number[] = [];
      withTriggersDeferred(db, () => {
        for (const row of rows) {
          const snapshot: ListingSnapshot = parseSnapshot(row.data);
          const sourceId = snapshot.listing.source_id;
          if (sourceId !== null && marketplaceIdTaken.get(snapshot.listing.marketplace, sourceId) !== undefined) {
            leftOut++;
            continue;
          }
          const id = idTaken.get(row.listing_id) === undefined ? row.listing_id : newId();
          restoreSnapshot(db, snapshot, id);
          forget.run(changeSetId, row.listing_id);
          chunk.push(id);
        }
        indexForSearch(db, chunk);
      });
      placed.push(...chunk);
    }
  });
  recordCreatedIds(db, changeSetId, placed.sort((a, b) => a - b));
  return { putBack: placed.length, leftOut };
}

/** The bulk insert path's marker (migration 001), held for one chunk of put-back listings. */
function withTriggersDeferred(db: BetterSqlite3.Database, write: () => void): void {
  prepared(db, 'INSERT INTO bulk_write (marker) VALUES (1)').run();
  try {
    write();
  } finally {
    prepared(db, 'DELETE FROM bulk_write').run();
  }
}
