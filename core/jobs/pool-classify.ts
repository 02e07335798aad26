/**
 * Maps what Piscina rejects a task with onto an OptimizerPoolError. Piscina gives plain Errors:
 * its own (`worker exited with code: N`, `Task queue is at limit`, AbortError), Node's
 * (ERR_WORKER_OUT_OF_MEMORY when a thread hits resourceLimits) and the task's own throw, cloned
 * from the worker. Cancel and timeout both reach Piscina as an abort, so the pool says which it was.
 */
import { OptimizerPoolError } from './pool-error.js';

export interface FailureFacts {
  /** Our per-task timer fired (the abort that followed is ours, not the seller's). */
  timedOut: boolean;
  /** The caller's signal fired. */
  cancelled: boolean;
  taskTimeoutMs: number;
  maxOldGenerationSizeMb: number;
  listings: number;
}

const RETRY = 'Listsmith will try these listings again';

export function classifyPoolFailure(error: unknown, facts: FailureFacts): OptimizerPoolError {
  if (error instanceof OptimizerPoolError) return error;
  const what = `${facts.listings} listing${facts.listings === 1 ? '' : 's'}`;
  const raw = error instanceof Error ? error : new Error(String(error));
  const code = (raw as { code?: unknown }).code;
  const cause = { cause: error };

  if (facts.timedOut) {
    return new OptimizerPoolError(
      'timeout',
      `The optimizer took longer than ${Math.round(facts.taskTimeoutMs / 1000)} s on ${what} and was stopped. ${RETRY}.`,
      cause,
    );
  }
  if (facts.cancelled || raw.name === 'AbortError') return new OptimizerPoolError('aborted', `Optimization of ${what} was cancelled.`, cause);
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new OptimizerPoolError(
      'out_of_memory',
      `The optimizer ran out of memory (${facts.maxOldGenerationSizeMb} MB per worker) on ${what}; only that worker was stopped. ${RETRY}; if it happens again, optimize fewer listings at a time.`,
      cause,
    );
  }
  const exit = /^worker exited with code: (-?\d+)/.exec(raw.message);
  if (exit) {
    return new OptimizerPoolError(
      'worker_exit',
      `The optimizer's worker stopped unexpectedly (exit code ${exit[1]}) while working on ${what}. ${RETRY}.`,
      cause,
    );
  }
  if (raw.message === 'Task queue is at limit' || raw.message.startsWith('No task queue available')) return busy(0);
  return new OptimizerPoolError('worker_error', `The optimizer failed on ${what}: ${raw.message}. ${RETRY}.`, cause);
}

/** The pool's own queue is full. */
export function busy(waiting: number): OptimizerPoolError {
  const queued = waiting > 0 ? ` (${waiting} batches are waiting)` : '';
  return new OptimizerPoolError('busy', `The optimizer is busy${queued}. Try again when the current optimization jobs have finished.`);
}
