import { describe, expect, it } from 'vitest';
import { SORT_COLUMNS, type GridQuery, type SortColumn } from '../../../common/grid.js';
import { generateDemoData } from '../../../core/catalog/demo-data.js';
import { GridViews } from '../../../core/catalog/grid-views.js';
import { insertListings } from '../../../core/catalog/insert-listings.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { newListing, tempDbPath } from './temp-catalog.js';

/** Every search alone opens lazily, however small the catalog or rare the word. */
const ALWAYS_LAZY = { lazySearch: { minListings: 0, minDensity: 0 } } as const;
const NEVER_LAZY = { lazySearch: null } as const;

function seededCatalog(): { writer: Catalog; reader: Catalog } {
  const path = tempDbPath();
  const writer = openCatalog(path, { role: 'writer' });
  generateDemoData(writer, { count: 2500, seed: 11, now: 1_750_000_000_000 });
  insertListings(writer.db, [
    newListing({ title: 'Gift gift GIFT', sku: null, priceMinor: null, quantity: null, marketplace: 'other', status: 'draft' }),
    newListing({ title: 'gift', sku: null, priceMinor: null, quantity: null, marketplace: 'other', status: 'draft' }),
  ]);
  return { writer, reader: openCatalog(path, { role: 'reader' }) };
}

const query = (column: SortColumn, direction: 'asc' | 'desc', search: string, filter: GridQuery['filter'] = {}): GridQuery => ({
  sort: { column, direction },
  filter,
  search,
});

const ids = (views: GridViews, viewId: string, offset: number, limit: number): number[] => views.rows(viewId, offset, limit).rows.map((row) => row.id);

/** Every id of a view, in pages of an awkward size. */
function readAll(views: GridViews, viewId: string, total: number, pageSize = 37): number[] {
  const all: number[] = [];
  for (let offset = 0; offset < total; offset += pageSize) all.push(...ids(views, viewId, offset, pageSize));
  return all;
}

