import type BetterSqlite3 from 'better-sqlite3';
import { catalogQuery } from '../catalog/query-builder.js';
import { runWrite, selectFirstRow } from '../catalog/run-compiled.js';
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
    const job = selectFirstRow(db, catalogQuery.selectFrom('jobs').select(['done', 'total']).where('id', '=', jobId).where('state', 'in', ['queued', 'running']));
    if (!job) return;
    runWrite(
      db,
      catalogQuery
        .updateTable('job_items')
        .set({ state: 'cancelled', lease_owner: null, lease_expires_at: null })
        .where('job_id', '=', jobId)
        .where('state', 'in', ['queued', 'running']),
    );
    const error = `Cancelled after ${job.done.toLocaleString('en-US')} of ${job.total.toLocaleString('en-US')} listings.`;
    runWrite(db, catalogQuery.updateTable('jobs').set({ state: 'cancelled', error, lease_expires_at: null, finished_at: now, updated_at: now }).where('id', '=', jobId));
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
    const found = selectFirstRow(db, catalogQuery.selectFrom('jobs').select('id').where('id', '=', jobId).where('state', 'in', ['failed', 'cancelled']));
    if (found === undefined) return;
    runWrite(
      db,
      catalogQuery
        .updateTable('job_items')
        .set({ state: 'queued', attempts: 0, next_attempt_at: 0, error: null })
        .where('job_id', '=', jobId)
        .where('state', 'in', ['failed', 'cancelled']),
    );
    runWrite(db, catalogQuery.updateTable('jobs').set({ state: 'queued', failed: 0, error: null, finished_at: null, updated_at: now }).where('id', '=', jobId));
  });
  retry.immediate();
  return readJob(db, jobId);
}
