import type BetterSqlite3 from 'better-sqlite3';
import { DEFERRABLE_INDEXES, MIN_ROWS_TO_DEFER } from '../catalog/bulk-load.js';
import { prepared } from '../catalog/prepared.js';

/**
 * Runs a write that moves about `move.listings` listings in or out of the catalog with the grid's sort indexes
 * dropped, and recreates them before returning, when that is cheaper: the move is large and at
 * least as large as what stays (deleting the demo catalog, putting it back). Keeping nine B-trees
 * up to date costs more per row than sorting the rows left once; deleting all of a 100k catalog
 * took half the time.
 *
 * Unlike bulk-load.ts this runs inside the caller's one transaction: a rollback or a crash brings
 * the indexes back with everything else, so nothing is recorded in `pending_indexes`. An index a
 * crashed bulk load left pending is not there to drop; the writer recreates it when it opens.
 */
export function withSortIndexesRebuilt<T>(db: BetterSqlite3.Database, move: { direction: 'in' | 'out'; listings: number }, write: () => T): T {
  if (move.listings < MIN_ROWS_TO_DEFER) return write();
  const catalog = prepared(db, 'SELECT coalesce(sum(n), 0) FROM listing_counts').pluck().get() as number;
  const staying = move.direction === 'out' ? catalog - move.listings : catalog;
  if (staying > move.listings) return write();
  const definition = prepared(db, "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?").pluck();
  const dropped: string[] = [];
  for (const name of DEFERRABLE_INDEXES) {
    const sql = definition.get(name) as string | undefined;
    if (sql === undefined) continue;
    db.exec(`DROP INDEX ${name}`);
    dropped.push(sql);
  }
  const result = write();
  for (const sql of dropped) db.exec(sql);
  return result;
}
