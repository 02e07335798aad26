import { describe, expect, it } from 'vitest';
import type { NewListing } from '../../../core/catalog/insert-listings.js';
import { createIndexBacklogRunner, type IndexBacklogProgress } from '../../../core/catalog/index-backlog-runner.js';
import { indexBacklog } from '../../../core/catalog/index-backlog.js';
import { GridViews } from '../../../core/catalog/grid-views.js';
import { qualityOf } from '../../../core/catalog/listing-quality.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { undoLast } from '../../../core/edit/undo.js';
import { applyImport } from '../../../core/import/apply-import.js';
import { expectCountersMatchRecount } from '../catalog/quality-fixtures.js';
import { newListing, tempDbPath } from '../catalog/temp-catalog.js';
import { memorySource } from './memory-source.js';

const options = { fileName: 'big.jsonl', operationId: 'op' };

function etsyListings(count: number, from = 0): NewListing[] {
  return Array.from({ length: count }, (_, i) =>
    newListing({ marketplace: 'etsy', sourceId: `etsy-${from + i}`, sku: `SKU-${from + i}`, title: `Walnut bowl number${from + i}`, tags: i % 3 === 0 ? [] : ['bowl'] }),
  );
}

const one = (catalog: Catalog, sql: string, ...params: unknown[]): number => Number(catalog.db.prepare(sql).pluck().get(...params));
const matches = (catalog: Catalog, query: string): number => one(catalog, 'SELECT count(*) FROM listings_fts WHERE listings_fts MATCH ?', query);

/** FTS5 compares every index entry with the listings; throws when one is missing, extra or stale. */
function ftsIntegrity(catalog: Catalog): void {
  catalog.db.prepare("INSERT INTO listings_fts (listings_fts, rank) VALUES ('integrity-check', 1)").run();
}

function drain(catalog: Catalog): number {
  const backlog = indexBacklog(catalog.db);
  let indexed = 0;
  for (let slice = backlog.indexSlice(7); slice.remaining > 0 || slice.indexed > 0; slice = backlog.indexSlice(7)) indexed += slice.indexed;
  return indexed;
}

