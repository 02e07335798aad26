import type BetterSqlite3 from 'better-sqlite3';
import { catalogQuery } from '../catalog/query-builder.js';
import { runWrite, selectFirstRow } from '../catalog/run-compiled.js';
import type { JobSummary } from './job-types.js';
import { readJob } from './read-jobs.js';

/**
 * Pauses a queued or running job with a reason the seller reads (e.g. Groq is down): claims skip it
 * (claim-batch.ts) until resumeJob. Proposals already written stay; listings in flight go back to
 * the queue through their batch's own failure. Runs inside the caller's transaction.
 */
export function pauseJob(db: BetterSqlite3.Database, jobId: number, reason: string, now: number): void {
  runWrite(
    db,
    catalogQuery
      .updateTable('jobs')
      .set({ state: 'queued', paused_at: now, error: reason, lease_expires_at: null, updated_at: now })
      .where('id', '=', jobId)
      .where('state', 'in', ['queued', 'running']),
  );
}

/** "Resume" in the jobs panel (jobs.retry on a paused job): its listings are claimable again. Null when the job is not paused. */
export function resumeJob(db: BetterSqlite3.Database, jobId: number, now = Date.now()): JobSummary | null {
  const resumed = runWrite(
    db,
    catalogQuery
      .updateTable('jobs')
      .set({ paused_at: null, error: null, updated_at: now })
      .where('id', '=', jobId)
      .where('paused_at', 'is not', null)
      .where('state', 'in', ['queued', 'running']),
  ).changes;
  if (resumed === 0) return null;
  runWrite(
    db,
    catalogQuery
      .updateTable('job_items')
      .set((item) => ({ next_attempt_at: item.fn<number>('min', ['next_attempt_at', item.val(now)]) }))
      .where('job_id', '=', jobId)
      .where('state', '=', 'queued'),
  );
  return readJob(db, jobId);
}

export function isJobPaused(db: BetterSqlite3.Database, jobId: number): boolean {
  return selectFirstRow(db, catalogQuery.selectFrom('jobs').select('id').where('id', '=', jobId).where('paused_at', 'is not', null)) !== undefined;
}
