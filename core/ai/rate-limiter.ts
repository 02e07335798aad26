/**
 * One limiter for the whole app, so concurrent rewrite jobs share Groq's per-organization limits
 * instead of each discovering them through 429s. Per model it keeps two buckets that refill
 * continuously — tokens (capacity TPM, TPM per minute) and requests (capacity RPM, RPM per
 * minute) — because that is what Groq does: its 429s read "Limit 6000, Used 4093, Requested 3531,
 * try again in 16.24s", i.e. the 1,624 missing tokens at 100 tokens/s, not "wait for the window".
 * A sliding window would be safe too, but it holds each request's whole reservation for a full
 * minute, and Groq refunds the unused part at once: it cost ~18 % of the throughput.
 *
 * A request reserves its estimate (prompt + max completion tokens), as Groq does at admission; its
 * real usage settles the difference. Waiters are served strictly first-come-first-served, so a big
 * request is not starved by small ones, and each sleeps exactly until its deficit has refilled.
 * Response headers correct the token level: Groq also counts what other programs sent with the
 * same key, and knows the real per-model limit. We keep whichever bucket is fuller (the lower
 * remaining), so the headers can only slow us down, never push us past our own books.
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
  /** The request bucket's level: requests that still count against the per-minute limit. */
  requestsThisMinute: number;
  /** The token bucket's level: tokens that still count against the per-minute limit. */
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
  /**
   * Headroom bulk requests leave in both buckets, so a seller's one-listing rewrite (interactive)
   * finds room at once instead of waiting for the bulk job's refill (default: none).
   */
  interactiveReserve?: InteractiveReserve;
}

/** What bulk requests may not use: tokens (a fraction of TPM, at most maxTokens) and requests of RPM. */
export interface InteractiveReserve {
  tpmFraction: number;
  maxTokens: number;
  requests: number;
}

/**
 * Who waits: `interactive` (a seller waiting on one listing) goes ahead of every waiting `bulk`
 * request and may use the headroom bulk leaves; requests of one kind keep first-come-first-served.
 */
export type LimiterPriority = 'interactive' | 'bulk';

interface Waiter {
  tokens: number;
  priority: LimiterPriority;
  resolve: (ticket: LimiterTicket) => void;
  reject: (error: AiCallError) => void;
  detach: () => void;
}

interface Reservation {
  tokens: number;
  at: number;
}

interface ModelState {
  /** Tokens and requests in the buckets at `levelAt`; they drain at TPM / RPM per window. */
  tokenLevel: number;
  requestLevel: number;
  levelAt: number;
  /** Reservations not yet settled with real usage, by ticket id, oldest first. */
  reservations: Map<number, Reservation>;
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
/**
 * A reservation nobody settles (a cancelled or timed-out attempt) simply stays charged, which is
 * the safe side; after this many windows we stop remembering its ticket so the map stays small.
 */
const RESERVATION_MEMORY_WINDOWS = 10;

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
  private readonly reserve: InteractiveReserve;
  private nextId = 1;

  constructor(options: RateLimiterOptions) {
    this.limits = { ...options.limits };
    this.now = options.now ?? Date.now;
    this.windowMs = options.windowMs ?? 60_000;
    this.reserve = options.interactiveReserve ?? { tpmFraction: 0, maxTokens: 0, requests: 0 };
  }

  /**
   * Waits until `estimatedTokens` (prompt estimate + max completion tokens) fit the model's token
   * bucket and one request fits its request bucket, behind everyone who asked earlier. Rejects at
   * once while the day is used up (`rate_day`) or when one request could never fit (`too_large`);
   * on abort rejects with the signal's reason when that is an AiCallError, else `cancelled`.
   */
  acquire(model: string, estimatedTokens: number, signal?: AbortSignal, priority: LimiterPriority = 'bulk'): Promise<LimiterTicket> {
    const state = this.modelState(model);
    const now = this.now();
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (state.dayPausedUntil > now) return Promise.reject(dailyLimitError(state.dayPausedUntil, now));
    const tpm = this.tpm(state);
    if (estimatedTokens > tpm) {
      return Promise.reject(tooLargeError(`estimated ${estimatedTokens} tokens, the per-minute limit is ${tpm}`));
    }
    return new Promise<LimiterTicket>((resolve, reject) => {
      const waiter: Waiter = { tokens: Math.max(0, estimatedTokens), priority, resolve, reject, detach: () => undefined };
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
      enqueueWaiter(state.queue, waiter);
      this.pump(model, state);
    });
  }

