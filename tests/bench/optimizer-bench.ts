/**
 * rules_listings_per_s: the rule optimizer through the real Piscina pool (built worker, 2 threads),
 * batches of 200 listings of one marketplace each, as optimization jobs run them. Listings come
 * from a catalog file (each optimized for its own marketplace) or the demo generator.
 * rules_real_listings_per_s: the same over real sellers' listings (every corpus file: Myntra,
 * Amazon, Etsy, Shopify, eBay, Google, WooCommerce exports), repeated to the count, each batch given
 * the catalog hints a job's batch gets (similar listings' tags, the seller's words), computed in the
 * timed run as the job runner does before each batch. Threads are
 * warmed first (model, dictionary, JIT, spelling memo), then the timed run. CPU time is the whole
 * process's (main thread + workers): on a shared machine it shows whether the threads got cores.
 *
 *   npx jiti tests/bench/optimizer-bench.ts [count] [catalog.db]
 */
import Database from 'better-sqlite3';
import type { Marketplace } from '../../common/listing.js';
import { makeDemoListing } from '../../core/catalog/demo-listing.js';
import { RULE_INPUT_COLUMNS, ruleInputFromRow, type RuleInputRow } from '../../core/catalog/rule-input-row.js';
import { SeededRandom } from '../../core/catalog/seeded-random.js';
import { createOptimizerPool, type OptimizerPool } from '../../core/jobs/optimizer-pool.js';
import type { OptimizerBatch, OptimizerTaskListing } from '../../core/jobs/pool-task.js';
import { CatalogVocabulary } from '../../core/optimizer/catalog-vocabulary.js';
import { readCorpusListings } from './real-text-file.js';

type BenchListing = OptimizerTaskListing & { marketplace: Marketplace };

export interface OptimizerBenchOptions {
  /** Listings in the timed run (default 50,000). */
  count?: number;
  threads?: number;
  batchSize?: number;
  /** Read listings from this catalog instead of generating demo listings. */
  databasePath?: string;
  /** Default: out/workers/optimizer.worker.cjs. */
  workerFile?: string;
}

export interface OptimizerBenchResult {
  rules_listings_per_s: number;
  /** Listings per second of process CPU time (all threads): ≈ threads × rules_listings_per_s when cores are free. */
  rules_listings_per_cpu_s: number;
  rules_listings: number;
  rules_ms: number;
  rules_cpu_ms: number;
}

const PRICE_RULES = { ending: 99, minPriceMinor: 500 };

export async function measureOptimizerPool(options: OptimizerBenchOptions = {}): Promise<OptimizerBenchResult> {
  const count = options.count ?? 50_000;
  const threads = options.threads ?? 2;
  const batchSize = options.batchSize ?? 200;
  const warmCount = Math.min(4_000, Math.max(threads * batchSize, Math.floor(count / 10)));
  const all = options.databasePath ? readCatalogListings(options.databasePath, count + warmCount) : demoListings(count + warmCount);
  const pool = createOptimizerPool({ threads, maxQueue: 1_000, workerFile: options.workerFile });
  try {
    await runAll(pool, batchesOf(all.slice(count), batchSize), threads);
    const batches = batchesOf(all.slice(0, count), batchSize);
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const done = await runAll(pool, batches, threads);
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuStarted);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    return {
      rules_listings_per_s: Math.round((done / ms) * 1000),
      rules_listings_per_cpu_s: Math.round((done / cpuMs) * 1000),
      rules_listings: done,
      rules_ms: Math.round(ms),
      rules_cpu_ms: Math.round(cpuMs),
    };
  } finally {
    await pool.close();
  }
}

export interface RealOptimizerBenchResult {
  rules_real_listings_per_s: number;
  rules_real_listings_per_cpu_s: number;
  rules_real_listings: number;
  /** Distinct corpus listings the run repeats. */
  rules_real_distinct: number;
  rules_real_ms: number;
}

