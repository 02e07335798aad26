/**
 * One limiter for the whole app, so concurrent rewrite jobs share Groq's per-organization limits
 * instead of each discovering them through 429s. Per model it keeps two buckets that refill
 * continuously — tokens (capacity TPM, TPM per minute) and requests (RPM, RPM per minute) —
 * because that is what Groq does: its 429s read "Limit 6000, Used 4093, Requested 3531, try again
 * in 16.24s", i.e. (4093 + 3531 − 6000) tokens at 100 tokens/s. A sliding window would be safe
 * too, but it idles for the whole gap between a request's reservation and its real usage, which
 * cost ~18 % of the throughput. A request reserves its estimate (prompt + max completion tokens);
 * the real usage refunds the difference. Waiters are served strictly first-come-first-served, so a
 * big request is not starved by small ones. Response headers correct the level: Groq also counts
 * what other programs sent with the same key, and knows the real per-model token limit.
 */
import { cancelledError, dailyLimitError, tooLargeError, AiCallError } from './ai-failure.js';

export interface RateLimits {
  /** Requests per minute (no header reports it: enforced from this number only). */
  rpm: number;
  /** Tokens per minute (replaced by `x-ratelimit-limit-tokens` once seen). */
  tpm: number;
  /** Requests per day (replaced by `x-ratelimit-limit-requests` once seen). */
  rpd: number;
}

/** A granted slot; hand it back to `observe` to replace the estimate with the real usage. */
export interface LimiterTicket {
  readonly model: string;
  readonly id: number;
  readonly tokens: number;
}

export interface LimiterState {
  requestsThisMinute: number;
  tokensThisMinute: number;
  /** The last `x-ratelimit-remaining-tokens` Groq sent (per minute). */
  remainingTokens: number | null;
  /** The last `x-ratelimit-remaining-requests` (per day), less what was sent since. */
  remainingRequestsToday: number | null;
  /** The daily budget is used up until this epoch ms (a per-day 429), or null. */
  pausedUntil: number | null;
  /** Nobody sends before this epoch ms (a per-minute 429), or null. */
  backoffUntil: number | null;
  waitingCalls: number;
}

export interface RateLimiterOptions {
  limits: RateLimits;
  now?: () => number;
  /** The length of a "minute" (tests and the fake server shorten it). */
  windowMs?: number;
}

/** What was sent: a request (`requests: 1`) or tokens Groq counted that we did not send (`0`). */
interface Entry {
  id: number;
  at: number;
  tokens: number;
  requests: 0 | 1;
}

interface Waiter {
  tokens: number;
  resolve: (ticket: LimiterTicket) => void;
  reject: (error: AiCallError) => void;
  detach: () => void;
}

interface ModelState {
  /** Tokens and requests in the buckets at `levelAt` (they drain at TPM / RPM per window). */
  tokenLevel: number;
  requestLevel: number;
  levelAt: number;
  /** Reservations not yet reconciled with real usage, by ticket id. */
  reserved: Map<number, number>;
  /** What was sent in the last window, for the settings screen (not for admission). */
  entries: Entry[];
  queue: Waiter[];
  timer: ReturnType<typeof setTimeout> | null;
  backoffUntil: number;
  dayPausedUntil: number;
  remainingTokens: number | null;
  remainingRequestsToday: number | null;
  headerTpm: number | null;
}

/** Float slack in bucket arithmetic, so a timer set for the exact moment is not one ms late. */
const EPSILON = 1e-6;

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function readHeader(headers: HeaderSource, name: string): string | null {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const record = headers as Record<string, string | string[] | undefined>;
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() !== name) continue;
    const value = record[key];
    return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
  }
  return null;
}

