/** Sizing of the optimizer pool. */
import { availableParallelism } from 'node:os';

/** More threads than this buys little for a desktop app and costs ≈ 60 MB each (model + dictionary). */
export const MAX_OPTIMIZER_THREADS = 8;

/** One core stays free for the UI, the catalog threads and the seller's other apps. */
export function defaultOptimizerThreads(): number {
  return Math.min(MAX_OPTIMIZER_THREADS, Math.max(1, availableParallelism() - 1));
}

/**
 * Job-runner lanes that keep `threads` pool threads busy: one more than threads, so while a lane
 * reads listings or writes proposals between batches, another batch is ready for the free thread
 * (with one lane per thread each thread idled through its lane's SQLite work).
 */
export function optimizerLanesFor(threads: number): number {
  return Math.max(1, Math.floor(threads)) + 1;
}

/** Batches waiting for a thread; the job queue feeds a few at a time, so this is only a backstop. */
export const DEFAULT_MAX_QUEUE = 64;
/** A batch of ~200 listings takes well under a second; far longer means a hang. */
export const DEFAULT_TASK_TIMEOUT_MS = 60_000;
/** Old-generation heap per worker: the model and dictionary need ≈ 100 MB; a runaway task dies here, not the app. */
export const DEFAULT_MAX_OLD_GENERATION_MB = 512;
/** Idle threads exit after this, freeing their model and dictionary. */
export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
