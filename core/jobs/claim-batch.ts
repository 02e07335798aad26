import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import { prepared } from '../catalog/prepared.js';
import type { JobItemsTable } from '../catalog/schema.js';
import { expireLeases } from './expire-leases.js';
import { finishJobIfComplete } from './finish-job.js';
import { JOB_PRIORITY, type ClaimedBatch, type JobKind, type RetryPolicy } from './job-types.js';
import { parsePayload, type JobRow } from './read-jobs.js';

export interface ClaimOptions {
  /** Identifies this runner in leases (diagnostics); each claim adds a unique suffix. */
  owner: string;
  batchSize: number;
  /** Per job kind, overrides batchSize (AI batches are smaller). */
  batchSizeFor?: (kind: JobKind) => number;
  leaseMs: number;
  retry: RetryPolicy;
  now?: number;
  /** Only jobs of at least this priority (the runner's interactive lane claims interactive jobs only). */
  minPriority?: number;
}

/**
 * Leases the next batch: the highest-priority, oldest job with claimable items — queued ones whose
 * backoff has passed, or running ones whose lease expired (their runner died). Under BEGIN
 * IMMEDIATE, so two connections (two lanes, two processes) can never claim the same item.
 *
 * A batch is all fresh items or all retried ones; retried items come in batches a quarter the size
 * per earlier attempt, so one listing that crashes a worker soon fails alone instead of sinking
 * the 199 listings batched with it.
 */
export function claimBatch(db: BetterSqlite3.Database, options: ClaimOptions): ClaimedBatch | null {
  const now = options.now ?? Date.now();
  const claim = db.transaction((): ClaimedBatch | null => {
    const jobs = prepared(db, "SELECT id, kind, payload, auto_apply, priority FROM jobs WHERE state IN ('queued','running') AND paused_at IS NULL AND priority >= ? ORDER BY priority DESC, id").all(
      options.minPriority ?? Number.MIN_SAFE_INTEGER,
    ) as Pick<JobRow, 'id' | 'kind' | 'payload' | 'auto_apply' | 'priority'>[];
    for (const job of jobs) {
      expireLeases(db, job.id, now, options.retry);
      const batchSize = Math.max(1, options.batchSizeFor?.(job.kind) ?? options.batchSize);
      const candidates = prepared(
        db,
        "SELECT listing_id, attempts FROM job_items WHERE job_id = ? AND state = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, listing_id LIMIT ?",
      ).all(job.id, now, batchSize) as Pick<Selectable<JobItemsTable>, 'listing_id' | 'attempts'>[];
      if (candidates.length === 0) {
        finishJobIfComplete(db, job.id, now);
        continue;
      }
      const retried = candidates[0]!.attempts > 0;
      const limit = retried ? Math.max(1, Math.floor(batchSize / 4 ** candidates[0]!.attempts)) : batchSize;
      const picked = candidates.filter((item) => (item.attempts > 0) === retried).slice(0, limit);

      const leaseOwner = `${options.owner}:${randomUUID()}`;
      const leaseExpiresAt = now + options.leaseMs;
      const lease = prepared(db, "UPDATE job_items SET state = 'running', attempts = attempts + 1, lease_owner = ?, lease_expires_at = ? WHERE job_id = ? AND listing_id = ?");
      for (const item of picked) lease.run(leaseOwner, leaseExpiresAt, job.id, item.listing_id);
      const attempt = Math.max(...picked.map((item) => item.attempts)) + 1;
      prepared(
        db,
        "UPDATE jobs SET state = 'running', started_at = coalesce(started_at, ?), attempts = max(attempts, ?), lease_expires_at = ?, updated_at = ? WHERE id = ?",
      ).run(now, attempt, leaseExpiresAt, now, job.id);
      return {
        jobId: job.id,
        kind: job.kind,
        payload: parsePayload(job.payload),
        autoApply: job.auto_apply === 1,
        interactive: job.priority >= JOB_PRIORITY.interactive,
        listingIds: picked.map((item) => item.listing_id),
        leaseOwner,
        leaseExpiresAt,
        attempt,
      };
    }
    return null;
  });
  return claim.immediate();
}

/**
 * Extends a batch's lease while its task runs. False when the lease is gone (the job was cancelled,
 * or the lease expired and another runner took the items): the caller aborts the task.
 */
export function renewLease(db: BetterSqlite3.Database, batch: ClaimedBatch, leaseMs: number, now = Date.now()): boolean {
  const expires = now + leaseMs;
  const renewed = prepared(db, "UPDATE job_items SET lease_expires_at = ? WHERE job_id = ? AND state = 'running' AND lease_owner = ?").run(expires, batch.jobId, batch.leaseOwner).changes;
  if (renewed > 0) batch.leaseExpiresAt = expires;
  return renewed > 0;
}

/** When something next becomes claimable (a backoff ends, a foreign lease expires) in jobs of at least `minPriority`; null: never. */
export function nextClaimableAt(db: BetterSqlite3.Database, minPriority = Number.MIN_SAFE_INTEGER): number | null {
  const jobs = prepared(db, "SELECT id FROM jobs WHERE state IN ('queued','running') AND paused_at IS NULL AND priority >= ?").pluck().all(minPriority) as number[];
  let next: number | null = null;
  for (const jobId of jobs) {
    const queued = prepared(db, "SELECT min(next_attempt_at) FROM job_items WHERE job_id = ? AND state = 'queued'").pluck().get(jobId) as number | null;
    const leased = prepared(db, "SELECT min(lease_expires_at) FROM job_items WHERE job_id = ? AND state = 'running'").pluck().get(jobId) as number | null;
    for (const at of [queued, leased]) if (at !== null && (next === null || at < next)) next = at;
  }
  return next;
}
