import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GridView } from '../../../common/contract.js';
import { indexBacklog } from '../../../core/catalog/index-backlog.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { createCore } from '../../../core/host/create-core.js';
import { applyImport } from '../../../core/import/apply-import.js';
import { newListing } from '../catalog/temp-catalog.js';
import { memorySource } from '../import-apply/memory-source.js';
import { builtWorkerFile, tempDir } from '../paths.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const LISTINGS = 3_000;

describe('the writer thread and the index backlog (issue 15)', () => {
  it('finishes a backlog it finds at start (a crash after the import committed); meanwhile search counts what it misses', { timeout: 120_000 }, async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const path = join(dir, 'c.sqlite');
    // Phase one committed, phase two never ran: what a kill right after an import leaves.
    const catalog = openCatalog(path, { role: 'writer' });
    const listings = Array.from({ length: LISTINGS }, (_, i) => newListing({ marketplace: 'etsy', sourceId: `e-${i}`, sku: null, title: `Lantern ${i}` }));
    await applyImport(catalog, memorySource(listings), { fileName: 'f.jsonl', operationId: 'op', indexAtOnce: 0 });
    expect(indexBacklog(catalog.db).count()).toBe(LISTINGS);
    catalog.close();

    const core = await createCore({ databasePath: path, appVersion: 'test', transport: 'web', workerFile: builtWorkerFile });
    try {
      // The writer may finish before this test subscribes (it starts at open): ask, as a search does.
      const search = { sort: { column: 'title', direction: 'asc' }, filter: {}, search: 'lantern' } as const;
      const open = async (): Promise<GridView> => {
        const answer = await core.dispatch('grid.open', search);
        if (!answer.ok) throw new Error(answer.error.message);
        return answer.value as GridView;
      };
      let view = await open();
      for (let tries = 0; view.notIndexed !== undefined && tries < 600; tries++) {
        expect(view.total + view.notIndexed).toBe(LISTINGS);
        await new Promise((resolve) => setTimeout(resolve, 50));
        view = await open();
      }
      expect(view).toEqual({ viewId: expect.any(String), total: LISTINGS });
    } finally {
      await core.close();
    }
    const after = openCatalog(path, { role: 'writer' });
    expect(after.db.prepare('SELECT count(*) FROM listings WHERE quality_score IS NULL').pluck().get()).toBe(0);
    after.close();
  });
});
