import { describe, expect, it } from 'vitest';
import { ACTIVITY_DAYS, activityDays, readDashboardStats } from '../../../core/catalog/dashboard-stats.js';
import { generateDemoData } from '../../../core/catalog/demo-data.js';
import { insertListings } from '../../../core/catalog/insert-listings.js';
import { qualityOf } from '../../../core/catalog/listing-quality.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { rescoreCatalog } from '../../../core/catalog/rescore.js';
import { readStats } from '../../../core/catalog/stats.js';
import { applyImport } from '../../../core/import/apply-import.js';
import { createDashboardHandlers } from '../../../core/service/dashboard-handlers.js';
import { memorySource } from '../import-apply/memory-source.js';
import { expectCountersMatchRecount, upgradedCatalog } from './quality-fixtures.js';
import { newListing, tempDbPath } from './temp-catalog.js';

const DAY_MS = 86_400_000;

function insertChangeSet(catalog: Catalog, createdAt: number, listingCount: number, state: 'applied' | 'undone' | 'discarded' = 'applied'): number {
  const { lastInsertRowid } = catalog.db
    .prepare("INSERT INTO change_sets (author, kind, summary, listing_count, state, undoable, created_at, updated_at) VALUES ('user', 'bulk', ?, ?, ?, 1, ?, ?)")
    .run(`Change of ${listingCount}`, listingCount, state, createdAt, createdAt);
  return Number(lastInsertRowid);
}

describe('dashboard counters', () => {
  it('equal a recount of the listings through inserts, imports, score updates, deletes and replaces', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const { db } = catalog;
    generateDemoData(catalog, { count: 700, seed: 9, now: 1_750_000_000_000 });
    insertListings(db, [newListing({ title: '' }), newListing({ marketplace: 'ebay', title: 'SALE '.repeat(30), images: [] }), newListing({ marketplace: 'other' })]);
    expectCountersMatchRecount(catalog);
    expect(db.prepare('SELECT count(*) FROM rule_counts WHERE n > 0').pluck().get()).toBeGreaterThan(5);

    // An import: new listings and changes to stored ones (rescored on the way in).
    const stored = db.prepare("SELECT source_id, sku, title FROM listings WHERE marketplace = 'etsy' AND source_id IS NOT NULL LIMIT 40").all() as { source_id: string; sku: string | null; title: string }[];
    const changed = stored.map((row, index) =>
      newListing({ marketplace: 'etsy', sourceId: row.source_id, sku: row.sku, title: index % 2 === 0 ? `${row.title} ${'word '.repeat(40)}` : row.title, tags: Array.from({ length: 15 + index }, (_, tag) => `tag ${tag}`) }),
    );
    const fresh = Array.from({ length: 30 }, (_, index) => newListing({ marketplace: 'amazon', sourceId: `B0NEW${index}`, sku: `NEW-${index}`, title: `New ${index}` }));
    const report = await applyImport(catalog, memorySource([...changed, ...fresh]), { fileName: 'more.jsonl', operationId: 'op' });
    expect(report).toMatchObject({ imported: 30, updated: 40 });
    expectCountersMatchRecount(catalog);

    // Every kind of score write: a new score, to and from NULL (unscored), failing rules only.
    db.prepare("UPDATE listings SET quality_score = 55, error_count = 2, failing_rules = '[\"etsy.title.required\",\"x.y\"]' WHERE id % 7 = 0").run();
    db.prepare("UPDATE listings SET quality_score = NULL, error_count = NULL, failing_rules = '[]' WHERE id % 11 = 0").run();
    db.prepare("UPDATE listings SET failing_rules = '[\"only.rules\"]' WHERE id % 13 = 0").run();
    db.prepare('UPDATE listings SET quality_score = 100, error_count = 0 WHERE id % 17 = 0').run();
    db.prepare("UPDATE listings SET title = 'retitled' WHERE id % 5 = 0").run();
    expectCountersMatchRecount(catalog);

    db.prepare('DELETE FROM listings WHERE id % 3 = 0').run();
    const victim = db.prepare("SELECT source_id FROM listings WHERE marketplace = 'etsy' AND source_id IS NOT NULL AND quality_score IS NOT NULL LIMIT 1").pluck().get() as string;
    // REPLACE deletes the conflicting row first; recursive_triggers makes that delete count.
    db.prepare(
      "INSERT OR REPLACE INTO listings (marketplace, source_id, title, status, created_at, quality_score, error_count, failing_rules) VALUES ('etsy', ?, 'replaced', 'draft', 2, 40, 1, '[\"r.1\"]')",
    ).run(victim);
    expectCountersMatchRecount(catalog);

    // And back: the rescore leaves every row as the rules say, counters still exact.
    await rescoreCatalog(catalog, { batchSize: 97 });
    expectCountersMatchRecount(catalog);
    catalog.close();
  });

  it('count an upgraded catalog as unscored until the rescore, then exactly', async () => {
    const catalog = upgradedCatalog(tempDbPath(), 300);
    const before = readDashboardStats(catalog);
    expect(before).toMatchObject({ listings: 300, unscored: 300, withErrors: 0, topRules: [] });
    expect(before.scoreBuckets).toEqual(Array(10).fill(0));
    await rescoreCatalog(catalog);
    const after = readDashboardStats(catalog);
    expect(after.unscored).toBe(0);
    expect(after.scoreBuckets.reduce((a, b) => a + b, 0)).toBe(300);
    expectCountersMatchRecount(catalog);
    catalog.close();
  });
});

