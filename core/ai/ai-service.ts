/**
 * The app's one AI client, on the writer thread next to the job runner: the key (pushed by the host
 * from its secret store, never read back out), the seller's tier and model, the ONE rate limiter
 * every request goes through, and today's usage. AI jobs run their batches through `runBatch`.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { AiKeyInfo, AiKeyTest, AiStatus } from '../../common/ai-types.js';
import type { Marketplace } from '../../common/listing.js';
import type { OptimizerTaskListing } from '../jobs/pool-task.js';
import { createAiCaller, type AiCaller, type AiCallerOptions } from './ai-call.js';
import { readAiConfig, readAiUsage, writeAiConfig, writeAiUsage, type AiConfig, type AiUsage } from './ai-config.js';
import { AiCallError, classifyAiError } from './ai-failure.js';
import { rewriteListings, type AiListingResult } from './ai-rewriter.js';
import { isReasoningModel, limitsFor, supportsStrictSchema } from './ai-tiers.js';
import { OutageBreaker, type OutageBreakerOptions } from './outage-breaker.js';
import { RateLimiter, type InteractiveReserve } from './rate-limiter.js';

export interface AiServiceOptions {
  db: BetterSqlite3.Database;
  /** GROQ_BASE_URL (host only); default Groq's own. */
  baseURL?: string;
  /** Runs a short settings write between the writer's calls (never inside one). */
  runQueued: <T>(work: () => T) => Promise<T>;
  now?: () => number;
  /** Emulated minute for the limiter (benchmarks against a time-compressed fake server). */
  windowMs?: number;
  /** When transient failures count as an outage that pauses jobs (tests shorten it). */
  breaker?: Omit<OutageBreakerOptions, 'now'>;
  /** The caller's timeouts and retries (tests shorten them); default: ai-call.ts's. */
  calls?: Pick<AiCallerOptions, 'attemptTimeoutMs' | 'bodyTimeoutMs' | 'backoff' | 'maxAttempts'>;
}

/** A batch may take this long in total (rate-limit waits included) before it is given back to the queue. */
const BATCH_DEADLINE_MS = 10 * 60_000;

/**
 * Bulk requests leave room for about two one-listing requests (a seller waiting in the editor):
 * its rewrite starts at once instead of after the bulk job's next refill. Throughput is set by the
 * refill rate, so bulk loses only that much of the first minute's burst.
 */
const INTERACTIVE_RESERVE: InteractiveReserve = { tpmFraction: 0.3, maxTokens: 4_000, requests: 2 };

export class AiService {
  private key: string | null = null;
  private keyInfo: AiKeyInfo = { present: false, source: 'none', protection: null, warning: null };
  private caller: AiCaller | null = null;
  private config: AiConfig;
  private usage: AiUsage;
  private models: string[] | null = null;
  private lastError: string | null = null;
  readonly limiter: RateLimiter;
  /** One for the app, like the limiter: an outage seen by one job pauses the others at once too. */
  readonly breaker: OutageBreaker;
  private readonly now: () => number;

  constructor(private readonly options: AiServiceOptions) {
    this.now = options.now ?? Date.now;
    this.config = readAiConfig(options.db);
    this.usage = readAiUsage(options.db, this.now());
    this.limiter = new RateLimiter({
      limits: limitsFor(this.config.tier, this.config.model),
      now: this.now,
      interactiveReserve: INTERACTIVE_RESERVE,
      ...(options.windowMs ? { windowMs: options.windowMs } : {}),
    });
    this.breaker = new OutageBreaker({ now: this.now, ...options.breaker });
  }

  /** The host pushes the key (or null when removed); a new key gets a new client. */
  setKey(key: string | null, info: Omit<AiKeyInfo, 'present'>): void {
    this.key = key && key.length > 0 ? key : null;
    this.keyInfo = { ...info, present: this.key !== null, source: this.key ? info.source : 'none' };
    this.caller = null;
    this.models = null;
    this.lastError = null;
    this.breaker.reset();
  }

  /** The seller resumed a job paused by an outage: try Groq again at once. */
  resumeAfterOutage(): void {
    this.breaker.reset();
  }

  hasKey(): boolean {
    return this.key !== null;
  }

  /** Why an AI job cannot start right now, in words; null when it can. */
  blocker(): string | null {
    if (!this.key) return 'No Groq API key is set. Add one in Tools › AI settings, or use the rule optimizer (it works offline).';
    const paused = this.limiter.state(this.config.model).pausedUntil;
    if (paused !== null && paused > this.now()) return `Groq's daily limit for ${this.config.model} is used up; it resets at ${new Date(paused).toLocaleTimeString()}. Use the rule optimizer meanwhile.`;
    return null;
  }

