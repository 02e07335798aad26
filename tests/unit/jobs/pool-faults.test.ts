/**
 * A crashing optimizer task fails only itself: worker exit, throw, out of memory and hang each
 * reject with their kind and a seller-readable message, and the same pool then serves a normal
 * batch. Real Piscina threads; the fault workers (fixtures/) wrap the built optimizer worker.
 */
import { describe, expect, it } from 'vitest';
import { createOptimizerPool, type OptimizerPoolOptions } from '../../../core/jobs/optimizer-pool.js';
import { OptimizerPoolError, type PoolFailureKind } from '../../../core/jobs/pool-error.js';
import { faultBatch, faultWorker, normalBatch } from './fixtures/pool-batches.js';

async function failureOf(promise: Promise<unknown>): Promise<OptimizerPoolError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OptimizerPoolError);
  return error as OptimizerPoolError;
}

const cases: { fault: 'exit' | 'throw' | 'oom' | 'hang'; kind: PoolFailureKind; message: RegExp; options?: OptimizerPoolOptions }[] = [
  { fault: 'exit', kind: 'worker_exit', message: /stopped unexpectedly \(exit code 7\)/ },
  { fault: 'throw', kind: 'worker_error', message: /failed on 1 listing: rule exploded on purpose/ },
  // ≈ 50 MB of heap is the model and the dictionary: 128 MB leaves room for a normal batch.
  { fault: 'oom', kind: 'out_of_memory', message: /ran out of memory \(128 MB per worker\)/, options: { maxOldGenerationSizeMb: 128 } },
  { fault: 'hang', kind: 'timeout', message: /took longer than 5 s/, options: { taskTimeoutMs: 5_000 } },
];

describe('optimizer pool faults', () => {
  for (const { fault, kind, message, options } of cases) {
    it(`${fault} → ${kind}, then the pool serves the next batch`, async () => {
      const pool = createOptimizerPool({ threads: 1, workerFile: faultWorker(fault), ...options });
      try {
        // Warm the thread first, so the fault hits a running pool rather than a cold start.
        expect(await pool.run(normalBatch())).toHaveLength(5);
        const error = await failureOf(pool.run(faultBatch()));
        expect(error.kind).toBe(kind);
        expect(error.message).toMatch(message);
        expect(error.retryable).toBe(true);
        expect(await pool.run(normalBatch('ebay', 3))).toHaveLength(3);
        expect(pool.stats().failed[kind]).toBe(1);
      } finally {
        await pool.close();
      }
    }, 60_000);
  }

  it('a worker file that fails to load fails its batches at once, not at their timeout', async () => {
    const warnings: string[] = [];
    const pool = createOptimizerPool({ threads: 1, workerFile: faultWorker('broken'), taskTimeoutMs: 30_000, onWarning: (m) => warnings.push(m) });
    try {
      const started = performance.now();
      const error = await failureOf(pool.run(normalBatch()));
      expect(error).toMatchObject({ kind: 'worker_error', message: expect.stringMatching(/bundle broken on purpose/) });
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(warnings.join('\n')).toMatch(/bundle broken on purpose/);
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('a missing worker file is reported when the pool is created', () => {
    expect(() => createOptimizerPool({ workerFile: faultWorker('broken').replace('broken', 'missing') })).toThrow(/was not found\. Run `npm run build`/);
  });

  it('a fault on one thread leaves batches on the other thread untouched', async () => {
    const pool = createOptimizerPool({ threads: 2, workerFile: faultWorker('exit') });
    try {
      const results = await Promise.allSettled([pool.run(faultBatch()), pool.run(normalBatch('etsy', 20))]);
      expect(results[0]).toMatchObject({ status: 'rejected', reason: { kind: 'worker_exit' } });
      expect(results[1]).toMatchObject({ status: 'fulfilled' });
    } finally {
      await pool.close();
    }
  }, 60_000);
});
