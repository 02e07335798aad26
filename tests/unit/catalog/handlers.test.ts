import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventPayloads } from '../../../common/contract.js';
import type { EventName } from '../../../common/contract-names.js';
import { ContractError } from '../../../common/result.js';
import { GridViews } from '../../../core/catalog/grid-views.js';
import { MIGRATIONS } from '../../../core/catalog/migrations/index.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { createReaderHandlers } from '../../../core/service/reader-handlers.js';
import { createWriterHandlers } from '../../../core/service/writer-handlers.js';
import type { HandlerContext } from '../../../core/service/handlers-type.js';
import { tempDbPath } from './temp-catalog.js';

function recorder(): { ctx: HandlerContext; events: { event: EventName; payload: EventPayloads[EventName] }[] } {
  const events: { event: EventName; payload: EventPayloads[EventName] }[] = [];
  return {
    events,
    ctx: {
      emit: (event, payload) => void events.push({ event, payload }),
      startOperation: () => {
        throw new Error('no operations in this test');
      },
    },
  };
}

describe('createWriterHandlers / createReaderHandlers', () => {
  it('serve the contract methods over a writer and a reader', async () => {
    const path = tempDbPath();
    const writer = openCatalog(path, { role: 'writer' });
    const reader = openCatalog(path, { role: 'reader' });
    const info = { appVersion: '1.2.3', transport: 'web' as const, stagingDir: join(dirname(path), 'staging') };
    const write = createWriterHandlers({ catalog: writer, info });
    const read = createReaderHandlers({ catalog: reader, views: new GridViews(reader), info });
    const { ctx, events } = recorder();

    expect(await read['app.info']({}, ctx)).toEqual({ name: 'Listsmith', version: '1.2.3', schemaVersion: MIGRATIONS.length, databasePath: path, transport: 'web' });
    expect(await read['catalog.stats']({}, ctx)).toEqual({ listings: 0, byMarketplace: {}, byStatus: {} });

    expect(await write['demo.generate']({ count: 12_000, seed: 5 }, ctx)).toEqual({ inserted: 12_000 });
    const progress = events.filter((e) => e.event === 'demo.progress').map((e) => e.payload);
    expect(progress.at(-1)).toEqual({ done: 12_000, total: 12_000 });
    expect(events.at(-1)?.event).toBe('catalog.changed');
    expect(events.at(-1)?.payload).toMatchObject({ reason: 'demo' });

    const stats = await read['catalog.stats']({}, ctx);
    expect(stats.listings).toBe(12_000);
    expect(Object.values(stats.byStatus).reduce((a, b) => a + (b ?? 0), 0)).toBe(12_000);
    const dashboard = await read['dashboard.stats']({}, ctx);
    expect(dashboard).toMatchObject({ listings: 12_000, byStatus: stats.byStatus, unscored: 0 });
    expect(dashboard.scoreBuckets.reduce((a, b) => a + b, 0)).toBe(12_000);

    const view = await read['grid.open']({ sort: { column: 'title', direction: 'asc' }, filter: {} }, ctx);
    expect(view.total).toBe(12_000);
    const page = await read['grid.rows']({ viewId: view.viewId, offset: 11_990, limit: 20 }, ctx);
    expect(page.rows).toHaveLength(10);
    const listing = await read['listing.get']({ id: page.rows[0]!.id }, ctx);
    expect(listing.title).toBe(page.rows[0]!.title);
    expect(listing.variants).toHaveLength(page.rows[0]!.variantCount);
    expect(await read['grid.close']({ viewId: view.viewId }, ctx)).toEqual({ closed: true });
    expect(await read['grid.close']({ viewId: view.viewId }, ctx)).toEqual({ closed: false });

    await expect(Promise.resolve().then(() => read['listing.get']({ id: 99_999 }, ctx))).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('#99999'),
    });
    await expect(Promise.resolve().then(() => read['grid.rows']({ viewId: view.viewId, offset: 0, limit: 1 }, ctx))).rejects.toBeInstanceOf(ContractError);
    reader.close();
    writer.close();
  });
});
