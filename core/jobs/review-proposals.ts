import type { RevisionAuthor } from '../../common/edit-types.js';
import type { AcceptOutcome } from '../../common/job-types.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { readChangeSet } from '../edit/change-sets.js';
import { withCheckpointDeferred } from '../edit/checkpoint-later.js';
import { prepared } from '../catalog/prepared.js';
import { applyProposalRows } from './apply-proposal-rows.js';
import { growProposalChangeSet, startProposalChangeSet } from './proposal-change-set.js';
import { proposalView, type ProposalView } from './proposal-rows.js';
import { pendingProposals, type ProposalSelector } from './proposal-selector.js';

/** What an accept wrote and what it left pending (flagged AI fields, stale ones). */
export type AcceptResult = AcceptOutcome;

/**
 * Accepts the pending proposals a selector covers: ONE transaction, ONE undoable change set of
 * kind 'proposal' (history.undo reverts it like any edit). Exactly-once: accepting again finds
 * nothing pending and writes nothing. Stale fields are skipped and reported, never overwritten.
 * A flagged AI field is accepted only when the selector names that one proposal and nothing else:
 * "accept all", a whole listing, a job or `optimize --apply` leave it pending.
 */
export function acceptProposals(catalog: Catalog, selector: ProposalSelector, options: { author?: RevisionAuthor; now?: number } = {}): AcceptResult {
  const { db } = catalog;
  const now = options.now ?? Date.now();
  const author = options.author ?? 'optimizer';
  const accept = db.transaction((): AcceptResult => {
    let setId: number | null = null;
    const changeSetId = (): number => (setId ??= startProposalChangeSet(db, author, '', now));
    const result: AcceptResult = { changeSet: null, accepted: 0, listings: 0, stale: 0, staleIds: [], flagged: 0 };
    const onItsOwn = selector.kind === 'ids' && new Set(selector.ids).size === 1;
    for (const rows of pendingProposals(catalog, selector)) {
      const applied = applyProposalRows(db, rows, author, changeSetId, now, onItsOwn);
      result.flagged += applied.flagged;
      result.accepted += applied.accepted;
      result.listings += applied.listings;
      result.stale += applied.stale;
      result.staleIds.push(...applied.staleIds.slice(0, 100 - result.staleIds.length));
    }
    if (setId !== null) {
      growProposalChangeSet(db, setId, result.listings, now);
      result.changeSet = readChangeSet(db, setId);
    }
    return result;
  });
  return withCheckpointDeferred(db, () => accept.immediate());
}

/** Rejects the pending proposals a selector covers; rejecting twice rejects nothing the second time. */
export function rejectProposals(catalog: Catalog, selector: ProposalSelector, now = Date.now()): { rejected: number } {
  const { db } = catalog;
  const reject = prepared(db, "UPDATE proposals SET state = 'rejected', decided_at = ? WHERE id = ? AND state = 'pending'");
  const run = db.transaction((): { rejected: number } => {
    let rejected = 0;
    for (const rows of pendingProposals(catalog, selector)) for (const row of rows) rejected += reject.run(now, row.id).changes;
    return { rejected };
  });
  return run.immediate();
}

/** The pending proposals a selector covers, for the review view (first `limit`, by listing). */
export function listPendingProposals(catalog: Catalog, selector: ProposalSelector, limit = 500): ProposalView[] {
  const { db } = catalog;
  return db.transaction((): ProposalView[] => {
    const views: ProposalView[] = [];
    for (const rows of pendingProposals(catalog, selector)) {
      for (const row of rows) {
        if (views.length >= limit) return views;
        views.push(proposalView(row));
      }
    }
    return views;
  })();
}

/** How many proposals are pending in all (a badge), without reading them. */
export function pendingProposalCount(catalog: Catalog): number {
  return prepared(catalog.db, "SELECT count(*) FROM proposals WHERE state = 'pending'").pluck().get() as number;
}

/**
 * The one count of a selection's pending proposals (all of them, not one page), in both units the
 * seller sees: changes (field proposals) and the listings they are on. A job's, and the whole
 * catalog's, are one indexed count; the rest walk the chunks. The review, the job's summary and the grid's "Has
 * proposals" filter (listings with a pending proposal) all read these, so "120 changes on 87
 * listings" is the same pair everywhere (issue 14 item 7: 119 listings, "120 proposed changes" and
 * a filter of 87 read as three disagreeing counts).
 */
export function tallyPendingProposals(catalog: Catalog, selector: ProposalSelector): { changes: number; listings: number } {
  const { db } = catalog;
  if (selector.kind === 'job' && !selector.fields) {
    return prepared(db, "SELECT count(*) AS changes, count(DISTINCT listing_id) AS listings FROM proposals WHERE job_id = ? AND state = 'pending'").get(selector.jobId) as {
      changes: number;
      listings: number;
    };
  }
  if (selector.kind === 'scope' && selector.scope.kind === 'all' && !selector.fields && selector.jobId === undefined) {
    // The grid's "Has proposals" filter: the listings in SELECT DISTINCT listing_id … WHERE state = 'pending'.
    return prepared(db, "SELECT count(*) AS changes, count(DISTINCT listing_id) AS listings FROM proposals WHERE state = 'pending'").get() as { changes: number; listings: number };
  }
  return db.transaction(() => {
    let changes = 0;
    const listings = new Set<number>();
    for (const rows of pendingProposals(catalog, selector)) {
      changes += rows.length;
      for (const row of rows) listings.add(row.listing_id);
    }
    return { changes, listings: listings.size };
  })();
}
