import type BetterSqlite3 from 'better-sqlite3';
import type { RevisionAuthor } from '../../common/edit-types.js';
import type { OptimizerProposal } from '../optimizer/index.js';
import { prepared } from '../catalog/prepared.js';
import { applyProposalRows } from './apply-proposal-rows.js';
import { backoffDelay } from './backoff.js';
import { finishJobIfComplete } from './finish-job.js';
import { pauseJob } from './pause-job.js';
import type { ClaimedBatch, RetryPolicy } from './job-types.js';
import { growProposalChangeSet, isAppliedChangeSet, startProposalChangeSet } from './proposal-change-set.js';
import type { ProposalRow } from './proposal-rows.js';
import { storeFieldProposal } from './proposal-rows.js';

export interface WriteOutcome {
  /** Items this call finished (0 when the lease was lost: the results were discarded). */
  written: number;
  /** Items of the batch no longer ours (cancelled, or re-leased after our lease expired). */
  discarded: number;
  proposals: number;
  applied: number;
  jobFinished: boolean;
}

/** The batch's items still leased to it: only those may be written or failed. */
function ownedItems(db: BetterSqlite3.Database, batch: ClaimedBatch): Set<number> {
  const rows = prepared(db, "SELECT listing_id FROM job_items WHERE job_id = ? AND state = 'running' AND lease_owner = ?").pluck().all(batch.jobId, batch.leaseOwner);
  return new Set(rows as number[]);
}

/**
 * Writes a batch's results in ONE IMMEDIATE transaction: proposals (pending; older pending ones of
 * the same listing+field superseded), with auto-apply the accepted fields as well, the items
 * 'done' and the job's counters. Idempotent by job + listing: only items still leased to this
 * batch are written, so a batch whose lease expired, or that was cancelled, or that already
 * committed before a crash, writes nothing twice. `proposals` maps listing id → its proposal
 * (a listing deleted since the claim has none and simply counts as done).
 */
export function writeBatchResults(
  db: BetterSqlite3.Database,
  batch: ClaimedBatch,
  proposals: ReadonlyMap<number, OptimizerProposal>,
  now = Date.now(),
  /** Listings the runner could not optimize on their own (listing id → reason): they fail for good. */
  failures: ReadonlyMap<number, string> = new Map(),
): WriteOutcome {
  const write = db.transaction((): WriteOutcome => {
    const owned = ownedItems(db, batch);
    const outcome: WriteOutcome = { written: 0, discarded: batch.listingIds.length - owned.size, proposals: 0, applied: 0, jobFinished: false };
    if (owned.size === 0) return outcome;
    const finish = prepared(db, "UPDATE job_items SET state = 'done', error = NULL, lease_owner = NULL, lease_expires_at = NULL WHERE job_id = ? AND listing_id = ? AND lease_owner = ?");
    const giveUp = prepared(db, "UPDATE job_items SET state = 'failed', error = ?, lease_owner = NULL, lease_expires_at = NULL WHERE job_id = ? AND listing_id = ? AND lease_owner = ?");
    let failed = 0;
    for (const listingId of owned) {
      const failure = failures.get(listingId);
      if (failure !== undefined) {
        failed += giveUp.run(failure, batch.jobId, listingId, batch.leaseOwner).changes;
        continue;
      }
      for (const field of proposals.get(listingId)?.fields ?? []) if (storeFieldProposal(db, batch.jobId, listingId, field, now)) outcome.proposals++;
      outcome.written += finish.run(batch.jobId, listingId, batch.leaseOwner).changes;
    }
    if (batch.autoApply) outcome.applied = autoApply(db, batch, [...owned], now);
    prepared(db, 'UPDATE jobs SET done = done + ?, failed = failed + ?, updated_at = ? WHERE id = ?').run(outcome.written, failed, now, batch.jobId);
    outcome.written += failed;
    outcome.jobFinished = finishJobIfComplete(db, batch.jobId, now);
    return outcome;
  });
  return write.immediate();
}

/**
 * Auto-apply: accepts the job's pending proposals of these listings into the job's change set (one
 * undo step per job), or a new set when the seller undid that one meanwhile.
 */
