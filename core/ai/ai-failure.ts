/**
 * Every way a Groq call can fail, reduced to the few kinds the rewriter acts on, each with one
 * seller-facing line (no stack, no status dump, never the API key).
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'groq-sdk';
import { parseGoDuration, retryDelayFromMessage } from './go-duration.js';

export type AiFailureKind =
  | 'rate_minute'
  | 'rate_day'
  | 'too_large'
  | 'auth'
  | 'transient'
  | 'json_invalid'
  | 'bad_request'
  | 'cancelled'
  | 'deadline'
  /** Transient failures kept coming (outage-breaker.ts): the job pauses instead of retrying. */
  | 'outage';

export interface AiCallErrorInit {
  status?: number;
  retryAfterMs?: number;
  resetsAt?: number;
  /** Technical detail for logs (Groq's own message, redacted, one line). */
  detail?: string;
}

export class AiCallError extends Error {
  override readonly name = 'AiCallError';
  readonly kind: AiFailureKind;
  readonly status?: number;
  /** How long Groq asked us to wait (rate_minute, some transient failures). */
  readonly retryAfterMs?: number;
  /** Epoch ms when the daily budget comes back (rate_day). */
  readonly resetsAt?: number;
  readonly detail?: string;

  constructor(kind: AiFailureKind, message: string, init: AiCallErrorInit = {}) {
    super(message);
    this.kind = kind;
    if (init.status !== undefined) this.status = init.status;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.resetsAt !== undefined) this.resetsAt = init.resetsAt;
    if (init.detail !== undefined) this.detail = init.detail;
  }
}

/** "40 s", "12 min", "3 h": how long, for a seller. */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `${minutes} min`;
  return `${Math.round(minutes / 60)} h`;
}

const KEY_PATTERN = /gsk_[A-Za-z0-9_-]+|Bearer\s+\S+/g;

/** Removes API keys (Groq's `gsk_…` shape and any `secrets` given) and squeezes to one short line. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[key]');
  out = out.replace(KEY_PATTERN, '[key]').replace(/\s+/g, ' ').trim();
  return out.length > 300 ? `${out.slice(0, 297)}...` : out;
}

export function cancelledError(): AiCallError {
  return new AiCallError('cancelled', 'The AI request was cancelled.');
}

export function deadlineError(detail?: string): AiCallError {
  return new AiCallError('deadline', 'The AI request ran out of time; try again with fewer listings or later.', detail ? { detail } : {});
}

export function transientError(reason: string, init: AiCallErrorInit = {}): AiCallError {
  return new AiCallError('transient', `Groq is not answering properly right now (${reason}). Try again in a few minutes.`, { detail: reason, ...init });
}

export function dailyLimitError(resetsAt: number, now: number, what: 'request' | 'token' = 'request', detail?: string): AiCallError {
  const message = `Groq's daily ${what} limit is used up; it resets in ${formatWait(resetsAt - now)}. Use the rule optimizer meanwhile.`;
  return new AiCallError('rate_day', message, { status: 429, resetsAt, ...(detail ? { detail } : {}) });
}

export function tooLargeError(detail?: string, status = 413): AiCallError {
  return new AiCallError('too_large', 'The request is larger than Groq accepts at once on this plan; send fewer listings per request.', { status, ...(detail ? { detail } : {}) });
}

/** Groq's error body is `{error: {message, type, code}}`; the SDK keeps it in `err.error`. */
function bodyFields(body: unknown): { message: string; code: string } {
  const outer = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const inner = typeof outer.error === 'object' && outer.error !== null ? (outer.error as Record<string, unknown>) : outer;
  return {
    message: typeof inner.message === 'string' ? inner.message : '',
    code: typeof inner.code === 'string' ? inner.code : '',
  };
}

function header(headers: Headers | undefined, name: string): string | null {
  return headers && typeof headers.get === 'function' ? headers.get(name) : null;
}

