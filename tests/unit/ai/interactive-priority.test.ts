/**
 * A seller's one-listing rewrite goes ahead of bulk AI work (issue 14 item 8): the job runner's
 * interactive lane claims it while every other lane holds a long bulk batch, the runner tells the
 * AI which batches are interactive, and the one rate limiter serves interactive requests first,
 * from headroom bulk requests must leave.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RateLimiter, type LimiterTicket } from '../../../core/ai/rate-limiter.js';
import type { Catalog } from '../../../core/catalog/open-catalog.js';
import { createJobRunner, enqueueJob, readJob, type JobRunner, type OptimizerBatch, type OptimizerRunner } from '../../../core/jobs/index.js';
import { catalogOf } from '../jobs/queue-fixtures.js';
import { fakeProposal } from '../jobs/fixtures/fake-optimizer.js';

const MODEL = 'llama-3.1-8b-instant';
const FREE = { rpm: 30, tpm: 6_000, rpd: 14_400 };
const RESERVE = { tpmFraction: 0.3, maxTokens: 4_000, requests: 2 };

/** Resolves to the ticket if granted within a few macrotasks, else null (still waiting). */
async function grantedSoon(pending: Promise<LimiterTicket>): Promise<LimiterTicket | null> {
  return Promise.race([pending, new Promise<null>((resolve) => setTimeout(() => resolve(null), 20))]);
}

