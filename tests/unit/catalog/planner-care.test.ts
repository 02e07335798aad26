import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { drainIndexBacklog } from '../../../core/catalog/index-backlog.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { optimizePlanner } from '../../../core/catalog/planner-care.js';
import { applyImport } from '../../../core/import/apply-import.js';
import { memorySource } from '../import-apply/memory-source.js';
import { newListing, tempDbPath } from './temp-catalog.js';

const statRows = (db: Database, table: string): number =>
  db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'").pluck().get() === 0
    ? 0
    : (db.prepare('SELECT count(*) FROM sqlite_stat1 WHERE tbl = ?').pluck().get(table) as number);

describe('planner care (issue 15)', () => {
  it('after a bulk write gives a never-analyzed catalog statistics, and the look-ups keep their index', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const listings = Array.from({ length: 3_000 }, (_, i) => newListing({ marketplace: i % 2 ? 'etsy' : 'ebay', sourceId: `s-${i}`, sku: `K-${i}`, title: `Item ${i}` }));
    await applyImport(catalog, memorySource(listings), { fileName: 'f.jsonl', operationId: 'op' });
    drainIndexBacklog(catalog.db);
    expect(statRows(catalog.db, 'listings')).toBe(0);
    optimizePlanner(catalog.db, { afterBulkWrite: true });
    expect(statRows(catalog.db, 'listings')).toBeGreaterThan(0);
    // The listings_sku look-up is still planned on its index with statistics in place.
    const plan = catalog.db.prepare("EXPLAIN QUERY PLAN SELECT id FROM listings WHERE sku = 'K-5' AND +marketplace = 'etsy' ORDER BY id LIMIT 1").all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' | ')).toMatch(/USING INDEX listings_sku/);
    catalog.close();
  });

  it('never fails the work before it: a read-only connection just keeps its statistics', () => {
    const path = tempDbPath();
    openCatalog(path, { role: 'writer' }).close();
    const reader = openCatalog(path, { role: 'reader' });
    expect(() => optimizePlanner(reader.db, { afterBulkWrite: true })).not.toThrow();
    reader.close();
  });
});
