/**
 * The one way the app calls Groq: pace through the shared limiter, one SDK request per attempt
 * (the SDK never retries), classify what went wrong, and retry only what waiting can fix. A
 * caller's cancel or deadline stops everything within milliseconds, wherever the call is waiting.
 */
import { APIError } from 'groq-sdk';
import { abortableSleep, raceAbort } from './abortable-sleep.js';
import { createAbortScope, type AbortScope } from './abort-scope.js';
import { AiCallError, cancelledError, classifyAiError, deadlineError, redactSecrets, transientError } from './ai-failure.js';
import { estimateTokens, MESSAGE_OVERHEAD_TOKENS } from './ai-protocol.js';
import { createGroq, toCompletionBody, type ChatRequest, type ChatResult, type ChatUsage } from './groq-client.js';
import { OutageBreaker } from './outage-breaker.js';
import type { LimiterPriority, LimiterTicket, RateLimiter } from './rate-limiter.js';

export interface CompleteOptions {
  signal?: AbortSignal;
  /** Epoch ms: the call fails with `deadline` rather than run or wait past it. */
  deadlineAt?: number;
  /** `interactive`: a seller waits on this one (the limiter serves it before bulk work). Default bulk. */
  priority?: LimiterPriority;
}

export interface AiCaller {
  complete(request: ChatRequest, options?: CompleteOptions): Promise<ChatResult>;
  listModels(signal?: AbortSignal): Promise<string[]>;
  readonly limiter: RateLimiter;
}

export interface AiCallerOptions {
  apiKey: string;
  /** Host only; default https://api.groq.com. */
  baseURL?: string;
  /** The app's one limiter. */
  limiter: RateLimiter;
  /** Attempts while failures are transient (server errors, dropped connections, timeouts). */
  maxAttempts?: number;
  /**
   * One attempt, request to the last byte of the body, at most (default: the answer's expected
   * time, see answerTimeoutMs, plus bodyTimeoutMs).
   */
  attemptTimeoutMs?: number;
  /** Once the headers are in, the whole body must follow within this (default 5 s): a stalled body fails fast. */
  bodyTimeoutMs?: number;
  /** Tells a passing hiccup from an outage (default: a breaker of this caller's own). */
  breaker?: OutageBreaker;
  /** Transient retries wait min(maxMs, baseMs·2ⁿ), half of it jittered. */
  backoff?: { baseMs: number; maxMs: number };
  /** Per-minute 429s retried before giving up (a server that never lets up must not loop forever). */
  maxRateRetries?: number;
  now?: () => number;
}

/** What the limiter books before sending: the prompt estimate plus the completion allowance. */
export function estimateRequestTokens(request: ChatRequest): number {
  const prompt = request.messages.reduce((sum, message) => sum + estimateTokens(message.content) + MESSAGE_OVERHEAD_TOKENS, 0);
  return prompt + request.maxCompletionTokens;
}

type Completion = Omit<ChatResult, 'attempts' | 'waitedMs'>;

/**
 * How long Groq may take to start answering a request (the SDK's `timeout`, which covers the time
 * to the headers): a non-streamed answer comes once the model wrote it, so 10 s plus the budget
 * at a slow model's 200 tokens/s, at most 22 s — long enough for a big pack, short enough that a
 * silent server is noticed (and paused) well within a minute.
 */
export function answerTimeoutMs(maxCompletionTokens: number): number {
  return Math.min(22_000, 10_000 + Math.ceil(Math.max(0, maxCompletionTokens) * 5));
}

/** The body as JSON; an HTML page (a proxy's or a status page) says so instead of "unreadable". */
function parseBody(text: string, contentType: string | null): unknown {
  if (/html/i.test(contentType ?? '') || /^\s*</.test(text)) throw transientError('it sent a web page instead of an answer');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw transientError('unreadable answer');
  }
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/** The SDK hands back whatever the body was (an HTML page arrives as a string): check the shape. */
function readCompletion(data: unknown, request: ChatRequest): Completion {
  const body = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : null;
  const choice = Array.isArray(body?.choices) ? (body.choices[0] as Record<string, unknown> | undefined) : undefined;
  const message = typeof choice?.message === 'object' && choice.message !== null ? (choice.message as Record<string, unknown>) : null;
  if (!body || !choice || !message) throw transientError('unreadable answer');
  const finishReason = typeof choice.finish_reason === 'string' ? choice.finish_reason : 'stop';
  const content = typeof message.content === 'string' ? message.content : '';
  if (content === '' && finishReason !== 'length') throw transientError('empty answer');
  const usage = typeof body.usage === 'object' && body.usage !== null ? (body.usage as Record<string, unknown>) : {};
  const promptTokens = num(usage.prompt_tokens) ?? estimateRequestTokens(request) - request.maxCompletionTokens;
  const completionTokens = num(usage.completion_tokens) ?? estimateTokens(content);
  const total: ChatUsage = { promptTokens, completionTokens, totalTokens: num(usage.total_tokens) ?? promptTokens + completionTokens };
  return { content, finishReason, usage: total, model: typeof body.model === 'string' ? body.model : request.model };
}

