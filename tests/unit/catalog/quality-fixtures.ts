import { expect } from 'vitest';
import { makeDemoListing } from '../../../core/catalog/demo-listing.js';
import { listingContentValues, listingOfferValues } from '../../../core/catalog/insert-listings.js';
import { MIGRATIONS } from '../../../core/catalog/migrations/index.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { SeededRandom } from '../../../core/catalog/seeded-random.js';

/**
 * A catalog as an older Listsmith left it (schema 2: no quality columns) holding `count` demo
 * listings, then opened by this version's writer: migration 003 adds the columns, all NULL.
 */
export function upgradedCatalog(path: string, count: number): Catalog {
  const old = openCatalog(path, { role: 'writer', migrations: MIGRATIONS.slice(0, 2) });
  const insert = old.db.prepare(`INSERT INTO listings (marketplace, source_id, sku, title, description, price_minor, currency, quantity,
    tags, materials, images, category, brand, condition, attributes, status, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const rng = new SeededRandom(3);
  old.db.transaction(() => {
    for (let sequence = 1; sequence <= count; sequence++) {
      const listing = makeDemoListing(rng, sequence, 1_750_000_000_000);
      // Schema 2 keeps the offer columns (price, currency, quantity) after description.
      const [sourceId, sku, title, description, ...rest] = listingContentValues(listing);
      insert.run(listing.marketplace, sourceId, sku, title, description, ...listingOfferValues(listing), ...rest, listing.createdAt, listing.updatedAt);
    }
  })();
  old.close();
  return openCatalog(path, { role: 'writer' });
}

/** The dashboard counters as the triggers keep them (zero rows left out). */
export function storedQualityCounters(catalog: Catalog): unknown {
  const { db } = catalog;
  return {
    scores: db.prepare('SELECT bucket, n FROM score_counts WHERE n <> 0 ORDER BY bucket').all(),
    errors: db.prepare('SELECT has_errors, n FROM error_counts WHERE n <> 0 ORDER BY has_errors').all(),
    rules: db.prepare('SELECT rule_id, n FROM rule_counts WHERE n <> 0 ORDER BY rule_id').all(),
  };
}

/** The same counters recounted from the listings table: what the triggers must always equal. */
export function recountedQualityCounters(catalog: Catalog): unknown {
  const { db } = catalog;
  return {
    scores: db.prepare('SELECT min(quality_score / 10, 9) AS bucket, count(*) AS n FROM listings WHERE quality_score IS NOT NULL GROUP BY 1 ORDER BY 1').all(),
    errors: db.prepare('SELECT error_count > 0 AS has_errors, count(*) AS n FROM listings WHERE quality_score IS NOT NULL GROUP BY 1 ORDER BY 1').all(),
    rules: db
      .prepare('SELECT j.value AS rule_id, count(*) AS n FROM listings, json_each(listings.failing_rules) AS j WHERE quality_score IS NOT NULL GROUP BY 1 ORDER BY 1')
      .all(),
  };
}

export function expectCountersMatchRecount(catalog: Catalog): void {
  expect(storedQualityCounters(catalog)).toEqual(recountedQualityCounters(catalog));
}
