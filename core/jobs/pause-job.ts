import type BetterSqlite3 from 'better-sqlite3';
import { prepared } from '../catalog/prepared.js';
import type { JobSummary } from './job-types.js';
import { readJob } from './read-jobs.js';

/**
 * Pauses a queued or running job with a reason the seller reads (e.g. Groq is down): claims skip it
 * (claim-batch.ts) until resumeJob. Proposals already written stay; listings in flight go back to
 * the queue through their batch's own failure. Runs inside the caller's transaction.
 */
export function pauseJob(db: BetterSqlite3.Database, jobId: number, reason: string, now: number): void {
  prepared(db, "UPDATE jobs SET state = 'queued', paused_at = ?, error = ?, lease_expires_at = NULL, updated_at = ? WHERE id = ? AND state IN ('queued','running')").run(now, reason, now, jobId);
}

/** "Resume" in the jobs panel (jobs.retry on a paused job): its listings are claimable again. Null when the job is not paused. */
export function resumeJob(db: BetterSqlite3.Database, jobId: number, now = Date.now()): JobSummary | null {
  const resumed = prepared(db, "UPDATE jobs SET paused_at = NULL, error = NULL, updated_at = ? WHERE id = ? AND paused_at IS NOT NULL AND state IN ('queued','running')").run(now, jobId).changes;
  if (resumed === 0) return null;
  prepared(db, "UPDATE job_items SET next_attempt_at = min(next_attempt_at, ?) WHERE job_id = ? AND state = 'queued'").run(now, jobId);
  return readJob(db, jobId);
}

export function isJobPaused(db: BetterSqlite3.Database, jobId: number): boolean {
  return prepared(db, 'SELECT 1 FROM jobs WHERE id = ? AND paused_at IS NOT NULL').get(jobId) !== undefined;
}
