import type BetterSqlite3 from 'better-sqlite3';
import { catalogQuery } from '../catalog/query-builder.js';
import { compileOnce } from '../catalog/run-compiled.js';

const openJob = compileOnce((job: { id: number }) => catalogQuery.selectFrom('jobs').select(['total', 'failed']).where('id', '=', job.id).where('state', 'in', ['queued', 'running']));
const anyOpenItem = compileOnce((job: { id: number }) =>
  catalogQuery.selectFrom('job_items').select('listing_id').where('job_id', '=', job.id).where('state', 'in', ['queued', 'running']).limit(1),
);
const firstFailure = compileOnce((job: { id: number }) =>
  catalogQuery.selectFrom('job_items').select('error').where('job_id', '=', job.id).where('state', '=', 'failed').where('error', 'is not', null).limit(1),
);
const closeJob = compileOnce((job: { id: number; state: 'done' | 'failed'; error: string | null; now: number }) =>
  catalogQuery.updateTable('jobs').set({ state: job.state, error: job.error, lease_expires_at: null, finished_at: job.now, updated_at: job.now }).where('id', '=', job.id),
);

/**
 * Closes a job once none of its items is queued or running: 'done', or 'failed' when some
 * listings were given up on — with a reason the seller can read. Runs inside the caller's write
 * transaction, right after the write that may have finished the last item.
 */
export function finishJobIfComplete(db: BetterSqlite3.Database, jobId: number, now: number): boolean {
  const job = openJob.first(db, { id: jobId });
  if (!job) return false;
  const open = anyOpenItem.first(db, { id: jobId });
  if (open !== undefined) return false;
  let error: string | null = null;
  if (job.failed > 0) {
    const first = firstFailure.first(db, { id: jobId })?.error;
    const listings = job.failed === 1 ? 'listing' : 'listings';
    error = `${job.failed.toLocaleString('en-US')} of ${job.total.toLocaleString('en-US')} ${listings} could not be optimized. ${first ?? ''}`.trim();
  }
  closeJob.run(db, { id: jobId, state: job.failed > 0 ? 'failed' : 'done', error, now });
  return true;
}
