import type BetterSqlite3 from 'better-sqlite3';
import type { ChangeSetKind, ChangeSetState, ChangeSetSummary, RevisionAuthor } from '../../common/edit-types.js';
import { changeSetSummary } from '../catalog/change-set-row.js';
import { prepared } from '../catalog/prepared.js';
import { catalogQuery } from '../catalog/query-builder.js';
import { compileOnce, runWrite, selectFirstRow } from '../catalog/run-compiled.js';

/**
 * Starts an undoable change set (a user action, accepted proposals). A new change ends redo: every
 * undone change set becomes 'discarded', as in any editor — redoing it on top of the new change
 * would be a guess.
 */
export function startChangeSet(db: BetterSqlite3.Database, author: RevisionAuthor, kind: ChangeSetKind, summary: string, listingCount: number, now: number): number {
  runWrite(db, catalogQuery.updateTable('change_sets').set({ state: 'discarded', updated_at: now }).where('undoable', '=', 1).where('state', '=', 'undone'));
  const { lastInsertRowid } = runWrite(
    db,
    catalogQuery
      .insertInto('change_sets')
      .values({ author, kind, summary, listing_count: listingCount, state: 'applied', undoable: 1, created_at: now, updated_at: now }),
  );
  return Number(lastInsertRowid);
}

/** Starts the change set of a user action (undoable); see startChangeSet. */
export function startUserChangeSet(db: BetterSqlite3.Database, kind: 'edit' | 'bulk' | 'revert' | 'delete', summary: string, listingCount: number, now: number): number {
  return startChangeSet(db, 'user', kind, summary, listingCount, now);
}

// Once per batch when an auto-applying job grows its change set.
const restate = compileOnce((set: { id: number; summary: string; listingCount: number; now: number }) =>
  catalogQuery.updateTable('change_sets').set({ summary: set.summary, listing_count: set.listingCount, updated_at: set.now }).where('id', '=', set.id),
);

/** Sets the final summary and count once a bulk edit knows how many listings it changed. */
export function finishChangeSet(db: BetterSqlite3.Database, id: number, summary: string, listingCount: number, now: number): void {
  restate.run(db, { id, summary, listingCount, now });
}

export function setChangeSetState(db: BetterSqlite3.Database, id: number, state: ChangeSetState, now: number): void {
  runWrite(db, catalogQuery.updateTable('change_sets').set({ state, updated_at: now }).where('id', '=', id));
}

export function readChangeSet(db: BetterSqlite3.Database, id: number): ChangeSetSummary | null {
  const row = selectFirstRow(db, catalogQuery.selectFrom('change_sets').selectAll().where('id', '=', id));
  return row ? changeSetSummary(row) : null;
}

/** Records one listing's field → {before, after} as part of a user change set. Raw: once per listing of a bulk edit. */
export function insertUserRevision(db: BetterSqlite3.Database, listingId: number, changesJson: string, changeSetId: number, now: number): void {
  prepared(db, "INSERT INTO revisions (listing_id, author, created_at, changes, change_set_id) VALUES (?, 'user', ?, ?, ?)").run(listingId, now, changesJson, changeSetId);
}
