import { contract, type EventPayloads } from '../../common/contract.js';
import type { EventName, MethodName } from '../../common/contract-names.js';
import { ContractError, fail, type Envelope } from '../../common/result.js';
import { dirname, join } from 'node:path';
import { optimizerWorkerBeside } from '../jobs/pool-worker-file.js';
import { CoreDiagnostics } from '../diagnostics/core-diagnostics.js';
import { performance } from 'node:perf_hooks';
import { CatalogThread } from './catalog-thread.js';
import { sweepStagingDir } from './file-staging.js';
import type { CoreApi, CoreOptions } from './core-api.js';
import { isMethodName, validateCall } from './validate-call.js';
import { AiKeyHost } from './ai-key-host.js';
import { PhotoHost } from '../photos/photo-host.js';
import type { PhotoSettings, PhotoSourcePage } from '../../common/photo-types.js';
import { backupTaskFinished, backupTaskStarted } from '../backup/backup-task-health.js';

type EventListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/** Grid views live in one reader's memory: their ids carry the reader's index so calls find it. */
const VIEW_METHODS = new Set<MethodName>(['grid.rows', 'grid.close']);

/**
 * Starts the catalog threads (one writer, N readers over the same WAL database) and returns the
 * CoreApi both transports use. SQLite never runs on the caller's thread, so the Electron main
 * process and the web host's event loop stay free however long a query or import takes.
 */
