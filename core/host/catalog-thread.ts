import { Worker } from 'node:worker_threads';
import type { EventName, MethodName } from '../../common/contract-names.js';
import { ContractError, fail, type Envelope } from '../../common/result.js';
import type { SlowStatement } from '../diagnostics/slow-statements.js';
import type { WorkerHealth } from '../diagnostics/worker-health.js';
import type { WorkerLogMessage } from '../logging/worker-log.js';
import type { CatalogWorkerData, FromWorker, ToWorker } from './worker-protocol.js';

type Pending = { resolve: (envelope: Envelope<unknown>) => void };

export interface CatalogThreadOptions {
  /** Shown in diagnostics: "writer", "reader 0", "background". */
  name?: string;
  /** Log lines of the thread (already redacted there); default: console. */
  onLog?: (message: WorkerLogMessage) => void;
  onSlowQuery?: (statement: SlowStatement, thread: string) => void;
}

/** The thread's life so far, for diagnostics. */
export interface CatalogThreadState {
  name: string;
  role: 'writer' | 'reader';
  alive: boolean;
  restarts: number;
  queued: number;
  lastError: { message: string; at: number } | null;
}

/**
 * One catalog worker thread (the writer or a reader) behind a promise API. A thread that dies
 * fails its pending calls with a readable error and is started again for the next call, so a
 * crash in SQLite code never takes the app down.
 */
export class CatalogThread {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;
  /** Health probes: answered outside the call queue, so they are not counted as queued calls. */
  private readonly probes = new Map<number, Pending>();
  private starts = 0;
  private lastError: { message: string; at: number } | null = null;
  readonly name: string;

  constructor(
    private readonly workerFile: string,
    private readonly data: CatalogWorkerData,
    private readonly onEvent: (event: EventName, payload: unknown) => void,
    private readonly options: CatalogThreadOptions = {},
  ) {
    this.name = options.name ?? data.role;
  }

  /** Starts the thread and waits until the catalog is open (migrations done for the writer). */
  start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(this.workerFile, { workerData: this.data, name: `catalog-${this.data.role}` });
    this.worker = worker;
    this.starts++;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        switch (message.type) {
          case 'ready':
            resolve();
            break;
          case 'fatal':
            this.noteError(message.error.message);
            reject(new ContractError(message.error.code as ContractError['code'], message.error.message));
            break;
          case 'result':
            (this.pending.get(message.id) ?? this.probes.get(message.id))?.resolve(message.envelope);
            this.pending.delete(message.id);
            this.probes.delete(message.id);
            break;
          case 'event':
            this.onEvent(message.event, message.payload);
            break;
          case 'slow-query':
            this.options.onSlowQuery?.(message.statement, this.name);
            break;
          case 'log':
            (this.options.onLog ?? ((m: WorkerLogMessage) => console[m.level](`[${m.scope}] ${m.text}`)))(message);
            break;
        }
      });
      worker.on('error', (error) => {
        this.noteError(error.message);
        reject(new ContractError('database_unavailable', `The catalog could not be opened: ${error.message}`));
        this.failPending(`The catalog ${this.data.role} stopped unexpectedly (${error.message}). Your last request was not completed; try again.`);
      });
      worker.on('exit', (code) => {
        if (this.worker === worker) {
          this.worker = undefined;
          this.ready = undefined;
        }
        // Keep the 'error' event's message when it just came (it says more than the exit code).
        const justFailed = this.lastError !== null && Date.now() - this.lastError.at < 1_000;
        if (!this.closed && code !== 0 && !justFailed) this.noteError(`exited with code ${code}`);
        reject(new ContractError('database_unavailable', `The catalog ${this.data.role} exited with code ${code} before it was ready.`));
        if (!this.closed) this.failPending(`The catalog ${this.data.role} stopped unexpectedly. Your last request was not completed; try again.`);
      });
    });
    return this.ready;
  }

  async call(method: MethodName, input: unknown): Promise<Envelope<unknown>> {
    if (this.closed) return fail('database_unavailable', 'Listsmith is shutting down; the request was not run.');
    try {
      await this.start();
    } catch (error) {
      return fail(error instanceof ContractError ? error.code : 'database_unavailable', (error as Error).message);
    }
    const worker = this.worker;
    if (!worker) return fail('database_unavailable', 'The catalog is not available right now; try again.');
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      const message: ToWorker = { type: 'call', id, method, input };
      worker.postMessage(message);
    });
  }

  /** Aborts an operation running (or queued) on this thread; false when it has none by that id. */
  async abort(operationId: string): Promise<boolean> {
    const worker = this.worker;
    if (!worker || this.closed) return false;
    const id = this.nextId++;
    const envelope = await new Promise<Envelope<unknown>>((resolve) => {
      this.pending.set(id, { resolve });
      const message: ToWorker = { type: 'abort', id, operationId };
      worker.postMessage(message);
    });
    return envelope.ok && (envelope.value as { cancelled: boolean }).cancelled;
  }

  /** Sends a message that needs no answer (the AI key), after the thread is up. */
  async notify(message: ToWorker): Promise<void> {
    await this.start();
    this.worker?.postMessage(message);
  }

  /** Number of calls sent and not yet answered (queue depth for diagnostics and routing). */
  get inFlight(): number {
    return this.pending.size;
  }

  state(): CatalogThreadState {
    return {
      name: this.name,
      role: this.data.role,
      alive: this.worker !== undefined && !this.closed,
      restarts: Math.max(0, this.starts - 1),
      queued: this.pending.size,
      lastError: this.lastError,
    };
  }

  /**
   * Asks the thread about itself, outside its call queue. Null when it is not running or does not
   * answer within `timeoutMs` (busy in a long synchronous step: a bulk edit's transaction).
   */
  async probe(timeoutMs: number): Promise<WorkerHealth | null> {
    const worker = this.worker;
    if (!worker || this.closed) return null;
    const id = this.nextId++;
    let timer: NodeJS.Timeout | undefined;
    const envelope = await new Promise<Envelope<unknown> | null>((resolve) => {
      this.probes.set(id, { resolve });
      timer = setTimeout(() => {
        this.probes.delete(id);
        resolve(null);
      }, timeoutMs);
      const message: ToWorker = { type: 'health', id };
      worker.postMessage(message);
    });
    clearTimeout(timer);
    return envelope?.ok ? (envelope.value as WorkerHealth) : null;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.failPending('Listsmith is shutting down; the request was not completed.');
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    // Ask the thread to close its connection (WAL checkpoint, no torn transaction), then insist.
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    const message: ToWorker = { type: 'close' };
    worker.postMessage(message);
    const timer = setTimeout(() => void worker.terminate(), 3_000);
    await exited;
    clearTimeout(timer);
  }

  private failPending(message: string): void {
    for (const [, pending] of this.pending) pending.resolve(fail('internal', message));
    this.pending.clear();
    for (const [, probe] of this.probes) probe.resolve(fail('internal', message));
    this.probes.clear();
  }

  private noteError(message: string): void {
    this.lastError = { message, at: Date.now() };
  }
}
