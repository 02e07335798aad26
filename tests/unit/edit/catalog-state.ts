import { expect } from 'vitest';
import type { Catalog } from '../../../core/catalog/open-catalog.js';
import { expectCountersMatchRecount } from '../catalog/quality-fixtures.js';

/**
 * Every row a listing owns, in every table that holds a part of it, plus the trigger-kept
 * counters: what "put back exactly" is compared on. Zero counter rows are left out (a counter that
 * went to 0 and back is the same count).
 */
export function listingTables(catalog: Catalog): Record<string, unknown[]> {
  const all = (sql: string): unknown[] => catalog.db.prepare(sql).all();
  return {
    listings: all('SELECT * FROM listings ORDER BY id'),
    offers: all('SELECT * FROM listing_offers ORDER BY id'),
    variants: all('SELECT * FROM variants ORDER BY id'),
    sources: all('SELECT * FROM listing_sources ORDER BY listing_id'),
    proposals: all('SELECT * FROM proposals ORDER BY id'),
    revisions: all('SELECT * FROM revisions ORDER BY id'),
    listingCounts: all('SELECT * FROM listing_counts WHERE n <> 0 ORDER BY marketplace, status'),
    scoreCounts: all('SELECT * FROM score_counts WHERE n <> 0 ORDER BY bucket'),
    errorCounts: all('SELECT * FROM error_counts WHERE n <> 0 ORDER BY has_errors'),
    ruleCounts: all('SELECT * FROM rule_counts WHERE n <> 0 ORDER BY rule_id'),
  };
}

/**
 * The trigger-kept counters equal a recount of the listings (marketplace × status, scores, errors,
 * failing rules), every listing has its offer row and its variant count, the full-text index
 * matches the listings exactly (FTS5 integrity-check against the content table) and SQLite's
 * integrity check passes.
 */
export function expectConsistent(catalog: Catalog): void {
  const { db } = catalog;
  expect(db.prepare('SELECT marketplace, status, n FROM listing_counts WHERE n <> 0 ORDER BY 1, 2').all()).toEqual(
    db.prepare('SELECT marketplace, status, count(*) AS n FROM listings GROUP BY 1, 2 ORDER BY 1, 2').all(),
  );
  expectCountersMatchRecount(catalog);
  expect(db.prepare('SELECT count(*) FROM listing_offers').pluck().get()).toBe(db.prepare('SELECT count(*) FROM listings').pluck().get());
  expect(db.prepare('SELECT count(*) FROM variants WHERE listing_id NOT IN (SELECT id FROM listings)').pluck().get()).toBe(0);
  expect(db.prepare('SELECT count(*) FROM listings l WHERE variant_count <> (SELECT count(*) FROM variants v WHERE v.listing_id = l.id)').pluck().get()).toBe(0);
  expect(() => db.prepare("INSERT INTO listings_fts (listings_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
  // Every index (the sort indexes a large delete drops and rebuilds included) matches its table.
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
}

/** Ids of the listings whose indexed text matches (FTS5 query syntax). */
export function searchIds(catalog: Catalog, match: string): number[] {
  return catalog.db.prepare('SELECT rowid FROM listings_fts WHERE listings_fts MATCH ? ORDER BY rowid').pluck().all(match) as number[];
}
