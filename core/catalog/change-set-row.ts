import type { ChangeSetKind, ChangeSetState, ChangeSetSummary, RevisionAuthor } from '../../common/edit-types.js';

/** A `change_sets` row as SQLite returns it. */
export interface ChangeSetRow {
  id: number;
  author: RevisionAuthor;
  kind: ChangeSetKind;
  summary: string;
  listing_count: number;
  state: ChangeSetState;
  undoable: 0 | 1;
  created_at: number;
  updated_at: number;
}

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
