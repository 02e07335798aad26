import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { ContractError, toErrorData, type ContractErrorData } from '../common/result.js';
import { openCatalog, type Catalog } from '../core/catalog/open-catalog.js';
import { MIGRATIONS } from '../core/catalog/migrations/index.js';
import { latestVersion } from '../core/catalog/run-migrations.js';
import { defaultBackupDir } from '../core/backup/backup-handlers.js';
import { backupBeforeMigration } from '../core/backup/pre-migration.js';
import { GridViews } from '../core/catalog/grid-views.js';
import { rescoreCatalog } from '../core/catalog/rescore.js';
import { createIndexBacklogRunner } from '../core/catalog/index-backlog-runner.js';
import { createJobHost, type JobHost } from '../core/jobs/job-host.js';
import { contract } from '../common/contract.js';
import { createReaderHandlers } from '../core/service/reader-handlers.js';
import { createWriterHandlers } from '../core/service/writer-handlers.js';
import { AiService } from '../core/ai/ai-service.js';
import { aiJobs } from '../core/ai/ai-job-runner.js';
import type { HandlerContext } from '../core/service/handlers-type.js';
import type { MethodName } from '../common/contract-names.js';
import { fromSqliteError } from '../core/catalog/sqlite-error.js';
import { instrumentSlowStatements } from '../core/diagnostics/slow-statements.js';
import { collectWorkerHealth } from '../core/diagnostics/worker-health.js';
import { lastPreOperationBackup } from '../core/backup/pre-operation.js';
import { forwardConsole } from '../core/logging/console-bridge.js';
import { createWorkerLogger } from '../core/logging/worker-log.js';
import type { CatalogWorkerData, FromWorker, ToWorker } from '../core/host/worker-protocol.js';

/**
 * A catalog thread: owns one SQLite connection (the single writer, or a query-only reader) and
 * runs contract handlers for calls the host has already validated, one at a time. A long write
 * never blocks reads because readers are other threads on the same WAL database.
 */
if (!parentPort) throw new Error('catalog.worker must run as a worker thread');
const port = parentPort;
const data = workerData as CatalogWorkerData;
const post = (message: FromWorker): void => port.postMessage(message);
// Log lines (ours, and console output of any code on this thread) go to the host's log, redacted.
const log = createWorkerLogger(post, `catalog ${data.role}`);
forwardConsole(log);

/** The operation id of the indexing phase's progress events (not an operation one can cancel). */
const INDEXING_OPERATION_ID = 'indexing';

/** `LISTSMITH_INDEX_SLICE`: listings per indexing slice (default INDEX_SLICE_SIZE); the e2e test slows the phase down with it to watch it. */
function indexSliceSize(): { sliceSize?: number } {
  const size = Number(process.env.LISTSMITH_INDEX_SLICE);
  return Number.isSafeInteger(size) && size > 0 ? { sliceSize: size } : {};
}

function openFailure(thrown: unknown): ContractErrorData {
  const error = fromSqliteError(thrown);
  if (error instanceof ContractError) return error.toData();
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: 'database_unavailable',
    message: `Listsmith could not open the catalog at ${data.databasePath}: ${reason}. The file was not changed.`,
  };
}

