import type { EventPayloads } from '../../common/contract.js';
import type { EventName } from '../../common/contract-names.js';
import type { Envelope } from '../../common/result.js';
import type { PhotoSize } from '../../common/photo-types.js';
import type { WorkerLogMessage } from '../logging/worker-log.js';
import type { PhotoCacheOptions } from '../photos/photo-cache.js';
import type { AiKeyOptions } from './ai-key-host.js';
import type { ShellHandlers } from './place-handlers.js';

/**
 * The core as both transports see it: one entry point that validates and runs any contract call,
 * and one event stream. The Electron shell wires it to ipcMain; the web host to a WebSocket.
 */
export interface CoreApi {
  /** Never throws: every failure (unknown method, bad input, timeout, crash) is an error envelope. */
  dispatch(method: string, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: <E extends EventName>(event: E, payload: EventPayloads[E]) => void): () => void;
  close(): Promise<void>;
  /** Folder of staged files (uploads to import, finished exports); see file-staging.ts. */
  readonly stagingDir: string;
  /**
   * The local copy of a listing photo for the hosts' `/photos` route (core/photos/photo-host.ts),
   * or null when there is none; the path never leaves the host process.
   */
  photoFile(url: string, size: PhotoSize): Promise<string | null>;
}

export interface CoreOptions {
  /** Absolute path of the catalog database file (created if missing). */
  databasePath: string;
  appVersion: string;
  transport: 'electron' | 'web';
  /** Absolute path of the compiled catalog worker (out/workers/catalog.worker.cjs). */
  workerFile: string;
  /** Reader threads for grid/search queries; the writer is always one, plus one background reader. */
  readers?: number;
  /** Defaults to a `staging` folder beside the database. */
  stagingDir?: string;
  /** Where worker threads' log lines go (already redacted in the thread); default: console. */
  log?: (message: WorkerLogMessage) => void;
  /** The log file the host writes, shown in diagnostics. */
  logFile?: string | null;
  /** The desktop command that opens the logs, shown in diagnostics (e.g. "Help › Open Logs Folder"). */
  openLogsCommand?: string;
  /** Groq: where keys are stored, the environment's key, GROQ_BASE_URL, and a compressed minute for benchmarks. */
  ai?: AiKeyOptions & { baseURL?: string; windowMs?: number };
  /**
   * The shell's answers to the methods the contract declares `runs: 'shell'` (the web host passes
   * its own; the Electron shell answers them in front of the core, see main/electron/ipc.ts).
   * Absent (tests): those methods are refused.
   */
  shell?: ShellHandlers;
  /** Photo cache tuning (tests: short timeouts and backoff). */
  photos?: Omit<PhotoCacheOptions, 'settings'>;
}
