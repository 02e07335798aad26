import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayloads } from '../../../common/contract.js';
import type { EventName } from '../../../common/contract-names.js';
import type { DashboardStats } from '../../../common/edit-types.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { readRulesVersion, RULES_VERSION } from '../../../core/catalog/rules-version.js';
import { CatalogThread } from '../../../core/host/catalog-thread.js';
import { upgradedCatalog } from '../catalog/quality-fixtures.js';
import { builtWorkerFile, tempDir } from '../paths.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function startThread(path: string, role: 'writer' | 'reader', events: { event: EventName; payload: unknown }[]): CatalogThread {
  const data = { role, databasePath: path, appVersion: 'test', transport: 'web' as const, stagingDir: join(path, '..', 'staging') };
  return new CatalogThread(builtWorkerFile, data, (event, payload) => events.push({ event, payload }));
}

async function dashboard(thread: CatalogThread): Promise<DashboardStats> {
  const envelope = await thread.call('dashboard.stats', {});
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as DashboardStats;
}

describe('the catalog writer thread at start', () => {
  it('scores an upgraded catalog in the background, answering calls meanwhile, and says when done', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const path = join(dir, 'old.sqlite');
    upgradedCatalog(path, 8_000).close();

    const events: { event: EventName; payload: unknown }[] = [];
    const writer = startThread(path, 'writer', events);
    // Reads go to a reader thread, as the host routes them (the writer runs only writer methods).
    const reader = startThread(path, 'reader', []);
    try {
      // Both threads up before the first read: a reader still starting would let the rescore finish first.
      await Promise.all([writer.start(), reader.start()]);
      // Calls are answered at once, between batches, long before the 8,000 listings are scored.
      const early = await dashboard(reader);
      expect(early.listings).toBe(8_000);
      expect(early.unscored).toBeGreaterThan(0);
      expect(await writer.call('demo.generate', { count: 10, seed: 2 })).toEqual({ ok: true, value: { inserted: 10 } });

      const deadline = Date.now() + 20_000;
      while (!events.some(({ event, payload }) => event === 'catalog.changed' && (payload as EventPayloads['catalog.changed']).reason === 'rescore')) {
        if (Date.now() > deadline) throw new Error(`no rescore event; got ${JSON.stringify(events)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const done = await dashboard(reader);
      expect(done.unscored).toBe(0);
      expect(done.scoreBuckets.reduce((a, b) => a + b, 0)).toBe(8_010);
      expect(done.withErrors).toBeGreaterThan(0);
    } finally {
      await reader.close();
      await writer.close();
    }
    const check = openCatalog(path, { role: 'reader' });
    expect(check.db.prepare('SELECT count(*) FROM listings WHERE quality_score IS NULL').pluck().get()).toBe(0);
    expect(readRulesVersion(check.db)).toBe(RULES_VERSION);
    check.close();
  });

  it('never rescores on a reader', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const path = join(dir, 'old.sqlite');
    // Upgraded by this version's writer (opened and closed at once), so a reader may open it.
    upgradedCatalog(path, 3_000).close();
    const events: { event: EventName; payload: unknown }[] = [];
    const reader = startThread(path, 'reader', events);
    try {
      await reader.start();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await dashboard(reader)).unscored).toBe(3_000);
      expect(events).toEqual([]);
    } finally {
      await reader.close();
    }
  });
});
