/**
 * The optimizer pool on the built worker (out/workers/optimizer.worker.cjs, real Piscina threads)
 * proposes exactly what optimizeListing proposes in-process.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createOptimizerPool } from '../../../core/jobs/optimizer-pool.js';
import { optimizerWorkerBeside } from '../../../core/jobs/pool-worker-file.js';
import { optimizeListing } from '../../../core/optimizer/index.js';
import { builtWorkerFile } from '../paths.js';
import { builtOptimizerWorker, demoTaskListings } from './fixtures/pool-batches.js';

const pool = createOptimizerPool({ threads: 2, workerFile: builtOptimizerWorker });
afterAll(() => pool.close());

describe('optimizer pool on the built worker', () => {
  it('finds the worker beside the catalog worker', () => {
    expect(optimizerWorkerBeside(builtWorkerFile)).toBe(builtOptimizerWorker);
  });

  it('matches in-process optimizeListing for demo listings, batch order kept', async () => {
    const listings = demoTaskListings(300);
    const priceRules = { ending: 99, minPriceMinor: 500 };
    const batches = [listings.slice(0, 150), listings.slice(150)].flatMap((part) =>
      (['etsy', 'ebay', 'amazon'] as const).map((marketplace) => ({ listings: part, marketplace, context: { priceRules } })),
    );
    const results = await Promise.all(batches.map((batch) => pool.run(batch)));
    results.forEach((proposals, b) => {
      const batch = batches[b]!;
      expect(proposals).toHaveLength(batch.listings.length);
      // A job never computes spelling suggestions (the review does, for the listings it shows).
      expect(proposals).toEqual(batch.listings.map((listing) => optimizeListing(listing, batch.marketplace, { priceRules, suggestSpelling: false })));
    });
    // The demo catalog has plenty to fix: the comparison is not between empty proposals.
    expect(results.flat().filter((p) => p.fields.length > 0).length).toBeGreaterThan(100);
    expect(pool.stats()).toMatchObject({ threads: 2, running: 0, queued: 0, completed: batches.length });
  }, 60_000);

  it('skips the dictionary when spelling is off', async () => {
    const [listing] = demoTaskListings(1);
    const [proposal] = await pool.run({ listings: [listing!], marketplace: 'etsy', context: { spelling: false } });
    expect(proposal).toEqual(optimizeListing(listing!, 'etsy', { spellChecker: null }));
  });
});
