import { describe, expect, it } from 'vitest';
import { getListing } from '../../../core/catalog/get-listing.js';
import type { NewListing } from '../../../core/catalog/insert-listings.js';
import { qualityOf } from '../../../core/catalog/listing-quality.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { applyImport } from '../../../core/import/apply-import.js';
import { expectCountersMatchRecount, storedQualityCounters } from '../catalog/quality-fixtures.js';
import { newListing, tempDbPath } from '../catalog/temp-catalog.js';
import { memorySource } from './memory-source.js';

const options = { fileName: 'shop.csv', operationId: 'op-1' };

function etsy(index: number, overrides: Partial<NewListing> = {}): NewListing {
  return newListing({ marketplace: 'etsy', sourceId: `E${index}`, sku: `SKU-${index}`, title: `Listing ${index}`, ...overrides });
}

function quality(catalog: Catalog, sourceId: string): { quality_score: number; error_count: number; failing_rules: string; id: number } {
  return catalog.db.prepare('SELECT id, quality_score, error_count, failing_rules FROM listings WHERE source_id = ?').get(sourceId) as never;
}

function expectScoredAsStored(catalog: Catalog, sourceId: string): void {
  const row = quality(catalog, sourceId);
  const expected = qualityOf(getListing(catalog, row.id)!);
  expect({ score: row.quality_score, errors: row.error_count, rules: row.failing_rules }).toEqual({
    score: expected.qualityScore,
    errors: expected.errorCount,
    rules: expected.failingRules,
  });
}

function changeSets(catalog: Catalog): Record<string, unknown>[] {
  return catalog.db.prepare('SELECT * FROM change_sets ORDER BY id').all() as Record<string, unknown>[];
}

describe('applyImport: quality scores and change sets', () => {
  it('stores the score of every imported listing and rescores the listings it changes', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    await applyImport(catalog, memorySource([etsy(1), etsy(2), etsy(3, { tags: [] })]), options);
    for (const id of ['E1', 'E2', 'E3']) expectScoredAsStored(catalog, id);
    const before = quality(catalog, 'E1');

    // Over Etsy's 140 characters: an error; the import must store the new, lower score.
    await applyImport(catalog, memorySource([etsy(1, { title: 'Long '.repeat(40) }), etsy(2)]), options);
    const after = quality(catalog, 'E1');
    expectScoredAsStored(catalog, 'E1');
    expect(after.quality_score).toBeLessThan(before.quality_score);
    expect(after.error_count).toBeGreaterThan(before.error_count);
    expect(JSON.parse(after.failing_rules)).toContain('etsy.title.max_length');
    expectCountersMatchRecount(catalog);
    catalog.close();
  });

  it('records one change set per import that writes, and links its revisions to it', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const at = 1_760_000_000_000;
    const first = await applyImport(catalog, memorySource([etsy(1), etsy(2), etsy(3)]), { ...options, now: () => at });
    expect(first.imported).toBe(3);
    expect(changeSets(catalog)).toEqual([
      expect.objectContaining({ author: 'import', kind: 'import', summary: 'Import of shop.csv: 3 new, 0 changed', listing_count: 3, state: 'applied', undoable: 1, created_at: at }),
    ]);

    const second = await applyImport(
      catalog,
      memorySource([etsy(1, { title: 'Renamed' }), etsy(2, { priceMinor: 4_200 }), etsy(3), etsy(4), etsy(5)]),
      { fileName: 'update.csv', operationId: 'op-2', now: () => at + 1_000 },
    );
    expect(second).toMatchObject({ imported: 2, updated: 2, unchanged: 1 });
    const sets = changeSets(catalog);
    expect(sets).toHaveLength(2);
    expect(sets[1]).toMatchObject({ summary: 'Import of update.csv: 2 new, 2 changed', listing_count: 4, undoable: 1, created_at: at + 1_000 });
    const revisions = catalog.db.prepare('SELECT author, change_set_id FROM revisions ORDER BY id').all();
    expect(revisions).toEqual([
      { author: 'import', change_set_id: sets[1]!.id },
      { author: 'import', change_set_id: sets[1]!.id },
    ]);

    // Nothing to write: no change set, nothing on the dashboard's activity.
    const third = await applyImport(catalog, memorySource([etsy(3), etsy(4)]), options);
    expect(third).toMatchObject({ imported: 0, updated: 0, unchanged: 2 });
    expect(changeSets(catalog)).toHaveLength(2);
    catalog.close();
  });

  it('leaves no change set, score or counter behind when the import is cancelled', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    await applyImport(catalog, memorySource([etsy(1)]), options);
    const setsBefore = changeSets(catalog);
    const countersBefore = storedQualityCounters(catalog);
    const controller = new AbortController();
    const entries = Array.from({ length: 5_000 }, (_, index) => etsy(index, { title: `Changed ${index} ${'x'.repeat(150)}` }));
    const source = memorySource(entries, {
      beforeEach: (index) => {
        if (index === 4_000) controller.abort();
      },
    });
    const report = await applyImport(catalog, source, { ...options, signal: controller.signal });
    expect(report.cancelled).toBe(true);
    expect(changeSets(catalog)).toEqual(setsBefore);
    expect(storedQualityCounters(catalog)).toEqual(countersBefore);
    expect(catalog.db.prepare('SELECT count(*) FROM listings').pluck().get()).toBe(1);
    catalog.close();
  });
});
