import type BetterSqlite3 from 'better-sqlite3';
import type { RevisionChanges, RevisionEntry } from '../../common/edit-types.js';
import { changeSetSummary, type ChangeSetRow } from '../catalog/change-set-row.js';
import { catalogQuery } from '../catalog/query-builder.js';
import { selectRows } from '../catalog/run-compiled.js';
import { parseRevisionChanges } from './revision-changes.js';

const DEFAULT_LIMIT = 100;

type JoinedChangeSet = { [K in keyof ChangeSetRow as `set_${K}`]: ChangeSetRow[K] | null };

/**
 * `listing.history`: a listing's revisions, newest first (ties by id), each with the action it was
 * part of and that action's state — an undone edit shows as undone. Walks revisions_listing
 * (listing_id, created_at) backwards.
 */
export function listingHistory(db: BetterSqlite3.Database, listingId: number, limit = DEFAULT_LIMIT): RevisionEntry[] {
  const rows = selectRows(
    db,
    catalogQuery
      .selectFrom('revisions as r')
      .leftJoin('change_sets as c', 'c.id', 'r.change_set_id')
      .select(['r.id', 'r.listing_id', 'r.author', 'r.created_at', 'r.changes', 'r.change_set_id'])
      .select([
        'c.id as set_id',
        'c.author as set_author',
        'c.kind as set_kind',
        'c.summary as set_summary',
        'c.listing_count as set_listing_count',
        'c.state as set_state',
        'c.undoable as set_undoable',
        'c.created_at as set_created_at',
        'c.updated_at as set_updated_at',
      ])
      .where('r.listing_id', '=', listingId)
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(limit),
  );
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
