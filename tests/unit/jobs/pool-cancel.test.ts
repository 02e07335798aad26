/**
 * Cancel and back-pressure: an aborted batch rejects within 1 s (its thread is terminated), a
 * waiting batch leaves the queue, a full queue answers `busy`, interactive batches jump the queue.
 */
import { describe, expect, it } from 'vitest';
import { createOptimizerPool } from '../../../core/jobs/optimizer-pool.js';
import { OptimizerPoolError } from '../../../core/jobs/pool-error.js';
import { faultBatch, faultWorker, normalBatch } from './fixtures/pool-batches.js';

const rejection = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

describe('optimizer pool cancel and queue', () => {
  it('aborting a running batch rejects within 1 s and frees the thread', async () => {
    const pool = createOptimizerPool({ threads: 1, workerFile: faultWorker('hang'), taskTimeoutMs: 60_000 });
    try {
      await pool.run(normalBatch());
      const controller = new AbortController();
      const hung = rejection(pool.run(faultBatch(), controller.signal));
      await new Promise((r) => setTimeout(r, 300));
      const abortedAt = performance.now();
      controller.abort();
      const error = await hung;
      expect(performance.now() - abortedAt).toBeLessThan(1_000);
      expect(error).toBeInstanceOf(OptimizerPoolError);
      expect(error).toMatchObject({ kind: 'aborted', retryable: false, message: 'Optimization of 1 listing was cancelled.' });
      expect(await pool.run(normalBatch('amazon', 2))).toHaveLength(2);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('an already-aborted signal rejects without running', async () => {
    const pool = createOptimizerPool({ threads: 1, workerFile: faultWorker('hang') });
    try {
      await expect(pool.run(faultBatch(), AbortSignal.abort())).rejects.toMatchObject({ kind: 'aborted' });
      expect(pool.stats().liveThreads).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('a full queue answers busy; an aborted waiting batch leaves the queue; interactive goes first', async () => {
    const pool = createOptimizerPool({ threads: 1, maxQueue: 2, workerFile: faultWorker('hang'), taskTimeoutMs: 60_000 });
    try {
      const hang = new AbortController();
      const running = rejection(pool.run(faultBatch(), hang.signal));
      const order: string[] = [];
      const bulk = pool.run(normalBatch('etsy', 1)).then((r) => order.push('bulk') && r);
      const leaving = new AbortController();
      const waiting = rejection(pool.run(normalBatch('ebay', 1), leaving.signal));
      expect(pool.stats()).toMatchObject({ running: 1, queued: 2 });

      const full = await rejection(pool.run(normalBatch('etsy', 1)));
      expect(full).toMatchObject({ kind: 'busy', retryable: true });
      expect((full as Error).message).toMatch(/busy \(2 batches are waiting\)/);

      leaving.abort();
      expect(await waiting).toMatchObject({ kind: 'aborted' });
      expect(pool.stats().queued).toBe(1);
      const interactive = pool.run(normalBatch('shopify', 1), undefined, { interactive: true }).then((r) => order.push('interactive') && r);

      hang.abort();
      expect(await running).toMatchObject({ kind: 'aborted' });
      await Promise.all([bulk, interactive]);
      expect(order).toEqual(['interactive', 'bulk']);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('close() cancels waiting batches and refuses new ones', async () => {
    const pool = createOptimizerPool({ threads: 1, workerFile: faultWorker('hang'), taskTimeoutMs: 60_000 });
    const running = rejection(pool.run(faultBatch()));
    const waiting = rejection(pool.run(normalBatch()));
    await pool.close();
    expect(await running).toMatchObject({ kind: 'aborted' });
    expect(await waiting).toMatchObject({ kind: 'aborted', message: expect.stringMatching(/shut down/) });
    await expect(pool.run(normalBatch())).rejects.toMatchObject({ kind: 'aborted' });
  }, 30_000);
});
