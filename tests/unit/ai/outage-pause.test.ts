/**
 * A persistent outage pauses the AI job with its reason instead of retrying for minutes (issue 14
 * item 8). The breaker's rule on a stopped clock; then the whole path — job runner, AiService,
 * real groq-sdk — against the fake Groq server answering web pages, 5xx or stalling bodies, with
 * short configured budgets: the job ends paused with a readable reason after a known number of
 * attempts, keeps the proposals it finished, and completes once resumed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerTimeoutMs } from '../../../core/ai/ai-call.js';
import { aiJobRunner, describeAiFailure } from '../../../core/ai/ai-job-runner.js';
import { AiService } from '../../../core/ai/ai-service.js';
import type { FakeFault, FakeGroq } from '../../../core/ai/fake-groq/index.js';
import { OutageBreaker } from '../../../core/ai/outage-breaker.js';
import { generateDemoData } from '../../../core/catalog/demo-data.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { createJobRunner, enqueueJob, listJobs, readJob, type JobRunner, type OptimizerRunner } from '../../../core/jobs/index.js';
import { createJobHandlers } from '../../../core/service/job-handlers.js';
import { startRoomyFakeGroq } from './ai-test-setup.js';

describe('OutageBreaker', () => {
  it('a burst of failures is a hiccup; the same count spread over minStreakMs is an outage', () => {
    let now = 0;
    const breaker = new OutageBreaker({ maxFailures: 5, minStreakMs: 5_000, maxStreakMs: 20_000, now: () => now });
    for (let i = 0; i < 6; i++) expect(breaker.failure('server error 503', 0)).toBeNull();
    breaker.success();
    const opened: (string | null)[] = [];
    for (let i = 0; i < 5; i++) {
      now = i * 1_500;
      opened.push(breaker.failure('it sent a web page instead of an answer', now)?.message ?? null);
    }
    expect(opened.slice(0, 4)).toEqual([null, null, null, null]);
    expect(opened[4]).toMatch(/^Groq is not answering properly \(it sent a web page instead of an answer; 5 failed attempts in 6 s\)\. The job is paused; resume it from Jobs/);
    expect(() => breaker.check()).toThrow(/not answering properly/);
  });

  it('two slow failures (timeouts) spread over maxStreakMs open it', () => {
    let now = 0;
    const breaker = new OutageBreaker({ now: () => now });
    now = 13_000;
    expect(breaker.failure('no complete answer within 13 s', 0)).toBeNull();
    now = 26_500;
    expect(breaker.failure('no complete answer within 13 s', 13_500)?.kind).toBe('outage');
  });

  it('after the cool-down one probe passes: a good answer closes it, a failure opens it again', () => {
    let now = 0;
    const breaker = new OutageBreaker({ maxFailures: 2, minStreakMs: 0, coolDownMs: 1_000, now: () => now });
    breaker.failure('x', 0);
    expect(breaker.failure('x', 0)?.kind).toBe('outage');
    expect(() => breaker.check()).toThrow();
    now = 1_000;
    expect(() => breaker.check()).not.toThrow();
    expect(() => breaker.check()).toThrow();
    expect(breaker.failure('x', 1_000)?.kind).toBe('outage');
    now = 2_000;
    breaker.check();
    breaker.success();
    expect(breaker.isOpen()).toBe(false);
    expect(() => breaker.check()).not.toThrow();
  });

  it('with the default budgets a silent server opens it within 60 s, even for the largest request', () => {
    // Two attempts that each wait out the longest answer timeout, with the longest first backoff.
    let now = 0;
    const breaker = new OutageBreaker({ now: () => now });
    const timeout = answerTimeoutMs(1_000_000) + 5_000;
    now = timeout;
    expect(breaker.failure('no answer', 0)).toBeNull();
    now = 2 * timeout + 1_000;
    expect(breaker.failure('no answer', timeout + 1_000)?.kind).toBe('outage');
    expect(now).toBeLessThan(60_000);
  });
});

const KEY = 'gsk_outage_test_key_0123456789';
/** Two listings: one request per batch, so the attempts are counted exactly (packs run side by side). */
const BATCH = 2;

