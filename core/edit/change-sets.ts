import type BetterSqlite3 from 'better-sqlite3';
import type { ChangeSetState, ChangeSetSummary } from '../../common/edit-types.js';
import { changeSetSummary, type ChangeSetRow } from '../catalog/change-set-row.js';
import { prepared } from '../catalog/prepared.js';

/**
 * Starts the change set of a user action (undoable). A new change ends redo: every undone change
 * set becomes 'discarded', as in any editor — redoing it on top of the new change would be a guess.
 */
export function startUserChangeSet(db: BetterSqlite3.Database, kind: 'edit' | 'bulk' | 'revert' | 'delete', summary: string, listingCount: number, now: number): number {
  prepared(db, "UPDATE change_sets SET state = 'discarded', updated_at = ? WHERE undoable = 1 AND state = 'undone'").run(now);
  const { lastInsertRowid } = prepared(
    db,
    "INSERT INTO change_sets (author, kind, summary, listing_count, state, undoable, created_at, updated_at) VALUES ('user', ?, ?, ?, 'applied', 1, ?, ?)",
  ).run(kind, summary, listingCount, now, now);
  return Number(lastInsertRowid);
}

/** Sets the final summary and count once a bulk edit knows how many listings it changed. */
export function finishChangeSet(db: BetterSqlite3.Database, id: number, summary: string, listingCount: number, now: number): void {
  prepared(db, 'UPDATE change_sets SET summary = ?, listing_count = ?, updated_at = ? WHERE id = ?').run(summary, listingCount, now, id);
}

export function setChangeSetState(db: BetterSqlite3.Database, id: number, state: ChangeSetState, now: number): void {
  prepared(db, 'UPDATE change_sets SET state = ?, updated_at = ? WHERE id = ?').run(state, now, id);
}

export function readChangeSet(db: BetterSqlite3.Database, id: number): ChangeSetSummary | null {
  const row = prepared(db, 'SELECT * FROM change_sets WHERE id = ?').get(id) as ChangeSetRow | undefined;
  return row ? changeSetSummary(row) : null;
}

/** Records one listing's field → {before, after} as part of a user change set. */
export function insertUserRevision(db: BetterSqlite3.Database, listingId: number, changesJson: string, changeSetId: number, now: number): void {
  prepared(db, "INSERT INTO revisions (listing_id, author, created_at, changes, change_set_id) VALUES (?, 'user', ?, ?, ?)").run(listingId, now, changesJson, changeSetId);
}
