import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateDemoData } from '../../core/catalog/demo-data.js';
import { createIndexBacklogRunner } from '../../core/catalog/index-backlog-runner.js';
import type { NewListing } from '../../core/catalog/insert-listings.js';
import { encodeListingSource } from '../../core/catalog/listing-source.js';
import { openCatalog } from '../../core/catalog/open-catalog.js';
import { exportListings } from '../../core/export/export-listings.js';
import { applyImport } from '../../core/import/apply-import.js';
import type { ImportDialect } from '../../common/import-types.js';
import { openImportSource } from '../../core/import/open-import-source.js';

export interface ImportBenchFiles {
  dir: string;
  /** Shopify CSV of `count` demo listings (ids 1..count). */
  first: string;
  /** Another `count` listings, all new relative to `first`. */
  second: string;
  /** A third `count`, new relative to both (the import into the 1M catalog; `second` is the load test's). */
  third: string;
  cleanup: () => void;
}

/** Three Shopify CSVs written by our own exporter from demo listings (seeds 1, 2 and 3). */
export async function makeShopifyFiles(count: number): Promise<ImportBenchFiles> {
  const dir = mkdtempSync(join(tmpdir(), 'listsmith-import-bench-'));
  const source = openCatalog(join(dir, 'source.sqlite'), { role: 'writer' });
  const files: string[] = [];
  for (const seed of [1, 2, 3]) {
    generateDemoData(source, { count, seed });
    const file = join(dir, `seed-${seed}.csv`);
    const ids = Array.from({ length: count }, (_, i) => (seed - 1) * count + i + 1);
    await exportListings(source, { format: 'shopify', scope: { kind: 'ids', ids }, outPath: file });
    files.push(file);
  }
  source.close();
  return { dir, first: files[0]!, second: files[1]!, third: files[2]!, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ImportTimes {
  /** Start → the import committed: its listings are in the grid. */
  visibleMs: number;
  /** Start → every listing indexed for search and scored (the background phase drained). */
  indexedMs: number;
  imported: number;
  updated: number;
}

/**
 * End to end: parse + map + apply (one transaction, the first phase), then the second phase as
 * the writer runs it after the commit — slices through the same queue function, with nothing
 * else queued. Into `databasePath` as it is (a fresh file or a copy of the 1M catalog).
 */
export async function measureImport(file: string, databasePath: string, dialect: ImportDialect = 'shopify'): Promise<ImportTimes> {
  mkdirSync(dirname(databasePath), { recursive: true });
  const catalog = openCatalog(databasePath, { role: 'writer' });
  try {
    const started = performance.now();
    const report = await applyImport(catalog, await openImportSource(file, { fileName: 'bench-file', dialect }), { fileName: 'bench-file', operationId: 'bench' });
    const visibleMs = performance.now() - started;
    await new Promise<number>((resolve, reject) => {
      createIndexBacklogRunner({ db: catalog.db, runQueued: (work) => Promise.resolve().then(work), signal: new AbortController().signal, onFinished: resolve, onError: reject }).start();
    });
    const indexedMs = performance.now() - started;
    return { visibleMs, indexedMs, imported: report.imported, updated: report.updated };
  } finally {
    catalog.close();
  }
}

/**
 * The floor (issue 15): the same listings, already parsed and mapped (not timed), written into a
 * fresh catalog with one prepared INSERT per table in one transaction, with every trigger dropped
 * first — no full-text index, no counters, no scores, no look-ups. Only the rows the import must
 * store durably: listing, offer, variants and the kept source columns.
 */
export async function measureFloor(file: string, databasePath: string, dialect: ImportDialect = 'shopify'): Promise<number> {
  const listings: NewListing[] = [];
  const source = await openImportSource(file, { fileName: 'bench-file', dialect });
  for await (const record of source.records) if (record.kind === 'listing') listings.push(record.listing);
  const catalog = openCatalog(databasePath, { role: 'writer' });
  const { db } = catalog;
  for (const name of db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'").pluck().all() as string[]) db.exec(`DROP TRIGGER ${name}`);
  const insertListing = db.prepare(`INSERT INTO listings (marketplace, source_id, sku, title, description,
    tags, materials, images, category, brand, condition, attributes, status, variant_count, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertOffer = db.prepare('INSERT INTO listing_offers (id, price_minor, currency, quantity, updated_at) VALUES (?, ?, ?, ?, ?)');
  const insertVariant = db.prepare('INSERT INTO variants (listing_id, position, sku, options, price_minor, quantity, image) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertSource = db.prepare('INSERT INTO listing_sources (listing_id, data) VALUES (?, ?)');
  const started = performance.now();
  db.transaction(() => {
    for (const l of listings) {
      const id = insertListing.run(l.marketplace, l.sourceId, l.sku, l.title, l.description, JSON.stringify(l.tags),
        JSON.stringify(l.materials), JSON.stringify(l.images), l.category, l.brand, l.condition, JSON.stringify(l.attributes), l.status, l.variants.length, l.createdAt).lastInsertRowid;
      insertOffer.run(id, l.priceMinor, l.currency, l.quantity, l.updatedAt);
      l.variants.forEach((v, position) => insertVariant.run(id, position, v.sku, JSON.stringify(v.options), v.priceMinor, v.quantity, v.image));
      const kept = encodeListingSource(l.source);
      if (kept !== null) insertSource.run(id, kept);
    }
  }).immediate();
  const ms = performance.now() - started;
  catalog.close();
  return ms;
}