describe('an AI job against a server that keeps failing', () => {
  let dir: string;
  let catalog: Catalog;
  let fake: FakeGroq;
  let ai: AiService;
  let runner: JobRunner;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'listsmith-outage-'));
    catalog = openCatalog(join(dir, 'catalog.sqlite'), { role: 'writer' });
    generateDemoData(catalog, { count: 80, seed: 5 });
    fake = await startRoomyFakeGroq();
    ai = new AiService({
      db: catalog.db,
      baseURL: fake.url,
      runQueued: (work) => Promise.resolve().then(work),
      // Short budgets: an outage is the 5th failure in a row (however fast), a body stalls after 150 ms.
      breaker: { maxFailures: 5, minStreakMs: 0, maxStreakMs: 60_000, coolDownMs: 60_000 },
      calls: { attemptTimeoutMs: 2_000, bodyTimeoutMs: 150, backoff: { baseMs: 5, maxMs: 20 } },
    });
    ai.setKey(KEY, { source: 'stored', protection: 'test', warning: null });
    const unused: OptimizerRunner = { run: () => Promise.reject(new Error('the rule optimizer must not run AI batches')) };
    runner = createJobRunner({
      catalog,
      runner: unused,
      aiRunner: aiJobRunner(ai),
      describeFailure: (error) => describeAiFailure(error),
      batchSizeFor: () => BATCH,
      lanes: 1,
      interactiveLanes: 0,
      retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
      // The fault starts once the first batch is written: that batch's proposals must survive.
      onProgress: (progress) => {
        if (progress.done >= BATCH && injected === null) {
          injected = fake.stats().requests;
          fake.inject(fault, 1_000);
        }
      },
    });
  });

  afterEach(async () => {
    await runner.stop();
    catalog.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  let fault: FakeFault = 'html';
  let injected: number | null = null;

  const REASONS: [FakeFault, RegExp][] = [
    ['html', /sent a web page instead of an answer/],
    ['server_error', /server error 500/],
    ['bad_gateway', /server error 502/],
    ['stall', /the answer stopped arriving/],
  ];

  it.each(REASONS)('%s: paused with its reason after 5 attempts; finished proposals kept; resume completes it', async (which, reason) => {
    fault = which;
    injected = null;
    const ids = catalog.db.prepare("SELECT id FROM listings WHERE marketplace = 'etsy' ORDER BY id LIMIT 10").pluck().all() as number[];
    expect(ids).toHaveLength(10);
    const job = enqueueJob(catalog, { kind: 'ai', target: { kind: 'ids', ids }, marketplace: 'etsy', priority: 'bulk' });
    runner.start();
    await runner.whenIdle();

    const paused = readJob(catalog.db, job.id)!;
    expect(paused.state).toBe('paused');
    expect(paused.error).toMatch(/^Groq is not answering properly \(/);
    expect(paused.error).toMatch(reason);
    expect(paused.error).toMatch(/resume it from Jobs/);
    expect(paused.error).not.toContain(KEY);
    // Exactly the breaker's count: the call's 4 attempts, then the first of the job's retry.
    expect(fake.stats().requests - injected!).toBe(5);
    // Nothing lost: the first batch's listings are done with their proposals, none failed, the rest wait.
    expect(paused).toMatchObject({ done: BATCH, failed: 0, total: 10 });
    const proposals = catalog.db.prepare('SELECT count(DISTINCT listing_id) FROM proposals WHERE job_id = ?').pluck().get(job.id) as number;
    expect(proposals).toBeGreaterThan(0);
    const items = catalog.db.prepare('SELECT state, count(*) AS n, max(attempts) AS attempts FROM job_items WHERE job_id = ? GROUP BY state ORDER BY state').all(job.id);
    expect(items).toEqual([
      { state: 'done', n: BATCH, attempts: 1 },
      // The pause gave the attempt back: a resumed job starts these listings afresh.
      { state: 'queued', n: 10 - BATCH, attempts: 1 },
    ]);
    // The jobs panel lists it as paused, ahead of finished jobs.
    expect(listJobs(catalog.db)[0]).toMatchObject({ id: job.id, state: 'paused' });

    // A new job meanwhile fails fast too (the breaker is open): paused at once, nothing sent.
    const before = fake.stats().requests;
    const other = enqueueJob(catalog, { kind: 'ai', target: { kind: 'ids', ids: [ids[9]!] }, marketplace: 'etsy', priority: 'interactive' });
    runner.wake();
    await expect.poll(() => readJob(catalog.db, other.id)!.state).toBe('paused');
    expect(fake.stats().requests).toBe(before);

    // Groq is back; the seller presses Resume (jobs.retry on a paused job).
    fake.reset();
    const handlers = createJobHandlers(catalog, { wake: () => runner.wake(), cancel: (jobId) => runner.cancel(jobId) }, ai);
    const ctx = { emit: () => undefined } as unknown as Parameters<(typeof handlers)['jobs.retry']>[1];
    expect(await handlers['jobs.retry']({ jobId: job.id }, ctx)).toMatchObject({ state: 'queued', error: null });
    expect(await handlers['jobs.retry']({ jobId: other.id }, ctx)).toMatchObject({ state: 'queued' });
    await runner.whenIdle();
    expect(readJob(catalog.db, job.id)).toMatchObject({ state: 'done', done: 10, failed: 0 });
    expect(readJob(catalog.db, other.id)).toMatchObject({ state: 'done', done: 1 });
  });

  it('a passing hiccup (two 500s) is retried and the job finishes: no pause', async () => {
    const ids = catalog.db.prepare("SELECT id FROM listings WHERE marketplace = 'etsy' ORDER BY id LIMIT 3").pluck().all() as number[];
    injected = -1;
    fake.inject('server_error', 2);
    const job = enqueueJob(catalog, { kind: 'ai', target: { kind: 'ids', ids }, marketplace: 'etsy' });
    runner.start();
    await runner.whenIdle();
    expect(readJob(catalog.db, job.id)).toMatchObject({ state: 'done', done: 3, failed: 0 });
    expect(ai.breaker.isOpen()).toBe(false);
  });
});
