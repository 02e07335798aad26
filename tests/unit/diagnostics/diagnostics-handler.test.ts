import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DiagnosticsSnapshot } from '../../../common/diagnostics-types.js';
import type { CoreApi } from '../../../core/host/core-api.js';
import { createCore } from '../../../core/host/create-core.js';
import { builtWorkerFile, tempDir } from '../paths.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function core(): Promise<CoreApi> {
  const t = tempDir('listsmith-diag-');
  cleanups.push(t.cleanup);
  const api = await createCore({
    databasePath: join(t.dir, 'catalog.sqlite'),
    appVersion: 'test',
    transport: 'web',
    workerFile: builtWorkerFile,
    logFile: join(t.dir, 'logs', 'web.log'),
  });
  cleanups.push(() => api.close());
  return api;
}

async function value<T>(api: CoreApi, method: string, input: unknown): Promise<T> {
  const envelope = await api.dispatch(method, input);
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value as T;
}

describe('diagnostics.get', () => {
  it('reports per-method timings, thread health, queues and the log file after grid activity', async () => {
    const api = await core();
    await value(api, 'demo.generate', { count: 300, seed: 3 });
    const view = await value<{ viewId: string }>(api, 'grid.open', { sort: { column: 'updated', direction: 'desc' }, filter: {} });
    for (let offset = 0; offset < 300; offset += 100) await value(api, 'grid.rows', { viewId: view.viewId, offset, limit: 100 });
    const bad = await api.dispatch('listing.get', { id: 999_999 });
    expect(bad.ok).toBe(false);
    await api.dispatch('no.such.method', {});

    const snapshot = await value<DiagnosticsSnapshot>(api, 'diagnostics.get', {});
    const rows = snapshot.ipc.find((m) => m.method === 'grid.rows');
    expect(rows).toMatchObject({ count: 3, errors: 0 });
    expect(rows!.p95Ms).toBeGreaterThanOrEqual(rows!.p50Ms);
    expect(snapshot.ipc.find((m) => m.method === 'listing.get')).toMatchObject({ count: 1, errors: 1 });
    // Unknown names are refused before they reach the table (it stays bounded by the contract).
    expect(snapshot.ipc.some((m) => m.method === 'no.such.method')).toBe(false);

    expect(snapshot.threads.map((t) => t.name)).toEqual(['writer', 'reader 0', 'background']);
    for (const thread of snapshot.threads) {
      expect(thread).toMatchObject({ alive: true, restarts: 0, queued: 0, unresponsive: false, lastError: null });
      expect(thread.heapUsedBytes).toBeGreaterThan(0);
    }
    expect(snapshot.jobQueue).toEqual({ activeJobs: 0, queuedItems: 0, runningItems: 0 });
    expect(snapshot.optimizerPool).toMatchObject({ started: false, threads: expect.any(Number) as number });
    expect(snapshot.log.file).toMatch(/web\.log$/);
    expect(snapshot.slowQueryThresholdMs).toBe(40);
    expect(snapshot.transport).toBe('web');
    expect(snapshot.backupWorker).toMatchObject({ running: 0 });
  });

  it('counts a backup made with backup.create (Back up now), which runs on a catalog thread', async () => {
    const api = await core();
    await value(api, 'demo.generate', { count: 20, seed: 4 });
    const before = (await value<DiagnosticsSnapshot>(api, 'diagnostics.get', {})).backupWorker.tasks;
    await value(api, 'backup.create', { reason: 'manual' });
    const after = (await value<DiagnosticsSnapshot>(api, 'diagnostics.get', {})).backupWorker;
    expect(after.tasks).toBe(before + 1);
    expect(after.running).toBe(0);
    expect(after.lastTask).toMatchObject({ kind: 'backup (manual)', ok: true, message: null });
  });

  it('rejects input for it like any other method', async () => {
    const api = await core();
    const envelope = await api.dispatch('diagnostics.get', { extra: true });
    expect(envelope.ok).toBe(false);
  });
});