/** `retry-after` is seconds (Groq sends a number; an HTTP date is allowed too). */
function retryAfterMs(headers: Headers | undefined, now: number): number | null {
  const value = header(headers, 'retry-after');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

const DAILY = /per day|\((?:RPD|TPD)\)/i;
const NETWORK_CODES = /^(?:ECONNRESET|ECONNREFUSED|ECONNABORTED|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|UND_ERR_\w+)$/;

function errorCode(error: unknown): string {
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return '';
}

function classifyStatus(error: APIError, now: number, secrets: readonly string[]): AiCallError {
  const status = error.status ?? 0;
  const headers = error.headers;
  const { message: groqMessage, code } = bodyFields(error.error);
  const detail = redactSecrets(`${status} ${groqMessage || code || error.message}`, secrets);
  if (status === 429) {
    if (DAILY.test(groqMessage)) {
      const wait = retryDelayFromMessage(groqMessage) ?? retryAfterMs(headers, now) ?? parseGoDuration(header(headers, 'x-ratelimit-reset-requests') ?? '') ?? 3_600_000;
      const what = /TPD|tokens per day/i.test(groqMessage) ? 'token' : 'request';
      return dailyLimitError(now + wait, now, what, detail);
    }
    if (/request too large/i.test(groqMessage)) return tooLargeError(detail, status);
    const tokenLimit = /TPM|tokens per minute/i.test(groqMessage);
    // The message is exact ("try again in 16.24s"); retry-after is whole seconds, rounded up.
    const wait =
      retryDelayFromMessage(groqMessage) ??
      retryAfterMs(headers, now) ??
      (tokenLimit ? parseGoDuration(header(headers, 'x-ratelimit-reset-tokens') ?? '') : null) ??
      2_000;
    return new AiCallError('rate_minute', `Groq's per-minute limit is reached; waiting ${formatWait(wait)}.`, { status, retryAfterMs: wait, detail });
  }
  if (status === 413 || code === 'context_length_exceeded') return tooLargeError(detail, status);
  if (status === 401 || status === 403) {
    return new AiCallError('auth', 'Groq refused the API key. Paste a valid key in Tools › AI settings.', { status, detail });
  }
  if (status === 400 && code === 'json_validate_failed') {
    return new AiCallError('json_invalid', 'The AI model did not return valid JSON.', { status, detail });
  }
  if (status === 408 || status === 409 || status === 425 || status === 498 || status >= 500) {
    const wait = retryAfterMs(headers, now);
    return transientError(`server error ${status}`, { status, detail, ...(wait !== null ? { retryAfterMs: wait } : {}) });
  }
  const shown = redactSecrets(groqMessage || code || `status ${status}`, secrets);
  return new AiCallError('bad_request', `Groq rejected the request (${status}: ${shown}).`, { status, detail });
}

/**
 * Names a failure from the SDK (status errors, connection errors, aborts), from fetch (network
 * errors, a body cut short) or from parsing (an HTML or broken JSON body). `secrets` (the API key)
 * never appear in what comes back.
 */
export function classifyAiError(error: unknown, now: number, secrets: readonly string[] = []): AiCallError {
  if (error instanceof AiCallError) return error;
  if (error instanceof APIUserAbortError) return cancelledError();
  if (error instanceof APIConnectionTimeoutError) return transientError('timed out');
  if (error instanceof APIConnectionError) {
    const code = errorCode(error.cause);
    return transientError(code ? `connection failed: ${code}` : 'connection failed');
  }
  if (error instanceof APIError && error.status !== undefined) return classifyStatus(error, now, secrets);
  const name = error instanceof Error || (typeof error === 'object' && error !== null) ? String((error as { name?: unknown }).name) : '';
  if (name === 'AbortError') return cancelledError();
  if (name === 'TimeoutError') return transientError('timed out');
  if (error instanceof SyntaxError) return transientError('unreadable answer');
  const code = errorCode(error);
  if (NETWORK_CODES.test(code)) return transientError(`connection failed: ${code}`);
  // fetch reports every network failure, including a body cut short ("terminated"), as a TypeError.
  if (error instanceof TypeError) return transientError(`connection failed: ${redactSecrets(error.message, secrets)}`);
  const text = error instanceof Error ? error.message : String(error);
  return new AiCallError('bad_request', 'The AI request failed unexpectedly.', { detail: redactSecrets(text, secrets) });
}