async function start(): Promise<void> {
  // Before the writer migrates an existing catalog to a newer schema, keep a verified copy of it.
  if (data.role === 'writer') await backupBeforeMigration(data.databasePath, defaultBackupDir(data.databasePath), latestVersion(MIGRATIONS));
  const catalog = openCatalog(data.databasePath, { role: data.role });
  // Before anything prepares its statements: every later statement is timed for diagnostics.
  instrumentSlowStatements(catalog.db, { onSlow: (statement) => post({ type: 'slow-query', statement }) });
  const views = new GridViews(catalog);
  const operations = new Map<string, AbortController>();

  // Calls run strictly in arrival order so a handler never interleaves with another on this connection.
  let queue: Promise<void> = Promise.resolve();
  /** Queues work like a call (used by background work that must not run inside a call's transaction). */
  const runQueued = <T>(work: () => T): Promise<T> => {
    const result = queue.then(work);
    queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  };
  const background = new AbortController();
  const postEvent: HandlerContext['emit'] = (event, payload) => post({ type: 'event', event, payload });
  // A large import's second phase: search entries and scores, in slices between calls (writer only).
  const backlog =
    data.role === 'writer'
      ? createIndexBacklogRunner({
          db: catalog.db,
          runQueued,
          signal: background.signal,
          ...indexSliceSize(),
          onProgress: (progress) => postEvent('operation.progress', { operationId: INDEXING_OPERATION_ID, kind: 'import', phase: 'indexing', ...progress }),
          onFinished: (indexed) => {
            if (indexed === 0) return;
            log.info(`indexed ${indexed.toLocaleString('en-US')} imported listings for search`);
            postEvent('catalog.changed', { reason: 'rescore', at: Date.now() });
          },
          onError: (error) => log.error('indexing stopped:', error),
        })
      : undefined;
  const emit: HandlerContext['emit'] = (event, payload) => {
    postEvent(event, payload);
    // An import may have left listings to index; anything else finds the backlog empty at once.
    if (event === 'catalog.changed') backlog?.start();
  };
  // The app's one AI client and rate limiter live on the writer, beside the job runner.
  const ai =
    data.role === 'writer'
      ? new AiService({ db: catalog.db, runQueued, ...(data.aiBaseURL ? { baseURL: data.aiBaseURL } : {}), ...(data.aiWindowMs ? { windowMs: data.aiWindowMs } : {}) })
      : undefined;
  // Optimization jobs run on the writer only, their SQLite steps queued like calls.
  const jobs: JobHost | undefined =
    data.role === 'writer'
      ? createJobHost({ catalog, runQueued, emit, onWorkerLog: post, ...(ai ? { ai: aiJobs(ai) } : {}), ...(data.optimizerWorkerFile ? { workerFile: data.optimizerWorkerFile } : {}) })
      : undefined;
  // This thread's place in the contract: the writer's methods, or the readers' (grid and background).
  const info = { appVersion: data.appVersion, transport: data.transport, stagingDir: data.stagingDir };
  const handlers = (data.role === 'writer' ? createWriterHandlers({ catalog, info, ...(jobs ? { jobs } : {}), ...(ai ? { ai } : {}) }) : createReaderHandlers({ catalog, views, info })) as Partial<
    Record<MethodName, (input: unknown, ctx: HandlerContext) => unknown>
  >;
  const ctx: HandlerContext = {
    emit,
    startOperation(run) {
      const operationId = randomUUID();
      const controller = new AbortController();
      operations.set(operationId, controller);
      // Queued behind the current call: on the writer nothing else writes until it is done.
      queue = queue.then(async () => {
        try {
          await run({ operationId, signal: controller.signal });
        } catch (error) {
          log.error(`operation ${operationId} failed:`, error);
        } finally {
          operations.delete(operationId);
        }
      });
      return operationId;
    },
  };

  port.on('message', (message: ToWorker) => {
    if (message.type === 'abort') {
      const controller = operations.get(message.operationId);
      controller?.abort();
      post({ type: 'result', id: message.id, envelope: { ok: true, value: { cancelled: controller !== undefined } } });
      return;
    }
    if (message.type === 'ai-key') {
      ai?.setKey(message.key, message.info);
      return;
    }
    if (message.type === 'health') {
      const health = collectWorkerHealth({
        operations: operations.size,
        db: catalog.db,
        ...(jobs ? { jobs: jobs.stats() } : {}),
        preOperationBackup: data.role === 'writer' ? lastPreOperationBackup() : null,
      });
      post({ type: 'result', id: message.id, envelope: { ok: true, value: health } });
      return;
    }
    if (message.type === 'close') {
      background.abort();
      // Stop the runner first, outside the queue: its last steps (giving listings back) are queued
      // work the close must not wait behind. Then close after every call already queued.
      const stopped = jobs ? jobs.close().catch((error: unknown) => log.error('stopping jobs failed:', error)) : Promise.resolve();
      void stopped.then(() => {
        queue = queue.then(() => {
          catalog.close();
          port.close();
        });
      });
      return;
    }
    const run = async (): Promise<void> => {
      try {
        const handler = handlers[message.method];
        // The host routes by the contract, so this means a host and worker from different builds.
        if (!handler) throw new ContractError('internal', `The catalog ${data.role} does not run "${message.method}"; restart Listsmith.`);
        const value = await handler(message.input, ctx);
        post({ type: 'result', id: message.id, envelope: { ok: true, value } });
      } catch (thrown) {
        const error = fromSqliteError(thrown);
        if (!(error instanceof ContractError)) log.error(`${message.method} failed:`, error);
        post({ type: 'result', id: message.id, envelope: { ok: false, error: toErrorData(error) } });
      }
    };
    // 'writer-unqueued' methods (AI status, the key test) wait on the network, not the catalog: never behind (or holding up) writes.
    if (contract[message.method].runs === 'writer-unqueued') void run();
    else queue = queue.then(run);
  });
  post({ type: 'ready', schemaVersion: catalog.schemaVersion });
  if (data.role === 'writer') startRescore(catalog, runQueued, background.signal, ctx);
  // A backlog a crash (or a close) left behind is finished now.
  backlog?.start();
}

/**
 * Scores listings left unscored by a schema upgrade, or all of them when the rules changed, in
 * small batches queued between calls: the app is usable at once and edits never wait long.
 */
function startRescore(catalog: Catalog, runQueued: <T>(work: () => T) => Promise<T>, signal: AbortSignal, ctx: HandlerContext): void {
  const started = Date.now();
  rescoreCatalog(catalog, { runBatch: runQueued, signal })
    .then((result) => {
      if (result.changed === 0) return;
      ctx.emit('catalog.changed', { reason: 'rescore', at: Date.now() });
      log.info(`scored ${result.changed.toLocaleString('en-US')} listings in ${((Date.now() - started) / 1000).toFixed(1)} s${result.fullPass ? ' (rules changed)' : ''}`);
    })
    .catch((error: unknown) => log.error('rescoring stopped:', error));
}

start().catch((error: unknown) => {
  post({ type: 'fatal', error: openFailure(error) });
  port.close();
});

