import type BetterSqlite3 from 'better-sqlite3';
import type { EditableField, ListingChanges, RevisionAuthor } from '../../common/edit-types.js';
import { AI_FIELD_BITS, type AiWrittenField } from '../../common/listing.js';
import { sameFieldValue } from '../../common/edit/index.js';
import { FIELD_COLUMNS, fromColumnValue } from '../edit/field-columns.js';
import { nextUpdatedAt, qualityAfterEdit, STORED_QUALITY_COLUMNS, writeListingFields, type StoredQuality } from '../edit/listing-write.js';
import { prepared } from '../catalog/prepared.js';
import { readRowsById } from '../catalog/rows-by-id.js';
import { hasAiFlag } from './ai-flag-rule.js';
import { isProposalField, PROPOSAL_FIELDS } from './proposal-fields.js';
import type { ProposalRow } from './proposal-rows.js';

export interface AppliedRows {
  /** Proposals now 'accepted'. */
  accepted: number;
  /** Listings whose fields were written (one revision each). */
  listings: number;
  /** Proposals whose field changed since they were made: not applied, now 'superseded'. */
  stale: number;
  /** Ids of the stale proposals (the first 100), for the review view to explain. */
  staleIds: number[];
  /** Flagged AI proposals left pending: only the seller accepting one on its own writes it. */
  flagged: number;
}

const ALL_COLUMNS = ['updated_at', ...STORED_QUALITY_COLUMNS, ...Object.values(PROPOSAL_FIELDS).map((field) => FIELD_COLUMNS[field].column)];

/**
 * Writes pending proposals (≤ 500 listings' worth, grouped by listing) through the edit layer:
 * changed columns only, updated_at, quality rescored, one revision per listing in the change set
 * `changeSetId()` gives (called only once something is written). A field whose current value no
 * longer equals the proposal's `before` is never overwritten: the proposal is superseded and
 * reported stale. Runs inside the caller's IMMEDIATE transaction, which makes it exactly-once:
 * only 'pending' rows are ever passed in, and they leave 'pending' in the same transaction.
 */
export function applyProposalRows(
  db: BetterSqlite3.Database,
  rows: readonly ProposalRow[],
  author: RevisionAuthor,
  changeSetId: () => number,
  now: number,
  /** True only when the seller accepts one flagged proposal on its own (review-proposals.ts). */
  acceptFlagged = false,
): AppliedRows {
  const result: AppliedRows = { accepted: 0, listings: 0, stale: 0, staleIds: [], flagged: 0 };
  const byListing = new Map<number, ProposalRow[]>();
  for (const row of rows) {
    // A flagged AI field (a refusal, a fact not in the listing…) is never written in bulk: it stays pending.
    if (!acceptFlagged && hasAiFlag(row.changes)) {
      result.flagged++;
      continue;
    }
    let list = byListing.get(row.listing_id);
    if (!list) byListing.set(row.listing_id, (list = []));
    list.push(row);
  }
  const stored = readRowsById(db, ALL_COLUMNS, [...byListing.keys()]);
  const accept = prepared(db, "UPDATE proposals SET state = 'accepted', decided_at = ?, change_set_id = ? WHERE id = ? AND state = 'pending'");
  const supersede = prepared(db, "UPDATE proposals SET state = 'superseded', decided_at = ? WHERE id = ? AND state = 'pending'");

  for (const [listingId, proposals] of byListing) {
    const row = stored.get(listingId);
    const changes: ListingChanges = {};
    const revision: Record<string, { before: unknown; after: unknown }> = {};
    const accepted: number[] = [];
    let aiBits = 0;
    for (const proposal of proposals) {
      const field: EditableField | null = isProposalField(proposal.field) ? PROPOSAL_FIELDS[proposal.field] : null;
      const current = row && field ? fromColumnValue(field, row[FIELD_COLUMNS[field].column]) : undefined;
      if (!row || !field || Object.hasOwn(changes, field) || !sameFieldValue(current, parse(proposal.before_value))) {
        supersede.run(now, proposal.id);
        result.stale++;
        if (result.staleIds.length < 100) result.staleIds.push(proposal.id);
        continue;
      }
      const after = parse(proposal.after_value);
      accepted.push(proposal.id);
      if (sameFieldValue(current, after)) continue;
      Object.assign(changes, { [field]: after });
      revision[field] = { before: current, after };
      if (isAiProposal(proposal) && Object.hasOwn(AI_FIELD_BITS, proposal.field)) aiBits |= AI_FIELD_BITS[proposal.field as AiWrittenField];
    }
    let setId: number | null = null;
    if (row && Object.keys(changes).length > 0) {
      const quality = qualityAfterEdit(db, row as unknown as StoredQuality, changes);
      writeListingFields(db, row as unknown as StoredQuality, changes, nextUpdatedAt(now, row.updated_at as number), quality);
      // After the write: its triggers clear the marks of changed fields, then the AI's are set.
      if (aiBits !== 0) prepared(db, 'UPDATE listings SET ai_fields = ai_fields | ? WHERE id = ?').run(aiBits, listingId);
      setId = changeSetId();
      prepared(db, 'INSERT INTO revisions (listing_id, author, created_at, changes, change_set_id) VALUES (?, ?, ?, ?, ?)').run(listingId, aiBits !== 0 ? 'ai' : author, now, JSON.stringify(revision), setId);
      result.listings++;
    }
    for (const id of accepted) result.accepted += accept.run(now, setId, id).changes;
  }
  return result;
}

/** An AI job's proposal: its first change is the AI rewrite (see core/ai/ai-rewriter.ts). */
function isAiProposal(proposal: ProposalRow): boolean {
  return proposal.changes.includes('"ruleId":"ai.rewrite"');
}

function parse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
