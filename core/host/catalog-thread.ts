import { Worker } from 'node:worker_threads';
import type { EventName, MethodName } from '../../common/contract-names.js';
import { ContractError, fail, type Envelope } from '../../common/result.js';
import type { CatalogWorkerData, FromWorker, ToWorker } from './worker-protocol.js';

type Pending = { resolve: (envelope: Envelope<unknown>) => void };

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

  constructor(
    private readonly workerFile: string,
    private readonly data: CatalogWorkerData,
    private readonly onEvent: (event: EventName, payload: unknown) => void,
  ) {}

  /** Starts the thread and waits until the catalog is open (migrations done for the writer). */
  start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(this.workerFile, { workerData: this.data, name: `catalog-${this.data.role}` });
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        switch (message.type) {
          case 'ready':
            resolve();
            break;
          case 'fatal':
            reject(new ContractError(message.error.code as ContractError['code'], message.error.message));
            break;
          case 'result':
            this.pending.get(message.id)?.resolve(message.envelope);
            this.pending.delete(message.id);
            break;
          case 'event':
            this.onEvent(message.event, message.payload);
            break;
        }
      });
      worker.on('error', (error) => {
        reject(new ContractError('database_unavailable', `The catalog could not be opened: ${error.message}`));
        this.failPending(`The catalog ${this.data.role} stopped unexpectedly (${error.message}). Your last request was not completed; try again.`);
      });
      worker.on('exit', (code) => {
        if (this.worker === worker) {
          this.worker = undefined;
          this.ready = undefined;
        }
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

  /** Number of calls sent and not yet answered (queue depth for diagnostics and routing). */
  get inFlight(): number {
    return this.pending.size;
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
  }
}
