import type { Selectable } from 'kysely';
import type { ChangeSetSummary } from '../../common/edit-types.js';
import type { ChangeSetsTable } from './schema.js';

/** A `change_sets` row as SQLite returns it. */
export type ChangeSetRow = Selectable<ChangeSetsTable>;

/** The columns a summary needs (the dashboard reads no more than these). */
export type ChangeSetSummaryRow = Pick<ChangeSetRow, 'id' | 'author' | 'kind' | 'summary' | 'listing_count' | 'state' | 'created_at'>;

export function changeSetSummary(row: ChangeSetSummaryRow): ChangeSetSummary {
  return {
    id: row.id,
    author: row.author,
    kind: row.kind,
    summary: row.summary,
    listingCount: row.listing_count,
    state: row.state,
    createdAt: row.created_at,
  };
}
