/**
 * The job queue as the app's writer thread runs it: recovers leases of a previous run at start,
 * starts the runner when there is work (and the optimizer pool on the first batch), turns runner
 * progress into throttled `job.progress` events, and tells windows when auto-applied proposals
 * changed the catalog. Every SQLite step of the runner goes through `runQueued` (the writer's call
 * queue), so it never interleaves with a call's transaction. One per writer; close() before the
 * catalog closes: it stops the runner and the pool's threads.
 */
import type { EventPayloads } from '../../common/contract.js';
import type { JobProgressEvent } from '../../common/job-types.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { cancelJob } from './cancel-job.js';
import { createJobRunner, type JobRunner, type JobRunnerOptions } from './job-runner.js';
import type { JobProgress, JobSummary, OptimizerRunner } from './job-types.js';
import type { WorkerLogMessage } from '../logging/worker-log.js';
import { createOptimizerPool, type OptimizerPool, type OptimizerPoolStats } from './optimizer-pool.js';
import { defaultOptimizerThreads, optimizerLanesFor } from './pool-defaults.js';
import { hasActiveJobs } from './read-jobs.js';
import { recoverJobs } from './recover-jobs.js';

/** What the contract handlers need from the job host (absent on reader threads and in unit tests). */
export interface JobControl {
  /** A job was queued or retried: start the runner if needed and look for work now. */
  wake(): void;
  /** Cancels a job, aborting its batches in flight. Null when there is no such job. */
  cancel(jobId: number): JobSummary | null;
}

export interface JobHost extends JobControl {
  /** Stops the runner (listings in flight go back to the queue) and the pool's threads. */
  close(): Promise<void>;
  /** For diagnostics: the pool's configured threads and its counters (null until it started). */
  stats(): { threads: number; pool: OptimizerPoolStats | null };
}

export interface JobHostOptions {
  catalog: Catalog;
  runQueued: <T>(work: () => T) => Promise<T>;
  emit: (event: 'job.progress' | 'catalog.changed', payload: EventPayloads['job.progress'] | EventPayloads['catalog.changed']) => void;
  /** The compiled optimizer worker (see pool-worker-file.ts); default: found beside the built entry. */
  workerFile?: string;
  /** Pool threads; default cores − 1, at least 1, at most 2 (the app has other work to do). */
  threads?: number;
  /** At most one progress event per job this often (the last one of a job is always sent). */
  progressIntervalMs?: number;
  onError?: (error: unknown) => void;
  /** Log lines the optimizer's threads send (formatted and redacted there); default: console. */
  onWorkerLog?: (message: WorkerLogMessage) => void;
  /** Runs AI jobs (absent: AI jobs stay queued until a host with AI runs them). */
  ai?: AiJobs;
}

/**
 * How the queue runs AI batches, handed in by whoever composes the host with the AI service
 * (core/ai/ai-job-runner.ts `aiJobs`): the jobs layer sits below the AI and never imports it.
 */
export type AiJobs = Required<Pick<JobRunnerOptions, 'aiRunner' | 'describeFailure' | 'batchSizeFor'>>;

/** A desktop app keeps its cores for the seller: two optimizer threads unless told otherwise. */
export const DEFAULT_APP_OPTIMIZER_THREADS = 2;

export function toProgressEvent(progress: JobProgress): JobProgressEvent {
  return {
    jobId: progress.jobId,
    done: progress.done,
    total: progress.total,
    failed: progress.failed,
    ratePerSecond: Math.round(progress.rate * 10) / 10,
    etaSeconds: progress.etaMs === null ? null : Math.ceil(progress.etaMs / 1000),
    state: progress.state,
  };
}

