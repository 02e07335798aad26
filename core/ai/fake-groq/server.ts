/**
 * A fake Groq API on 127.0.0.1 for tests, demos and benchmarks. It speaks the OpenAI-compatible
 * chat-completions API as Groq does, so the real groq-sdk talks to it through `baseURL`. Answers
 * are deterministic (rewrite.ts), rate limits behave like Groq's (rate-limiter.ts) with the same
 * headers and messages, and faults can be queued to test every failure path (faults.ts).
 *
 * Time: `minuteMs` shortens the emulated minute (a day is 1,440 of them). Every duration the
 * server reports (reset headers, retry-after, "try again in") is REAL wall-clock time of this
 * server, not emulated API time, so a client that simply obeys the headers works unchanged.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { parseChatRequest, promptTokens, type ChatRequest } from './chat-request.js';
import { answerFor, buildCompletion, type AnswerVariant } from './completion.js';
import { FaultQueue, type FakeFault } from './faults.js';
import {
  BAD_GATEWAY_HTML,
  HTML_ERROR_PAGE,
  capacityExceeded,
  invalidApiKey,
  invalidRequest,
  jsonValidateFailed,
  modelNotFound,
  rateLimited,
  serverError,
  unknownUrl,
  type GroqError,
} from './groq-errors.js';
import { latencySource } from './latency.js';
import { DEFAULT_FAKE_MODELS, modelEntry, modelList } from './models.js';
import { rateLimitHeaders, retryAfterHeader } from './rate-headers.js';
import { FREE_TIER_LIMITS, RateLimiter, type FakeGroqLimits, type RateRefusal, type RateSnapshot } from './rate-limiter.js';
import { refusedUrl } from './refused-url.js';

export interface FakeGroqOptions {
  /** Port on 127.0.0.1 (default 0: any free port). */
  port?: number;
  /** Model ids served and listed (default: llama-3.1-8b-instant, llama-3.3-70b-versatile, openai/gpt-oss-20b). */
  models?: readonly string[];
  /** Accepted API keys (default: any key starting with `gsk_`). */
  apiKeys?: readonly string[];
  /** Per model (default: llama-3.1-8b-instant's free tier, 30 RPM / 6,000 TPM / 14,400 RPD). */
  limits?: Partial<FakeGroqLimits>;
  /** Real milliseconds one emulated minute lasts (default 60,000). */
  minuteMs?: number;
  /** Delay before a completion is answered (default 0; ~1,000 imitates a real model). */
  latencyMs?: number;
  /** Extra random delay in [0, jitterMs) per completion (default 0). */
  jitterMs?: number;
  /** Seed of the jitter (default 1). */
  seed?: number;
}

export interface FakeGroqStats {
  /** Chat-completion requests received (any outcome). */
  requests: number;
  /** Chat-completion responses by HTTP status; 0 counts connections dropped without a status (`reset`). */
  byStatus: Record<number, number>;
  /** Tokens charged for answered (200) completions. */
  promptTokens: number;
  completionTokens: number;
  /** Listings answered in 200 completions. */
  listings: number;
  /** The last chat request's parsed JSON body (null before any; the raw text if it was not JSON). */
  lastRequest: unknown;
}

export interface FakeGroq {
  /** `http://127.0.0.1:PORT`: pass as groq-sdk's `baseURL`. */
  readonly url: string;
  readonly port: number;
  /** Queues `fault` for the next `count` valid chat requests (FIFO, one fault per request). */
  inject(fault: FakeFault, count?: number): void;
  pendingFaults(): readonly FakeFault[];
  stats(): FakeGroqStats;
  /** Forgets rate-limit usage, stats and queued faults. */
  reset(): void;
  setLimits(limits: Partial<FakeGroqLimits>): void;
  limits(): FakeGroqLimits;
  /** A URL where connections are refused (a port bound, then released). */
  refusedUrl(): Promise<string>;
  /** Stops listening and drops every connection, stalled responses included. */
  close(): Promise<void>;
}

const CHAT_PATH = '/openai/v1/chat/completions';
const MODELS_PATH = '/openai/v1/models';
/** How far away the `rate_day` fault says the reset is (an eighth of a day: hours at real speed). */
const DAY_FAULT_FRACTION = 1 / 8;

