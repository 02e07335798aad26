import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { RevisionChanges, RevisionEntry } from '../../common/edit-types.js';
import { changeSetSummary, type ChangeSetRow } from '../catalog/change-set-row.js';
import { prepared } from '../catalog/prepared.js';
import type { RevisionsTable } from '../catalog/schema.js';
import { parseRevisionChanges } from './revision-changes.js';

const DEFAULT_LIMIT = 100;

type HistoryRow = Selectable<RevisionsTable>;

type JoinedChangeSet = { [K in keyof ChangeSetRow as `set_${K}`]: ChangeSetRow[K] | null };

/**
 * `listing.history`: a listing's revisions, newest first (ties by id), each with the action it was
 * part of and that action's state — an undone edit shows as undone. Walks revisions_listing
 * (listing_id, created_at) backwards.
 */
export function listingHistory(db: BetterSqlite3.Database, listingId: number, limit = DEFAULT_LIMIT): RevisionEntry[] {
  const rows = prepared(
    db,
    `SELECT r.id, r.listing_id, r.author, r.created_at, r.changes, r.change_set_id,
        c.id AS set_id, c.author AS set_author, c.kind AS set_kind, c.summary AS set_summary, c.listing_count AS set_listing_count,
        c.state AS set_state, c.undoable AS set_undoable, c.created_at AS set_created_at, c.updated_at AS set_updated_at
      FROM revisions r LEFT JOIN change_sets c ON c.id = r.change_set_id
      WHERE r.listing_id = ? ORDER BY r.created_at DESC, r.id DESC LIMIT ?`,
  ).all(listingId, limit) as (HistoryRow & JoinedChangeSet)[];
  return rows.map((row) => ({
    id: row.id,
    listingId: row.listing_id,
    author: row.author,
    createdAt: row.created_at,
    changes: parseRevisionChanges(row.changes) as RevisionChanges,
    changeSet: row.set_id === null ? null : changeSetSummary(unprefixed(row)),
  }));
}

function unprefixed(row: JoinedChangeSet): ChangeSetRow {
  return {
    id: row.set_id!,
    author: row.set_author!,
    kind: row.set_kind!,
    summary: row.set_summary!,
    listing_count: row.set_listing_count!,
    state: row.set_state!,
    undoable: row.set_undoable!,
    created_at: row.set_created_at!,
    updated_at: row.set_updated_at!,
  };
}