describe('rate limiter: interactive before bulk', () => {
  it('bulk requests stop at TPM less the reserve; an interactive one is granted at once from it', async () => {
    // A stopped clock: the buckets do not refill during the test.
    const limiter = new RateLimiter({ limits: FREE, now: () => 0, interactiveReserve: RESERVE });
    const controller = new AbortController();
    // Bulk asks for 5 × 1,000 tokens: 4 fit under 6,000 − 1,800, the 5th must wait for the refill.
    const bulk = Array.from({ length: 5 }, () => limiter.acquire(MODEL, 1_000, controller.signal, 'bulk'));
    const granted = await Promise.all(bulk.slice(0, 4).map(grantedSoon));
    expect(granted.every((ticket) => ticket !== null)).toBe(true);
    expect(await grantedSoon(bulk[4]!)).toBeNull();
    expect(limiter.state(MODEL).tokensThisMinute).toBe(4_000);

    // The seller's request (1,500 tokens) jumps the waiting bulk one and fits the headroom.
    const interactive = await grantedSoon(limiter.acquire(MODEL, 1_500, controller.signal, 'interactive'));
    expect(interactive).not.toBeNull();
    expect(limiter.state(MODEL).tokensThisMinute).toBe(5_500);
    expect(limiter.state(MODEL).waitingCalls).toBe(1);
    controller.abort();
    await expect(bulk[4]).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('an interactive waiter goes ahead of bulk waiters queued before it', async () => {
    let now = 0;
    const limiter = new RateLimiter({ limits: FREE, now: () => now, interactiveReserve: RESERVE });
    const controller = new AbortController();
    // Fill the bucket completely with an interactive request, so everybody must wait.
    await limiter.acquire(MODEL, 6_000, controller.signal, 'interactive');
    const order: string[] = [];
    const bulk = limiter.acquire(MODEL, 600, controller.signal, 'bulk').then(() => order.push('bulk'));
    const interactive = limiter.acquire(MODEL, 600, controller.signal, 'interactive').then(() => order.push('interactive'));
    expect(limiter.state(MODEL).waitingCalls).toBe(2);
    // A minute later the bucket is empty again: the interactive waiter is served first.
    now = 60_000;
    limiter.observe(MODEL, {});
    await Promise.all([bulk, interactive]);
    expect(order).toEqual(['interactive', 'bulk']);
  });

  it('a bulk request larger than TPM less the reserve still goes once the bucket is empty (never starves)', async () => {
    const limiter = new RateLimiter({ limits: FREE, interactiveReserve: RESERVE });
    expect(await grantedSoon(limiter.acquire(MODEL, 5_000, undefined, 'bulk'))).not.toBeNull();
  });

  it('without a reserve (the default) bulk may use the whole bucket, as before', async () => {
    const limiter = new RateLimiter({ limits: FREE });
    expect(await grantedSoon(limiter.acquire(MODEL, 6_000, undefined, 'bulk'))).not.toBeNull();
  });
});

/** An AI stand-in whose bulk batches run until released; interactive batches answer at once. */
function gatedRunner(): OptimizerRunner & { seen: { size: number; interactive: boolean }[]; release(): void; bulkRunning: number } {
  const gates: (() => void)[] = [];
  const fake = {
    seen: [] as { size: number; interactive: boolean }[],
    bulkRunning: 0,
    release() {
      for (const open of gates.splice(0)) open();
    },
    run(batch: OptimizerBatch, signal?: AbortSignal, options?: { interactive?: boolean }) {
      const interactive = options?.interactive === true;
      fake.seen.push({ size: batch.listings.length, interactive });
      const answer = () => batch.listings.map((listing) => fakeProposal(listing, batch.marketplace));
      if (interactive) return Promise.resolve(answer());
      fake.bulkRunning++;
      return new Promise<ReturnType<typeof answer>>((resolve, reject) => {
        gates.push(() => {
          fake.bulkRunning--;
          resolve(answer());
        });
        signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
      });
    },
  };
  return fake;
}

describe('job runner: the interactive lane', () => {
  let catalog: Catalog | undefined;
  let runner: JobRunner | undefined;
  afterEach(async () => {
    await runner?.stop();
    catalog?.close();
  });

  it('a one-listing interactive AI job finishes while both lanes hold bulk batches that never end', async () => {
    const made = catalogOf(101);
    catalog = made.catalog;
    const ai = gatedRunner();
    const unused: OptimizerRunner = { run: () => Promise.reject(new Error('the rule optimizer must not run AI batches')) };
    runner = createJobRunner({ catalog, runner: unused, aiRunner: ai, batchSizeFor: () => 40, lanes: 2, idlePollMs: 20 });
    const bulk = enqueueJob(catalog, { kind: 'ai', target: { kind: 'ids', ids: made.ids.slice(0, 100) }, marketplace: 'etsy', priority: 'bulk' });
    runner.start();
    await expect.poll(() => ai.bulkRunning).toBe(2);

    const single = enqueueJob(catalog, { kind: 'ai', target: { kind: 'ids', ids: [made.ids[100]!] }, marketplace: 'etsy', priority: 'interactive' });
    runner.wake();
    await expect.poll(() => readJob(catalog!.db, single.id)!.state).toBe('done');
    expect(readJob(catalog.db, single.id)!.done).toBe(1);
    // The bulk job has not moved: the single rewrite did not wait for it.
    expect(readJob(catalog.db, bulk.id)).toMatchObject({ state: 'running', done: 0 });
    expect(ai.bulkRunning).toBe(2);
    // The AI is told which batch a seller waits on; bulk batches are sent as bulk.
    expect(ai.seen.filter((call) => call.interactive)).toEqual([{ size: 1, interactive: true }]);
    expect(ai.seen.filter((call) => !call.interactive).map((call) => call.size)).toEqual([40, 40]);

    ai.release();
    await expect.poll(() => readJob(catalog!.db, bulk.id)!.done, { timeout: 5_000 }).toBeGreaterThanOrEqual(80);
    ai.release();
  });

  it('without the interactive lane the same job waits behind the bulk batches (what the lane fixes)', async () => {
    const made = catalogOf(101);
    catalog = made.catalog;
    const ai = gatedRunner();
    const unused: OptimizerRunner = { run: () => Promise.reject(new Error('unused')) };
    runner = createJobRunner({ catalog, runner: unused, aiRunner: ai, batchSizeFor: () => 40, lanes: 2, interactiveLanes: 0, idlePollMs: 20 });
    enqueueJob(catalog, { kind: 'ai', target: { kind: 'ids', ids: made.ids.slice(0, 100) }, marketplace: 'etsy', priority: 'bulk' });
    runner.start();
    await expect.poll(() => ai.bulkRunning).toBe(2);
    const single = enqueueJob(catalog, { kind: 'ai', target: { kind: 'ids', ids: [made.ids[100]!] }, marketplace: 'etsy', priority: 'interactive' });
    runner.wake();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(readJob(catalog.db, single.id)!.state).toBe('queued');
    // Once a lane frees up, the interactive job is claimed before the bulk job's next batch.
    ai.release();
    await expect.poll(() => readJob(catalog!.db, single.id)!.state).toBe('done');
    ai.release();
  });
});
