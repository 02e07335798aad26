/**
 * The rule optimizer's thread pool (Piscina). Each task is one batch of listings for one
 * marketplace; the job queue (core/jobs) decides what to run and what to retry, this decides how:
 *
 * - at most `threads` batches run; up to `maxQueue` wait here (interactive ones first), more are
 *   refused with `busy`. Waiting here rather than in Piscina's queue lets the per-task timer start
 *   when a batch really starts.
 * - `signal` cancels: a waiting batch leaves the queue, a running one has its thread terminated by
 *   Piscina (the promise rejects at once, the thread stops within milliseconds).
 * - a batch running longer than `taskTimeoutMs` is aborted the same way (a hang kills one thread).
 * - `resourceLimits` cap each thread's heap, so an out-of-memory batch kills only its thread.
 * Every failure becomes an OptimizerPoolError with a kind and a seller-readable message, and the
 * pool keeps serving: Piscina replaces dead threads on demand.
 */
import { existsSync } from 'node:fs';
import { Piscina } from 'piscina';
import { isWorkerLogMessage, type WorkerLogMessage } from '../logging/worker-log.js';
import { busy, classifyPoolFailure } from './pool-classify.js';
import {
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_MAX_OLD_GENERATION_MB,
  DEFAULT_MAX_QUEUE,
  DEFAULT_TASK_TIMEOUT_MS,
  MAX_OPTIMIZER_THREADS,
  defaultOptimizerThreads,
} from './pool-defaults.js';
import { OptimizerPoolError, type PoolFailureKind } from './pool-error.js';
import type { OptimizerBatch, OptimizerBatchResult } from './pool-task.js';
import { defaultOptimizerWorkerFile } from './pool-worker-file.js';

export interface OptimizerPoolOptions {
  /** Default: available cores − 1, at least 1, at most 8. */
  threads?: number;
  /** Batches allowed to wait for a thread (0: refuse when every thread is busy). */
  maxQueue?: number;
  taskTimeoutMs?: number;
  maxOldGenerationSizeMb?: number;
  /** Compiled task module; default out/workers/optimizer.worker.cjs (see pool-worker-file.ts). */
  workerFile?: string;
  idleTimeoutMs?: number;
  /** Pool-level problems that belong to no task (e.g. a thread dying while idle). */
  onWarning?: (message: string) => void;
  /** Log lines a task posts from its thread (workers/optimizer.worker.ts); default: console. */
  onLog?: (message: WorkerLogMessage) => void;
}

export interface OptimizerRunOptions {
  /** The seller is waiting (a few selected listings): run before bulk batches that wait. */
  interactive?: boolean;
}

export interface OptimizerPoolStats {
  threads: number;
  /** Threads alive now (threads start on demand and exit when idle). */
  liveThreads: number;
  running: number;
  queued: number;
  /** Batches that succeeded. */
  completed: number;
  failed: Record<PoolFailureKind, number>;
}

export interface OptimizerPool {
  run(batch: OptimizerBatch, signal?: AbortSignal, options?: OptimizerRunOptions): Promise<OptimizerBatchResult>;
  stats(): OptimizerPoolStats;
  /** Refuses new batches, cancels waiting and running ones, stops every thread. */
  close(): Promise<void>;
}

interface Waiting {
  batch: OptimizerBatch;
  signal: AbortSignal | undefined;
  interactive: boolean;
  resolve: (result: OptimizerBatchResult) => void;
  reject: (error: unknown) => void;
  detach: () => void;
}

