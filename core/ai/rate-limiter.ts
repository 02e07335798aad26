/**
 * One limiter for the whole app, so concurrent rewrite jobs share Groq's per-organization limits
 * instead of each discovering them through 429s. Per model it keeps a sliding window of what was
 * sent (requests and tokens of the last "minute"), which stays inside the limit whether Groq
 * refills as a bucket or by window. Waiters are served strictly first-come-first-served, so a big
 * request is not starved by small ones. Response headers correct the books: Groq also counts what
 * other programs sent with the same key, and knows the real per-model token limit.
 */
import { cancelledError, dailyLimitError, tooLargeError, AiCallError } from './ai-failure.js';
import { parseGoDuration } from './go-duration.js';

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
  entries: Entry[];
  queue: Waiter[];
  timer: ReturnType<typeof setTimeout> | null;
  backoffUntil: number;
  dayPausedUntil: number;
  remainingTokens: number | null;
  remainingRequestsToday: number | null;
  headerTpm: number | null;
}

/** Groq's token bucket refills steadily; booked-but-unseen usage is returned in this many steps. */
const REFILL_SLICES = 8;

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
    if (usedTokens !== undefined && usedTokens >= 0) {
      const entry = ticket ? state.entries.find((candidate) => candidate.id === ticket.id) : undefined;
      if (entry) entry.tokens = usedTokens;
    }
    const limitTokens = readCount(headers, 'x-ratelimit-limit-tokens');
    if (limitTokens !== null && limitTokens > 0) state.headerTpm = limitTokens;
    const remainingRequests = readCount(headers, 'x-ratelimit-remaining-requests');
    if (remainingRequests !== null) state.remainingRequestsToday = remainingRequests;
    const remainingTokens = readCount(headers, 'x-ratelimit-remaining-tokens');
    if (remainingTokens !== null) {
      state.remainingTokens = remainingTokens;
      // Tokens Groq counts that we do not (another program on the same key, a low estimate):
      // book the difference, given back in slices until Groq's reset, as its bucket refills.
      const serverUsed = this.tpm(state) - remainingTokens;
      const ourUsed = state.entries.reduce((sum, entry) => sum + entry.tokens, 0);
      if (serverUsed > ourUsed) {
        const resetMs = Math.min(parseGoDuration(readHeader(headers, 'x-ratelimit-reset-tokens') ?? '') ?? this.windowMs, this.windowMs);
        const excess = serverUsed - ourUsed;
        const slices = resetMs > 0 ? REFILL_SLICES : 1;
        for (let slice = 1; slice <= slices; slice++) {
          // Whole tokens; the remainder rides on the last slices (the later ones: on the safe side).
          const tokens = Math.floor(excess / slices) + (slice > slices - (excess % slices) ? 1 : 0);
          if (tokens > 0) this.insert(state, { id: this.nextId++, at: now + (resetMs * slice) / slices - this.windowMs, tokens, requests: 0 });
        }
      }
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
    return {
      requestsThisMinute: state.entries.reduce((sum, entry) => sum + entry.requests, 0),
      tokensThisMinute: state.entries.reduce((sum, entry) => sum + entry.tokens, 0),
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

  /** The first moment a request of `tokens` may go: after any back-off, with RPM and TPM room. */
  private earliestStart(state: ModelState, tokens: number, now: number): number {
    let start = Math.max(now, state.backoffUntil);
    const rpm = Math.max(1, this.limits.rpm);
    const requestTimes = state.entries.filter((entry) => entry.requests === 1 && entry.at + this.windowMs > start).map((entry) => entry.at);
    if (requestTimes.length >= rpm) start = Math.max(start, (requestTimes[requestTimes.length - rpm] ?? start) + this.windowMs);
    const active = state.entries.filter((entry) => entry.at + this.windowMs > start);
    let used = active.reduce((sum, entry) => sum + entry.tokens, 0);
    const tpm = this.tpm(state);
    for (const entry of active) {
      if (used + tokens <= tpm) break;
      used -= entry.tokens;
      start = Math.max(start, entry.at + this.windowMs);
    }
    return start;
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
