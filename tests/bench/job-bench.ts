import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoData } from '../../core/catalog/demo-data.js';
import { openCatalog } from '../../core/catalog/open-catalog.js';
import { createJobRunner, enqueueJob, readJob, type OptimizerRunner } from '../../core/jobs/index.js';
import { percentile, round } from './stats.js';

export interface JobBenchResult {
  job_overhead_ms: number;
  job_overhead_p95_ms: number;
  job_overhead_jobs: number;
}

/**
 * job_overhead_ms: what the job system itself costs per job — enqueue (ids resolved, items
 * written), claim under BEGIN IMMEDIATE with a lease, the batch's result transaction, finishing
 * the job — measured with an optimizer that answers at once, so only the queue's own work counts.
 * Jobs of 10 listings each, one after another, on a 5,000-listing catalog in a temp dir; the
 * median of `jobs` runs after a few warm-up jobs.
 */
export async function measureJobOverhead(jobs = 200): Promise<JobBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'listsmith-job-bench-'));
  const catalog = openCatalog(join(dir, 'catalog.sqlite'), { role: 'writer' });
  try {
    generateDemoData(catalog, { count: 5_000, seed: 5 });
    const instant: OptimizerRunner = {
      run: (batch) => Promise.resolve(batch.listings.map(() => ({ marketplace: batch.marketplace, fields: [], spelling: [], score: { before: 0, after: 0 }, errors: { before: 0, after: 0 } }))),
    };
    const runner = createJobRunner({ catalog, runner: instant });
    runner.start();
    const samples: number[] = [];
    const warmUp = 10;
    for (let i = 0; i < jobs + warmUp; i++) {
      const first = 1 + ((i * 10) % 4_990);
      const ids = Array.from({ length: 10 }, (_, k) => first + k);
      const started = performance.now();
      const job = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'ids', ids }, marketplace: 'etsy' });
      runner.wake();
      await runner.whenIdle();
      const elapsed = performance.now() - started;
      if (readJob(catalog.db, job.id)?.state !== 'done') throw new Error(`job ${job.id} did not finish`);
      if (i >= warmUp) samples.push(elapsed);
    }
    await runner.stop();
    return { job_overhead_ms: round(percentile(samples, 50)), job_overhead_p95_ms: round(percentile(samples, 95)), job_overhead_jobs: samples.length };
  } finally {
    catalog.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
