import type { CatalogThreadHealth, DiagnosticsSnapshot, SlowQuery } from '../../common/diagnostics-types.js';
import { backupWorkerHealth } from '../backup/backup-task-health.js';
import { BoundedRing } from './bounded-ring.js';
import { IpcTimings } from './ipc-timings.js';
import { SLOW_QUERY_THRESHOLD_MS, type SlowStatement } from './slow-statements.js';
import type { WorkerHealth } from './worker-health.js';

export const SLOW_QUERY_RING_SIZE = 50;
/** A thread busy longer than this in one synchronous step is shown as unresponsive, not waited for. */
export const PROBE_TIMEOUT_MS = 500;

/**
 * What the snapshot shows of a thread from the host's side (core/host/catalog-thread.ts state());
 * its own answer to the probe adds the rest. Defined here, by the collector: diagnostics sits
 * below the host and never imports it.
 */
export type ProbedThreadState = Pick<CatalogThreadHealth, 'name' | 'role' | 'alive' | 'restarts' | 'queued' | 'lastError'>;

/** What the collector needs of a catalog thread (CatalogThread, or a fake in tests). */
export interface ProbedThread {
  state(): ProbedThreadState;
  probe(timeoutMs: number): Promise<WorkerHealth | null>;
}

export interface CoreDiagnosticsOptions {
  transport: 'electron' | 'web';
  logFile?: string | null;
  openLogsCommand?: string | null;
  samplesPerMethod?: number;
  now?: () => number;
}

/**
 * The host's diagnostics: contract call timings recorded at dispatch, slow statements reported by
 * the catalog threads, and a snapshot that probes every thread (in parallel, with a deadline) for
 * its queue, heap, the optimizer pool and the job queue.
 */
export class CoreDiagnostics {
  readonly ipc: IpcTimings;
  private readonly slow = new BoundedRing<SlowQuery>(SLOW_QUERY_RING_SIZE);
  private readonly started: number;
  private readonly now: () => number;

  constructor(private readonly options: CoreDiagnosticsOptions) {
    this.ipc = new IpcTimings(options.samplesPerMethod);
    this.now = options.now ?? Date.now;
    this.started = this.now();
  }

  recordSlowQuery(statement: SlowStatement, thread: string): void {
    this.slow.push({ ...statement, thread });
  }

  async snapshot(threads: readonly ProbedThread[]): Promise<DiagnosticsSnapshot> {
    const probed = await Promise.all(threads.map(async (thread) => ({ state: thread.state(), health: await thread.probe(PROBE_TIMEOUT_MS) })));
    const writer = probed.find((t) => t.state.role === 'writer')?.health ?? null;
    const at = this.now();
    return {
      at,
      uptimeMs: at - this.started,
      transport: this.options.transport,
      ipc: this.ipc.snapshot(),
      samplesPerMethod: this.ipc.samplesPerMethod,
      slowQueries: this.slow.newestFirst(),
      slowQueryThresholdMs: SLOW_QUERY_THRESHOLD_MS,
      threads: probed.map(({ state, health }) => threadHealth(state, health)),
      optimizerPool: writer?.optimizerPool ?? null,
      jobQueue: writer?.jobQueue ?? null,
      backupWorker: backupWorkerHealth(),
      preOperationBackup: writer?.preOperationBackup ?? null,
      log: { file: this.options.logFile ?? null, openCommand: this.options.openLogsCommand ?? null },
    };
  }
}

function threadHealth(state: ProbedThreadState, health: WorkerHealth | null): CatalogThreadHealth {
  return {
    name: state.name,
    role: state.role,
    alive: state.alive,
    restarts: state.restarts,
    queued: state.queued,
    operations: health?.operations ?? null,
    heapUsedBytes: health?.heapUsedBytes ?? null,
    lastError: state.lastError,
    unresponsive: state.alive && health === null,
  };
}
