import type BetterSqlite3 from 'better-sqlite3';
import { prepared } from '../catalog/prepared.js';
import type { JobSummary } from './job-types.js';
import { readJob } from './read-jobs.js';

/**
 * Cancels a queued or running job: its unfinished items become 'cancelled', so a batch still in
 * flight no longer owns them and its results are discarded (batch-outcome.ts). Proposals already
 * written stay for review. The runner also aborts the batch's task (job-runner.ts). Null when the
 * job does not exist; a finished job is returned unchanged.
 */
export function cancelJob(db: BetterSqlite3.Database, jobId: number, now = Date.now()): JobSummary | null {
  const cancel = db.transaction(() => {
    const job = prepared(db, "SELECT done, total FROM jobs WHERE id = ? AND state IN ('queued','running')").get(jobId) as { done: number; total: number } | undefined;
    if (!job) return;
    prepared(db, "UPDATE job_items SET state = 'cancelled', lease_owner = NULL, lease_expires_at = NULL WHERE job_id = ? AND state IN ('queued','running')").run(jobId);
    const error = `Cancelled after ${job.done.toLocaleString('en-US')} of ${job.total.toLocaleString('en-US')} listings.`;
    prepared(db, "UPDATE jobs SET state = 'cancelled', error = ?, lease_expires_at = NULL, finished_at = ?, updated_at = ? WHERE id = ?").run(error, now, now, jobId);
  });
  cancel.immediate();
  return readJob(db, jobId);
}

/**
 * "Retry" in the jobs panel: a failed or cancelled job's unfinished listings are queued again with
 * fresh attempts; finished ones are not redone. Null when the job does not exist.
 */
export function retryJob(db: BetterSqlite3.Database, jobId: number, now = Date.now()): JobSummary | null {
  const retry = db.transaction(() => {
    const found = prepared(db, "SELECT 1 FROM jobs WHERE id = ? AND state IN ('failed','cancelled')").get(jobId);
    if (found === undefined) return;
    prepared(db, "UPDATE job_items SET state = 'queued', attempts = 0, next_attempt_at = 0, error = NULL WHERE job_id = ? AND state IN ('failed','cancelled')").run(jobId);
    prepared(db, "UPDATE jobs SET state = 'queued', failed = 0, error = NULL, finished_at = NULL, updated_at = ? WHERE id = ?").run(now, jobId);
  });
  retry.immediate();
  return readJob(db, jobId);
}
