import type BetterSqlite3 from 'better-sqlite3';
import { prepared } from '../catalog/prepared.js';

/**
 * Closes a job once none of its items is queued or running: 'done', or 'failed' when some
 * listings were given up on — with a reason the seller can read. Runs inside the caller's write
 * transaction, right after the write that may have finished the last item.
 */
export function finishJobIfComplete(db: BetterSqlite3.Database, jobId: number, now: number): boolean {
  const job = prepared(db, "SELECT total, failed FROM jobs WHERE id = ? AND state IN ('queued','running')").get(jobId) as { total: number; failed: number } | undefined;
  if (!job) return false;
  const open = prepared(db, "SELECT 1 FROM job_items WHERE job_id = ? AND state IN ('queued','running') LIMIT 1").get(jobId);
  if (open !== undefined) return false;
  let error: string | null = null;
  if (job.failed > 0) {
    const first = prepared(db, "SELECT error FROM job_items WHERE job_id = ? AND state = 'failed' AND error IS NOT NULL LIMIT 1").pluck().get(jobId) as string | undefined;
    const listings = job.failed === 1 ? 'listing' : 'listings';
    error = `${job.failed.toLocaleString('en-US')} of ${job.total.toLocaleString('en-US')} ${listings} could not be optimized. ${first ?? ''}`.trim();
  }
  prepared(db, 'UPDATE jobs SET state = ?, error = ?, lease_expires_at = NULL, finished_at = ?, updated_at = ? WHERE id = ?').run(
    job.failed > 0 ? 'failed' : 'done',
    error,
    now,
    now,
    jobId,
  );
  return true;
}
