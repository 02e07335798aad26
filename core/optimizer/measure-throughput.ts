/**
 * Rule-optimizer throughput on one thread with realistic listings (the demo generator's mix of
 * marketplaces, titles, HTML descriptions and tags). Not a test: a number for the bench.
 *
 *   npx jiti core/optimizer/measure-throughput.ts [count] [seed]
 *
 * Warm-up first (dictionary, tagger, the spelling memo of the demo vocabulary), then the timed run.
 */
import { makeDemoListing } from '../catalog/demo-listing.js';
import type { NewListing } from '../catalog/insert-listings.js';
import { SeededRandom } from '../catalog/seeded-random.js';
import { optimizeListing } from './optimize-listing.js';
import type { PriceRules } from './proposal.js';

export interface ThroughputResult {
  listings: number;
  ms: number;
  listingsPerSecond: number;
  /** Listings per second of this process's CPU time: steadier than wall time on a busy machine. */
  listingsPerCpuSecond: number;
  /** Listings with at least one field proposal. */
  proposals: number;
}

const PRICE_RULES: PriceRules = { ending: 99, minPriceMinor: 500 };

export function demoListings(count: number, seed = 1): NewListing[] {
  const rng = new SeededRandom(seed);
  const now = Date.UTC(2025, 0, 1);
  return Array.from({ length: count }, (_, i) => makeDemoListing(rng, i + 1, now));
}

/** Optimizes `listings` for their own marketplaces, timed. */
export function measureOptimizerThroughput(listings: readonly NewListing[]): ThroughputResult {
  let proposals = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (const listing of listings) {
    if (optimizeListing(listing, listing.marketplace, { priceRules: PRICE_RULES }).fields.length > 0) proposals++;
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return {
    listings: listings.length,
    ms: Math.round(ms),
    listingsPerSecond: Math.round((listings.length / ms) * 1000),
    listingsPerCpuSecond: Math.round((listings.length / cpuMs) * 1000),
    proposals,
  };
}

function main(): void {
  const count = Number(process.argv[2] ?? 20_000);
  const seed = Number(process.argv[3] ?? 1);
  measureOptimizerThroughput(demoListings(5_000, seed + 1));
  const result = measureOptimizerThroughput(demoListings(count, seed));
  console.log(JSON.stringify(result));
}

if (/measure-throughput\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) main();
