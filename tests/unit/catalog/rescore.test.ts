import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../core/catalog/demo-data.js';
import { getListing } from '../../../core/catalog/get-listing.js';
import { insertListings } from '../../../core/catalog/insert-listings.js';
import { qualityOf } from '../../../core/catalog/listing-quality.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { RESCORE_CURSOR_KEY, rescoreCatalog } from '../../../core/catalog/rescore.js';
import { readRulesVersion, RULES_VERSION, writeRulesVersion } from '../../../core/catalog/rules-version.js';
import { expectCountersMatchRecount, upgradedCatalog } from './quality-fixtures.js';
import { newListing, tempDbPath } from './temp-catalog.js';

interface StoredQuality {
  id: number;
  quality_score: number | null;
  error_count: number | null;
  failing_rules: string;
}

function storedQuality(catalog: Catalog): StoredQuality[] {
  return catalog.db.prepare('SELECT id, quality_score, error_count, failing_rules FROM listings ORDER BY id').all() as StoredQuality[];
}

/** What every row should hold: the rules engine's verdict on the listing as stored. */
function expectedQuality(catalog: Catalog): StoredQuality[] {
  const ids = catalog.db.prepare('SELECT id FROM listings ORDER BY id').pluck().all() as number[];
  return ids.map((id) => {
    const quality = qualityOf(getListing(catalog, id)!);
    return { id, quality_score: quality.qualityScore, error_count: quality.errorCount, failing_rules: quality.failingRules };
  });
}

function setting(catalog: Catalog, key: string): string | undefined {
  return catalog.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
}

