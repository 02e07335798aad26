/** The job runner end to end with a fake pool, and with the real Piscina pool. */
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../core/catalog/open-catalog.js';
import { undoLast } from '../../../core/edit/undo.js';
import { createJobRunner, enqueueJob, readJob, type JobProgress, type OptimizerRunner } from '../../../core/jobs/index.js';
import { createOptimizerPool } from '../../../core/jobs/optimizer-pool.js';
import { OptimizerPoolError } from '../../../core/jobs/pool-error.js';
import { listing } from '../edit/edit-catalog.js';
import { builtOptimizerWorker, faultWorker } from './fixtures/pool-batches.js';
import { catalogOf, countRows, fakeRunner, SUFFIX } from './queue-fixtures.js';

const open: Catalog[] = [];
afterEach(() => {
  for (const catalog of open.splice(0)) catalog.close();
});

function setup(count: number) {
  const made = catalogOf(count);
  open.push(made.catalog);
  return made;
}

describe('job runner', () => {
  it('runs a job in batches, reports progress with rate and ETA, auto-applies as one undoable set', async () => {
    const { catalog, ids } = setup(120);
    const progress: JobProgress[] = [];
    const runner = createJobRunner({ catalog, runner: fakeRunner({ delayMs: 5 }), batchSize: 25, onProgress: (p) => progress.push(p) });
    const job = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy', autoApply: true });
    runner.start();
    await runner.whenIdle();
    await runner.stop();

    const done = readJob(catalog.db, job.id)!;
    expect(done).toMatchObject({ state: 'done', done: 120, total: 120, failed: 0 });
    expect(progress.at(-1)).toMatchObject({ jobId: job.id, state: 'done', done: 120, total: 120, etaMs: 0 });
    expect(progress.some((p) => p.state === 'running' && p.rate > 0 && p.etaMs !== null)).toBe(true);
    expect(ids.every((id) => listing(catalog, id).title.endsWith(SUFFIX))).toBe(true);
    expect(countRows(catalog, "SELECT count(*) FROM proposals WHERE state = 'accepted'")).toBe(240);
    expect(countRows(catalog, 'SELECT count(*) FROM change_sets')).toBe(1);
    expect(undoLast(catalog)).toMatchObject({ changed: 120, changeSet: { id: done.changeSetId, kind: 'proposal', listingCount: 120 } });
    expect(listing(catalog, ids[0]!).title).toBe('Listing number 0');
  });

  it('cancel aborts the batch in flight within a second and discards its results', async () => {
    const { catalog } = setup(50);
    const fake = fakeRunner({ delayMs: 10_000 });
    const runner = createJobRunner({ catalog, runner: fake, batchSize: 10 });
    const job = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy' });
    runner.start();
    while (fake.calls < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    const started = Date.now();
    expect(runner.cancel(job.id)).toMatchObject({ state: 'cancelled' });
    await runner.whenIdle();
    await runner.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(fake.aborted).toBe(2);
    expect(countRows(catalog, 'SELECT count(*) FROM proposals')).toBe(0);
    expect(readJob(catalog.db, job.id)).toMatchObject({ state: 'cancelled', done: 0 });
  });

  it('retries a failing batch with backoff, then fails the job with the pool’s reason', async () => {
    const { catalog } = setup(4);
    const reason = 'The optimizer worker stopped unexpectedly (exit code 7).';
    const fake = fakeRunner({ fail: () => new OptimizerPoolError('worker_exit', reason) });
    const runner = createJobRunner({ catalog, runner: fake, retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100 } });
    const job = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy' });
    runner.start();
    await runner.whenIdle();
    await runner.stop();
    expect(readJob(catalog.db, job.id)).toMatchObject({ state: 'failed', failed: 4, error: `4 of 4 listings could not be optimized. ${reason}` });
    expect(fake.calls).toBeGreaterThanOrEqual(3);
  });

  it('stop gives the batch in flight back to the queue without using an attempt', async () => {
    const { catalog } = setup(5);
    const fake = fakeRunner({ delayMs: 10_000 });
    const runner = createJobRunner({ catalog, runner: fake });
    enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy' });
    runner.start();
    while (fake.calls < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    await runner.stop();
    expect(countRows(catalog, "SELECT count(*) FROM job_items WHERE state = 'queued' AND attempts = 0")).toBe(5);
  });
});

describe.skipIf(!existsSync(builtOptimizerWorker))('job runner with the real Piscina pool', () => {
  it('optimizes listings into pending proposals', async () => {
    const { catalog } = setup(40);
    catalog.db.exec("UPDATE listings SET title = upper(title) || '   !!!  BEST DEAL'");
    const pool = createOptimizerPool({ threads: 2, workerFile: builtOptimizerWorker });
    try {
      const runner = createJobRunner({ catalog, runner: pool, batchSize: 15 });
      const job = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy' });
      runner.start();
      await runner.whenIdle();
      await runner.stop();
      expect(readJob(catalog.db, job.id)).toMatchObject({ state: 'done', done: 40 });
      expect(countRows(catalog, "SELECT count(DISTINCT listing_id) FROM proposals WHERE field = 'title' AND state = 'pending'")).toBe(40);
    } finally {
      await pool.close();
    }
  });

  it('a worker that exits on every batch: retried, then the job fails with a reason, the app lives on', async () => {
    const { catalog } = setup(3);
    const pool = createOptimizerPool({ threads: 1, workerFile: faultWorker('exit') });
    // The fault worker crashes on a batch whose first listing has id −1.
    const crashing: OptimizerRunner = { run: (batch, signal, options) => pool.run({ ...batch, listings: batch.listings.map((l, i) => (i === 0 ? { ...l, id: -1 } : l)) }, signal, options) };
    try {
      const runner = createJobRunner({ catalog, runner: crashing, retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 10 } });
      const job = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy' });
      runner.start();
      await runner.whenIdle();
      await runner.stop();
      expect(readJob(catalog.db, job.id)).toMatchObject({ state: 'failed', failed: 3, error: expect.stringMatching(/could not be optimized\. .*stopped unexpectedly/) });
    } finally {
      await pool.close();
    }
  });
});
