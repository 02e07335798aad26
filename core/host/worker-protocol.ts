import type { EventName, MethodName } from '../../common/contract-names.js';
import type { Envelope } from '../../common/result.js';

/**
 * Messages between the host (main process / web host) and a catalog worker thread. `call`s run
 * one at a time in arrival order; `abort` is handled at once, outside that queue, so a cancel
 * reaches an operation that is running.
 */
export type ToWorker =
  | { type: 'call'; id: number; method: MethodName; input: unknown }
  | { type: 'abort'; id: number; operationId: string }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; schemaVersion: number }
  | { type: 'fatal'; error: { code: string; message: string } }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; event: EventName; payload: unknown };

export interface CatalogWorkerData {
  role: 'writer' | 'reader';
  databasePath: string;
  appVersion: string;
  transport: 'electron' | 'web';
  /** Where staged files (uploads, exports) live: see file-staging.ts. */
  stagingDir: string;
  /** The compiled optimizer worker the writer's job pool runs (beside the catalog worker). */
  optimizerWorkerFile?: string;
}
