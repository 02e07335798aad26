import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AiService } from '../../core/ai/ai-service.js';
import { aiJobs } from '../../core/ai/ai-job-runner.js';
import { startFakeGroq } from '../../core/ai/fake-groq/server.js';
import { generateDemoData } from '../../core/catalog/demo-data.js';
import { openCatalog } from '../../core/catalog/open-catalog.js';
import { createJobRunner, enqueueJob, readJob, type OptimizerRunner } from '../../core/jobs/index.js';
import { round } from './stats.js';

export interface AiBenchResult {
  /** Achieved use of the binding limit (tokens or requests per minute) ÷ that limit; goal ≥ 0.9. */
  ai_limit_ratio: number;
  /** Listings that failed; goal 0. */
  ai_failed: number;
  ai_listings: number;
  /** Listings per emulated minute. */
  ai_listings_per_min: number;
  ai_requests: number;
  /** 429s the server still sent (our limiter should make these rare). */
  ai_rate_limited: number;
  ai_tokens_per_min: number;
  ai_time_compression: number;
}

const FREE_TIER = { rpm: 30, tpm: 6_000, rpd: 14_400 };

/**
 * 1,000 listings rewritten by an AI job against the fake Groq server emulating the free tier of
 * llama-3.1-8b-instant (30 RPM, 6,000 TPM, ~1 s latency), through the app's real path: durable
 * queue → AiService (one limiter, packing, validation) → groq-sdk over HTTP. Time is compressed
 * (`compression`× faster minutes on both the server and our limiter, latency scaled alike), so the
 * run takes minutes, not half an hour; the ratio is scale-free. The limit-bound maximum is what
 * Groq's buckets allow in the run's time: a full bucket at the start plus a refill of TPM per
 * minute, i.e. TPM × (minutes + 1) tokens (likewise RPM × (minutes + 1) requests). The ratio is
 * the tokens actually used ÷ that maximum (or the requests' ratio if it is higher).
 */
export async function measureAiThroughput(listings = 1_000, compression = 10): Promise<AiBenchResult> {
  const minuteMs = Math.round(60_000 / compression);
  const fake = await startFakeGroq({ limits: FREE_TIER, minuteMs, latencyMs: Math.round(1_000 / compression), jitterMs: Math.round(200 / compression) });
  const dir = mkdtempSync(join(tmpdir(), 'listsmith-ai-bench-'));
  const catalog = openCatalog(join(dir, 'catalog.sqlite'), { role: 'writer' });
  try {
    generateDemoData(catalog, { count: listings, seed: 11 });
    const ai = new AiService({ db: catalog.db, baseURL: fake.url, runQueued: (work) => Promise.resolve().then(work), windowMs: minuteMs });
    ai.setKey('gsk_bench_key_0123456789', { source: 'environment', protection: null, warning: null });
    const unused: OptimizerRunner = { run: () => Promise.reject(new Error('only AI batches run in this bench')) };
    const runner = createJobRunner({
      catalog,
      runner: unused,
      ...aiJobs(ai),
      lanes: 2,
    });
    const job = enqueueJob(catalog, { kind: 'ai', target: { kind: 'query', filter: {} }, marketplace: 'etsy', priority: 'bulk' });
    const started = performance.now();
    runner.start();
    await runner.whenIdle();
    const elapsedMs = performance.now() - started;
    await runner.stop();
    const finished = readJob(catalog.db, job.id)!;
    const stats = fake.stats();
    const minutes = elapsedMs / minuteMs;
    const tokens = stats.promptTokens + stats.completionTokens;
    const tokensPerMin = tokens / minutes;
    const answered = stats.byStatus[200] ?? 0;
    return {
      ai_limit_ratio: round(Math.max(tokens / (FREE_TIER.tpm * (minutes + 1)), answered / (FREE_TIER.rpm * (minutes + 1))), 3),
      ai_failed: finished.failed,
      ai_listings: finished.total,
      ai_listings_per_min: round(finished.done / minutes),
      ai_requests: answered,
      ai_rate_limited: stats.byStatus[429] ?? 0,
      ai_tokens_per_min: round(tokensPerMin),
      ai_time_compression: compression,
    };
  } finally {
    catalog.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
