import { enqueueJob, readJob } from '../../core/jobs/index.js';
import { aiBenchRunner, FREE_TIER, openAiBench } from './ai-bench-setup.js';
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
  const bench = await openAiBench({
    name: 'ai-bench',
    listings,
    seed: 11,
    server: { minuteMs, latencyMs: Math.round(1_000 / compression), jitterMs: Math.round(200 / compression) },
    windowMs: minuteMs,
  });
  const { catalog, fake } = bench;
  try {
    const runner = aiBenchRunner(bench);
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
    await bench.close();
  }
}
