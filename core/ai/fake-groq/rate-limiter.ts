/**
 * Groq's rate-limit accounting, per model. Groq behaves like token buckets that refill
 * continuously: with 6,000 TPM, 4,093 used and 3,531 requested, the 429 says "try again in
 * 16.24s" (the 1,624 missing tokens at 100 tokens/s), and 30 requests out of 14,400 per day reset
 * in "2m59.56s". Emulating the buckets (not fixed windows) keeps those numbers consistent, so a
 * client that simply obeys the headers and messages is exercised as it would be against Groq.
 *
 * All times are real milliseconds of this process; `minuteMs` only shortens the period.
 */

export interface FakeGroqLimits {
  /** Requests per minute (not reported in any header: clients must enforce it themselves). */
  rpm: number;
  /** Tokens per minute. */
  tpm: number;
  /** Requests per day (a day is 1,440 minutes). */
  rpd: number;
}

/** The free tier of llama-3.1-8b-instant. */
export const FREE_TIER_LIMITS: Readonly<FakeGroqLimits> = { rpm: 30, tpm: 6_000, rpd: 14_400 };

const MINUTES_PER_DAY = 1_440;

/** A bucket that fills with use and drains at capacity per period. */
class Bucket {
  private level = 0;
  private at = 0;

  constructor(
    public capacity: number,
    private readonly periodMs: number,
  ) {}

  private rate(): number {
    return this.capacity / this.periodMs;
  }

  used(now: number): number {
    const drained = this.level - (now - this.at) * this.rate();
    this.level = Math.max(0, drained);
    this.at = now;
    return this.level;
  }

  add(amount: number, now: number): void {
    this.level = Math.max(0, this.used(now) + amount);
  }

  /** Milliseconds until `amount` more fits (0 when it fits now). */
  waitFor(amount: number, now: number): number {
    const over = this.used(now) + amount - this.capacity;
    return over <= 0 ? 0 : over / this.rate();
  }

  /** Milliseconds until the bucket is empty again (what Groq's reset headers report). */
  resetMs(now: number): number {
    return this.used(now) / this.rate();
  }

  remaining(now: number): number {
    return Math.max(0, Math.floor(this.capacity - this.used(now)));
  }
}

interface ModelBuckets {
  minuteRequests: Bucket;
  minuteTokens: Bucket;
  dayRequests: Bucket;
}

/** What the `x-ratelimit-*` headers report for one model. */
export interface RateSnapshot {
  limitRequests: number;
  remainingRequests: number;
  resetRequestsMs: number;
  limitTokens: number;
  remainingTokens: number;
  resetTokensMs: number;
}

/** Which limit refused a request, with the numbers Groq puts in its message. */
export interface RateRefusal {
  limit: 'rpm' | 'tpm' | 'rpd' | 'too_large';
  max: number;
  used: number;
  requested: number;
  /** Real milliseconds until the request would fit (0 for `too_large`: it never will). */
  waitMs: number;
}

/** A granted request's reservation; settle it with the tokens actually used. */
export interface RateTicket {
  settle(actualTokens: number): void;
}

export class RateLimiter {
  private readonly models = new Map<string, ModelBuckets>();
  private limits: FakeGroqLimits;

  constructor(
    limits: FakeGroqLimits,
    private readonly minuteMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.limits = { ...limits };
  }

  currentLimits(): FakeGroqLimits {
    return { ...this.limits };
  }

  /** New limits apply at once; what was already used stays used. */
  setLimits(limits: Partial<FakeGroqLimits>): void {
    this.limits = { ...this.limits, ...limits };
    for (const buckets of this.models.values()) {
      buckets.minuteRequests.capacity = this.limits.rpm;
      buckets.minuteTokens.capacity = this.limits.tpm;
      buckets.dayRequests.capacity = this.limits.rpd;
    }
  }

  /** Forgets all usage. */
  reset(): void {
    this.models.clear();
  }

  /**
   * Admits one request charged `tokens` (prompt + the completion it may use, as Groq reserves),
   * or says which limit refuses it. Refused requests are not charged.
   */
  admit(model: string, tokens: number): { ok: true; ticket: RateTicket } | { ok: false; refusal: RateRefusal } {
    const now = this.now();
    const buckets = this.bucketsFor(model);
    if (tokens > this.limits.tpm) {
      return { ok: false, refusal: { limit: 'too_large', max: this.limits.tpm, used: 0, requested: tokens, waitMs: 0 } };
    }
    const checks: [RateRefusal['limit'], Bucket, number][] = [
      ['rpd', buckets.dayRequests, 1],
      ['rpm', buckets.minuteRequests, 1],
      ['tpm', buckets.minuteTokens, tokens],
    ];
    for (const [limit, bucket, amount] of checks) {
      const waitMs = bucket.waitFor(amount, now);
      if (waitMs > 0) {
        return { ok: false, refusal: { limit, max: bucket.capacity, used: Math.ceil(bucket.used(now)), requested: amount, waitMs } };
      }
    }
    buckets.dayRequests.add(1, now);
    buckets.minuteRequests.add(1, now);
    buckets.minuteTokens.add(tokens, now);
    let settled = false;
    return {
      ok: true,
      ticket: {
        settle: (actualTokens: number) => {
          if (settled) return;
          settled = true;
          // Refund the unused reservation (the bucket clamps at empty; after reset() this bucket is orphaned, harmlessly).
          buckets.minuteTokens.add(actualTokens - tokens, this.now());
        },
      },
    };
  }

  snapshot(model: string): RateSnapshot {
    const now = this.now();
    const buckets = this.bucketsFor(model);
    return {
      limitRequests: this.limits.rpd,
      remainingRequests: buckets.dayRequests.remaining(now),
      resetRequestsMs: buckets.dayRequests.resetMs(now),
      limitTokens: this.limits.tpm,
      remainingTokens: buckets.minuteTokens.remaining(now),
      resetTokensMs: buckets.minuteTokens.resetMs(now),
    };
  }

  /** Real milliseconds one emulated day lasts. */
  dayMs(): number {
    return this.minuteMs * MINUTES_PER_DAY;
  }

  private bucketsFor(model: string): ModelBuckets {
    let buckets = this.models.get(model);
    if (buckets === undefined) {
      buckets = {
        minuteRequests: new Bucket(this.limits.rpm, this.minuteMs),
        minuteTokens: new Bucket(this.limits.tpm, this.minuteMs),
        dayRequests: new Bucket(this.limits.rpd, this.minuteMs * MINUTES_PER_DAY),
      };
      this.models.set(model, buckets);
    }
    return buckets;
  }
}
