import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateDemoData } from '../../core/catalog/demo-data.js';
import type { NewListing } from '../../core/catalog/insert-listings.js';
import { openCatalog } from '../../core/catalog/open-catalog.js';
import { exportListings } from '../../core/export/export-listings.js';
import { applyImport } from '../../core/import/apply-import.js';
import { openImportSource } from '../../core/import/open-import-source.js';

export interface ImportBenchFiles {
  dir: string;
  /** Shopify CSV of `count` demo listings (ids 1..count). */
  first: string;
  /** Another `count` listings, all new relative to `first`. */
  second: string;
  cleanup: () => void;
}

/** Two Shopify CSVs written by our own exporter from demo listings (seeds 1 and 2). */
export async function makeShopifyFiles(count: number): Promise<ImportBenchFiles> {
  const dir = mkdtempSync(join(tmpdir(), 'listsmith-import-bench-'));
  const source = openCatalog(join(dir, 'source.sqlite'), { role: 'writer' });
  generateDemoData(source, { count, seed: 1 });
  const first = join(dir, 'first.csv');
  await exportListings(source, { format: 'shopify', scope: { kind: 'all' }, outPath: first });
  generateDemoData(source, { count, seed: 2 });
  const second = join(dir, 'second.csv');
  const ids = Array.from({ length: count }, (_, i) => count + i + 1);
  await exportListings(source, { format: 'shopify', scope: { kind: 'ids', ids }, outPath: second });
  source.close();
  return { dir, first, second, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** End to end: parse + map + apply, one transaction, into a fresh catalog. */
export async function measureImport(file: string, databasePath: string): Promise<{ ms: number; imported: number }> {
  mkdirSync(dirname(databasePath), { recursive: true });
  const catalog = openCatalog(databasePath, { role: 'writer' });
  const started = performance.now();
  const report = await applyImport(catalog, await openImportSource(file, { fileName: 'bench.csv', dialect: 'shopify' }), { fileName: 'bench.csv', operationId: 'bench' });
  const ms = performance.now() - started;
  catalog.close();
  return { ms, imported: report.imported };
}

/**
 * The floor: the same listings, already parsed and mapped (not timed), inserted into a fresh
 * catalog with one prepared INSERT per table in one transaction — no lookups, no batching tricks.
 */
export async function measureFloor(file: string, databasePath: string, options: { bulkIndex?: boolean } = {}): Promise<number> {
  const listings: NewListing[] = [];
  const source = await openImportSource(file, { fileName: 'bench.csv', dialect: 'shopify' });
  for await (const record of source.records) if (record.kind === 'listing') listings.push(record.listing);
  const catalog = openCatalog(databasePath, { role: 'writer' });
  const { db } = catalog;
  const insertListing = db.prepare(`INSERT INTO listings (marketplace, source_id, sku, title, description,
    tags, materials, images, category, brand, condition, attributes, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertOffer = db.prepare('INSERT INTO listing_offers (id, price_minor, currency, quantity, updated_at) VALUES (?, ?, ?, ?, ?)');
  const fillOffer = db.prepare('UPDATE listing_offers SET price_minor = ?, currency = ?, quantity = ?, updated_at = ? WHERE id = ?');
  const insertVariant = db.prepare('INSERT INTO variants (listing_id, position, sku, options, price_minor, quantity, image) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const started = performance.now();
  db.transaction(() => {
    // bulkIndex: the stricter floor — per-row FTS triggers off, one FTS statement at the end
    // (what the batch writer does), so only the raw row inserts remain. Without it every per-row
    // trigger fires, including the one giving each new listing an empty offer row (migration 006),
    // which the floor then fills; with it the offer row is inserted directly, as the batch writer does.
    if (options.bulkIndex) db.exec('INSERT INTO bulk_write (marker) VALUES (1)');
    for (const l of listings) {
      const id = insertListing.run(l.marketplace, l.sourceId, l.sku, l.title, l.description, JSON.stringify(l.tags),
        JSON.stringify(l.materials), JSON.stringify(l.images), l.category, l.brand, l.condition, JSON.stringify(l.attributes), l.status, l.createdAt).lastInsertRowid;
      if (options.bulkIndex) insertOffer.run(id, l.priceMinor, l.currency, l.quantity, l.updatedAt);
      else fillOffer.run(l.priceMinor, l.currency, l.quantity, l.updatedAt, id);
      l.variants.forEach((v, position) => insertVariant.run(id, position, v.sku, JSON.stringify(v.options), v.priceMinor, v.quantity, v.image));
    }
    if (options.bulkIndex) {
      db.exec('INSERT INTO listings_fts (rowid, title, description, sku, brand, tags) SELECT id, title, description, sku, brand, tags FROM listings');
      db.exec('UPDATE listings SET variant_count = (SELECT count(*) FROM variants WHERE listing_id = listings.id)');
      db.exec('DELETE FROM bulk_write');
    }
  }).immediate();
  const ms = performance.now() - started;
  catalog.close();
  return ms;
}
