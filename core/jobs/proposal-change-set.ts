import type BetterSqlite3 from 'better-sqlite3';
import type { RevisionAuthor } from '../../common/edit-types.js';
import { prepared } from '../catalog/prepared.js';

/**
 * Starts an undoable change set of kind 'proposal'. Like any new change (core/edit/change-sets.ts)
 * it ends redo: every undone set becomes 'discarded'.
 */
export function startProposalChangeSet(db: BetterSqlite3.Database, author: RevisionAuthor, summary: string, now: number): number {
  prepared(db, "UPDATE change_sets SET state = 'discarded', updated_at = ? WHERE undoable = 1 AND state = 'undone'").run(now);
  const { lastInsertRowid } = prepared(
    db,
    "INSERT INTO change_sets (author, kind, summary, listing_count, state, undoable, created_at, updated_at) VALUES (?, 'proposal', ?, 0, 'applied', 1, ?, ?)",
  ).run(author, summary, now, now);
  return Number(lastInsertRowid);
}

/** Adds `listings` to a proposal change set's count and restates its summary. */
export function growProposalChangeSet(db: BetterSqlite3.Database, id: number, listings: number, now: number): void {
  const count = (prepared(db, 'SELECT listing_count FROM change_sets WHERE id = ?').pluck().get(id) as number) + listings;
  prepared(db, 'UPDATE change_sets SET listing_count = ?, summary = ?, updated_at = ? WHERE id = ?').run(count, proposalSummary(count), now, id);
}

export function proposalSummary(listings: number): string {
  return `Accepted optimizer proposals on ${listings.toLocaleString('en-US')} ${listings === 1 ? 'listing' : 'listings'}`;
}

/** Still in effect (not undone or discarded): an auto-applying job may keep adding to it. */
export function isAppliedChangeSet(db: BetterSqlite3.Database, id: number): boolean {
  return prepared(db, "SELECT 1 FROM change_sets WHERE id = ? AND state = 'applied'").get(id) !== undefined;
}

export function insertProposalRevision(db: BetterSqlite3.Database, listingId: number, author: RevisionAuthor, changesJson: string, changeSetId: number, now: number): void {
  prepared(db, 'INSERT INTO revisions (listing_id, author, created_at, changes, change_set_id) VALUES (?, ?, ?, ?, ?)').run(listingId, author, now, changesJson, changeSetId);
}