  /**
   * Settles a response: with the ticket and the tokens it really used, the reservation becomes the
   * real usage (the unused part refills the bucket at once, as Groq refunds it); then the
   * `x-ratelimit-*` headers (success or error) correct the level. Pass headers and usage in ONE
   * call: Groq's remaining-tokens is counted after its own refund, so comparing it with our level
   * before ours would refund the same tokens twice.
   */
  observe(model: string, headers: HeaderSource, usedTokens?: number, ticket?: LimiterTicket): void {
    const state = this.modelState(model);
    const now = this.now();
    this.drain(state, now);
    const limitTokens = readCount(headers, 'x-ratelimit-limit-tokens');
    if (limitTokens !== null && limitTokens > 0) state.headerTpm = limitTokens;
    if (usedTokens !== undefined && usedTokens >= 0 && ticket) {
      const reservation = state.reservations.get(ticket.id);
      if (reservation !== undefined) {
        state.reservations.delete(ticket.id);
        // Refund what was not used, or charge what the estimate missed (Groq bills the real usage).
        state.tokenLevel = Math.max(0, state.tokenLevel + usedTokens - reservation.tokens);
      }
    }
    const serverLevel = this.serverTokenLevel(state, headers);
    // Tokens Groq counts that we do not (another program on the same key, a low estimate): its
    // bucket is fuller than ours, so ours takes its level and refills from there.
    if (serverLevel !== null && serverLevel > state.tokenLevel) state.tokenLevel = Math.min(this.tpm(state), serverLevel);
    const remainingRequests = readCount(headers, 'x-ratelimit-remaining-requests');
    if (remainingRequests !== null) state.remainingRequestsToday = remainingRequests;
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
    this.drain(state, now);
    return {
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
    const now = this.now();
    // What drained so far drained at the old rates.
    for (const state of this.models.values()) this.drain(state, now);
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
        reservations: new Map(),
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

  private rpm(): number {
    return Math.max(1, this.limits.rpm);
  }

  /**
   * The bucket sizes a request may fill: all of them for interactive ones; for bulk ones less the
   * interactive reserve — but never less than the request itself (or one request), so a large
   * bulk request still goes once the bucket is empty instead of waiting forever.
   */
  private capacityFor(state: ModelState, tokens: number, priority: LimiterPriority): { tpm: number; rpm: number } {
    const tpm = this.tpm(state);
    const rpm = this.rpm();
    if (priority === 'interactive') return { tpm, rpm };
    return {
      tpm: Math.min(tpm, Math.max(tokens, tpm - Math.min(this.reserve.maxTokens, tpm * this.reserve.tpmFraction))),
      rpm: Math.max(1, rpm - this.reserve.requests),
    };
  }

  /**
   * Groq's token level from its headers: limit − remaining, or else how long until its bucket is
   * empty (`reset-tokens`) times the refill rate. Null when the response carried neither.
   */
  private serverTokenLevel(state: ModelState, headers: HeaderSource): number | null {
    const tpm = this.tpm(state);
    const remaining = readCount(headers, 'x-ratelimit-remaining-tokens');
    if (remaining !== null) {
      state.remainingTokens = remaining;
      return Math.max(0, tpm - remaining);
    }
    const reset = readHeader(headers, 'x-ratelimit-reset-tokens');
    const resetMs = reset === null ? null : parseGoDuration(reset);
    return resetMs === null ? null : (Math.min(resetMs, this.windowMs) * tpm) / this.windowMs;
  }

  /** Both buckets refill (their levels fall) for the time since they were last read. */
  private drain(state: ModelState, now: number): void {
    const elapsed = now - state.levelAt;
    if (elapsed <= 0) return;
    state.tokenLevel = Math.max(0, state.tokenLevel - (elapsed * this.tpm(state)) / this.windowMs);
    state.requestLevel = Math.max(0, state.requestLevel - (elapsed * this.rpm()) / this.windowMs);
    state.levelAt = now;
  }

  /** The first moment a request of `tokens` may go: after any back-off, when both buckets have room. */
  private earliestStart(state: ModelState, tokens: number, now: number, priority: LimiterPriority): number {
    this.drain(state, now);
    const room = this.capacityFor(state, tokens, priority);
    // The deficit refills at the full capacity per window (TPM, RPM): wait exactly that long.
    const tokenWait = ((state.tokenLevel + tokens - room.tpm - EPSILON) * this.windowMs) / this.tpm(state);
    const requestWait = ((state.requestLevel + 1 - room.rpm - EPSILON) * this.windowMs) / this.rpm();
    return Math.max(now, state.backoffUntil, now + Math.ceil(Math.max(0, tokenWait, requestWait)));
  }

  /** Grants waiters from the head of the queue while they fit; otherwise sleeps until the head fits. */
  private pump(model: string, state: ModelState): void {
    this.clearTimer(state);
    for (;;) {
      const head = state.queue[0];
      if (!head) return;
      const now = this.now();
      const readyAt = this.earliestStart(state, head.tokens, now, head.priority);
      if (readyAt > now) {
        // Re-check at least once a window, in case the clock jumped.
        state.timer = setTimeout(() => this.pump(model, state), Math.min(readyAt - now, this.windowMs));
        return;
      }
      state.queue.shift();
      const id = this.nextId++;
      state.tokenLevel += head.tokens;
      state.requestLevel += 1;
      this.forgetOldReservations(state, now);
      state.reservations.set(id, { tokens: head.tokens, at: now });
      if (state.remainingRequestsToday !== null) state.remainingRequestsToday = Math.max(0, state.remainingRequestsToday - 1);
      head.detach();
      head.resolve({ model, id, tokens: head.tokens });
    }
  }

  /** Maps keep insertion order, so the oldest reservations are first. */
  private forgetOldReservations(state: ModelState, now: number): void {
    const horizon = now - RESERVATION_MEMORY_WINDOWS * this.windowMs;
    for (const [id, reservation] of state.reservations) {
      if (reservation.at > horizon) return;
      state.reservations.delete(id);
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

/** Interactive waiters go after the interactive ones already waiting, before any bulk one. */
function enqueueWaiter(queue: Waiter[], waiter: Waiter): void {
  const at = waiter.priority === 'interactive' ? queue.findIndex((other) => other.priority === 'bulk') : -1;
  if (at < 0) queue.push(waiter);
  else queue.splice(at, 0, waiter);
}

function abortReason(signal: AbortSignal): AiCallError {
  return signal.reason instanceof AiCallError ? signal.reason : cancelledError();
}