export function createOptimizerPool(options: OptimizerPoolOptions = {}): OptimizerPool {
  const threads = Math.min(MAX_OPTIMIZER_THREADS, Math.max(1, Math.floor(options.threads ?? defaultOptimizerThreads())));
  const maxQueue = Math.max(0, options.maxQueue ?? DEFAULT_MAX_QUEUE);
  const taskTimeoutMs = options.taskTimeoutMs ?? DEFAULT_TASK_TIMEOUT_MS;
  const maxOldGenerationSizeMb = options.maxOldGenerationSizeMb ?? DEFAULT_MAX_OLD_GENERATION_MB;
  const warn = options.onWarning ?? (() => {});

  const workerFile = options.workerFile ?? defaultOptimizerWorkerFile();
  // Piscina would only report a missing file from inside a thread, once per task: say it now.
  if (!existsSync(workerFile)) throw new Error(`The optimizer worker ${workerFile} was not found. Run \`npm run build\` first.`);
  const piscina = new Piscina<OptimizerBatch, OptimizerBatchResult>({
    filename: workerFile,
    name: 'default',
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    // We never hand Piscina more than `threads` tasks; a small backstop all the same.
    maxQueue: threads,
    resourceLimits: { maxOldGenerationSizeMb },
  });
  // Threads post their log lines on their parentPort; Piscina re-emits them as 'message'.
  const onLog = options.onLog ?? ((m: WorkerLogMessage) => console[m.level](`[${m.scope}] ${m.text}`));
  piscina.on('message', (message: unknown) => {
    if (isWorkerLogMessage(message)) onLog(message);
  });
  const waiting: Waiting[] = [];
  /** Running tasks, by the function that fails one with a pool-level error. */
  const inFlight = new Set<(error: Error) => void>();
  // An 'error' event without a listener would throw in the host process: a thread dying with no
  // task on it must never take the app down.
  piscina.on('error', (error: unknown) => {
    const failure = error instanceof Error ? error : new Error(String(error));
    warn(`optimizer thread failed outside a task: ${failure.message}`);
    // A thread that fails while loading (a broken bundle) leaves its tasks queued in Piscina with
    // no thread left to run them: fail them now instead of at their timeout.
    if (piscina.threads.length === 0) for (const breakTask of inFlight) breakTask(failure);
  });

  const failed: Record<PoolFailureKind, number> = { worker_exit: 0, worker_error: 0, out_of_memory: 0, timeout: 0, aborted: 0, busy: 0 };
  let running = 0;
  let succeeded = 0;
  let closed = false;

  const fail = (error: OptimizerPoolError): OptimizerPoolError => {
    failed[error.kind]++;
    return error;
  };
  const facts = (batch: OptimizerBatch) => ({ taskTimeoutMs, maxOldGenerationSizeMb, listings: batch.listings.length });
  const cancelled = (batch: OptimizerBatch): OptimizerPoolError =>
    fail(classifyPoolFailure(new Error('cancelled'), { ...facts(batch), timedOut: false, cancelled: true }));

  async function start(batch: OptimizerBatch, signal: AbortSignal | undefined): Promise<OptimizerBatchResult> {
    running++;
    const timer = new AbortController();
    let timedOut = false;
    let brokenBy: Error | undefined;
    const breakTask = (error: Error): void => {
      brokenBy = error;
      timer.abort(error);
    };
    inFlight.add(breakTask);
    const timeout = setTimeout(() => {
      timedOut = true;
      timer.abort(new Error('optimizer task timed out'));
    }, taskTimeoutMs);
    try {
      const result = await piscina.run(batch, { signal: signal ? AbortSignal.any([signal, timer.signal]) : timer.signal });
      succeeded++;
      return result;
    } catch (error) {
      if (closed) throw fail(shutDown(batch));
      if (brokenBy) throw fail(classifyPoolFailure(brokenBy, { ...facts(batch), timedOut: false, cancelled: false }));
      throw fail(classifyPoolFailure(error, { ...facts(batch), timedOut, cancelled: !timedOut && signal?.aborted === true }));
    } finally {
      clearTimeout(timeout);
      inFlight.delete(breakTask);
      running--;
      startWaiting();
    }
  }

  function startWaiting(): void {
    while (!closed && running < threads && waiting.length > 0) {
      const next = waiting.shift()!;
      next.detach();
      start(next.batch, next.signal).then(next.resolve, next.reject);
    }
  }

  function enqueue(batch: OptimizerBatch, signal: AbortSignal | undefined, interactive: boolean): Promise<OptimizerBatchResult> {
    return new Promise((resolve, reject) => {
      const entry: Waiting = { batch, signal, interactive, resolve, reject, detach: () => {} };
      if (signal) {
        const onAbort = (): void => {
          const at = waiting.indexOf(entry);
          if (at >= 0) waiting.splice(at, 1);
          reject(cancelled(batch));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        entry.detach = () => signal.removeEventListener('abort', onAbort);
      }
      // Interactive batches go after the interactive ones already waiting, before any bulk batch.
      const at = interactive ? waiting.findIndex((w) => !w.interactive) : -1;
      if (at >= 0) waiting.splice(at, 0, entry);
      else waiting.push(entry);
    });
  }

  return {
    run(batch, signal, runOptions = {}) {
      if (closed) return Promise.reject(fail(shutDown(batch)));
      if (signal?.aborted) return Promise.reject(cancelled(batch));
      if (running < threads && waiting.length === 0) return start(batch, signal);
      if (waiting.length >= maxQueue) return Promise.reject(fail(busy(waiting.length)));
      return enqueue(batch, signal, runOptions.interactive === true);
    },
    stats() {
      return { threads, liveThreads: piscina.threads.length, running, queued: waiting.length, completed: succeeded, failed: { ...failed } };
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const entry of waiting.splice(0)) {
        entry.detach();
        entry.reject(fail(shutDown(entry.batch)));
      }
      await piscina.destroy();
    },
  };
}

function shutDown(batch: OptimizerBatch): OptimizerPoolError {
  return new OptimizerPoolError('aborted', `The optimizer was shut down before it finished ${batch.listings.length} listings; they will be optimized next time.`);
}
