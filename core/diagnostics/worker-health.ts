import type BetterSqlite3 from 'better-sqlite3';
import { getHeapStatistics } from 'node:v8';
import type { JobQueueDepth, OptimizerPoolHealth, PreOperationBackupStatus } from '../../common/diagnostics-types.js';
import { catalogQuery } from '../catalog/query-builder.js';
import { compileOnce } from '../catalog/run-compiled.js';
import type { OptimizerPoolStats } from '../jobs/optimizer-pool.js';

/** What one catalog thread says about itself when the host probes it (outside its call queue). */
export interface WorkerHealth {
  operations: number;
  heapUsedBytes: number;
  /** Writer only: the job queue and its optimizer pool. */
  optimizerPool: OptimizerPoolHealth | null;
  jobQueue: JobQueueDepth | null;
  preOperationBackup: PreOperationBackupStatus | null;
}

export interface WorkerHealthSources {
  operations: number;
  db: BetterSqlite3.Database;
  /** Absent on readers. */
  jobs?: { threads: number; pool: OptimizerPoolStats | null };
  preOperationBackup: PreOperationBackupStatus | null;
}

export function collectWorkerHealth(sources: WorkerHealthSources): WorkerHealth {
  return {
    operations: sources.operations,
    heapUsedBytes: getHeapStatistics().used_heap_size,
    optimizerPool: sources.jobs ? optimizerPoolHealth(sources.jobs.threads, sources.jobs.pool) : null,
    jobQueue: sources.jobs ? readJobQueueDepth(sources.db) : null,
    preOperationBackup: sources.preOperationBackup,
  };
}

export function optimizerPoolHealth(threads: number, stats: OptimizerPoolStats | null): OptimizerPoolHealth {
  if (!stats) return { started: false, threads, liveThreads: 0, running: 0, queued: 0, completed: 0, faults: {} };
  return { started: true, threads: stats.threads, liveThreads: stats.liveThreads, running: stats.running, queued: stats.queued, completed: stats.completed, faults: { ...stats.failed } };
}

const ACTIVE = ['queued', 'running'] as const;

const activeJobs = compileOnce(() =>
  catalogQuery
    .selectFrom('jobs')
    .select((job) => [
      job.fn.countAll<number>().as('jobs'),
      job.fn.coalesce(job.fn.sum<number>(job(job('total', '-', job.ref('done')), '-', job.ref('failed'))), job.lit(0)).as('remaining'),
    ])
    .where('state', 'in', ACTIVE),
);

const runningItems = compileOnce(() =>
  catalogQuery
    .selectFrom('job_items')
    .select((item) => item.fn.countAll<number>().as('running'))
    .where('state', '=', 'running')
    .where('job_id', 'in', catalogQuery.selectFrom('jobs').select('id').where('state', 'in', ACTIVE)),
);

/**
 * Items left = total − done − failed of the active jobs (counters kept by the runner, so no scan
 * of a million job items); running items are the few claimed under a lease (index range).
 */
export function readJobQueueDepth(db: BetterSqlite3.Database): JobQueueDepth | null {
  try {
    const active = activeJobs.first(db, {})!;
    const running = runningItems.first(db, {})!.running;
    return { activeJobs: active.jobs, runningItems: running, queuedItems: Math.max(0, active.remaining - running) };
  } catch {
    // A probe must never fail the panel: e.g. the connection is busy in an iterator right now.
    return null;
  }
}