async function buildsDone(views: GridViews): Promise<void> {
  for (let waited = 0; views.pendingBuilds() > 0; waited += 5) {
    if (waited > 5_000) throw new Error('lazy views never finished building');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function walPages(catalog: Catalog): { log: number; checkpointed: number } {
  const [result] = catalog.db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  return { log: result!.log, checkpointed: result!.checkpointed };
}

describe('lazy search views', () => {
  it('return exactly the rows of an eagerly built view, at any depth, in every sort', () => {
    const { writer, reader } = seededCatalog();
    const eager = new GridViews(reader, NEVER_LAZY);
    // One word (counted by fts5vocab), two words (count(*)), a common and a rare word, no match.
    for (const search of ['gift', 'necklace gift', 'handmade', 'qqqqzz']) {
      for (const column of SORT_COLUMNS) {
        for (const direction of ['asc', 'desc'] as const) {
          const q = query(column, direction, search);
          const label = JSON.stringify(q);
          const truth = eager.open(q);
          const expected = readAll(eager, truth.viewId, truth.total);
          if (search === 'gift') expect(truth.total, 'the build path needs a long view').toBeGreaterThan(1_000);
          // Fresh views each time: a built list is cached, and a cached search never opens lazily.
          const lazy = new GridViews(reader, ALWAYS_LAZY);
          const topFirst = lazy.open(q);
          const deepFirst = lazy.open(q);
          expect(lazy.pendingBuilds(), label).toBe(2);
          expect([topFirst.total, deepFirst.total], label).toEqual([truth.total, truth.total]);
          // Page by page from the top: rows come from probing the top of the sorted list.
          expect(readAll(lazy, topFirst.viewId, topFirst.total), label).toEqual(expected);
          // A page at the end first makes the view build its full list at once.
          for (const offset of [Math.max(0, truth.total - 5), Math.floor(truth.total / 2), 0, 1, 250, truth.total + 10]) {
            expect(ids(lazy, deepFirst.viewId, offset, 50), `${label} @${offset}`).toEqual(expected.slice(offset, offset + 50));
          }
          // Far enough down, the deep-first view had to build; a few hundred rows are still probed.
          if (truth.total > 1_000) expect(lazy.pendingBuilds(), label).toBe(1);
          lazy.close(topFirst.viewId);
          lazy.close(deepFirst.viewId);
          expect(lazy.pendingBuilds(), label).toBe(0);
          lazy.dispose();
        }
      }
    }
    writer.close();
    reader.close();
  });

  it('build in the background between calls, then serve reopens and re-sorts from the cache', async () => {
    const { writer, reader } = seededCatalog();
    const lazy = new GridViews(reader, ALWAYS_LAZY);
    const eager = new GridViews(reader, NEVER_LAZY);
    const q = query('title', 'asc', 'gift');
    const view = lazy.open(q);
    expect(ids(lazy, view.viewId, 0, 20)).toHaveLength(20);
    expect(lazy.pendingBuilds()).toBe(1);
    await buildsDone(lazy);
    const truth = eager.open(q);
    const expected = readAll(eager, truth.viewId, truth.total);
    expect(readAll(lazy, view.viewId, view.total, 200)).toEqual(expected);
    // The built list and the search's hits are cached like an eager view's.
    const again = lazy.open(q);
    expect(lazy.pendingBuilds()).toBe(0);
    expect(readAll(lazy, again.viewId, again.total, 500)).toEqual(expected);
    const resorted = lazy.open(query('price', 'desc', 'gift'));
    expect(lazy.pendingBuilds()).toBe(0);
    const resortedTruth = eager.open(query('price', 'desc', 'gift'));
    expect(readAll(lazy, resorted.viewId, resorted.total)).toEqual(readAll(eager, resortedTruth.viewId, resortedTruth.total));
    writer.close();
    reader.close();
  });

  it('keep the rows of the moment they opened when the writer commits before a deep scroll, like an eager view', async () => {
    const { writer, reader } = seededCatalog();
    const lazy = new GridViews(reader, ALWAYS_LAZY);
    const eager = new GridViews(reader, NEVER_LAZY);
    const q = query('updated', 'desc', 'gift');
    const lazyView = lazy.open(q);
    const eagerView = eager.open(q);
    expect(lazyView.total).toBe(eagerView.total);
    const atOpen = writer.db
      .prepare("SELECT id FROM listing_rows WHERE id IN (SELECT rowid FROM listings_fts WHERE listings_fts MATCH 'gift') ORDER BY updated_at DESC, id DESC")
      .pluck()
      .all() as number[];
    expect(atOpen.length).toBeGreaterThan(50);

    // After open, before any page: a new matching listing at the top, a deleted one deep down,
    // one edited to no longer match, one touched so it would sort first.
    const [added] = insertListings(writer.db, [newListing({ title: 'Newest gift', updatedAt: 2_000_000_000_000 })]);
    const deleted = atOpen[atOpen.length - 3]!;
    const unmatched = atOpen[10]!;
    const touched = atOpen[atOpen.length - 1]!;
    writer.db.prepare('DELETE FROM listings WHERE id = ?').run(deleted);
    writer.db.prepare("UPDATE listings SET title = 'Plain', description = '', tags = '[]' WHERE id = ?").run(unmatched);
    writer.db.prepare('UPDATE listing_offers SET updated_at = 2_100_000_000_000 WHERE id = ?').run(touched);
    // The pinned snapshot holds the checkpoint back until the lazy view is built.
    const pinned = walPages(writer);
    expect(pinned.checkpointed).toBeLessThan(pinned.log);

    const expected = atOpen.filter((id) => id !== deleted);
    expect(readAll(eager, eagerView.viewId, eagerView.total)).toEqual(expected);
    // Top pages (probed) and then the rest (built) are the snapshot of the open, like the eager view's.
    const top = ids(lazy, lazyView.viewId, 0, 30);
    expect(top).toEqual(expected.slice(0, 30));
    expect(top).not.toContain(added);
    expect(ids(lazy, lazyView.viewId, lazyView.total - 5, 5)).toEqual(expected.slice(-4));
    expect(readAll(lazy, lazyView.viewId, lazyView.total)).toEqual(expected);
    // Edited rows show their current values at their old place.
    expect(lazy.rows(lazyView.viewId, 10, 1).rows[0]).toMatchObject({ id: unmatched, title: 'Plain' });
    expect(lazy.pendingBuilds()).toBe(0);
    const released = walPages(writer);
    expect(released.checkpointed).toBe(released.log);

    // A reopen sees the commits.
    const reopened = lazy.open(q);
    expect(reopened.total).toBe(lazyView.total - 1); // one added, one deleted, one no longer matching
    expect(ids(lazy, reopened.viewId, 0, 2)).toEqual([touched, added]);
    await buildsDone(lazy);
    writer.close();
    reader.close();
  });

  it('release the pinned snapshot when the view closes or the background build ends', async () => {
    const { writer, reader } = seededCatalog();
    const lazy = new GridViews(reader, ALWAYS_LAZY);
    const closed = lazy.open(query('title', 'asc', 'gift'));
    insertListings(writer.db, [newListing({ title: 'Another gift' })]);
    expect(walPages(writer).checkpointed).toBeLessThan(walPages(writer).log);
    lazy.close(closed.viewId);
    expect(lazy.pendingBuilds()).toBe(0);
    const afterClose = walPages(writer);
    expect(afterClose.checkpointed).toBe(afterClose.log);

    // Two views of one snapshot share the pin; a commit before the next lazy open finishes them first.
    const first = lazy.open(query('title', 'asc', 'gift'));
    const second = lazy.open(query('price', 'asc', 'gift'));
    expect(lazy.pendingBuilds()).toBe(2);
    insertListings(writer.db, [newListing({ title: 'Yet another gift' })]);
    const third = lazy.open(query('sku', 'asc', 'gift'));
    expect(lazy.pendingBuilds()).toBe(1);
    expect(third.total).toBe(first.total + 1);
    expect(second.total).toBe(first.total);
    await buildsDone(lazy);
    const done = walPages(writer);
    expect(done.checkpointed).toBe(done.log);
    writer.close();
    reader.close();
  });

  it('leave filtered and prefix searches to the eager build, and stay correct with hostile text', () => {
    const { writer, reader } = seededCatalog();
    const lazy = new GridViews(reader, ALWAYS_LAZY);
    const eager = new GridViews(reader, NEVER_LAZY);
    const cases: GridQuery[] = [
      query('title', 'asc', 'gift', { marketplaces: ['etsy'] }),
      query('score', 'desc', 'gift', { hasErrors: true }),
      query('updated', 'desc', 'gi'),
      query('price', 'asc', 'neckl'),
    ];
    for (const q of cases) {
      const a = lazy.open(q);
      expect(lazy.pendingBuilds(), JSON.stringify(q)).toBe(0);
      const b = eager.open(q);
      expect(readAll(lazy, a.viewId, a.total), JSON.stringify(q)).toEqual(readAll(eager, b.viewId, b.total));
    }
    for (const text of ['"', 'AND (', 'NOT', 'NEAR(a b)', 'title:gift', '^gift', '🦓', 'a"b', 'Gift "box"']) {
      const a = lazy.open(query('updated', 'desc', text));
      const b = eager.open(query('updated', 'desc', text));
      expect(readAll(lazy, a.viewId, a.total), text).toEqual(readAll(eager, b.viewId, b.total));
    }
    writer.close();
    reader.close();
  });
});
