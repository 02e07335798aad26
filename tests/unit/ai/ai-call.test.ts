import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAiCaller, estimateRequestTokens, type AiCallerOptions } from '../../../core/ai/ai-call.js';
import { AiCallError } from '../../../core/ai/ai-failure.js';
import type { ChatRequest } from '../../../core/ai/groq-client.js';
import { RateLimiter } from '../../../core/ai/rate-limiter.js';

const KEY = 'gsk_TESTKEY_never_show_me_0123456789';
const MODEL = 'openai/gpt-oss-20b';

const RATE_HEADERS = {
  'x-ratelimit-limit-requests': '1000',
  'x-ratelimit-remaining-requests': '999',
  'x-ratelimit-reset-requests': '1m26.4s',
  'x-ratelimit-limit-tokens': '8000',
  'x-ratelimit-remaining-tokens': '7900',
  'x-ratelimit-reset-tokens': '750ms',
};

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

interface Seen {
  auth: string | undefined;
  path: string;
  body: unknown;
}

/** A tiny scripted Groq: each request takes the next handler; when they run out, success. */
const seen: Seen[] = [];
let script: Handler[] = [];
let server: Server;
let baseURL = '';
const thrown: unknown[] = [];

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...RATE_HEADERS, ...headers });
  res.end(text);
}

function completion(content = '{"listings":[]}', finishReason = 'stop'): object {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    model: MODEL,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason }],
    usage: { prompt_tokens: 40, completion_tokens: 10, total_tokens: 50 },
  };
}

const ok: Handler = (_req, res) => json(res, 200, completion());
const groqError =
  (status: number, message: string, code?: string, headers: Record<string, string> = {}): Handler =>
  (_req, res) =>
    json(res, status, { error: { message, type: 'invalid_request_error', ...(code ? { code } : {}) } }, headers);
const dropSocket: Handler = (req) => req.socket.destroy();
const stallBody: Handler = (_req, res) => {
  const text = JSON.stringify(completion());
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(text.length), ...RATE_HEADERS });
  res.write(text.slice(0, 20));
};
const neverAnswer: Handler = () => undefined;

const REQUEST: ChatRequest = {
  model: MODEL,
  messages: [
    { role: 'system', content: 'You rewrite listings. Answer in JSON.' },
    { role: 'user', content: 'x'.repeat(400) },
  ],
  maxCompletionTokens: 500,
  responseFormat: { type: 'json_schema', name: 'listings', schema: { type: 'object' } },
  reasoningEffort: 'low',
};

function caller(overrides: Partial<AiCallerOptions> = {}) {
  const limiter = overrides.limiter ?? new RateLimiter({ limits: { rpm: 1000, tpm: 100_000, rpd: 100_000 } });
  return createAiCaller({ apiKey: KEY, baseURL, limiter, backoff: { baseMs: 20, maxMs: 40 }, attemptTimeoutMs: 5_000, ...overrides });
}

async function failure(promise: Promise<unknown>): Promise<AiCallError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  thrown.push(error);
  expect(error).toBeInstanceOf(AiCallError);
  return error as AiCallError;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      let parsed: unknown = body;
      try {
        parsed = JSON.parse(body);
      } catch {
        /* GET has no body */
      }
      seen.push({ auth: req.headers.authorization, path: req.url ?? '', body: parsed });
      if (req.url?.endsWith('/models')) {
        if (req.headers.authorization !== `Bearer ${KEY}`) return groqError(401, 'Invalid API Key', 'invalid_api_key')(req, res, body);
        return json(res, 200, { object: 'list', data: [{ id: 'llama-3.3-70b-versatile' }, { id: 'gemma' }, { id: 'llama-3.1-8b-instant' }] });
      }
      (script.shift() ?? ok)(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  seen.length = 0;
  script = [];
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  // No thrown message, detail or serialized field ever carries the key.
  expect(thrown.length).toBeGreaterThan(5);
  for (const error of thrown) {
    const e = error as AiCallError;
    expect(e.message).not.toContain(KEY);
    expect(e.detail ?? '').not.toContain(KEY);
    expect(JSON.stringify(e)).not.toContain(KEY);
    expect(String(e.stack)).not.toContain(KEY);
  }
});

