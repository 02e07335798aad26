import type { EventPayloads } from '../../common/contract.js';
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
import { GridReaders } from './grid-readers.js';
import { createHostHandlers, unwrap } from './host-handlers.js';
import { routeCall } from './route-call.js';
import { backupTaskFinished, backupTaskStarted } from '../backup/backup-task-health.js';

type EventListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

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

  /** The background reader; a backup is also counted here, where Diagnostics reads its backup counters. */
  const callBackground = async (method: MethodName, input: unknown): Promise<Envelope<unknown>> => {
    if (method !== 'backup.create') return background.call(method, input);
    backupTaskStarted();
    const envelope = await background.call(method, input).catch((error: unknown) => {
      backupTaskFinished('backup', error);
      throw error;
    });
    backupTaskFinished(`backup (${(input as { reason: string }).reason})`, envelope.ok ? undefined : new Error(envelope.error.message));
    return envelope;
  };
  const gridReaders = new GridReaders(readers);
  const places = {
    writer: (method: MethodName, input: unknown) => writer.call(method, input),
    reader: (method: MethodName, input: unknown) => gridReaders.call(method, input),
    background: callBackground,
    host: createHostHandlers({ diagnostics, threads, writer, aiKeys, photos, photosStarted }),
    ...(options.shell ? { shell: options.shell } : {}),
  };

  async function dispatch(method: string, input: unknown): Promise<Envelope<unknown>> {
    const call = validateCall(method, input);
    return call.ok ? routeCall(call, places) : call;
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
