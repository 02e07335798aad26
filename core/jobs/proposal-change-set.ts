import type BetterSqlite3 from 'better-sqlite3';
import type { RevisionAuthor } from '../../common/edit-types.js';
import { prepared } from '../catalog/prepared.js';
import { catalogQuery } from '../catalog/query-builder.js';
import { compileOnce } from '../catalog/run-compiled.js';
import { finishChangeSet, startChangeSet } from '../edit/change-sets.js';

// Both run once per batch an auto-applying job writes.
const listingCount = compileOnce((set: { id: number }) => catalogQuery.selectFrom('change_sets').select('listing_count').where('id', '=', set.id));
const appliedSet = compileOnce((set: { id: number }) => catalogQuery.selectFrom('change_sets').select('id').where('id', '=', set.id).where('state', '=', 'applied'));

/** Starts an undoable change set of kind 'proposal'; like any new change it ends redo (startChangeSet). */
export function startProposalChangeSet(db: BetterSqlite3.Database, author: RevisionAuthor, summary: string, now: number): number {
  return startChangeSet(db, author, 'proposal', summary, 0, now);
}

/** Adds `listings` to a proposal change set's count and restates its summary. */
export function growProposalChangeSet(db: BetterSqlite3.Database, id: number, listings: number, now: number): void {
  const count = listingCount.first(db, { id })!.listing_count + listings;
  finishChangeSet(db, id, proposalSummary(count), count, now);
}

export function proposalSummary(listings: number): string {
  return `Accepted optimizer proposals on ${listings.toLocaleString('en-US')} ${listings === 1 ? 'listing' : 'listings'}`;
}

/** Still in effect (not undone or discarded): an auto-applying job may keep adding to it. */
export function isAppliedChangeSet(db: BetterSqlite3.Database, id: number): boolean {
  return appliedSet.first(db, { id }) !== undefined;
}

/** Raw: once per listing of an applied batch. */
export function insertProposalRevision(db: BetterSqlite3.Database, listingId: number, author: RevisionAuthor, changesJson: string, changeSetId: number, now: number): void {
  prepared(db, 'INSERT INTO revisions (listing_id, author, created_at, changes, change_set_id) VALUES (?, ?, ?, ?, ?)').run(listingId, author, now, changesJson, changeSetId);
}