describe('two-phase import (issue 15)', () => {
  it('commits a large import visible but unindexed, then the backlog indexes and scores every listing once', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const file = etsyListings(50);
    const report = await applyImport(catalog, memorySource(file), { ...options, indexAtOnce: 20 });
    expect(report.imported).toBe(50);
    // Visible at once: in the table, the counters and the grid (a view without search).
    expect(one(catalog, 'SELECT count(*) FROM listings')).toBe(50);
    expect(one(catalog, "SELECT n FROM listing_counts WHERE marketplace = 'etsy'")).toBe(50);
    const views = new GridViews(catalog);
    expect(views.open({ sort: { column: 'title', direction: 'asc' }, filter: {} })).toEqual({ viewId: expect.any(String), total: 50 });
    // The first 20 are searchable and scored now; the other 30 wait.
    expect(indexBacklog(catalog.db).count()).toBe(30);
    expect(matches(catalog, 'walnut')).toBe(20);
    expect(one(catalog, 'SELECT count(*) FROM listings WHERE quality_score IS NULL')).toBe(30);
    // A search meanwhile says what it cannot see yet.
    expect(views.open({ sort: { column: 'title', direction: 'asc' }, filter: {}, search: 'walnut' })).toEqual({ viewId: expect.any(String), total: 20, notIndexed: 30 });

    expect(drain(catalog)).toBe(30);
    expect(indexBacklog(catalog.db).count()).toBe(0);
    expect(matches(catalog, 'walnut')).toBe(50);
    expect(matches(catalog, 'number49')).toBe(1);
    ftsIntegrity(catalog);
    // Scores as the rules give them, the same as an at-once import stores.
    for (const listing of file) {
      const expected = qualityOf(listing);
      expect(catalog.db.prepare('SELECT quality_score AS qualityScore, error_count AS errorCount, failing_rules AS failingRules FROM listings WHERE source_id = ?').get(listing.sourceId)).toEqual(expected);
    }
    expectCountersMatchRecount(catalog);
    expect(views.open({ sort: { column: 'title', direction: 'asc' }, filter: {}, search: 'walnut' })).toEqual({ viewId: expect.any(String), total: 50 });
    // Nothing left: another slice does nothing.
    expect(indexBacklog(catalog.db).indexSlice()).toEqual({ indexed: 0, remaining: 0 });
    catalog.close();
  });

  it('keeps the index exact when waiting listings are edited, re-imported, deleted or their import undone', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    await applyImport(catalog, memorySource(etsyListings(10)), { ...options, indexAtOnce: 0 });
    expect(indexBacklog(catalog.db).count()).toBe(10);
    // An edit and a delete while waiting: the triggers leave the (not yet written) index alone.
    catalog.db.prepare("UPDATE listings SET title = 'Cherry spoon' WHERE source_id = 'etsy-1'").run();
    catalog.db.prepare("DELETE FROM listings WHERE source_id = 'etsy-2'").run();
    expect(indexBacklog(catalog.db).count()).toBe(9);
    // A second import updates a waiting listing (revision, inline score) and adds waiting ones.
    const second = await applyImport(catalog, memorySource([{ ...etsyListings(1, 3)[0]!, title: 'Maple board' }, ...etsyListings(5, 100)]), { ...options, indexAtOnce: 0 });
    expect({ imported: second.imported, updated: second.updated }).toEqual({ imported: 5, updated: 1 });
    expect(indexBacklog(catalog.db).count()).toBe(14);
    expect(drain(catalog)).toBe(14);
    ftsIntegrity(catalog);
    expect(matches(catalog, 'cherry')).toBe(1);
    expect(matches(catalog, 'maple')).toBe(1);
    expect(matches(catalog, 'number1')).toBe(0);
    expect(matches(catalog, 'walnut')).toBe(12);
    expectCountersMatchRecount(catalog);

    // Undo of an import whose listings still wait: they go, and so does their place in the backlog.
    const third = await applyImport(catalog, memorySource(etsyListings(6, 200)), { ...options, indexAtOnce: 0 });
    expect(indexBacklog(catalog.db).count()).toBe(6);
    expect(undoLast(catalog)).toMatchObject({ changeSet: { id: third.changeSetId }, removed: 6 });
    expect(indexBacklog(catalog.db).count()).toBe(0);
    ftsIntegrity(catalog);
    expectCountersMatchRecount(catalog);
    catalog.close();
  });

  it('runs on the writer between calls: progress up to the total, then finished once', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    await applyImport(catalog, memorySource(etsyListings(40)), { ...options, indexAtOnce: 0 });
    const progress: IndexBacklogProgress[] = [];
    let queued = 0;
    const finished = await new Promise<number>((resolve, reject) => {
      const runner = createIndexBacklogRunner({
        db: catalog.db,
        runQueued: (work) => {
          queued++;
          return Promise.resolve().then(work);
        },
        signal: new AbortController().signal,
        sliceSize: 6,
        onProgress: (p) => progress.push(p),
        onFinished: resolve,
        onError: reject,
      });
      runner.start();
      // Starting again while it runs does nothing (one run drains everything).
      runner.start();
    });
    expect(finished).toBe(40);
    // One count, then ceil(40 / 6) = 7 slices, each queued like a call.
    expect(queued).toBe(8);
    expect(progress[0]).toMatchObject({ done: 0, total: 40 });
    expect(progress.at(-1)).toMatchObject({ done: 40, total: 40, etaSeconds: 0 });
    expect(matches(catalog, 'walnut')).toBe(40);
    catalog.close();
  });

  it('matches in bulk across chunks exactly as row by row: a key set by an update, a repeat 2,500 rows later', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    await applyImport(catalog, memorySource([newListing({ marketplace: 'etsy', sourceId: 'etsy-a', sku: null, title: 'Stored without SKU' })]), options);
    const rows: NewListing[] = [
      // Sets the stored listing's SKU; the next row names it by that SKU alone, in the same chunk.
      newListing({ marketplace: 'etsy', sourceId: 'etsy-a', sku: 'NEW-SKU', title: 'Stored without SKU' }),
      newListing({ marketplace: 'etsy', sourceId: null, sku: 'NEW-SKU', title: 'Stored without SKU', quantity: 7 }),
      ...etsyListings(2_500),
      // The first new listing again, a chunk later (it is in the catalog by then): merged into it.
      { ...etsyListings(1)[0]!, quantity: 99 },
    ];
    const report = await applyImport(catalog, memorySource(rows), options);
    expect(report.rows).toEqual({ new: 2_500, updated: 1, unchanged: 0, partOf: 0, merged: 2, rejected: 0 });
    expect(one(catalog, "SELECT quantity FROM listing_rows WHERE source_id = 'etsy-a'")).toBe(7);
    expect(one(catalog, "SELECT quantity FROM listing_rows WHERE source_id = 'etsy-0'")).toBe(99);
    expect(one(catalog, 'SELECT count(*) FROM listings')).toBe(2_501);
    catalog.close();
  });
});