function autoApply(db: BetterSqlite3.Database, batch: ClaimedBatch, listingIds: readonly number[], now: number): number {
  const author: RevisionAuthor = batch.kind === 'ai' ? 'ai' : 'optimizer';
  const pending = prepared(db, "SELECT * FROM proposals WHERE job_id = ? AND listing_id = ? AND state = 'pending' ORDER BY id");
  const rows: ProposalRow[] = [];
  for (const listingId of listingIds) rows.push(...(pending.all(batch.jobId, listingId) as ProposalRow[]));
  if (rows.length === 0) return 0;
  let setId: number | null = null;
  const changeSetId = (): number => {
    if (setId !== null) return setId;
    const existing = prepared(db, 'SELECT change_set_id FROM jobs WHERE id = ?').pluck().get(batch.jobId) as number | null;
    setId = existing !== null && isAppliedChangeSet(db, existing) ? existing : startProposalChangeSet(db, author, '', now);
    if (setId !== existing) prepared(db, 'UPDATE jobs SET change_set_id = ? WHERE id = ?').run(setId, batch.jobId);
    return setId;
  };
  let applied = 0;
  // readRowsById reads ≤ ID_CHUNK (500) listings at a time; a batch is normally 200.
  for (let from = 0; from < rows.length; ) {
    const ids = new Set<number>();
    let to = from;
    while (to < rows.length && (ids.size < 500 || ids.has(rows[to]!.listing_id))) ids.add(rows[to++]!.listing_id);
    const result = applyProposalRows(db, rows.slice(from, to), author, changeSetId, now);
    applied += result.accepted;
    if (setId !== null && result.listings > 0) growProposalChangeSet(db, setId, result.listings, now);
    from = to;
  }
  return applied;
}

/**
 * A batch failed: each item still ours goes back to the queue after an exponential backoff, or
 * fails for good with `reason` once it used its attempts. `penalize: false` (the pool was busy or
 * shut down — nothing wrong with these listings) re-queues at once and gives the attempt back.
 */
export function failBatch(
  db: BetterSqlite3.Database,
  batch: ClaimedBatch,
  reason: string,
  retry: RetryPolicy,
  options: { now?: number; penalize?: boolean; delayMs?: number; final?: boolean; note?: string; pause?: boolean } = {},
): { requeued: number; failed: number; jobFinished: boolean } {
  const now = options.now ?? Date.now();
  const penalize = options.penalize ?? true;
  const fail = db.transaction(() => {
    const owned = ownedItems(db, batch);
    let requeued = 0;
    let failed = 0;
    const attemptsOf = prepared(db, 'SELECT attempts FROM job_items WHERE job_id = ? AND listing_id = ?').pluck();
    const requeue = prepared(db, "UPDATE job_items SET state = 'queued', attempts = ?, next_attempt_at = ?, error = ?, lease_owner = NULL, lease_expires_at = NULL WHERE job_id = ? AND listing_id = ?");
    const giveUp = prepared(db, "UPDATE job_items SET state = 'failed', error = ?, lease_owner = NULL, lease_expires_at = NULL WHERE job_id = ? AND listing_id = ?");
    for (const listingId of owned) {
      const attempts = attemptsOf.get(batch.jobId, listingId) as number;
      if (options.final) {
        giveUp.run(reason, batch.jobId, listingId);
        failed++;
      } else if (!penalize) {
        requeue.run(Math.max(0, attempts - 1), now + (options.delayMs ?? 0), null, batch.jobId, listingId);
        requeued++;
      } else if (attempts >= retry.maxAttempts) {
        giveUp.run(reason, batch.jobId, listingId);
        failed++;
      } else {
        requeue.run(attempts, now + backoffDelay(attempts, retry), reason, batch.jobId, listingId);
        requeued++;
      }
    }
    if (failed > 0) prepared(db, 'UPDATE jobs SET failed = failed + ?, updated_at = ? WHERE id = ?').run(failed, now, batch.jobId);
    // A note the jobs panel shows (e.g. "paused until 14:00: daily limit"), cleared by the next finish.
    if (options.note !== undefined) prepared(db, 'UPDATE jobs SET error = ?, updated_at = ? WHERE id = ?').run(options.note, now, batch.jobId);
    // Paused (an outage): no claim takes its listings until the seller resumes it; the reason shows on the job.
    if (options.pause) pauseJob(db, batch.jobId, reason, now);
    return { requeued, failed, jobFinished: finishJobIfComplete(db, batch.jobId, now) };
  });
  return fail.immediate();
}
