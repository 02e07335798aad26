import type { RetryPolicy } from './job-types.js';

/**
 * Delay before attempt `attempts + 1`: base × 2^(attempts − 1), capped. Exponential so a failing
 * pool (a worker crashing on start) is not hammered; capped so a transient fault is retried soon.
 */
export function backoffDelay(attempts: number, policy: RetryPolicy): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 30));
}