describe('rescoreCatalog', () => {
  it('scores every row an upgrade left unscored, keeps the counters exact, and then has nothing to do', async () => {
    const catalog = upgradedCatalog(tempDbPath(), 1_234);
    expect(catalog.db.prepare('SELECT count(*) FROM listings WHERE quality_score IS NULL').pluck().get()).toBe(1_234);
    expect(readRulesVersion(catalog.db)).toBeNull();

    const result = await rescoreCatalog(catalog, { batchSize: 100 });
    expect(result).toEqual({ fullPass: false, scored: 1_234, changed: 1_234, finished: true });
    expect(storedQuality(catalog)).toEqual(expectedQuality(catalog));
    expect(catalog.db.prepare('SELECT count(*) FROM listings WHERE error_count > 0').pluck().get()).toBeGreaterThan(0);
    expectCountersMatchRecount(catalog);
    expect(readRulesVersion(catalog.db)).toBe(RULES_VERSION);

    expect(await rescoreCatalog(catalog, { batchSize: 100 })).toEqual({ fullPass: false, scored: 0, changed: 0, finished: true });
    catalog.close();
  });

  it('runs batch by batch, letting other work in between', async () => {
    const catalog = upgradedCatalog(tempDbPath(), 500);
    const order: string[] = [];
    let done = false;
    // Another "call" keeps arriving on the event loop, as messages do on the writer thread.
    const caller = (async () => {
      while (!done) {
        await nextTurn();
        order.push('call');
      }
    })();
    const result = await rescoreCatalog(catalog, {
      batchSize: 100,
      runBatch: async (work) => {
        order.push('batch');
        // A batch is one synchronous transaction: never left open across an await.
        const value = work();
        expect(catalog.db.inTransaction).toBe(false);
        return value;
      },
    });
    done = true;
    await caller;
    expect(result.scored).toBe(500);
    // Start-up + 5 full batches + the empty batch that ends the pass, each followed by other work.
    expect(order.filter((entry) => entry === 'batch')).toHaveLength(7);
    const batchPositions = order.flatMap((entry, index) => (entry === 'batch' ? [index] : []));
    for (let i = 1; i < batchPositions.length; i++) expect(batchPositions[i]! - batchPositions[i - 1]!, JSON.stringify(order)).toBeGreaterThan(1);
    catalog.close();
  });

  it('re-evaluates every row when the rules changed, writing only rows whose result differs', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    generateDemoData(catalog, { count: 600, seed: 4, now: 1_750_000_000_000 });
    expect(readRulesVersion(catalog.db)).toBe(RULES_VERSION);
    const correct = storedQuality(catalog);
    expect(correct).toEqual(expectedQuality(catalog));
    // Pretend these rows were scored by older rules, and that the catalog says so.
    catalog.db.prepare(`UPDATE listings SET quality_score = 3, error_count = 7, failing_rules = '["old.rule"]' WHERE id % 50 = 0`).run();
    writeRulesVersion(catalog.db, 'rules-of-an-older-version');
    const scoresBefore = catalog.db.prepare('SELECT count(*) FROM listings WHERE quality_score IS NOT NULL').pluck().get();

    let batches = 0;
    const result = await rescoreCatalog(catalog, {
      batchSize: 100,
      runBatch: async (work) => {
        const value = work();
        // Old scores stay in place until replaced: the grid never shows a catalog of "unscored".
        expect(catalog.db.prepare('SELECT count(*) FROM listings WHERE quality_score IS NOT NULL').pluck().get()).toBe(scoresBefore);
        if (++batches === 3) expectCountersMatchRecount(catalog);
        return value;
      },
    });
    expect(result).toEqual({ fullPass: true, scored: 600, changed: 12, finished: true });
    expect(storedQuality(catalog)).toEqual(correct);
    expectCountersMatchRecount(catalog);
    expect(catalog.db.prepare("SELECT count(*) FROM rule_counts WHERE rule_id = 'old.rule' AND n <> 0").pluck().get()).toBe(0);
    expect(readRulesVersion(catalog.db)).toBe(RULES_VERSION);
    expect(setting(catalog, RESCORE_CURSOR_KEY)).toBeUndefined();
    catalog.close();
  });

  it('resumes an interrupted full pass from its saved cursor at the next start', async () => {
    const path = tempDbPath();
    const catalog = openCatalog(path, { role: 'writer' });
    generateDemoData(catalog, { count: 450, seed: 5, now: 1_750_000_000_000 });
    catalog.db.prepare(`UPDATE listings SET quality_score = 1, error_count = 0, failing_rules = '[]'`).run();
    writeRulesVersion(catalog.db, 'rules-of-an-older-version');

    const stop = new AbortController();
    let batches = 0;
    const first = await rescoreCatalog(catalog, {
      batchSize: 100,
      signal: stop.signal,
      runBatch: async (work) => {
        const value = work();
        // The start-up step, then two batches of 100: stop there, as a shutdown would.
        if (++batches === 3) stop.abort();
        return value;
      },
    });
    expect(first).toEqual({ fullPass: true, scored: 200, changed: 200, finished: false });
    expect(readRulesVersion(catalog.db)).toBe('rules-of-an-older-version');
    const lastScored = catalog.db.prepare('SELECT id FROM listings ORDER BY id LIMIT 1 OFFSET 199').pluck().get();
    expect(JSON.parse(setting(catalog, RESCORE_CURSOR_KEY)!)).toEqual({ version: RULES_VERSION, afterId: lastScored });
    catalog.close();

    const reopened = openCatalog(path, { role: 'writer' });
    const second = await rescoreCatalog(reopened, { batchSize: 100 });
    expect(second).toEqual({ fullPass: true, scored: 250, changed: 250, finished: true });
    expect(storedQuality(reopened)).toEqual(expectedQuality(reopened));
    expectCountersMatchRecount(reopened);
    expect(readRulesVersion(reopened.db)).toBe(RULES_VERSION);
    reopened.close();
  });

  it('stores scores on insert, so a catalog filled outside the app needs no rescoring', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    insertListings(catalog.db, [newListing({ title: '' }), newListing({ marketplace: 'ebay', title: 'x'.repeat(90) }), newListing()]);
    expect(storedQuality(catalog)).toEqual(expectedQuality(catalog));
    expect(storedQuality(catalog).map((row) => row.error_count)).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
    expect(storedQuality(catalog)[1]!.failing_rules).toContain('ebay.title');
    expect(await rescoreCatalog(catalog)).toEqual({ fullPass: false, scored: 0, changed: 0, finished: true });
    catalog.close();
  });

  it('refuses to run on a reader connection', async () => {
    const path = tempDbPath();
    const writer = upgradedCatalog(path, 10);
    const reader = openCatalog(path, { role: 'reader' });
    await expect(rescoreCatalog(reader)).rejects.toThrow(/writer connection only/);
    expect(writer.db.prepare('SELECT count(*) FROM listings WHERE quality_score IS NULL').pluck().get()).toBe(10);
    reader.close();
    writer.close();
  });
});