export function createJobHost(options: JobHostOptions): JobHost {
  const { catalog, runQueued, emit } = options;
  const threads = Math.max(1, Math.floor(options.threads ?? Math.min(DEFAULT_APP_OPTIMIZER_THREADS, defaultOptimizerThreads())));
  const interval = options.progressIntervalMs ?? 250;
  const onError = options.onError ?? ((error: unknown) => console.error('[jobs] ', error));
  let pool: OptimizerPool | undefined;
  let runner: JobRunner | undefined;
  let closed = false;

  // The pool (and its threads, ≈ 60 MB each) exists only once a batch runs.
  const lazyPool: OptimizerRunner = {
    run(batch, signal, runOptions) {
      pool ??= createOptimizerPool({
        threads,
        ...(options.workerFile ? { workerFile: options.workerFile } : {}),
        onWarning: (message) => console.warn(`[jobs] ${message}`),
        ...(options.onWorkerLog ? { onLog: options.onWorkerLog } : {}),
      });
      return pool.run(batch, signal, runOptions);
    },
  };

  // Throttled progress: at most one event per job per interval, the latest always delivered.
  const progressState = new Map<number, { last: number; pending: JobProgressEvent | null; timer: NodeJS.Timeout | null }>();
  const sendProgress = (event: JobProgressEvent): void => {
    const now = Date.now();
    let state = progressState.get(event.jobId);
    if (!state) progressState.set(event.jobId, (state = { last: 0, pending: null, timer: null }));
    const finished = event.state !== 'queued' && event.state !== 'running';
    if (finished || now - state.last >= interval) {
      if (state.timer) clearTimeout(state.timer);
      state.timer = null;
      state.pending = null;
      state.last = now;
      emit('job.progress', event);
      if (finished) {
        progressState.delete(event.jobId);
        // A finished job's proposals (or applied changes) change the grid's proposal marks.
        if (!closed) emit('catalog.changed', { reason: 'edit', at: Date.now() });
      }
      return;
    }
    state.pending = event;
    if (state.timer) return;
    const held = state;
    held.timer = setTimeout(
      () => {
        held.timer = null;
        if (!held.pending || closed) return;
        const pending = held.pending;
        held.pending = null;
        held.last = Date.now();
        emit('job.progress', pending);
      },
      interval - (now - state.last),
    );
  };

  // Auto-applied batches change the catalog: one catalog.changed per interval at most.
  let changedTimer: NodeJS.Timeout | null = null;
  const catalogChanged = (): void => {
    if (changedTimer || closed) return;
    emit('catalog.changed', { reason: 'edit', at: Date.now() });
    changedTimer = setTimeout(() => (changedTimer = null), interval);
  };

  const ensureRunner = (): JobRunner | undefined => {
    if (closed) return undefined;
    if (!runner) {
      runner = createJobRunner({
        catalog,
        runner: lazyPool,
        ...options.ai,
        lanes: optimizerLanesFor(threads),
        runQueued,
        onProgress: (progress) => sendProgress(toProgressEvent(progress)),
        onApplied: () => catalogChanged(),
        onError,
      });
      runner.start();
    }
    return runner;
  };

  // This writer is the only runner of the file (single-instance lock): every lease is stale.
  recoverJobs(catalog.db, { releaseAll: true });
  if (hasActiveJobs(catalog.db)) ensureRunner();

  return {
    wake() {
      ensureRunner()?.wake();
    },
    cancel(jobId) {
      if (runner) return runner.cancel(jobId);
      const job = cancelJob(catalog.db, jobId);
      if (job) sendProgress({ jobId, done: job.done, total: job.total, failed: job.failed, ratePerSecond: 0, etaSeconds: 0, state: job.state });
      return job;
    },
    stats() {
      return { threads, pool: pool?.stats() ?? null };
    },
    async close() {
      closed = true;
      for (const state of progressState.values()) if (state.timer) clearTimeout(state.timer);
      progressState.clear();
      if (changedTimer) clearTimeout(changedTimer);
      try {
        await runner?.stop();
      } finally {
        await pool?.close();
      }
    },
  };
}
