import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AiCallError, deadlineError } from '../../../core/ai/ai-failure.js';
import { RateLimiter, type LimiterTicket } from '../../../core/ai/rate-limiter.js';

const MODEL = 'llama-3.1-8b-instant';

/** Resolves to the settled state of `promise` right now, without waiting for it. */
async function settled<T>(promise: Promise<T>): Promise<'pending' | 'resolved' | 'rejected'> {
  let state: 'pending' | 'resolved' | 'rejected' = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  await Promise.resolve();
  await Promise.resolve();
  return state;
}

describe('RateLimiter (fake clock)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('RPM: a request over the limit waits until the request bucket has drained one slot', async () => {
    // 2 RPM = one request back every 30 s.
    const limiter = new RateLimiter({ limits: { rpm: 2, tpm: 100_000, rpd: 1000 } });
    await limiter.acquire(MODEL, 10);
    await vi.advanceTimersByTimeAsync(10_000);
    await limiter.acquire(MODEL, 10); // level 1 − 1/3 + 1 = 1.67
    const third = limiter.acquire(MODEL, 10);
    expect(await settled(third)).toBe('pending');
    expect(limiter.state(MODEL)).toMatchObject({ requestsThisMinute: 2, waitingCalls: 1 });
    await vi.advanceTimersByTimeAsync(19_999); // 0.67 of a slot drains in 20 s
    expect(await settled(third)).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(third)).toBe('resolved');
  });

  it('TPM: waits exactly until the token bucket has room (it refills TPM per minute, continuously)', async () => {
    // 1,000 TPM = 1 token back every 60 ms.
    const limiter = new RateLimiter({ limits: { rpm: 100, tpm: 1_000, rpd: 1000 } });
    await limiter.acquire(MODEL, 600);
    await vi.advanceTimersByTimeAsync(20_000); // 333 drained: 267 left
    await limiter.acquire(MODEL, 300);
    const big = limiter.acquire(MODEL, 500);
    expect(limiter.state(MODEL).tokensThisMinute).toBe(567);
    await vi.advanceTimersByTimeAsync(3_999); // 67 more must drain: 4 s
    expect(await settled(big)).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(big)).toBe('resolved');
  });

  it('a custom window stands for the minute', async () => {
    const limiter = new RateLimiter({ limits: { rpm: 1, tpm: 1_000, rpd: 1000 }, windowMs: 100 });
    await limiter.acquire(MODEL, 1);
    const next = limiter.acquire(MODEL, 1);
    await vi.advanceTimersByTimeAsync(100);
    expect(await settled(next)).toBe('resolved');
  });

  it('reconciles an estimate with the real usage', async () => {
    const limiter = new RateLimiter({ limits: { rpm: 100, tpm: 1_000, rpd: 1000 } });
    const ticket = await limiter.acquire(MODEL, 900);
    const waiting = limiter.acquire(MODEL, 500);
    expect(await settled(waiting)).toBe('pending');
    limiter.observe(MODEL, {}, 300, ticket);
    expect(await settled(waiting)).toBe('resolved');
    expect(limiter.state(MODEL).tokensThisMinute).toBe(800);
  });

  it('headers: tokens Groq counted that we did not raise our level, which then drains at the TPM rate', async () => {
    const limiter = new RateLimiter({ limits: { rpm: 100, tpm: 6_000, rpd: 1000 } });
    const ticket = await limiter.acquire(MODEL, 1_000);
    // Another program used the key: Groq has only 1,000 left.
    limiter.observe(
      MODEL,
      new Headers({
        'x-ratelimit-limit-tokens': '6000',
        'x-ratelimit-remaining-tokens': '1000',
        'x-ratelimit-reset-tokens': '50s',
        'x-ratelimit-limit-requests': '14400',
        'x-ratelimit-remaining-requests': '14000',
        'x-ratelimit-reset-requests': '2m59.56s',
      }),
      1_000,
      ticket,
    );
    expect(limiter.state(MODEL)).toMatchObject({ tokensThisMinute: 5_000, remainingTokens: 1_000, remainingRequestsToday: 14_000 });
    // 2,000 fit once 1,000 drained: 10 s at 100 tokens/s...
    const next = limiter.acquire(MODEL, 2_000);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(await settled(next)).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(next)).toBe('resolved');
    expect(limiter.state(MODEL).remainingRequestsToday).toBe(13_999);
    // ...and a later header saying Groq has MORE room than we think never speeds us past our own books.
    limiter.observe(MODEL, new Headers({ 'x-ratelimit-remaining-tokens': '6000' }));
    expect(limiter.state(MODEL).tokensThisMinute).toBe(6_000);
    const rest = limiter.acquire(MODEL, 3_000);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(await settled(rest)).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(rest)).toBe('resolved');
  });

  it('capacity: an idle bucket admits a whole minute of tokens at once, then refills at TPM per minute', async () => {
    // 6,000 TPM = 100 tokens/s.
    const limiter = new RateLimiter({ limits: { rpm: 100, tpm: 6_000, rpd: 1000 } });
    await limiter.acquire(MODEL, 3_000);
    await limiter.acquire(MODEL, 3_000);
    const next = limiter.acquire(MODEL, 1_500);
    await vi.advanceTimersByTimeAsync(14_999);
    expect(await settled(next)).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(next)).toBe('resolved');
    // Fully refilled after a minute of quiet: never more than the capacity, however long the pause.
    await vi.advanceTimersByTimeAsync(600_000);
    expect(limiter.state(MODEL).tokensThisMinute).toBe(0);
    await limiter.acquire(MODEL, 6_000);
    expect(await settled(limiter.acquire(MODEL, 1))).toBe('pending');
  });

  it('a refund frees room at once; a request that used more than its estimate is charged the rest', async () => {
    const limiter = new RateLimiter({ limits: { rpm: 100, tpm: 6_000, rpd: 1000 } });
    const first = await limiter.acquire(MODEL, 4_000);
    const second = await limiter.acquire(MODEL, 1_000);
    const waiting = limiter.acquire(MODEL, 2_000);
    expect(await settled(waiting)).toBe('pending');
    limiter.observe(MODEL, {}, 1_500, first); // 2,500 back
    expect(await settled(waiting)).toBe('resolved');
    expect(limiter.state(MODEL).tokensThisMinute).toBe(4_500);
    limiter.observe(MODEL, {}, 1_200, second); // 200 over the estimate
    expect(limiter.state(MODEL).tokensThisMinute).toBe(4_700);
    // A ticket settles once: repeating it changes nothing.
    limiter.observe(MODEL, {}, 0, first);
    expect(limiter.state(MODEL).tokensThisMinute).toBe(4_700);
  });

  it('an attempt that never reports its usage stays charged in full', async () => {
    const limiter = new RateLimiter({ limits: { rpm: 100, tpm: 1_000, rpd: 1000 } });
    const ticket = await limiter.acquire(MODEL, 800);
    limiter.observe(MODEL, {}, undefined, ticket);
    expect(limiter.state(MODEL).tokensThisMinute).toBe(800);
  });

  it('headers with usage: the refund comes first, then Groq\'s (post-refund) level is compared', async () => {
    const limiter = new RateLimiter({ limits: { rpm: 100, tpm: 6_000, rpd: 1000 } });
    const ticket = await limiter.acquire(MODEL, 2_000);
    // Groq refunded this request to 500 and saw 500 more from another program: 1,000 used.
    limiter.observe(MODEL, { 'x-ratelimit-remaining-tokens': '5000' }, 500, ticket);
    expect(limiter.state(MODEL).tokensThisMinute).toBe(1_000);
    // Without other usage Groq's level equals ours: nothing is refunded twice or charged twice.
    const other = await limiter.acquire(MODEL, 2_000);
    limiter.observe(MODEL, { 'x-ratelimit-remaining-tokens': '4500' }, 500, other);
    expect(limiter.state(MODEL).tokensThisMinute).toBe(1_500);
  });

  it('headers: reset-tokens gives Groq\'s level when remaining-tokens is missing', async () => {
    const limiter = new RateLimiter({ limits: { rpm: 100, tpm: 6_000, rpd: 1000 } });
    // 30 s until Groq's bucket is empty = 3,000 tokens at 100 tokens/s.
    limiter.observe(MODEL, { 'x-ratelimit-reset-tokens': '30s' });
    expect(limiter.state(MODEL).tokensThisMinute).toBe(3_000);
    const next = limiter.acquire(MODEL, 4_000);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(await settled(next)).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(next)).toBe('resolved');
  });

  it('headers: the real per-model token limit replaces the configured one', async () => {
    const limiter = new RateLimiter({ limits: { rpm: 100, tpm: 250_000, rpd: 1000 } });
    limiter.observe(MODEL, { 'X-RateLimit-Limit-Tokens': '6000' });
    await expect(limiter.acquire(MODEL, 7_000)).rejects.toMatchObject({ kind: 'too_large' });
    await expect(limiter.acquire('other-model', 7_000)).resolves.toBeDefined();
  });

  it('serves waiters first come, first served (a big request is not starved)', async () => {
    const limiter = new RateLimiter({ limits: { rpm: 100, tpm: 1_000, rpd: 1000 } });
    await limiter.acquire(MODEL, 1_000);
    const order: string[] = [];
    const big = limiter.acquire(MODEL, 900).then(() => order.push('big'));
    const small = limiter.acquire(MODEL, 50).then(() => order.push('small'));
    const tiny = limiter.acquire(MODEL, 50).then(() => order.push('tiny'));
    await vi.advanceTimersByTimeAsync(60_000);
    await Promise.all([big, small, tiny]);
    expect(order).toEqual(['big', 'small', 'tiny']);
  });

  it('rejects a request larger than the TPM at once', async () => {
    const limiter = new RateLimiter({ limits: { rpm: 100, tpm: 1_000, rpd: 1000 } });
    const error = await limiter.acquire(MODEL, 1_001).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AiCallError);
    expect((error as AiCallError).kind).toBe('too_large');
  });

  it('abort during a wait rejects with cancelled and lets the next waiter move up', async () => {
    const limiter = new RateLimiter({ limits: { rpm: 1, tpm: 1_000, rpd: 1000 } });
    await limiter.acquire(MODEL, 10);
    const controller = new AbortController();
    const first = limiter.acquire(MODEL, 10, controller.signal);
    const second = limiter.acquire(MODEL, 10);
    controller.abort();
    await expect(first).rejects.toMatchObject({ kind: 'cancelled' });
    expect(limiter.state(MODEL).waitingCalls).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await settled(second)).toBe('resolved');
  });

  it('an abort whose reason is an AiCallError rejects with it (deadline)', async () => {
    const limiter = new RateLimiter({ limits: { rpm: 1, tpm: 1_000, rpd: 1000 } });
    await limiter.acquire(MODEL, 10);
    const controller = new AbortController();
    const waiting = limiter.acquire(MODEL, 10, controller.signal);
    controller.abort(deadlineError());
    await expect(waiting).rejects.toMatchObject({ kind: 'deadline' });
  });

  it('backOff holds everyone until it ends', async () => {
    const limiter = new RateLimiter({ limits: { rpm: 100, tpm: 100_000, rpd: 1000 } });
    limiter.backOff(MODEL, 5_000);
    expect(limiter.state(MODEL).backoffUntil).toBe(Date.now() + 5_000);
    const waiting = limiter.acquire(MODEL, 10);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(await settled(waiting)).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(waiting)).toBe('resolved');
  });

  it('pauseDay rejects waiters and new calls with rate_day until the reset', async () => {
    const limiter = new RateLimiter({ limits: { rpm: 1, tpm: 100_000, rpd: 1000 } });
    await limiter.acquire(MODEL, 10);
    const waiting = limiter.acquire(MODEL, 10);
    const resetsAt = Date.now() + 3 * 3_600_000;
    limiter.pauseDay(MODEL, resetsAt);
    await expect(waiting).rejects.toMatchObject({ kind: 'rate_day', resetsAt });
    await expect(limiter.acquire(MODEL, 10)).rejects.toMatchObject({ kind: 'rate_day', resetsAt });
    expect(limiter.state(MODEL).pausedUntil).toBe(resetsAt);
    // Other models are not affected.
    await expect(limiter.acquire('other-model', 10)).resolves.toBeDefined();
    await vi.advanceTimersByTimeAsync(3 * 3_600_000);
    expect(limiter.state(MODEL).pausedUntil).toBeNull();
    await expect(limiter.acquire(MODEL, 10)).resolves.toBeDefined();
  });

  it('setLimits: the time before the change refills at the old rate', async () => {
    const limiter = new RateLimiter({ limits: { rpm: 100, tpm: 6_000, rpd: 1000 } });
    await limiter.acquire(MODEL, 6_000);
    await vi.advanceTimersByTimeAsync(30_000); // 3,000 back at 100 tokens/s
    limiter.setLimits({ rpm: 100, tpm: 60_000, rpd: 1000 });
    expect(limiter.state(MODEL).tokensThisMinute).toBe(3_000);
    await vi.advanceTimersByTimeAsync(1_000); // now 1,000 tokens/s
    expect(limiter.state(MODEL).tokensThisMinute).toBe(2_000);
  });

  it('setLimits applies at once and fails waiters that can no longer fit', async () => {
    const limiter = new RateLimiter({ limits: { rpm: 1, tpm: 10_000, rpd: 1000 } });
    await limiter.acquire(MODEL, 10);
    const big = limiter.acquire(MODEL, 5_000);
    const small = limiter.acquire(MODEL, 10);
    limiter.setLimits({ rpm: 10, tpm: 1_000, rpd: 1000 });
    await expect(big).rejects.toMatchObject({ kind: 'too_large' });
    expect(await settled(small)).toBe('resolved');
  });
});

describe('RateLimiter (real clock)', () => {
  it('abort during a wait rejects within 50 ms', async () => {
    const limiter = new RateLimiter({ limits: { rpm: 1, tpm: 1_000, rpd: 1000 } });
    const first: LimiterTicket = await limiter.acquire(MODEL, 10);
    expect(first.tokens).toBe(10);
    const controller = new AbortController();
    const waiting = limiter.acquire(MODEL, 10, controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const start = performance.now();
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ kind: 'cancelled' });
    expect(performance.now() - start).toBeLessThan(50);
  });
});
