/**
 * AI jobs in the durable queue: batches go to the AiService instead of the optimizer pool, and the
 * AI's whole-batch failures get their own handling — a used-up daily budget pauses the job until it
 * resets (no attempt used), a refused key fails it at once with what to do, an outage (transient
 * failures that kept coming, outage-breaker.ts) pauses it with its reason until the seller resumes
 * it, everything else (per-minute limits, a passing network or 5xx hiccup) is a normal retry.
 */
import type { AiJobs } from '../jobs/job-host.js';
import type { BatchFailureHandling, OptimizerRunner } from '../jobs/job-types.js';
import { AiCallError } from './ai-failure.js';
import type { AiService } from './ai-service.js';

/** Listings per claimed AI batch: small enough that progress moves and a cancel wastes little. */
export const AI_BATCH_SIZE = 40;

export function aiJobRunner(service: AiService): OptimizerRunner {
  return {
    run: (batch, signal, options) => service.runBatch(batch.listings, batch.marketplace, signal, { interactive: options?.interactive === true }),
  };
}

export function describeAiFailure(error: unknown, now = Date.now()): BatchFailureHandling | null {
  if (!(error instanceof AiCallError)) return null;
  if (error.kind === 'rate_day') {
    const resetsAt = error.resetsAt ?? now + 60 * 60_000;
    return {
      reason: error.message,
      requeueAfterMs: Math.max(1_000, resetsAt - now),
      note: `Paused until ${new Date(resetsAt).toLocaleString()}: ${error.message}`,
    };
  }
  if (error.kind === 'auth') return { reason: error.message, final: true };
  // Groq keeps failing: pause the job with the reason instead of retrying for minutes.
  if (error.kind === 'outage') return { reason: error.message, pause: true };
  if (error.kind === 'rate_minute') return { reason: error.message, requeueAfterMs: error.retryAfterMs ?? 5_000 };
  return null;
}

/** What the job host needs to run AI jobs on `service`: its runner, failure handling and batch size. */
export function aiJobs(service: AiService): AiJobs {
  return {
    aiRunner: aiJobRunner(service),
    describeFailure: (error) => describeAiFailure(error),
    batchSizeFor: (kind) => (kind === 'ai' ? AI_BATCH_SIZE : 200),
  };
}
