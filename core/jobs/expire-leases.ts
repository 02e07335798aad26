import type BetterSqlite3 from 'better-sqlite3';
import { catalogQuery } from '../catalog/query-builder.js';
import { runWrite } from '../catalog/run-compiled.js';
import type { RetryPolicy } from './job-types.js';

/** Seller-facing reason for a listing whose batch kept being interrupted. */
export const INTERRUPTED_REASON = 'Optimizing it was interrupted too many times (the app or an optimizer worker stopped while working on it).';

/**
 * Running items of `jobId` whose lease ran out (or every running item, with `all`) go back to
 * 'queued' — or to 'failed' once they used their attempts: an interrupted batch counts as an
 * attempt, so a listing that crashes the process every time cannot loop forever. Returns how many
 * were re-queued. Caller holds the write transaction.
 */
export function expireLeases(db: BetterSqlite3.Database, jobId: number, now: number, retry: RetryPolicy, all = false): number {
  const leased = catalogQuery
    .updateTable('job_items')
    .where('job_id', '=', jobId)
    .where('state', '=', 'running')
    .$if(!all, (items) => items.where('lease_expires_at', '<=', now));
  const failed = runWrite(
    db,
    leased.set({ state: 'failed', error: INTERRUPTED_REASON, lease_owner: null, lease_expires_at: null }).where('attempts', '>=', retry.maxAttempts),
  ).changes;
  if (failed > 0) runWrite(db, catalogQuery.updateTable('jobs').set((job) => ({ failed: job('failed', '+', failed), updated_at: now })).where('id', '=', jobId));
  return runWrite(db, leased.set({ state: 'queued', next_attempt_at: now, lease_owner: null, lease_expires_at: null })).changes;
}
