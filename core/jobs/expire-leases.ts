import type BetterSqlite3 from 'better-sqlite3';
import { catalogQuery } from '../catalog/query-builder.js';
import { compileOnce } from '../catalog/run-compiled.js';
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
  const queries = all ? EVERY_LEASE : EXPIRED_LEASES;
  const failed = queries.giveUp.run(db, { jobId, now, maxAttempts: retry.maxAttempts }).changes;
  if (failed > 0) countFailed.run(db, { jobId, failed, now });
  return queries.requeue.run(db, { jobId, now }).changes;
}

interface LeaseArgs {
  jobId: number;
  now: number;
}

/** The two shapes: every running item of the job (at start), or those whose lease ran out. */
function leaseQueries(all: boolean) {
  const leased = (args: LeaseArgs) =>
    catalogQuery
      .updateTable('job_items')
      .where('job_id', '=', args.jobId)
      .where('state', '=', 'running')
      .$if(!all, (items) => items.where('lease_expires_at', '<=', args.now));
  return {
    giveUp: compileOnce((args: LeaseArgs & { maxAttempts: number }) =>
      leased(args).set({ state: 'failed', error: INTERRUPTED_REASON, lease_owner: null, lease_expires_at: null }).where('attempts', '>=', args.maxAttempts),
    ),
    requeue: compileOnce((args: LeaseArgs) => leased(args).set({ state: 'queued', next_attempt_at: args.now, lease_owner: null, lease_expires_at: null })),
  };
}

const EVERY_LEASE = leaseQueries(true);
const EXPIRED_LEASES = leaseQueries(false);
const countFailed = compileOnce((args: { jobId: number; failed: number; now: number }) =>
  catalogQuery.updateTable('jobs').set((job) => ({ failed: job('failed', '+', args.failed), updated_at: args.now })).where('id', '=', args.jobId),
);