/** A refused request is not charged; Groq's headers correct us if it was. */
function chargedNothing(failure: AiCallError): boolean {
  return failure.status !== undefined && (failure.status === 429 || failure.status === 413 || failure.status === 401 || failure.status === 403 || failure.status >= 500);
}

export function createAiCaller(options: AiCallerOptions): AiCaller {
  const now = options.now ?? Date.now;
  const limiter = options.limiter;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 4);
  const attemptCapMs = options.attemptTimeoutMs === undefined ? null : Math.max(1, Math.ceil(options.attemptTimeoutMs));
  const bodyTimeoutMs = Math.max(1, Math.ceil(options.bodyTimeoutMs ?? 5_000));
  const backoff = options.backoff ?? { baseMs: 500, maxMs: 8_000 };
  const maxRateRetries = options.maxRateRetries ?? 8;
  const breaker = options.breaker ?? new OutageBreaker({ now });
  const secrets = [options.apiKey];
  // Per request the SDK's own timeout covers the wait for the headers (answerTimeoutMs); ours the body.
  const client = createGroq({ apiKey: options.apiKey, ...(options.baseURL ? { baseURL: options.baseURL } : {}), timeoutMs: attemptCapMs ?? 30_000 });
  const headersTimeoutFor = (request: ChatRequest): number => Math.min(attemptCapMs ?? Infinity, answerTimeoutMs(request.maxCompletionTokens));

  const backoffDelay = (failures: number, asked?: number): number => {
    const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** (failures - 1));
    const jittered = ceiling / 2 + Math.random() * (ceiling / 2);
    return Math.min(backoff.maxMs, Math.max(jittered, asked ?? 0));
  };

  /** The caller's cancel and deadline, as one signal that aborts with the matching AiCallError. */
  const callScope = (signal: AbortSignal | undefined, deadlineAt: number | undefined): AbortScope =>
    createAbortScope(
      [
        { name: 'cancel', reason: cancelledError, ...(signal ? { signal } : {}) },
        { name: 'deadline', reason: () => deadlineError(), ...(deadlineAt !== undefined ? { at: deadlineAt } : {}) },
      ],
      now,
    );

  /**
   * One attempt's signal: the call's, the per-attempt cap (a stalled body included), and `stalled`,
   * which the caller aborts when the body stops arriving after the headers.
   */
  const attemptScope = (call: AbortScope, timeoutMs: number, stalled?: AbortSignal): AbortScope =>
    createAbortScope(
      [
        { name: 'call', signal: call.signal, reason: () => call.signal.reason },
        { name: 'timeout', at: now() + timeoutMs, reason: () => transientError(`no complete answer within ${Math.max(1, Math.round(timeoutMs / 1000))} s`) },
        ...(stalled ? [{ name: 'stalled', signal: stalled, reason: () => transientError(`the answer stopped arriving for ${Math.max(1, Math.round(bodyTimeoutMs / 1000))} s`) }] : []),
      ],
      now,
    );

  /** Never let the key out, whatever an error carries. */
  const clean = (error: unknown): AiCallError => {
    const failure = classifyAiError(error, now(), secrets);
    if (!failure.message.includes(options.apiKey) && !(failure.detail ?? '').includes(options.apiKey)) return failure;
    return new AiCallError(failure.kind, redactSecrets(failure.message, secrets), {
      ...(failure.status !== undefined ? { status: failure.status } : {}),
      ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
      ...(failure.resetsAt !== undefined ? { resetsAt: failure.resetsAt } : {}),
      ...(failure.detail !== undefined ? { detail: redactSecrets(failure.detail, secrets) } : {}),
    });
  };

  const run = async (request: ChatRequest, call: AbortScope, deadlineAt: number | undefined, priority: LimiterPriority): Promise<ChatResult> => {
    const body = toCompletionBody(request);
    const estimate = estimateRequestTokens(request);
    let attempts = 0;
    let transientFailures = 0;
    let rateRetries = 0;
    let waitedMs = 0;
    const headersTimeoutMs = headersTimeoutFor(request);
    for (;;) {
      // An outage already seen by another call: fail now, before queueing for the limiter.
      breaker.check();
      const waitStart = now();
      let ticket: LimiterTicket;
      try {
        ticket = await limiter.acquire(request.model, estimate, call.signal, priority);
      } finally {
        waitedMs += now() - waitStart;
      }
      try {
        breaker.check();
      } catch (error) {
        limiter.observe(request.model, {}, 0, ticket);
        throw error;
      }
      attempts++;
      const attemptStart = now();
      const stalled = new AbortController();
      const attempt = attemptScope(call, attemptCapMs ?? headersTimeoutMs + bodyTimeoutMs, stalled.signal);
      let stallTimer: ReturnType<typeof setTimeout> | undefined;
      let failure: AiCallError;
      try {
        // groq-sdk's own timeout covers the wait for the headers; it never retries (see groq-client.ts).
        const pending = client.chat.completions.create(body, { signal: attempt.signal, maxRetries: 0, timeout: headersTimeoutMs }).asResponse();
        const response = await raceAbort(pending, attempt.signal);
        stallTimer = setTimeout(() => stalled.abort(), bodyTimeoutMs);
        const text = await raceAbort(response.text(), attempt.signal);
        let completion: Completion;
        try {
          completion = readCompletion(parseBody(text, response.headers.get('content-type')), request);
        } catch (error) {
          limiter.observe(request.model, response.headers, undefined, ticket);
          throw error;
        }
        // Headers and usage together: Groq's remaining-tokens already counts this request's refund.
        limiter.observe(request.model, response.headers, completion.usage.totalTokens, ticket);
        breaker.success();
        return { ...completion, attempts, waitedMs };
      } catch (error) {
        if (call.signal.aborted) throw call.signal.reason;
        failure = attempt.firedBy === 'timeout' || attempt.firedBy === 'stalled' ? (attempt.signal.reason as AiCallError) : classifyAiError(error, now(), secrets);
        const headers = error instanceof APIError ? error.headers : undefined;
        limiter.observe(request.model, headers ?? {}, chargedNothing(failure) ? 0 : undefined, ticket);
      } finally {
        if (stallTimer) clearTimeout(stallTimer);
        attempt.dispose();
      }
      if (failure.kind === 'transient') {
        // In words a seller can read: "server error 503", "it sent a web page instead of an answer", a timeout.
        const outage = breaker.failure(failure.status !== undefined ? `server error ${failure.status}` : (failure.detail ?? 'no good answer'), attemptStart);
        if (outage) throw outage;
      } else if (failure.kind !== 'rate_minute' && failure.kind !== 'rate_day') {
        // Groq answered (a 4xx about the request): it is up, whatever the streak said.
        breaker.success();
      }

      let delay = 0;
      if (failure.kind === 'rate_minute') {
        rateRetries++;
        if (rateRetries > maxRateRetries) throw failure;
        // The limiter holds everyone (not just this call) until Groq's window has room again.
        limiter.backOff(request.model, failure.retryAfterMs ?? 0);
        if (deadlineAt !== undefined && now() + (failure.retryAfterMs ?? 0) >= deadlineAt) throw deadlineError(failure.detail);
      } else if (failure.kind === 'rate_day') {
        limiter.pauseDay(request.model, failure.resetsAt ?? now() + 3_600_000);
        throw failure;
      } else if (failure.kind === 'transient') {
        transientFailures++;
        if (transientFailures >= maxAttempts) throw failure;
        delay = backoffDelay(transientFailures, failure.retryAfterMs);
        if (deadlineAt !== undefined && now() + delay >= deadlineAt) throw deadlineError(failure.detail);
      } else {
        throw failure;
      }
      if (delay > 0) {
        await abortableSleep(delay, call.signal);
        waitedMs += delay;
      }
    }
  };

  return {
    limiter,
    async complete(request, callOptions = {}) {
      const call = callScope(callOptions.signal, callOptions.deadlineAt);
      try {
        return await run(request, call, callOptions.deadlineAt, callOptions.priority ?? 'bulk');
      } catch (error) {
        throw clean(error);
      } finally {
        call.dispose();
      }
    },
    async listModels(signal) {
      const call = callScope(signal, undefined);
      const attempt = attemptScope(call, attemptCapMs ?? 30_000);
      try {
        const list = await raceAbort(client.models.list({ signal: attempt.signal, maxRetries: 0 }), attempt.signal);
        const models = (list as { data?: unknown }).data;
        if (!Array.isArray(models)) throw transientError('unreadable model list');
        return models
          .map((model) => (typeof model === 'object' && model !== null ? (model as { id?: unknown }).id : undefined))
          .filter((id): id is string => typeof id === 'string')
          .sort();
      } catch (error) {
        if (call.signal.aborted) throw clean(call.signal.reason);
        throw clean(attempt.firedBy === 'timeout' ? attempt.signal.reason : error);
      } finally {
        attempt.dispose();
        call.dispose();
      }
    },
  };
}