/** rules_real_listings_per_s: real corpus listings, repeated to `count` (default 50,000), with catalog hints per batch. */
export async function measureRealOptimizerPool(options: Omit<OptimizerBenchOptions, 'databasePath'> = {}): Promise<RealOptimizerBenchResult> {
  const count = Math.max(50_000, options.count ?? 50_000);
  const threads = options.threads ?? 2;
  const batchSize = options.batchSize ?? 200;
  // Only the columns a job's reader passes (RULE_INPUT_COLUMNS): the batch crosses threads as a job's does.
  const originals = (await readCorpusListings()).map(
    (l, i): BenchListing => ({
      id: i + 1,
      marketplace: l.marketplace,
      title: l.title,
      description: l.description,
      priceMinor: l.priceMinor,
      quantity: l.quantity,
      sku: l.sku,
      brand: l.brand,
      condition: l.condition,
      category: l.category,
      tags: l.tags,
      materials: l.materials,
      images: l.images,
      attributes: l.attributes,
    }),
  );
  // The vocabulary a catalog holding these listings builds once (catalog-vocabulary-source.ts).
  const vocabulary = new CatalogVocabulary(originals);
  const withHints = (batch: OptimizerBatch): OptimizerBatch => ({ ...batch, listings: batch.listings.map((l) => ({ ...l, catalog: vocabulary.hints(l) })) });
  const repeated = (n: number, offset: number): BenchListing[] =>
    Array.from({ length: n }, (_, i) => {
      const original = originals[(offset + i) % originals.length]!;
      return { ...original, id: offset + i + 1 };
    });
  const warmCount = Math.min(4_000, originals.length);
  const pool = createOptimizerPool({ threads, maxQueue: 1_000, workerFile: options.workerFile });
  try {
    await runAll(pool, batchesOf(repeated(warmCount, 0), batchSize), threads, withHints);
    const batches = batchesOf(repeated(count, warmCount), batchSize);
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const done = await runAll(pool, batches, threads, withHints);
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuStarted);
    return {
      rules_real_listings_per_s: Math.round((done / ms) * 1000),
      rules_real_listings_per_cpu_s: Math.round((done / ((cpu.user + cpu.system) / 1000)) * 1000),
      rules_real_listings: done,
      rules_real_distinct: originals.length,
      rules_real_ms: Math.round(ms),
    };
  } finally {
    await pool.close();
  }
}

/** Keeps two batches per thread in flight (one running, one ready), as the job queue would. */
async function runAll(
  pool: OptimizerPool,
  batches: readonly OptimizerBatch[],
  threads: number,
  prepare: (batch: OptimizerBatch) => OptimizerBatch = (batch) => batch,
): Promise<number> {
  let next = 0;
  let done = 0;
  const lane = async (): Promise<void> => {
    while (next < batches.length) {
      const batch = prepare(batches[next++]!);
      const proposals = await pool.run(batch);
      done += proposals.length;
    }
  };
  await Promise.all(Array.from({ length: threads * 2 }, lane));
  return done;
}

/** Batches of up to `size` listings, each of one marketplace (optimized for it). */
function batchesOf(listings: readonly BenchListing[], size: number): OptimizerBatch[] {
  const byMarketplace = new Map<Marketplace, BenchListing[]>();
  const batches: OptimizerBatch[] = [];
  for (const listing of listings) {
    let group = byMarketplace.get(listing.marketplace);
    if (!group) byMarketplace.set(listing.marketplace, (group = []));
    group.push(listing);
    if (group.length === size) {
      batches.push({ listings: group, marketplace: listing.marketplace, context: { priceRules: PRICE_RULES } });
      byMarketplace.delete(listing.marketplace);
    }
  }
  for (const [marketplace, group] of byMarketplace) batches.push({ listings: group, marketplace, context: { priceRules: PRICE_RULES } });
  return batches;
}

function demoListings(count: number): BenchListing[] {
  const rng = new SeededRandom(11);
  const now = Date.UTC(2025, 0, 1);
  return Array.from({ length: count }, (_, i) => ({ ...makeDemoListing(rng, i + 1, now), id: i + 1 }));
}

function readCatalogListings(databasePath: string, count: number): BenchListing[] {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare(`SELECT ${RULE_INPUT_COLUMNS} FROM listing_rows ORDER BY id LIMIT ?`).all(count) as RuleInputRow[];
    return rows.map(ruleInputFromRow);
  } finally {
    db.close();
  }
}

if (/optimizer-bench\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  // npx jiti tests/bench/optimizer-bench.ts real [count] [workerFile]: rules_real_listings_per_s only.
  if (process.argv[2] === 'real') {
    const result = await measureRealOptimizerPool({ count: Number(process.argv[3] ?? 50_000), workerFile: process.argv[4] });
    console.log(JSON.stringify(result));
  } else {
    const result = await measureOptimizerPool({ count: Number(process.argv[2] ?? 50_000), databasePath: process.argv[3] });
    console.log(JSON.stringify(result));
  }
}