export async function startFakeGroq(options: FakeGroqOptions = {}): Promise<FakeGroq> {
  const models = [...(options.models ?? DEFAULT_FAKE_MODELS)];
  if (models.length === 0) throw new Error('The fake Groq server needs at least one model');
  const minuteMs = positive(options.minuteMs ?? 60_000, 'minuteMs');
  const limits = checkLimits({ ...FREE_TIER_LIMITS, ...options.limits });
  const limiter = new RateLimiter(limits, minuteMs);
  const faults = new FaultQueue();
  const nextLatency = latencySource({ latencyMs: options.latencyMs ?? 0, jitterMs: options.jitterMs ?? 0, seed: options.seed ?? 1 });
  const apiKeys = options.apiKeys === undefined ? null : new Set(options.apiKeys);
  const sockets = new Set<Socket>();
  let stats = emptyStats();
  let sequence = 0;
  let closed = false;

  const authorized = (req: IncomingMessage): boolean => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const key = match?.[1];
    if (key === undefined) return false;
    return apiKeys === null ? key.startsWith('gsk_') : apiKeys.has(key);
  };

  /** Writes a complete response with the rate headers every Groq response carries. */
  const send = (res: ServerResponse, status: number, body: string, model: string, extra: Record<string, string> = {}, snapshot?: RateSnapshot): void => {
    if (res.destroyed || res.headersSent) return;
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'x-request-id': `req_fake${(sequence += 1).toString(16).padStart(8, '0')}`,
      ...rateLimitHeaders(snapshot ?? limiter.snapshot(model)),
      ...extra,
    });
    res.end(body);
  };
  const sendError = (res: ServerResponse, error: GroqError, model: string, extra: Record<string, string> = {}, snapshot?: RateSnapshot): void =>
    send(res, error.status, JSON.stringify(error.body), model, extra, snapshot);

  const count = (status: number): void => {
    stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
  };

  const refuse = (res: ServerResponse, model: string, refusal: RateRefusal, snapshot?: RateSnapshot): void => {
    const error = rateLimited(model, refusal);
    count(error.status);
    sendError(res, error, model, error.status === 429 ? retryAfterHeader(refusal.waitMs) : {}, snapshot);
  };

  const answer = async (res: ServerResponse, request: ChatRequest, variant: AnswerVariant, forceLength: boolean): Promise<void> => {
    const prompt = promptTokens(request.messages);
    // Groq reserves the prompt plus every completion token the request may use.
    const admission = limiter.admit(request.model, prompt + (request.maxCompletionTokens ?? 0));
    if (!admission.ok) return refuse(res, request.model, admission.refusal);
    await delay(nextLatency());
    const { content, listings } = answerFor(request, variant);
    const completion = buildCompletion(request, content, prompt, (sequence += 1), forceLength);
    admission.ticket.settle(prompt + completion.completionTokens);
    if (closed || res.destroyed) return;
    stats.promptTokens += prompt;
    stats.completionTokens += completion.completionTokens;
    stats.listings += listings;
    count(200);
    send(res, 200, JSON.stringify(completion.body), request.model);
  };

  const fail = async (res: ServerResponse, request: ChatRequest, fault: FakeFault): Promise<void> => {
    const model = request.model;
    const now = limiter.snapshot(model);
    const current = limiter.currentLimits();
    const charge = promptTokens(request.messages) + (request.maxCompletionTokens ?? 0);
    switch (fault) {
      case 'length':
        return answer(res, request, 'normal', true);
      case 'over_limit':
      case 'bad_shape':
        return answer(res, request, fault, false);
      case 'refusal':
      case 'invented_facts':
      case 'dropped_sizes':
      case 'echo_prompt':
      case 'meta_text':
      case 'placeholder':
      case 'truncated_text':
        return answer(res, request, fault, false);
      case 'rate_minute': {
        // Pretend the minute is nearly full, with numbers that agree with each other.
        const rate = current.tpm / minuteMs;
        const used = Math.max(current.tpm - now.remainingTokens, current.tpm - charge + 1, 0);
        const waitMs = (used + charge - current.tpm) / rate;
        return refuse(res, model, { limit: 'tpm', max: current.tpm, used, requested: charge, waitMs }, { ...now, remainingTokens: Math.max(0, current.tpm - used), resetTokensMs: used / rate });
      }
      case 'rate_day': {
        const dayMs = limiter.dayMs();
        return refuse(res, model, { limit: 'rpd', max: current.rpd, used: current.rpd, requested: 1, waitMs: dayMs * DAY_FAULT_FRACTION }, { ...now, remainingRequests: 0, resetRequestsMs: dayMs });
      }
      case 'too_large':
        return refuse(res, model, { limit: 'too_large', max: current.tpm, used: 0, requested: Math.max(charge, Math.ceil(current.tpm * 1.2)), waitMs: 0 });
      case 'server_error':
        count(500);
        return sendError(res, serverError(), model);
      case 'bad_gateway':
        count(502);
        return send(res, 502, BAD_GATEWAY_HTML, model, { 'content-type': 'text/html' });
      case 'capacity':
        count(498);
        return sendError(res, capacityExceeded(), model);
      case 'json_validate_failed':
        count(400);
        return sendError(res, jsonValidateFailed(answerFor(request, 'normal').content.slice(0, 200)), model);
      case 'auth':
        count(401);
        return sendError(res, invalidApiKey(), model);
      case 'html':
        count(200);
        return send(res, 200, HTML_ERROR_PAGE, model, { 'content-type': 'text/html; charset=utf-8' });
      case 'invalid_json':
        count(200);
        return send(res, 200, '{"id":"chatcmpl-fake","object":"chat.completion","choices":[{"index":0,"message":', model);
      case 'reset':
        count(0);
        res.socket?.destroy();
        return;
      case 'stall':
      case 'truncated_body': {
        count(200);
        const prompt = promptTokens(request.messages);
        const body = JSON.stringify(buildCompletion(request, answerFor(request, 'normal').content, prompt, (sequence += 1)).body);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...rateLimitHeaders(now) });
        const half = body.slice(0, Math.floor(body.length / 2));
        // stall: the socket stays open (close() drops it); truncated: the connection ends mid-body.
        if (fault === 'stall') res.write(half);
        else res.write(half, () => res.socket?.destroy());
        return;
      }
    }
  };

  const chat = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    stats.requests += 1;
    const fallbackModel = models[0] ?? '';
    if (!authorized(req)) {
      count(401);
      return sendError(res, invalidApiKey(), fallbackModel);
    }
    const text = await readBody(req);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      stats.lastRequest = text;
      count(400);
      return sendError(res, invalidRequest('We could not parse the JSON body of your request.'), fallbackModel);
    }
    stats.lastRequest = body;
    const parsed = parseChatRequest(body, models);
    if (!parsed.ok) {
      count(parsed.error.status);
      const model = typeof (body as { model?: unknown }).model === 'string' && models.includes((body as { model: string }).model) ? (body as { model: string }).model : fallbackModel;
      return sendError(res, parsed.error, model);
    }
    const fault = faults.take();
    if (fault !== undefined) return fail(res, parsed.request, fault);
    return answer(res, parsed.request, 'normal', false);
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/\/+$/, '');
    const fallbackModel = models[0] ?? '';
    if (path === CHAT_PATH && req.method === 'POST') return chat(req, res);
    if (!authorized(req)) return sendError(res, invalidApiKey(), fallbackModel);
    if (path === MODELS_PATH && req.method === 'GET') return send(res, 200, JSON.stringify(modelList(models)), fallbackModel);
    if (path.startsWith(`${MODELS_PATH}/`) && req.method === 'GET') {
      const id = decodeURIComponent(path.slice(MODELS_PATH.length + 1));
      return models.includes(id) ? send(res, 200, JSON.stringify(modelEntry(id)), id) : sendError(res, modelNotFound(id), fallbackModel);
    }
    return sendError(res, unknownUrl(req.method ?? 'GET', path), fallbackModel);
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      // A bug in the fake must show up as a 500, not as a hung test.
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`fake Groq server error: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The fake Groq server has no TCP address');
  const url = `http://127.0.0.1:${address.port}`;

  return {
    url,
    port: address.port,
    inject: (fault, times = 1) => faults.push(fault, times),
    pendingFaults: () => faults.pending(),
    stats: () => ({ ...stats, byStatus: { ...stats.byStatus } }),
    reset: () => {
      limiter.reset();
      faults.clear();
      stats = emptyStats();
    },
    setLimits: (next) => limiter.setLimits(checkLimits({ ...limiter.currentLimits(), ...next })),
    limits: () => limiter.currentLimits(),
    refusedUrl,
    close: async () => {
      if (closed) return;
      closed = true;
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await done;
    },
  };
}

function emptyStats(): FakeGroqStats {
  return { requests: 0, byStatus: {}, promptTokens: 0, completionTokens: 0, listings: 0, lastRequest: null };
}

function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${value}`);
  return value;
}

function checkLimits(limits: FakeGroqLimits): FakeGroqLimits {
  return { rpm: positive(limits.rpm, 'limits.rpm'), tpm: positive(limits.tpm, 'limits.tpm'), rpd: positive(limits.rpd, 'limits.rpd') };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function delay(ms: number): Promise<void> {
  // Unref'd: a pending answer must not keep the process alive after close().
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms).unref());
}
