/**
 * What `diagnostics.get` answers: a snapshot of the core's health for the Diagnostics panel
 * (renderer) and for support. Plain data, no process-specific types.
 */

/** Durations of one contract method over its last samples, measured at the host's dispatch. */
export interface IpcMethodTiming {
  method: string;
  /** Calls since the core started (all of them, not only the samples kept). */
  count: number;
  /** Calls that answered with an error envelope. */
  errors: number;
  /** Over the last samples kept (see `samplesPerMethod`). */
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  lastAt: number;
}

/** One row of SQLite's EXPLAIN QUERY PLAN. */
export interface QueryPlanRow {
  id: number;
  parent: number;
  detail: string;
}

/** A statement on a catalog thread that took longer than the threshold. */
export interface SlowQuery {
  /** The SQL, whitespace collapsed and truncated. */
  sql: string;
  durationMs: number;
  at: number;
  /** Which catalog thread ran it: "writer", "reader 0", "background". */
  thread: string;
  /** Empty when the plan could not be read (the error is in `planError`). */
  plan: QueryPlanRow[];
  planError: string | null;
}

export interface CatalogThreadHealth {
  name: string;
  role: 'writer' | 'reader';
  alive: boolean;
  /** Times the thread was started again after it died. */
  restarts: number;
  /** Calls sent and not answered yet (its queue, the running call included). */
  queued: number;
  /** Long operations (import, export, checkpoint…) scheduled or running on it. */
  operations: number | null;
  heapUsedBytes: number | null;
  lastError: { message: string; at: number } | null;
  /** The thread did not answer the health probe in time (busy in a long synchronous step). */
  unresponsive: boolean;
}

export interface OptimizerPoolHealth {
  /** False until the first optimization batch starts the pool. */
  started: boolean;
  threads: number;
  liveThreads: number;
  running: number;
  queued: number;
  completed: number;
  /** Failed batches by kind (worker_exit, out_of_memory, timeout, …). */
  faults: Record<string, number>;
}

export interface JobQueueDepth {
  /** Job items (one per listing of a job) waiting and being optimized. */
  queuedItems: number;
  runningItems: number;
  activeJobs: number;
}

/** Backups this session ran: host-side tasks (start-up check, restore, scheduled backups) and Back up now / backup.create. */
export interface BackupWorkerHealth {
  tasks: number;
  failures: number;
  running: number;
  lastTask: { kind: string; at: number; ok: boolean; message: string | null } | null;
}

/** The last decision about a backup before a big import or bulk edit. */
export interface PreOperationBackupStatus {
  reason: 'pre-import' | 'pre-bulk-edit';
  outcome: 'taken' | 'skipped' | 'failed';
  /** Why skipped or failed, or the backup's id when taken. */
  detail: string;
  listings: number;
  at: number;
}

export interface DiagnosticsSnapshot {
  at: number;
  uptimeMs: number;
  transport: 'electron' | 'web';
  ipc: IpcMethodTiming[];
  samplesPerMethod: number;
  slowQueries: SlowQuery[];
  slowQueryThresholdMs: number;
  threads: CatalogThreadHealth[];
  optimizerPool: OptimizerPoolHealth | null;
  jobQueue: JobQueueDepth | null;
  backupWorker: BackupWorkerHealth;
  preOperationBackup: PreOperationBackupStatus | null;
  log: {
    /** The log file the app writes (null: logging to the console only). */
    file: string | null;
    /** Where the desktop app offers to open it, e.g. "Help › Open Logs Folder". */
    openCommand: string | null;
  };
}
