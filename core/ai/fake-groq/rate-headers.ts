/**
 * The `x-ratelimit-*` headers Groq sends on every response. Durations are real wall-clock time of
 * this server (compressed when `minuteMs` is short), so a client that just obeys them waits the
 * right amount against the fake too.
 */
import { formatGoDuration } from './go-duration.js';
import type { RateSnapshot } from './rate-limiter.js';

export function rateLimitHeaders(snapshot: RateSnapshot): Record<string, string> {
  return {
    'x-ratelimit-limit-requests': String(snapshot.limitRequests),
    'x-ratelimit-remaining-requests': String(snapshot.remainingRequests),
    'x-ratelimit-reset-requests': formatGoDuration(snapshot.resetRequestsMs),
    'x-ratelimit-limit-tokens': String(snapshot.limitTokens),
    'x-ratelimit-remaining-tokens': String(snapshot.remainingTokens),
    'x-ratelimit-reset-tokens': formatGoDuration(snapshot.resetTokensMs),
  };
}

/** `retry-after` is whole seconds (HTTP's delta-seconds), rounded up; the exact wait is in the message and reset headers. */
export function retryAfterHeader(waitMs: number): Record<string, string> {
  return { 'retry-after': String(Math.max(1, Math.ceil(waitMs / 1_000))) };
}
