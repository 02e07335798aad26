/**
 * Every fault the fake Groq server can produce, through the real groq-sdk and the real caller:
 * each call ends by its deadline, is classified right, and is retried only where waiting helps.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAiCaller } from '../../../core/ai/ai-call.js';
import { AiCallError, type AiFailureKind } from '../../../core/ai/ai-failure.js';
import { startFakeGroq, type FakeFault, type FakeGroq } from '../../../core/ai/fake-groq/index.js';
import type { ChatRequest } from '../../../core/ai/groq-client.js';
import { AI_RESPONSE_JSON_SCHEMA, renderListingsBlock } from '../../../core/ai/ai-protocol.js';
import { RateLimiter } from '../../../core/ai/rate-limiter.js';

const KEY = 'gsk_FAULTMATRIX_secret_0123456789';
const MODEL = 'openai/gpt-oss-20b';
const MINUTE_MS = 1_000;
const MAX_ATTEMPTS = 3;
const ATTEMPT_TIMEOUT_MS = 400;
const DEADLINE_MS = 6_000;

const REQUEST: ChatRequest = {
  model: MODEL,
  messages: [
    { role: 'system', content: 'Rewrite the listings. Answer with JSON only.' },
    {
      role: 'user',
      content: renderListingsBlock({
        marketplace: 'etsy',
        listings: [{ id: 1, title: 'blue mug', description: 'A blue mug.', tags: ['mug'], brand: null, category: null, limits: { titleMax: 130, descriptionMax: 0, tagCount: 13, tagMax: 20 } }],
      }),
    },
  ],
  maxCompletionTokens: 400,
  responseFormat: { type: 'json_schema', name: 'listings', schema: AI_RESPONSE_JSON_SCHEMA },
  reasoningEffort: 'low',
};

/** How each fault must end when injected once (then the server behaves). */
interface Expectation {
  /** Null: the call succeeds. */
  kind: AiFailureKind | null;
  /** HTTP attempts the call makes. */
  attempts: number;
  finishReason?: string;
}

const ONCE: Record<FakeFault, Expectation> = {
  rate_minute: { kind: null, attempts: 2 },
  rate_day: { kind: 'rate_day', attempts: 1 },
  too_large: { kind: 'too_large', attempts: 1 },
  server_error: { kind: null, attempts: 2 },
  bad_gateway: { kind: null, attempts: 2 },
  capacity: { kind: null, attempts: 2 },
  reset: { kind: null, attempts: 2 },
  stall: { kind: null, attempts: 2 },
  truncated_body: { kind: null, attempts: 2 },
  html: { kind: null, attempts: 2 },
  invalid_json: { kind: null, attempts: 2 },
  json_validate_failed: { kind: 'json_invalid', attempts: 1 },
  auth: { kind: 'auth', attempts: 1 },
  length: { kind: null, attempts: 1, finishReason: 'length' },
  // Content problems are the rewriter's to judge; the call itself succeeded.
  over_limit: { kind: null, attempts: 1 },
  bad_shape: { kind: null, attempts: 1 },
  refusal: { kind: null, attempts: 1 },
  invented_facts: { kind: null, attempts: 1 },
  dropped_sizes: { kind: null, attempts: 1 },
  echo_prompt: { kind: null, attempts: 1 },
  meta_text: { kind: null, attempts: 1 },
  placeholder: { kind: null, attempts: 1 },
  truncated_text: { kind: null, attempts: 1 },
};

const TRANSIENT: FakeFault[] = ['server_error', 'bad_gateway', 'capacity', 'reset', 'stall', 'truncated_body', 'html', 'invalid_json'];

let fake: FakeGroq;
const thrown: AiCallError[] = [];

function newCaller() {
  const limiter = new RateLimiter({ limits: { rpm: 1_000, tpm: 100_000, rpd: 100_000 }, windowMs: MINUTE_MS });
  return createAiCaller({ apiKey: KEY, baseURL: fake.url, limiter, maxAttempts: MAX_ATTEMPTS, attemptTimeoutMs: ATTEMPT_TIMEOUT_MS, backoff: { baseMs: 20, maxMs: 50 } });
}

