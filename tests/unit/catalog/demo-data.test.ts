import { describe, expect, it } from 'vitest';
import { LISTING_STATUSES, MARKETPLACES } from '../../../common/listing.js';
import { generateDemoData } from '../../../core/catalog/demo-data.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { tempDbPath } from './temp-catalog.js';

const NOW = 1_750_000_000_000;

function dump(catalog: Catalog): unknown[] {
  return [
    catalog.db.prepare('SELECT * FROM listings ORDER BY id').all(),
    catalog.db.prepare('SELECT * FROM variants ORDER BY id').all(),
  ];
}

function generate(count: number, seed: number): Catalog {
  const catalog = openCatalog(tempDbPath(), { role: 'writer' });
  generateDemoData(catalog, { count, seed, now: NOW });
  return catalog;
}

describe('generateDemoData', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generate(500, 42);
    const b = generate(500, 42);
    const c = generate(500, 43);
    expect(dump(a)).toEqual(dump(b));
    expect(dump(a)).not.toEqual(dump(c));
    for (const catalog of [a, b, c]) catalog.close();
  });

  it('produces valid, varied listings and reports progress', () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const progress: [number, number][] = [];
    const { inserted } = generateDemoData(catalog, { count: 25_000, seed: 3, now: NOW, onProgress: (done, total) => progress.push([done, total]) });
    const { db } = catalog;
    const one = <T>(sql: string): T => db.prepare(sql).pluck().get() as T;

    expect(inserted).toBe(25_000);
    expect(progress).toEqual([[10_000, 25_000], [20_000, 25_000], [25_000, 25_000]]);
    expect(one('SELECT count(*) FROM listings')).toBe(25_000);
    expect(db.prepare('SELECT DISTINCT marketplace FROM listings ORDER BY 1').pluck().all()).toEqual([...MARKETPLACES].sort());
    expect(db.prepare('SELECT DISTINCT status FROM listings ORDER BY 1').pluck().all()).toEqual([...LISTING_STATUSES].sort());
    expect(one<number>("SELECT count(*) FROM listings WHERE status = 'active'")).toBeGreaterThan(25_000 * 0.7);
    expect(one<number>('SELECT count(DISTINCT category) FROM listings')).toBeGreaterThanOrEqual(8);
    expect(one<number>('SELECT count(DISTINCT currency) FROM listing_rows')).toBe(4);

    // Work for the optimizer: long, shouting and promotional titles.
    expect(one<number>('SELECT count(*) FROM listings WHERE length(title) > 80')).toBeGreaterThan(100);
    expect(one<number>('SELECT count(*) FROM listings WHERE title = upper(title)')).toBeGreaterThan(100);
    expect(one<number>("SELECT count(*) FROM listings WHERE title LIKE '%FREE SHIPPING%' OR title LIKE '%SALE%'")).toBeGreaterThan(50);
    expect(one<number>("SELECT count(*) FROM listings WHERE description LIKE '<p>%'")).toBeGreaterThan(1_000);

    // Shapes: 3–13 tags, 1–5 images, dates within two years, sold-out means no stock.
    expect(one('SELECT min(json_array_length(tags)) FROM listings')).toBeGreaterThanOrEqual(3);
    expect(one('SELECT max(json_array_length(tags)) FROM listings')).toBeLessThanOrEqual(13);
    expect(one('SELECT min(json_array_length(images)) FROM listings')).toBe(1);
    expect(one('SELECT max(json_array_length(images)) FROM listings')).toBe(5);
    expect(one("SELECT count(*) FROM listings WHERE images NOT LIKE '[\"https://picsum.photos/seed/%/600\"%'")).toBe(0);
    expect(one<number>('SELECT min(created_at) FROM listings')).toBeGreaterThanOrEqual(NOW - 731 * 86_400_000);
    expect(one('SELECT count(*) FROM listing_rows WHERE updated_at < created_at OR updated_at > ?'.replace('?', String(NOW)))).toBe(0);
    expect(one("SELECT count(*) FROM listing_rows WHERE status = 'sold_out' AND quantity <> 0")).toBe(0);

    // Apparel carries size/colour variants, and variant_count matches them.
    expect(one<number>("SELECT count(*) FROM variants v JOIN listings l ON l.id = v.listing_id WHERE l.category LIKE 'Clothing%' AND v.options LIKE '%\"Size\"%'")).toBeGreaterThan(1_000);
    expect(one('SELECT count(*) FROM listings l WHERE variant_count <> (SELECT count(*) FROM variants v WHERE v.listing_id = l.id)')).toBe(0);

    // Nothing left half-done by the bulk path: counters, search index, indexes, markers.
    expect(db.prepare('SELECT marketplace, status, n FROM listing_counts ORDER BY 1, 2').all()).toEqual(
      db.prepare('SELECT marketplace, status, count(*) AS n FROM listings GROUP BY 1, 2 ORDER BY 1, 2').all(),
    );
    expect(() => db.exec("INSERT INTO listings_fts (listings_fts) VALUES ('integrity-check')")).not.toThrow();
    expect(one('SELECT count(*) FROM listings_fts WHERE listings_fts MATCH ?'.replace('?', "'necklace'"))).toBe(
      one("SELECT count(*) FROM listings WHERE (title || ' ' || description || ' ' || tags) LIKE '%necklace%'"),
    );
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(one('SELECT count(*) FROM bulk_write')).toBe(0);
    catalog.close();
  });

  it('defers and rebuilds the sort indexes for a large load into an empty catalog', () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const indexes = () => catalog.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'listings' ORDER BY name").all();
    const before = indexes();
    generateDemoData(catalog, { count: 50_000, seed: 9, now: NOW });
    expect(indexes()).toEqual(before);
    expect(catalog.db.prepare('SELECT count(*) FROM pending_indexes').pluck().get()).toBe(0);
    const plan = catalog.db.prepare('EXPLAIN QUERY PLAN SELECT id FROM listings ORDER BY title COLLATE NOCASE, id').all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join()).toContain('listings_title');

    // A second run appends with fresh marketplace ids instead of colliding with the first.
    generateDemoData(catalog, { count: 100, seed: 9, now: NOW });
    expect(catalog.db.prepare('SELECT count(*) FROM listings').pluck().get()).toBe(50_100);
    catalog.close();
  });
});
