import type BetterSqlite3 from 'better-sqlite3';
import { catalogQuery } from '../catalog/query-builder.js';
import { compileOnce } from '../catalog/run-compiled.js';
import type { JobSummary } from './job-types.js';
import { readJob } from './read-jobs.js';

const pause = compileOnce((job: { jobId: number; reason: string; now: number }) =>
  catalogQuery
    .updateTable('jobs')
    .set({ state: 'queued', paused_at: job.now, error: job.reason, lease_expires_at: null, updated_at: job.now })
    .where('id', '=', job.jobId)
    .where('state', 'in', ['queued', 'running']),
);
const resume = compileOnce((job: { jobId: number; now: number }) =>
  catalogQuery
    .updateTable('jobs')
    .set({ paused_at: null, error: null, updated_at: job.now })
    .where('id', '=', job.jobId)
    .where('paused_at', 'is not', null)
    .where('state', 'in', ['queued', 'running']),
);
const claimableNow = compileOnce((job: { jobId: number; now: number }) =>
  catalogQuery
    .updateTable('job_items')
    .set((item) => ({ next_attempt_at: item.fn<number>('min', ['next_attempt_at', item.val(job.now)]) }))
    .where('job_id', '=', job.jobId)
    .where('state', '=', 'queued'),
);
const pausedJob = compileOnce((job: { jobId: number }) => catalogQuery.selectFrom('jobs').select('id').where('id', '=', job.jobId).where('paused_at', 'is not', null));

/**
 * Pauses a queued or running job with a reason the seller reads (e.g. Groq is down): claims skip it
 * (claim-batch.ts) until resumeJob. Proposals already written stay; listings in flight go back to
 * the queue through their batch's own failure. Runs inside the caller's transaction.
 */
export function pauseJob(db: BetterSqlite3.Database, jobId: number, reason: string, now: number): void {
  pause.run(db, { jobId, reason, now });
}

/** "Resume" in the jobs panel (jobs.retry on a paused job): its listings are claimable again. Null when the job is not paused. */
export function resumeJob(db: BetterSqlite3.Database, jobId: number, now = Date.now()): JobSummary | null {
  const resumed = resume.run(db, { jobId, now }).changes;
  if (resumed === 0) return null;
  claimableNow.run(db, { jobId, now });
  return readJob(db, jobId);
}

export function isJobPaused(db: BetterSqlite3.Database, jobId: number): boolean {
  return pausedJob.first(db, { jobId }) !== undefined;
}