async function run(): Promise<{ result?: Awaited<ReturnType<ReturnType<typeof newCaller>['complete']>>; error?: AiCallError; elapsed: number; caller: ReturnType<typeof newCaller> }> {
  const caller = newCaller();
  const start = Date.now();
  try {
    const result = await caller.complete(REQUEST, { deadlineAt: start + DEADLINE_MS });
    return { result, elapsed: Date.now() - start, caller };
  } catch (error) {
    expect(error).toBeInstanceOf(AiCallError);
    thrown.push(error as AiCallError);
    return { error: error as AiCallError, elapsed: Date.now() - start, caller };
  }
}

beforeAll(async () => {
  fake = await startFakeGroq({ limits: { rpm: 1_000, tpm: 100_000, rpd: 100_000 }, minuteMs: MINUTE_MS, latencyMs: 0 });
});

beforeEach(() => {
  fake.reset();
});

afterAll(async () => {
  await fake.close();
  for (const error of thrown) {
    expect(error.message).not.toContain(KEY);
    expect(JSON.stringify(error)).not.toContain(KEY);
  }
});

describe('fault matrix: each fault once, then a healthy server', () => {
  it.each(Object.entries(ONCE) as [FakeFault, Expectation][])('%s', async (fault, expected) => {
    fake.inject(fault, 1);
    const { result, error, elapsed, caller } = await run();
    expect(elapsed).toBeLessThan(DEADLINE_MS);
    expect(fake.stats().requests).toBe(expected.attempts);
    if (expected.kind === null) {
      expect(error).toBeUndefined();
      expect(result?.attempts).toBe(expected.attempts);
      expect(result?.finishReason).toBe(expected.finishReason ?? 'stop');
      expect(result?.content.length).toBeGreaterThan(0);
    } else {
      expect(error?.kind).toBe(expected.kind);
      expect(error?.message).not.toMatch(/\n/);
    }
    if (fault === 'rate_day') {
      expect(error?.resetsAt).toBeGreaterThan(Date.now() + 60_000);
      expect(caller.limiter.state(MODEL).pausedUntil).toBe(error?.resetsAt);
    }
  });
});

describe('fault matrix: transient faults that do not clear', () => {
  it.each(TRANSIENT)(`%s: transient after ${MAX_ATTEMPTS} attempts`, async (fault) => {
    fake.inject(fault, 10);
    const { error, elapsed } = await run();
    expect(error?.kind).toBe('transient');
    expect(fake.stats().requests).toBe(MAX_ATTEMPTS);
    expect(elapsed).toBeLessThan(DEADLINE_MS);
  });
});

describe('fault matrix: deadline and cancel', () => {
  it('a stall longer than the deadline ends as deadline, on time', async () => {
    fake.inject('stall', 10);
    const caller = createAiCaller({
      apiKey: KEY,
      baseURL: fake.url,
      limiter: new RateLimiter({ limits: { rpm: 1_000, tpm: 100_000, rpd: 100_000 }, windowMs: MINUTE_MS }),
      attemptTimeoutMs: 10_000,
    });
    const start = Date.now();
    const error = await caller.complete(REQUEST, { deadlineAt: start + 300 }).catch((e: unknown) => e as AiCallError);
    expect(error).toMatchObject({ kind: 'deadline' });
    expect(Date.now() - start).toBeLessThan(800);
  });

  it('cancel during a stall ends within 100 ms', async () => {
    fake.inject('stall', 1);
    const controller = new AbortController();
    const pending = newCaller().complete(REQUEST, { signal: controller.signal }).catch((e: unknown) => e as AiCallError);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const start = Date.now();
    controller.abort();
    expect(await pending).toMatchObject({ kind: 'cancelled' });
    expect(Date.now() - start).toBeLessThan(100);
  });

  it('listModels against the fake: sorted ids; a key it refuses is auth', async () => {
    const models = await newCaller().listModels();
    expect(models).toEqual([...models].sort());
    expect(models).toContain(MODEL);
    const stranger = createAiCaller({ apiKey: 'not-a-groq-key', baseURL: fake.url, limiter: new RateLimiter({ limits: { rpm: 10, tpm: 1_000, rpd: 10 } }) });
    await expect(stranger.listModels()).rejects.toMatchObject({ kind: 'auth' });
  });
});
