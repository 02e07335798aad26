import type { EventName, MethodName } from '../../common/contract-names.js';
import type { Envelope } from '../../common/result.js';
import type { SlowStatement } from '../diagnostics/slow-statements.js';
import type { WorkerLogMessage } from '../logging/worker-log.js';

/**
 * Messages between the host (main process / web host) and a catalog worker thread. `call`s run
 * one at a time in arrival order; `abort` is handled at once, outside that queue, so a cancel
 * reaches an operation that is running.
 */
export type ToWorker =
  | { type: 'call'; id: number; method: MethodName; input: unknown }
  | { type: 'abort'; id: number; operationId: string }
  /** Diagnostics probe, answered at once outside the call queue (a `result` with WorkerHealth). */
  | { type: 'health'; id: number }
  | { type: 'close' }
  /** The writer's Groq key changed (set, removed, or read at start); never sent to readers. */
  | { type: 'ai-key'; key: string | null; info: AiKeySource };

export type FromWorker =
  | { type: 'ready'; schemaVersion: number }
  | { type: 'fatal'; error: { code: string; message: string } }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; event: EventName; payload: unknown }
  /** A statement over the slow-query threshold, with its plan (core/diagnostics/slow-statements.ts). */
  | { type: 'slow-query'; statement: SlowStatement }
  /** A log line, already formatted and redacted in the worker (core/logging/worker-log.ts). */
  | WorkerLogMessage;

export interface CatalogWorkerData {
  role: 'writer' | 'reader';
  databasePath: string;
  appVersion: string;
  transport: 'electron' | 'web';
  /** Where staged files (uploads, exports) live: see file-staging.ts. */
  stagingDir: string;
  /** The compiled optimizer worker the writer's job pool runs (beside the catalog worker). */
  optimizerWorkerFile?: string;
  /** GROQ_BASE_URL: where the writer's AI client sends requests (host only); default Groq's. */
  aiBaseURL?: string;
  /** Length of a rate-limit "minute" (benchmarks against a time-compressed fake server). */
  aiWindowMs?: number;
}

export interface AiKeySource {
  source: 'none' | 'stored' | 'environment';
  protection: string | null;
  warning: string | null;
}