describe('readDashboardStats', () => {
  it('reports counts, score buckets, errors and the most failing rules', () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    generateDemoData(catalog, { count: 500, seed: 2, now: 1_750_000_000_000 });
    const { db } = catalog;
    // A few unscored rows, as just after an upgrade.
    db.prepare('UPDATE listings SET quality_score = NULL, error_count = NULL WHERE id <= 4').run();
    const stats = readDashboardStats(catalog);

    const { listings, byMarketplace, byStatus } = readStats(catalog);
    expect(stats).toMatchObject({ listings, byMarketplace, byStatus, unscored: 4 });
    const buckets = Array.from({ length: 10 }, (_, bucket) =>
      db.prepare('SELECT count(*) FROM listings WHERE quality_score IS NOT NULL AND min(quality_score / 10, 9) = ?').pluck().get(bucket),
    );
    expect(stats.scoreBuckets).toEqual(buckets);
    expect(stats.withErrors).toBe(db.prepare('SELECT count(*) FROM listings WHERE error_count > 0').pluck().get());
    expect(stats.withErrors).toBeGreaterThan(0);

    const truth = db
      .prepare('SELECT j.value AS ruleId, count(*) AS listings FROM listings, json_each(failing_rules) j WHERE quality_score IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10')
      .all();
    expect(stats.topRules).toEqual(truth);
    expect(stats.topRules).toHaveLength(10);
    expect(stats.topRules[0]!.listings).toBeGreaterThanOrEqual(stats.topRules[9]!.listings);
    // A rule that no longer fails anywhere drops out (its counter row stays at 0).
    const top = stats.topRules[0]!.ruleId;
    db.prepare('UPDATE listings SET failing_rules = ? WHERE quality_score IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(failing_rules) WHERE value = ?)').run('[]', top);
    expect(readDashboardStats(catalog).topRules.map((rule) => rule.ruleId)).not.toContain(top);
    catalog.close();
  });

  it('lists the latest ten change sets with their state, newest first', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const now = new Date(2026, 2, 20, 15, 30).getTime();
    const ids = Array.from({ length: 12 }, (_, index) => insertChangeSet(catalog, now - index * 1000, index + 1, index === 10 ? 'undone' : 'applied'));
    await applyImport(catalog, memorySource([newListing({ sku: 'A' }), newListing({ sku: 'B' })]), { fileName: 'shop.csv', operationId: 'op', now: () => now + 5 });
    const { recent } = readDashboardStats(catalog, now + 10);
    expect(recent).toHaveLength(10);
    expect(recent[0]).toMatchObject({ author: 'import', kind: 'import', summary: 'Import of shop.csv: 2 new, 0 changed', listingCount: 2, state: 'applied', createdAt: now + 5 });
    expect(recent.slice(1).map((set) => set.id)).toEqual([...ids].reverse().slice(0, 9));
    // An import is a new change like any other: the undone set can no longer be redone.
    expect(recent.find((set) => set.id === ids[10])).toMatchObject({ state: 'discarded', listingCount: 11, author: 'user', kind: 'bulk', summary: 'Change of 11' });
    catalog.close();
  });

  it('sums listings changed per local day over the last 14 days, counting only changes in effect', () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const now = new Date(2026, 2, 30, 9, 15).getTime();
    const days = activityDays(now);
    expect(days).toHaveLength(ACTIVITY_DAYS + 1);
    // Local midnights: each one is 00:00 on its date, whatever the DST shifts between them.
    for (const day of days) expect([new Date(day).getHours(), new Date(day).getMinutes()]).toEqual([0, 0]);
    expect(days[ACTIVITY_DAYS - 1]).toBe(new Date(2026, 2, 30).getTime());
    expect(days[0]).toBe(new Date(2026, 2, 17).getTime());

    insertChangeSet(catalog, days[ACTIVITY_DAYS - 1]!, 5); // today at midnight
    insertChangeSet(catalog, now, 7); // today
    insertChangeSet(catalog, now, 100, 'undone'); // undone: changed nothing in the end
    insertChangeSet(catalog, now, 50, 'discarded');
    insertChangeSet(catalog, days[ACTIVITY_DAYS - 1]! - 1, 3); // yesterday, one ms before midnight
    insertChangeSet(catalog, days[0]!, 11); // the first day shown
    insertChangeSet(catalog, days[0]! - 1, 1_000); // the day before: not shown
    insertChangeSet(catalog, now + DAY_MS, 2_000); // tomorrow (a clock that moved back): not shown

    const { activity } = readDashboardStats(catalog, now);
    expect(activity.map((entry) => entry.day)).toEqual(days.slice(0, ACTIVITY_DAYS));
    const listings = activity.map((entry) => entry.listings);
    expect(listings[ACTIVITY_DAYS - 1]).toBe(12);
    expect(listings[ACTIVITY_DAYS - 2]).toBe(3);
    expect(listings[0]).toBe(11);
    expect(listings.reduce((a, b) => a + b, 0)).toBe(26);
    catalog.close();
  });

  it('is served by the dashboard handler on a reader connection', () => {
    const path = tempDbPath();
    const writer = openCatalog(path, { role: 'writer' });
    insertListings(writer.db, [newListing(), newListing({ title: '', sku: 'B' })]);
    const reader = openCatalog(path, { role: 'reader' });
    const stats = createDashboardHandlers(reader)['dashboard.stats']({} as never, { emit: () => undefined, startOperation: () => '' });
    const expected = [qualityOf(newListing()), qualityOf(newListing({ title: '' }))];
    expect(stats).toMatchObject({
      listings: 2,
      unscored: 0,
      withErrors: expected.filter((quality) => quality.errorCount > 0).length,
      activity: expect.any(Array),
      recent: [],
    });
    reader.close();
    writer.close();
  });
});