function readCount(headers: HeaderSource, name: string): number | null {
  const value = readHeader(headers, name);
  if (value === null || value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? number : null;
}

export class RateLimiter {
  private limits: RateLimits;
  private readonly now: () => number;
  private readonly windowMs: number;
  private readonly models = new Map<string, ModelState>();
  private nextId = 1;

  constructor(options: RateLimiterOptions) {
    this.limits = { ...options.limits };
    this.now = options.now ?? Date.now;
    this.windowMs = options.windowMs ?? 60_000;
  }

  /**
   * Waits until `estimatedTokens` (prompt estimate + max completion tokens) fit the model's
   * per-minute budget, behind everyone who asked earlier. Rejects at once while the day is used
   * up (`rate_day`) or when one request could never fit (`too_large`); on abort rejects with the
   * signal's reason when that is an AiCallError, else `cancelled`.
   */
  acquire(model: string, estimatedTokens: number, signal?: AbortSignal): Promise<LimiterTicket> {
    const state = this.modelState(model);
    const now = this.now();
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (state.dayPausedUntil > now) return Promise.reject(dailyLimitError(state.dayPausedUntil, now));
    const tpm = this.tpm(state);
    if (estimatedTokens > tpm) {
      return Promise.reject(tooLargeError(`estimated ${estimatedTokens} tokens, the per-minute limit is ${tpm}`));
    }
    return new Promise<LimiterTicket>((resolve, reject) => {
      const waiter: Waiter = { tokens: Math.max(0, estimatedTokens), resolve, reject, detach: () => undefined };
      if (signal) {
        const onAbort = (): void => {
          const index = state.queue.indexOf(waiter);
          if (index < 0) return;
          state.queue.splice(index, 1);
          reject(abortReason(signal));
          // The head may have changed: let the next caller go if it fits.
          this.pump(model, state);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        waiter.detach = () => signal.removeEventListener('abort', onAbort);
      }
      state.queue.push(waiter);
      this.pump(model, state);
    });
  }

  /**
   * Corrects the books from a response's rate-limit headers (success or error) and, given the
   * ticket, replaces the request's estimate with the tokens it really used.
   */
  observe(model: string, headers: HeaderSource, usedTokens?: number, ticket?: LimiterTicket): void {
    const state = this.modelState(model);
    const now = this.now();
    this.prune(state, now);
    this.drain(state, now);
    if (usedTokens !== undefined && usedTokens >= 0 && ticket) {
      const entry = state.entries.find((candidate) => candidate.id === ticket.id);
      if (entry) entry.tokens = usedTokens;
      const reserved = state.reserved.get(ticket.id);
      if (reserved !== undefined) {
        state.reserved.delete(ticket.id);
        // The unused part of the reservation goes back at once (Groq refunds it the same way).
        state.tokenLevel = Math.max(0, state.tokenLevel - Math.max(0, reserved - usedTokens));
      }
    }
    const limitTokens = readCount(headers, 'x-ratelimit-limit-tokens');
    if (limitTokens !== null && limitTokens > 0) state.headerTpm = limitTokens;
    const remainingRequests = readCount(headers, 'x-ratelimit-remaining-requests');
    if (remainingRequests !== null) state.remainingRequestsToday = remainingRequests;
    const remainingTokens = readCount(headers, 'x-ratelimit-remaining-tokens');
    if (remainingTokens !== null) {
      state.remainingTokens = remainingTokens;
      // Tokens Groq counts that we do not (another program on the same key, a low estimate):
      // its bucket is fuller than ours, so ours takes its level and drains from there.
      const serverLevel = this.tpm(state) - remainingTokens;
      if (serverLevel > state.tokenLevel) state.tokenLevel = serverLevel;
    }
    this.rejectTooLarge(state);
    this.pump(model, state);
  }

  /** A per-minute 429: nobody sends to this model before now + ms. */
  backOff(model: string, ms: number): void {
    const state = this.modelState(model);
    state.backoffUntil = Math.max(state.backoffUntil, this.now() + Math.max(0, ms));
    this.pump(model, state);
  }

  /** A per-day 429: every waiter and every new call fails with `rate_day` until `resetsAt`. */
  pauseDay(model: string, resetsAt: number): void {
    const state = this.modelState(model);
    state.dayPausedUntil = Math.max(state.dayPausedUntil, resetsAt);
    const now = this.now();
    for (const waiter of state.queue.splice(0)) {
      waiter.detach();
      waiter.reject(dailyLimitError(state.dayPausedUntil, now));
    }
    this.clearTimer(state);
  }

  state(model: string): LimiterState {
    const state = this.modelState(model);
    const now = this.now();
    this.prune(state, now);
    this.drain(state, now);
    return {
      // The buckets' levels: what still counts against this minute's limits.
      requestsThisMinute: Math.ceil(state.requestLevel - EPSILON),
      tokensThisMinute: Math.round(state.tokenLevel),
      remainingTokens: state.remainingTokens,
      remainingRequestsToday: state.remainingRequestsToday,
      pausedUntil: state.dayPausedUntil > now ? state.dayPausedUntil : null,
      backoffUntil: state.backoffUntil > now ? state.backoffUntil : null,
      waitingCalls: state.queue.length,
    };
  }

  /** The limits of the seller's plan (Settings). A model's own `limit-tokens` header still wins. */
  setLimits(limits: RateLimits): void {
    this.limits = { ...limits };
    for (const [model, state] of this.models) {
      this.rejectTooLarge(state);
      this.pump(model, state);
    }
  }

  private modelState(model: string): ModelState {
    let state = this.models.get(model);
    if (!state) {
      state = {
        tokenLevel: 0,
        requestLevel: 0,
        levelAt: this.now(),
        reserved: new Map(),
        entries: [],
        queue: [],
        timer: null,
        backoffUntil: 0,
        dayPausedUntil: 0,
        remainingTokens: null,
        remainingRequestsToday: null,
        headerTpm: null,
      };
      this.models.set(model, state);
    }
    return state;
  }

  private tpm(state: ModelState): number {
    return state.headerTpm ?? this.limits.tpm;
  }

  /** Entries stay sorted by time, so the oldest leaves the window first. */
  private insert(state: ModelState, entry: Entry): void {
    let index = state.entries.length;
    while (index > 0 && (state.entries[index - 1]?.at ?? 0) > entry.at) index--;
    state.entries.splice(index, 0, entry);
  }

  private prune(state: ModelState, now: number): void {
    while (state.entries.length > 0 && (state.entries[0]?.at ?? 0) + this.windowMs <= now) state.entries.shift();
  }

  /** Lets both buckets drain for the time since they were last read. */
  private drain(state: ModelState, now: number): void {
    const elapsed = now - state.levelAt;
    if (elapsed <= 0) return;
    state.tokenLevel = Math.max(0, state.tokenLevel - (elapsed * this.tpm(state)) / this.windowMs);
    state.requestLevel = Math.max(0, state.requestLevel - (elapsed * Math.max(1, this.limits.rpm)) / this.windowMs);
    state.levelAt = now;
  }

  /** The first moment a request of `tokens` may go: after any back-off, when both buckets have room. */
  private earliestStart(state: ModelState, tokens: number, now: number): number {
    this.drain(state, now);
    const tpm = this.tpm(state);
    const rpm = Math.max(1, this.limits.rpm);
    const tokenWait = ((state.tokenLevel + tokens - tpm - EPSILON) * this.windowMs) / tpm;
    const requestWait = ((state.requestLevel + 1 - rpm - EPSILON) * this.windowMs) / rpm;
    return Math.max(now, state.backoffUntil, now + Math.ceil(Math.max(0, tokenWait, requestWait)));
  }

  /** Grants waiters from the head of the queue while they fit; otherwise sleeps until the head fits. */
  private pump(model: string, state: ModelState): void {
    this.clearTimer(state);
    for (;;) {
      const head = state.queue[0];
      if (!head) return;
      const now = this.now();
      this.prune(state, now);
      const readyAt = this.earliestStart(state, head.tokens, now);
      if (readyAt > now) {
        // Re-check at least once a window, in case the clock jumped.
        state.timer = setTimeout(() => this.pump(model, state), Math.min(readyAt - now, this.windowMs));
        return;
      }
      state.queue.shift();
      const entry: Entry = { id: this.nextId++, at: now, tokens: head.tokens, requests: 1 };
      this.insert(state, entry);
      state.tokenLevel += head.tokens;
      state.requestLevel += 1;
      state.reserved.set(entry.id, head.tokens);
      if (state.remainingRequestsToday !== null) state.remainingRequestsToday = Math.max(0, state.remainingRequestsToday - 1);
      head.detach();
      head.resolve({ model, id: entry.id, tokens: head.tokens });
    }
  }

  /** After the token limit drops, a waiter that can never fit must not block the queue forever. */
  private rejectTooLarge(state: ModelState): void {
    const tpm = this.tpm(state);
    state.queue = state.queue.filter((waiter) => {
      if (waiter.tokens <= tpm) return true;
      waiter.detach();
      waiter.reject(tooLargeError(`estimated ${waiter.tokens} tokens, the per-minute limit is ${tpm}`));
      return false;
    });
  }

  private clearTimer(state: ModelState): void {
    if (state.timer) clearTimeout(state.timer);
    state.timer = null;
  }
}

function abortReason(signal: AbortSignal): AiCallError {
  return signal.reason instanceof AiCallError ? signal.reason : cancelledError();
}
