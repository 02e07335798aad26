import type BetterSqlite3 from 'better-sqlite3';
import { catalogQuery } from '../catalog/query-builder.js';
import { runWrite, selectFirstRow } from '../catalog/run-compiled.js';

/**
 * Closes a job once none of its items is queued or running: 'done', or 'failed' when some
 * listings were given up on — with a reason the seller can read. Runs inside the caller's write
 * transaction, right after the write that may have finished the last item.
 */
export function finishJobIfComplete(db: BetterSqlite3.Database, jobId: number, now: number): boolean {
  const job = selectFirstRow(db, catalogQuery.selectFrom('jobs').select(['total', 'failed']).where('id', '=', jobId).where('state', 'in', ['queued', 'running']));
  if (!job) return false;
  const open = selectFirstRow(db, catalogQuery.selectFrom('job_items').select('listing_id').where('job_id', '=', jobId).where('state', 'in', ['queued', 'running']).limit(1));
  if (open !== undefined) return false;
  let error: string | null = null;
  if (job.failed > 0) {
    const first = selectFirstRow(
      db,
      catalogQuery.selectFrom('job_items').select('error').where('job_id', '=', jobId).where('state', '=', 'failed').where('error', 'is not', null).limit(1),
    )?.error;
    const listings = job.failed === 1 ? 'listing' : 'listings';
    error = `${job.failed.toLocaleString('en-US')} of ${job.total.toLocaleString('en-US')} ${listings} could not be optimized. ${first ?? ''}`.trim();
  }
  runWrite(
    db,
    catalogQuery
      .updateTable('jobs')
      .set({ state: job.failed > 0 ? 'failed' : 'done', error, lease_expires_at: null, finished_at: now, updated_at: now })
      .where('id', '=', jobId),
  );
  return true;
}
