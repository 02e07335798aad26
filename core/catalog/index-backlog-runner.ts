import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type BetterSqlite3 from 'better-sqlite3';
import { indexBacklog, INDEX_SLICE_SIZE } from './index-backlog.js';
import { optimizePlanner, PLANNER_CARE_MIN_ROWS } from './planner-care.js';

export interface IndexBacklogProgress {
  /** Listings indexed since this run started. */
  done: number;
  /** done + still waiting (grows when another import lands meanwhile). */
  total: number;
  ratePerSecond: number | null;
  etaSeconds: number | null;
}

export interface IndexBacklogRunnerOptions {
  db: BetterSqlite3.Database;
  /** Runs one slice between calls (the writer's call queue), so no call waits longer than a slice. */
  runQueued: <T>(work: () => T) => Promise<T>;
  signal: AbortSignal;
  onProgress?: (progress: IndexBacklogProgress) => void;
  /** After the backlog is empty; `indexed` = listings this run indexed (0: there was nothing to do). */
  onFinished?: (indexed: number) => void;
  onError?: (error: unknown) => void;
  sliceSize?: number;
}

/** Progress at most this often (the status bar's pace), plus once at the start and at the end. */
const PROGRESS_INTERVAL_MS = 250;

/**
 * Drives the index backlog (index-backlog.ts) on the writer: `start()` after an import commits
 * and when the writer opens (a backlog left by a crash); a run goes on until nothing waits, so
 * starting it again while it runs does nothing. A close (the signal) stops it after the current
 * slice; the rest waits in `listings_unindexed` for the next start.
 */
export function createIndexBacklogRunner(options: IndexBacklogRunnerOptions): { start(): void; readonly running: boolean } {
  const backlog = indexBacklog(options.db);
  let running = false;

  const run = async (): Promise<void> => {
    const started = performance.now();
    let done = 0;
    let lastProgress = 0;
    const report = (remaining: number): void => {
      const seconds = (performance.now() - started) / 1000;
      const rate = seconds > 0 && done > 0 ? done / seconds : null;
      options.onProgress?.({ done, total: done + remaining, ratePerSecond: rate === null ? null : Math.round(rate), etaSeconds: rate === null ? null : Math.round(remaining / rate) });
    };
    const waiting = await options.runQueued(() => backlog.count());
    if (waiting === 0) {
      options.onFinished?.(0);
      return;
    }
    report(waiting);
    for (;;) {
      // An event-loop turn between slices lets calls that arrived meanwhile into the queue first.
      await yieldToEventLoop();
      if (options.signal.aborted) return;
      const slice = await options.runQueued(() => (options.signal.aborted ? null : backlog.indexSlice(options.sliceSize ?? INDEX_SLICE_SIZE)));
      if (slice === null) return;
      done += slice.indexed;
      if (slice.remaining === 0) {
        report(0);
        break;
      }
      if (performance.now() - lastProgress >= PROGRESS_INTERVAL_MS) {
        lastProgress = performance.now();
        report(slice.remaining);
      }
    }
    // Thousands of new rows change what the planner should pick: refresh its statistics now.
    if (done >= PLANNER_CARE_MIN_ROWS) await options.runQueued(() => optimizePlanner(options.db, { afterBulkWrite: true }));
    options.onFinished?.(done);
  };

  return {
    start() {
      if (running || options.signal.aborted) return;
      running = true;
      run()
        .catch((error: unknown) => options.onError?.(error))
        .finally(() => {
          running = false;
        });
    },
    get running() {
      return running;
    },
  };
}