  configure(change: Partial<AiConfig>): AiStatus {
    this.config = { ...this.config, ...change };
    writeAiConfig(this.options.db, this.config);
    this.limiter.setLimits(limitsFor(this.config.tier, this.config.model));
    return this.status();
  }

  status(): AiStatus {
    const state = this.limiter.state(this.config.model);
    const usage = this.currentUsage();
    const paused = state.pausedUntil !== null && state.pausedUntil > this.now() ? state.pausedUntil : null;
    return {
      key: this.keyInfo,
      tier: this.config.tier,
      model: this.config.model,
      models: this.models,
      limits: limitsFor(this.config.tier, this.config.model),
      usage: {
        requestsToday: usage.requests,
        tokensToday: usage.tokens,
        remainingRequestsToday: state.remainingRequestsToday,
        remainingTokensThisMinute: state.remainingTokens,
        pausedUntil: paused,
      },
      lastError: this.lastError,
    };
  }

  /** Lists the key's models: proves the key works without spending tokens. */
  async testKey(signal?: AbortSignal): Promise<AiKeyTest> {
    if (!this.key) return { ok: false, message: 'No Groq API key is set.', models: [] };
    try {
      const models = await this.client().listModels(signal);
      this.models = models;
      this.lastError = null;
      const note = models.includes(this.config.model) ? '' : ` Your chosen model ${this.config.model} is not among them: pick one below.`;
      return { ok: true, message: `The key works: ${models.length} model${models.length === 1 ? '' : 's'} available.${note}`, models };
    } catch (error) {
      const failure = classifyAiError(error, this.now());
      this.lastError = failure.message;
      return { ok: false, message: failure.message, models: [] };
    }
  }

  /** Rewrites one job batch; throws an AiCallError for failures that are not the listings' fault. */
  async runBatch(listings: readonly OptimizerTaskListing[], marketplace: Marketplace, signal?: AbortSignal, options: { interactive?: boolean } = {}): Promise<AiListingResult[]> {
    const blocker = this.blocker();
    if (blocker) {
      const paused = this.limiter.state(this.config.model).pausedUntil;
      throw new AiCallError(this.key ? 'rate_day' : 'auth', blocker, paused !== null ? { resetsAt: paused } : {});
    }
    try {
      const client = this.client();
      // A seller waiting on this batch: its requests go before bulk ones in the limiter.
      const caller: AiCaller = options.interactive ? { ...client, complete: (request, callOptions) => client.complete(request, { ...callOptions, priority: 'interactive' }) } : client;
      const results = await rewriteListings(listings, marketplace, {
        caller,
        model: this.config.model,
        limits: limitsFor(this.config.tier, this.config.model),
        strictSchema: supportsStrictSchema(this.config.model),
        reasoning: isReasoningModel(this.config.model),
        deadlineAt: this.now() + BATCH_DEADLINE_MS,
        ...(signal ? { signal } : {}),
      });
      this.lastError = null;
      return results;
    } catch (error) {
      const failure = error instanceof AiCallError ? error : classifyAiError(error, this.now());
      if (failure.kind !== 'cancelled') this.lastError = failure.message;
      throw failure;
    }
  }

  private client(): AiCaller {
    if (!this.key) throw new AiCallError('auth', 'No Groq API key is set. Add one in Tools › AI settings.');
    if (!this.caller) {
      const inner = createAiCaller({
        apiKey: this.key,
        limiter: this.limiter,
        breaker: this.breaker,
        ...this.options.calls,
        ...(this.options.baseURL ? { baseURL: this.options.baseURL } : {}),
        now: this.now,
      });
      // Count what each successful request used, for "today's usage".
      this.caller = {
        limiter: inner.limiter,
        listModels: (signal) => inner.listModels(signal),
        complete: async (request, options) => {
          const result = await inner.complete(request, options);
          this.recordUsage(result.usage.totalTokens);
          return result;
        },
      };
    }
    return this.caller;
  }

  private currentUsage(): AiUsage {
    const usage = readAiUsage(this.options.db, this.now());
    if (usage.day !== this.usage.day) this.usage = usage;
    return this.usage;
  }

  private recordUsage(tokens: number): void {
    const usage = this.currentUsage();
    this.usage = { day: usage.day, requests: usage.requests + 1, tokens: usage.tokens + tokens };
    const snapshot = this.usage;
    void this.options.runQueued(() => writeAiUsage(this.options.db, snapshot)).catch(() => undefined);
  }
}
