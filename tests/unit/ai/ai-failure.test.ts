import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from 'groq-sdk';
import { describe, expect, it } from 'vitest';
import { AiCallError, classifyAiError, formatWait, redactSecrets } from '../../../core/ai/ai-failure.js';

const NOW = 1_700_000_000_000;

function groqBody(message: string, code?: string, type = 'invalid_request_error'): object {
  return { error: code ? { message, type, code } : { message, type } };
}

function statusError(status: number, body: object | undefined, headers: Record<string, string> = {}, message?: string): APIError {
  return APIError.generate(status, body, message, new Headers(headers));
}

describe('classifyAiError', () => {
  it('keeps the SDK error classes apart', () => {
    expect(statusError(429, groqBody('x'))).toBeInstanceOf(RateLimitError);
    expect(statusError(401, groqBody('x'))).toBeInstanceOf(AuthenticationError);
    expect(statusError(403, groqBody('x'))).toBeInstanceOf(PermissionDeniedError);
    expect(statusError(400, groqBody('x'))).toBeInstanceOf(BadRequestError);
    expect(statusError(404, groqBody('x'))).toBeInstanceOf(NotFoundError);
    expect(statusError(503, groqBody('x'))).toBeInstanceOf(InternalServerError);
  });

  it('per-minute 429: rate_minute with the exact wait from the message', () => {
    const error = statusError(
      429,
      groqBody('Rate limit reached for model `m` on tokens per minute (TPM): Limit 6000, Used 4093, Requested 3531. Please try again in 16.24s.', 'rate_limit_exceeded', 'tokens'),
      { 'retry-after': '17' },
    );
    const failure = classifyAiError(error, NOW);
    expect(failure.kind).toBe('rate_minute');
    expect(failure.status).toBe(429);
    expect(failure.retryAfterMs).toBe(16_240);
  });

  it('per-minute 429 without a wait in the message: retry-after, then the token reset header', () => {
    expect(classifyAiError(statusError(429, groqBody('on requests per minute (RPM)'), { 'retry-after': '3' }), NOW).retryAfterMs).toBe(3_000);
    const headerOnly = statusError(429, groqBody('tokens per minute (TPM) exceeded'), { 'x-ratelimit-reset-tokens': '7.66s' });
    expect(classifyAiError(headerOnly, NOW).retryAfterMs).toBe(7_660);
  });

  it('per-day 429: rate_day with the reset time and a seller message', () => {
    const error = statusError(
      429,
      groqBody('Rate limit reached for model `m` on requests per day (RPD): Limit 1000, Used 1000, Requested 1. Please try again in 3h0m0s.', 'rate_limit_exceeded', 'requests'),
      { 'retry-after': '10800' },
    );
    const failure = classifyAiError(error, NOW);
    expect(failure.kind).toBe('rate_day');
    expect(failure.resetsAt).toBe(NOW + 3 * 3_600_000);
    expect(failure.message).toBe("Groq's daily request limit is used up; it resets in 3 h. Use the rule optimizer meanwhile.");
    const tokens = classifyAiError(statusError(429, groqBody('on tokens per day (TPD): Please try again in 40m.')), NOW);
    expect(tokens.kind).toBe('rate_day');
    expect(tokens.message).toContain('daily token limit');
  });

  it('413 and context_length_exceeded: too_large', () => {
    expect(classifyAiError(statusError(413, groqBody('Request too large for model', 'rate_limit_exceeded', 'tokens')), NOW).kind).toBe('too_large');
    expect(classifyAiError(statusError(400, groqBody('Please reduce the length', 'context_length_exceeded')), NOW).kind).toBe('too_large');
  });

  it('401/403: auth, with the Settings hint', () => {
    const failure = classifyAiError(statusError(401, groqBody('Invalid API Key', 'invalid_api_key')), NOW);
    expect(failure.kind).toBe('auth');
    expect(failure.message).toBe('Groq refused the API key. Paste a valid key in Tools › AI settings.');
    expect(classifyAiError(statusError(403, groqBody('Forbidden')), NOW).kind).toBe('auth');
  });

  it('400 json_validate_failed: json_invalid; other 400/404: bad_request', () => {
    expect(classifyAiError(statusError(400, groqBody('Failed to generate JSON.', 'json_validate_failed')), NOW).kind).toBe('json_invalid');
    const bad = classifyAiError(statusError(400, groqBody("'messages' must be an array")), NOW);
    expect(bad.kind).toBe('bad_request');
    expect(bad.message).toContain("'messages' must be an array");
    expect(classifyAiError(statusError(404, groqBody('The model `x` does not exist', 'model_not_found')), NOW).kind).toBe('bad_request');
  });

  it('5xx and 498: transient, HTML bodies included', () => {
    for (const status of [500, 502, 503, 498]) expect(classifyAiError(statusError(status, groqBody('oops')), NOW).kind).toBe('transient');
    const html = classifyAiError(statusError(502, undefined, {}, '<html><head><title>502 Bad Gateway</title></head></html>'), NOW);
    expect(html.kind).toBe('transient');
    expect(html.message).not.toContain('<html>');
    expect(classifyAiError(statusError(503, groqBody('busy'), { 'retry-after': '2' }), NOW).retryAfterMs).toBe(2_000);
  });

  it('connection problems, timeouts and broken bodies: transient', () => {
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(classifyAiError(new APIConnectionError({ cause: reset }), NOW).kind).toBe('transient');
    expect(classifyAiError(new APIConnectionTimeoutError(), NOW).kind).toBe('transient');
    expect(classifyAiError(new TypeError('terminated', { cause: reset }), NOW).kind).toBe('transient');
    expect(classifyAiError(new SyntaxError('Unexpected end of JSON input'), NOW).kind).toBe('transient');
    expect(classifyAiError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), NOW).kind).toBe('transient');
  });

  it('aborts: cancelled', () => {
    expect(classifyAiError(new APIUserAbortError(), NOW).kind).toBe('cancelled');
    expect(classifyAiError(new DOMException('This operation was aborted', 'AbortError'), NOW).kind).toBe('cancelled');
  });

  it('passes AiCallErrors through and never echoes a key', () => {
    const own = new AiCallError('deadline', 'late');
    expect(classifyAiError(own, NOW)).toBe(own);
    const key = 'gsk_SECRETsecret0123456789';
    const leaky = classifyAiError(statusError(400, groqBody(`bad key ${key} in header Bearer ${key}`)), NOW, [key]);
    expect(leaky.message).not.toContain(key);
    expect(leaky.detail).not.toContain(key);
    expect(classifyAiError(new Error(`weird ${key}`), NOW, [key]).detail).not.toContain(key);
    expect(redactSecrets('my-own-key-1234 here', ['my-own-key-1234'])).toBe('[key] here');
  });

  it('messages are one line', () => {
    const failure = classifyAiError(statusError(400, groqBody('line one\nline two')), NOW);
    expect(failure.message).not.toMatch(/\n/);
  });
});

describe('formatWait', () => {
  it.each([
    [500, '1 s'],
    [40_000, '40 s'],
    [12 * 60_000, '12 min'],
    [3 * 3_600_000, '3 h'],
  ])('%d ms → %s', (ms, text) => expect(formatWait(ms)).toBe(text));
});