describe('createAiCaller().complete', () => {
  it('sends the Groq request shape and returns content, usage and headers to the limiter', async () => {
    const ai = caller();
    const result = await ai.complete(REQUEST);
    expect(result).toMatchObject({ content: '{"listings":[]}', finishReason: 'stop', model: MODEL, attempts: 1, usage: { promptTokens: 40, completionTokens: 10, totalTokens: 50 } });
    expect(seen[0]?.path).toBe('/openai/v1/chat/completions');
    expect(seen[0]?.auth).toBe(`Bearer ${KEY}`);
    expect(seen[0]?.body).toMatchObject({
      model: MODEL,
      max_completion_tokens: 500,
      reasoning_effort: 'low',
      response_format: { type: 'json_schema', json_schema: { name: 'listings', schema: { type: 'object' }, strict: true } },
    });
    expect(seen[0]?.body).not.toHaveProperty('max_tokens');
    const state = ai.limiter.state(MODEL);
    expect(state.remainingTokens).toBe(7900);
    expect(state.remainingRequestsToday).toBe(999);
    // The reservation (≈ 550 tokens) was refunded down to the real usage; Groq's header says 100
    // are used, so the bucket holds at most that (less by the time it is read: it drains).
    expect(state.tokensThisMinute).toBeLessThanOrEqual(100);
  });

  it('json_object format and finish_reason length come through', async () => {
    script = [(_req, res) => json(res, 200, completion('{"listings":[{"id":1,', 'length'))];
    const result = await caller().complete({ ...REQUEST, responseFormat: { type: 'json_object' }, reasoningEffort: undefined as never });
    expect(result.finishReason).toBe('length');
    expect(seen[0]?.body).toMatchObject({ response_format: { type: 'json_object' } });
    expect(seen[0]?.body).not.toHaveProperty('reasoning_effort');
  });

  it('estimates prompt + completion tokens for the limiter', () => {
    expect(estimateRequestTokens(REQUEST)).toBe(Math.ceil(37 / 4) + 4 + 100 + 4 + 500);
  });

  it('retries transient failures (500, reset, HTML 200, broken JSON, 498) and then succeeds', async () => {
    script = [
      groqError(500, 'Internal Server Error'),
      dropSocket,
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><body>Service unavailable</body></html>');
      },
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"choices":[');
      },
      groqError(498, 'Flex tier capacity exceeded'),
    ];
    const result = await caller({ maxAttempts: 6 }).complete(REQUEST);
    expect(result.attempts).toBe(6);
    expect(result.waitedMs).toBeGreaterThan(0);
    expect(seen).toHaveLength(6);
  });

  it('gives up after maxAttempts with transient', async () => {
    script = Array.from({ length: 10 }, () => groqError(503, 'Service Unavailable'));
    const error = await failure(caller({ maxAttempts: 3 }).complete(REQUEST));
    expect(error.kind).toBe('transient');
    expect(error.status).toBe(503);
    expect(seen).toHaveLength(3);
  });

  it('a refused connection is transient', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(caller({ baseURL: `http://127.0.0.1:${port}`, maxAttempts: 2 }).complete(REQUEST));
    expect(error.kind).toBe('transient');
  });

  it('429 per minute: waits retry-after (through the shared limiter) and retries', async () => {
    script = [groqError(429, 'Rate limit reached on tokens per minute (TPM): Limit 8000, Used 7990, Requested 600. Please try again in 300ms.', 'rate_limit_exceeded', { 'retry-after': '0.3' })];
    const ai = caller({ maxAttempts: 1 });
    const start = performance.now();
    const result = await ai.complete(REQUEST);
    expect(performance.now() - start).toBeGreaterThanOrEqual(280);
    expect(result.attempts).toBe(2);
    expect(result.waitedMs).toBeGreaterThanOrEqual(280);
  });

  it('429 per minute past the deadline: deadline, without sleeping', async () => {
    script = [groqError(429, 'on requests per minute (RPM)', 'rate_limit_exceeded', { 'retry-after': '30' })];
    const start = performance.now();
    const error = await failure(caller().complete(REQUEST, { deadlineAt: Date.now() + 2_000 }));
    expect(error.kind).toBe('deadline');
    expect(performance.now() - start).toBeLessThan(1_000);
  });

  it('429 per day: rate_day at once, no retry, and the limiter refuses further calls', async () => {
    script = [groqError(429, 'Rate limit reached on requests per day (RPD): Limit 1000, Used 1000, Requested 1. Please try again in 2h59m59s.', 'rate_limit_exceeded', { 'retry-after': '10799' })];
    const ai = caller();
    const error = await failure(ai.complete(REQUEST));
    expect(error.kind).toBe('rate_day');
    expect(error.message).toMatch(/^Groq's daily request limit is used up; it resets in 3 h\. Use the rule optimizer meanwhile\.$/);
    expect(seen).toHaveLength(1);
    expect(ai.limiter.state(MODEL).pausedUntil).toBe(error.resetsAt);
    expect((await failure(ai.complete(REQUEST))).kind).toBe('rate_day');
    expect(seen).toHaveLength(1);
  });

  it('413: too_large without retry', async () => {
    script = [groqError(413, 'Request too large for model on tokens per minute (TPM): Limit 6000, Requested 7000', 'rate_limit_exceeded')];
    expect((await failure(caller().complete(REQUEST))).kind).toBe('too_large');
    expect(seen).toHaveLength(1);
  });

  it('401: auth without retry; json_validate_failed: json_invalid; other 400: bad_request', async () => {
    script = [groqError(401, 'Invalid API Key', 'invalid_api_key')];
    const auth = await failure(caller().complete(REQUEST));
    expect(auth.kind).toBe('auth');
    expect(auth.message).toBe('Groq refused the API key. Paste a valid key in Tools › AI settings.');
    script = [groqError(400, 'Failed to generate JSON.', 'json_validate_failed')];
    expect((await failure(caller().complete(REQUEST))).kind).toBe('json_invalid');
    script = [groqError(400, `property 'foo' is unsupported, key ${KEY}`)];
    expect((await failure(caller().complete(REQUEST))).kind).toBe('bad_request');
    expect(seen).toHaveLength(3);
  });

  it('a stalled body is cut by attemptTimeoutMs and retried', async () => {
    script = [stallBody];
    const start = performance.now();
    const result = await caller({ attemptTimeoutMs: 300 }).complete(REQUEST);
    expect(result.attempts).toBe(2);
    expect(performance.now() - start).toBeLessThan(1_500);
  });

  it('stalled bodies every time: transient after maxAttempts', async () => {
    script = [stallBody, stallBody];
    const error = await failure(caller({ attemptTimeoutMs: 200, maxAttempts: 2 }).complete(REQUEST));
    expect(error.kind).toBe('transient');
    expect(seen).toHaveLength(2);
  });

  it('the deadline cuts a request in flight', async () => {
    script = [neverAnswer];
    const start = performance.now();
    const error = await failure(caller().complete(REQUEST, { deadlineAt: Date.now() + 300 }));
    expect(error.kind).toBe('deadline');
    expect(performance.now() - start).toBeLessThan(800);
  });

  it('a deadline already past: deadline, nothing sent', async () => {
    expect((await failure(caller().complete(REQUEST, { deadlineAt: Date.now() - 1 }))).kind).toBe('deadline');
    expect(seen).toHaveLength(0);
  });

  it('cancel during a backoff sleep takes effect at once', async () => {
    script = [groqError(500, 'Internal Server Error')];
    const controller = new AbortController();
    const pending = caller({ backoff: { baseMs: 10_000, maxMs: 10_000 } }).complete(REQUEST, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(seen).toHaveLength(1);
    const start = performance.now();
    controller.abort();
    expect((await failure(pending)).kind).toBe('cancelled');
    expect(performance.now() - start).toBeLessThan(100);
  });

  it('cancel while the request is in flight', async () => {
    script = [neverAnswer];
    const controller = new AbortController();
    const pending = caller().complete(REQUEST, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const start = performance.now();
    controller.abort();
    expect((await failure(pending)).kind).toBe('cancelled');
    expect(performance.now() - start).toBeLessThan(100);
  });

  it('cancel while waiting in the limiter', async () => {
    const limiter = new RateLimiter({ limits: { rpm: 1, tpm: 100_000, rpd: 1000 } });
    const ai = caller({ limiter });
    await ai.complete(REQUEST);
    const controller = new AbortController();
    const pending = ai.complete(REQUEST, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(limiter.state(MODEL).waitingCalls).toBe(1);
    const start = performance.now();
    controller.abort();
    expect((await failure(pending)).kind).toBe('cancelled');
    expect(performance.now() - start).toBeLessThan(50);
    expect(seen).toHaveLength(1);
  });
});

describe('createAiCaller().listModels', () => {
  it('lists the ids, sorted', async () => {
    expect(await caller().listModels()).toEqual(['gemma', 'llama-3.1-8b-instant', 'llama-3.3-70b-versatile']);
    expect(seen[0]?.path).toBe('/openai/v1/models');
  });

  it('a refused key is auth, and the key is not in the message', async () => {
    const ai = createAiCaller({ apiKey: 'gsk_WRONG_KEY_123456', baseURL, limiter: new RateLimiter({ limits: { rpm: 10, tpm: 1000, rpd: 10 } }) });
    const error = await failure(ai.listModels());
    expect(error.kind).toBe('auth');
    expect(error.message).not.toContain('gsk_WRONG_KEY_123456');
  });
});
