import { enqueueJob, readJob, type JobPriority, type JobRunner, type JobSummary } from '../../core/jobs/index.js';
import { aiBenchRunner, openAiBench } from './ai-bench-setup.js';
import { round } from './stats.js';

export interface AiLatencyResult {
  /** A one-listing rewrite started like the editor does (interactive), while a 1,000-listing AI job runs: the slowest of the samples; goal ≤ 5,000 ms. */
  ai_single_ms: number;
  /** The median of those samples. */
  ai_single_p50_ms: number;
  /** A 10-listing AI job on its own, enqueued to done; goal ≤ 30,000 ms. */
  ai_batch10_ms: number;
  /** Bulk requests waiting in the rate limiter when the first single rewrite started: the bulk job was using the whole per-minute budget. */
  ai_bulk_waiting_calls: number;
}

/**
 * What the seller waits for, at REAL time (no compression: these are latencies), against the fake
 * Groq server with Groq-like latency (1 s + up to 0.2 s) and the free tier of llama-3.1-8b-instant
 * (30 RPM, 6,000 TPM), through the app's real path (durable queue, job runner lanes, AiService
 * with its one limiter, groq-sdk over HTTP):
 * - ai_batch10_ms: a 10-listing AI job alone, from enqueue to done;
 * - ai_single_ms: after a 1,000-listing bulk AI job has run long enough to use up the per-minute
 *   budget and fill both lanes, one listing rewritten as the editor asks (priority interactive),
 *   from enqueue to done; `samples` times, the slowest reported.
 */
export async function measureAiLatency(options: { samples?: number; warmupMs?: number } = {}): Promise<AiLatencyResult> {
  const samples = Math.max(1, options.samples ?? 5);
  const warmupMs = options.warmupMs ?? 20_000;
  const bench = await openAiBench({ name: 'ai-latency', listings: 1_000 + 10 + samples, seed: 12, server: { latencyMs: 1_000, jitterMs: 200 } });
  const { catalog, ai } = bench;
  let runner: JobRunner | undefined;
  try {
    const ids = catalog.db.prepare('SELECT id FROM listings ORDER BY id').pluck().all() as number[];
    const bulkIds = ids.slice(0, 1_000);
    const batchIds = ids.slice(1_000, 1_010);
    const singleIds = ids.slice(1_010);
    const finished = new Map<number, () => void>();
    const jobRunner = aiBenchRunner(bench, {
      onProgress: (progress) => {
        if (progress.state !== 'queued' && progress.state !== 'running') finished.get(progress.jobId)?.();
      },
    });
    runner = jobRunner;
    jobRunner.start();

    const timeJob = async (target: number[], priority: JobPriority): Promise<{ ms: number; job: JobSummary }> => {
      const started = performance.now();
      const queued = enqueueJob(catalog, { kind: 'ai', target: { kind: 'ids', ids: target }, marketplace: 'etsy', priority });
      const done = new Promise<void>((resolve) => finished.set(queued.id, resolve));
      jobRunner.wake();
      await done;
      const ms = performance.now() - started;
      const job = readJob(catalog.db, queued.id)!;
      if (job.state !== 'done' || job.failed > 0) throw new Error(`AI latency bench: job #${job.id} ended ${job.state} (${job.failed} failed): ${job.error ?? ''}`);
      return { ms, job };
    };

    const batch10 = await timeJob(batchIds, 'bulk');

    const bulk = enqueueJob(catalog, { kind: 'ai', target: { kind: 'ids', ids: bulkIds }, marketplace: 'etsy', priority: 'bulk' });
    jobRunner.wake();
    await sleep(warmupMs);
    const bulkWaiting = ai.limiter.state(ai.status().model).waitingCalls;
    const singles: number[] = [];
    for (const id of singleIds) {
      singles.push((await timeJob([id], 'interactive')).ms);
      // Let the bulk job take the budget back between samples, as between two edits.
      await sleep(3_000);
    }
    const bulkNow = readJob(catalog.db, bulk.id)!;
    if (bulkNow.state !== 'running' && bulkNow.state !== 'queued') throw new Error(`AI latency bench: the bulk job stopped (${bulkNow.state}) before the single rewrites were measured`);
    jobRunner.cancel(bulk.id);
    singles.sort((a, b) => a - b);
    return {
      ai_single_ms: round(singles[singles.length - 1]!),
      ai_single_p50_ms: round(singles[Math.floor(singles.length / 2)]!),
      ai_batch10_ms: round(batch10.ms),
      ai_bulk_waiting_calls: bulkWaiting,
    };
  } finally {
    await runner?.stop();
    await bench.close();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