export async function createCore(options: CoreOptions): Promise<CoreApi> {
  const listeners = new Set<EventListener>();
  const emit = (event: EventName, payload: unknown): void => {
    for (const listener of listeners) listener(event, payload as EventPayloads[typeof event]);
  };
  const stagingDir = options.stagingDir ?? join(dirname(options.databasePath), 'staging');
  sweepStagingDir(stagingDir);
  const base = { databasePath: options.databasePath, appVersion: options.appVersion, transport: options.transport, stagingDir };
  const ai = options.ai ?? {};
  const diagnostics = new CoreDiagnostics({
    transport: options.transport,
    logFile: options.logFile ?? null,
    openLogsCommand: options.openLogsCommand ?? null,
  });
  const threadOptions = (name: string) => ({
    name,
    onSlowQuery: (statement: Parameters<CoreDiagnostics['recordSlowQuery']>[0], thread: string) => diagnostics.recordSlowQuery(statement, thread),
    ...(options.log ? { onLog: options.log } : {}),
  });
  const writer = new CatalogThread(
    options.workerFile,
    {
      ...base,
      role: 'writer',
      optimizerWorkerFile: optimizerWorkerBeside(options.workerFile),
      ...(ai.baseURL ? { aiBaseURL: ai.baseURL } : {}),
      ...(ai.windowMs ? { aiWindowMs: ai.windowMs } : {}),
    },
    emit,
    threadOptions('writer'),
  );
  // The writer opens first: it creates the file and runs migrations before any reader looks.
  await writer.start();
  const aiKeys = new AiKeyHost(ai, (key, info) => writer.notify({ type: 'ai-key', key, info }));
  await aiKeys.load();
  const readers = Array.from({ length: Math.max(1, options.readers ?? 1) }, (_, i) => new CatalogThread(options.workerFile, { ...base, role: 'reader' }, emit, threadOptions(`reader ${i}`)));
  // Long reads (exports, file previews) get their own thread so the grid never waits behind them.
  const background = new CatalogThread(options.workerFile, { ...base, role: 'reader' }, emit, threadOptions('background'));
  const threads = [writer, ...readers, background];
  try {
    await Promise.all([...readers, background].map((reader) => reader.start()));
  } catch (error) {
    await Promise.all(threads.map((thread) => thread.close()));
    throw error;
  }

  // The local photo cache runs here, on the host's event loop with async I/O only; the catalog is
  // read through the background reader and its settings saved by the writer, like any call.
  const unwrap = <T>(envelope: Envelope<unknown>): T => {
    if (!envelope.ok) throw new ContractError(envelope.error.code, envelope.error.message);
    return envelope.value as T;
  };
  const photos = new PhotoHost({
    catalogPath: options.databasePath,
    loadSettings: async () => unwrap<PhotoSettings>(await readers[0]!.call('photos.settings', {})),
    saveSettings: async (settings) => unwrap<PhotoSettings>(await writer.call('photos.saveSettings', settings)),
    sources: async (afterId, limit) => unwrap<PhotoSourcePage>(await background.call('photos.sources', { afterId, limit })),
    ...(options.photos ? { cache: options.photos } : {}),
    onError: (message, error) => console.warn(`${message}: ${(error as Error).message}`),
  });
  const photosStarted = photos.start().catch((error: unknown) => console.warn(`photo cache: not started: ${(error as Error).message}`));
  listeners.add((event, payload) => {
    // A rescore changes no photo; imports, edits, demo data and restores may.
    if (event === 'catalog.changed' && (payload as EventPayloads['catalog.changed']).reason !== 'rescore') photos.catalogChanged();
  });

  const leastBusyReader = (): number => {
    let best = 0;
    for (let i = 1; i < readers.length; i++) if (readers[i]!.inFlight < readers[best]!.inFlight) best = i;
    return best;
  };

  async function dispatch(method: string, input: unknown): Promise<Envelope<unknown>> {
    const call = validateCall(method, input);
    if (!call.ok) return call;
    // Answered here: it probes every thread, so it must not wait in any one thread's queue.
    if (call.method === 'diagnostics.get') return { ok: true, value: await diagnostics.snapshot(threads) };
    if (call.method === 'photos.status') return photosStarted.then(() => ({ ok: true, value: photos.status() }));
    if (call.method === 'photos.configure') return photosStarted.then(async () => ({ ok: true, value: await photos.configure(call.input as Partial<PhotoSettings>) }));
    const access = contract[call.method].access;
    if (access === 'write') return writer.call(call.method, call.input);
    if (access === 'background' && call.method === 'backup.create') {
      // Counted here, where Diagnostics reads its backup counters: the backup itself runs on a catalog thread.
      backupTaskStarted();
      const envelope = await background.call(call.method, call.input).catch((error: unknown) => {
        backupTaskFinished('backup', error);
        throw error;
      });
      backupTaskFinished(`backup (${(call.input as { reason: string }).reason})`, envelope.ok ? undefined : new Error(envelope.error.message));
      return envelope;
    }
    if (access === 'background') return background.call(call.method, call.input);
    if (call.method === 'ai.setKey' || call.method === 'ai.removeKey') {
      if (call.method === 'ai.setKey') await aiKeys.set((call.input as { key: string }).key);
      else await aiKeys.remove();
      // The writer got the key before this call (messages are ordered), so its status is current.
      return writer.call('ai.status', {});
    }
    if (call.method === 'operation.cancel') {
      const { operationId } = call.input as { operationId: string };
      const found = await Promise.all(threads.map((thread) => thread.abort(operationId)));
      return { ok: true, value: { cancelled: found.some(Boolean) } };
    }

    if (VIEW_METHODS.has(call.method)) {
      const { viewId, ...rest } = call.input as { viewId: string };
      const [readerIndex, localId] = splitViewId(viewId);
      const reader = readerIndex === undefined ? undefined : readers[readerIndex];
      if (!reader || localId === undefined) return fail('not_found', 'This view of the catalog has expired; reload the grid.');
      const envelope = await reader.call(call.method, { ...rest, viewId: localId });
      return envelope.ok && call.method === 'grid.rows' ? { ok: true, value: { ...(envelope.value as object), viewId } } : envelope;
    }

    const readerIndex = leastBusyReader();
    const envelope = await readers[readerIndex]!.call(call.method, call.input);
    if (envelope.ok && call.method === 'grid.open') {
      const view = envelope.value as { viewId: string; total: number };
      return { ok: true, value: { ...view, viewId: `${readerIndex}.${view.viewId}` } };
    }
    return envelope;
  }

  return {
    async dispatch(method, input) {
      const started = performance.now();
      let envelope: Envelope<unknown>;
      try {
        envelope = await dispatch(method, input);
      } catch (error) {
        if (error instanceof ContractError) envelope = { ok: false, error: error.toData() };
        else envelope = fail('internal', `Listsmith could not run "${String(method).slice(0, 80)}": ${(error as Error).message}. Your catalog was not changed.`);
      }
      // Known names only: the per-method table stays bounded by the contract.
      if (isMethodName(method)) diagnostics.ipc.record(method, performance.now() - started, envelope.ok);
      return envelope;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      photos.close();
      listeners.clear();
      await Promise.all(threads.map((thread) => thread.close()));
    },
    stagingDir,
    async photoFile(url, size) {
      await photosStarted;
      return photos.file(url, size);
    },
  };
}

function splitViewId(viewId: string): [number | undefined, string | undefined] {
  const dot = viewId.indexOf('.');
  if (dot <= 0) return [undefined, undefined];
  const index = Number(viewId.slice(0, dot));
  return Number.isInteger(index) ? [index, viewId.slice(dot + 1)] : [undefined, undefined];
}
