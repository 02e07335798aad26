import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayloads, MethodOutput } from '../../../common/contract.js';
import type { EventName, MethodName } from '../../../common/contract-names.js';
import type { JobProgressEvent } from '../../../common/job-types.js';
import type { Listing } from '../../../common/listing.js';
import { createCore } from '../../../core/host/create-core.js';
import type { CoreApi } from '../../../core/host/core-api.js';
import { builtWorkerFile, tempDir } from '../paths.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startCore(): Promise<{ core: CoreApi; events: { event: EventName; payload: EventPayloads[EventName] }[] }> {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const core = await createCore({ databasePath: join(dir, 'c.sqlite'), appVersion: 'test', transport: 'web', workerFile: builtWorkerFile });
  cleanups.push(() => core.close());
  const events: { event: EventName; payload: EventPayloads[EventName] }[] = [];
  core.onEvent((event, payload) => void events.push({ event, payload }));
  return { core, events };
}

async function call<M extends MethodName>(core: CoreApi, method: M, input: unknown): Promise<MethodOutput<M>> {
  const envelope = await core.dispatch(method, input);
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as MethodOutput<M>;
}

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const progressOf = (events: { event: EventName; payload: EventPayloads[EventName] }[], jobId: number): JobProgressEvent[] =>
  events.filter((e) => e.event === 'job.progress').map((e) => e.payload as JobProgressEvent).filter((p) => p.jobId === jobId);

describe('jobs over the contract (real writer thread and optimizer pool)', () => {
  it('runs a job with progress, lists its proposals, accepts them all, and undo restores the fields', async () => {
    const { core, events } = await startCore();
    await call(core, 'demo.generate', { count: 300, seed: 11 });
    events.length = 0;

    const job = await call(core, 'jobs.start', { scope: { kind: 'all' }, marketplace: 'etsy', kind: 'optimize' });
    expect(job).toMatchObject({ kind: 'optimize', state: 'queued', total: 300, done: 0, marketplace: 'etsy', autoApply: false });

    const last = await until(() => progressOf(events, job.id).find((p) => p.state === 'done'));
    expect(last).toMatchObject({ jobId: job.id, done: 300, total: 300, failed: 0, etaSeconds: 0 });
    expect(last.ratePerSecond).toBeGreaterThanOrEqual(0);

    const { jobs } = await call(core, 'jobs.list', {});
    expect(jobs.find((j) => j.id === job.id)).toMatchObject({ state: 'done', done: 300, failed: 0 });
    // A finished job tells windows the catalog changed: the grid marks listings with proposals.
    expect(events.some((e) => e.event === 'catalog.changed')).toBe(true);

    const listed = await call(core, 'proposals.list', { jobId: job.id, limit: 2_000 });
    expect(listed.pending).toBeGreaterThan(0);
    expect(listed.proposals).toHaveLength(listed.pending);
    const title = listed.proposals.find((p) => p.field === 'title');
    expect(title).toBeDefined();
    expect(title!.changes.length).toBeGreaterThan(0);
    const before = await call(core, 'listing.get', { id: title!.listingId });
    expect(before.title).toBe(title!.before);
    const ofListing = await call(core, 'proposals.list', { listingId: title!.listingId, limit: 10 });
    expect(ofListing.proposals.every((p) => p.listingId === title!.listingId)).toBe(true);

    events.length = 0;
    const accepted = await call(core, 'proposals.accept', { selector: { kind: 'job', jobId: job.id } });
    expect(accepted.accepted).toBe(listed.pending);
    expect(accepted.changeSet).not.toBeNull();
    expect(events.some((e) => e.event === 'catalog.changed')).toBe(true);
    const after: Listing = await call(core, 'listing.get', { id: title!.listingId });
    expect(after.title).toBe(title!.after);
    expect((await call(core, 'proposals.list', { jobId: job.id, limit: 10 })).pending).toBe(0);
    // Exactly once: accepting again writes nothing.
    expect((await call(core, 'proposals.accept', { selector: { kind: 'job', jobId: job.id } })).changeSet).toBeNull();

    const undone = await call(core, 'history.undo', {});
    expect(undone.changeSet?.id).toBe(accepted.changeSet!.id);
    expect((await call(core, 'listing.get', { id: title!.listingId })).title).toBe(before.title);
  });

  it('auto-applies as one undoable change set and tells windows the catalog changed', async () => {
    const { core, events } = await startCore();
    await call(core, 'demo.generate', { count: 60, seed: 12 });
    const job = await call(core, 'jobs.start', { scope: { kind: 'all' }, marketplace: 'ebay', kind: 'optimize', autoApply: true, priority: 'interactive' });
    await until(() => progressOf(events, job.id).find((p) => p.state === 'done'));
    const done = (await call(core, 'jobs.list', {})).jobs.find((j) => j.id === job.id)!;
    expect(done.changeSetId).not.toBeNull();
    expect(events.some((e) => e.event === 'catalog.changed' && (e.payload as EventPayloads['catalog.changed']).reason === 'edit')).toBe(true);
    expect((await call(core, 'history.undo', {})).changeSet?.id).toBe(done.changeSetId);
  });

  it('cancels a running job, and retry finishes the rest', async () => {
    const { core, events } = await startCore();
    await call(core, 'demo.generate', { count: 3_000, seed: 13 });
    const job = await call(core, 'jobs.start', { scope: { kind: 'all' }, marketplace: 'amazon', kind: 'optimize' });
    const cancelled = await call(core, 'jobs.cancel', { jobId: job.id });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.done).toBeLessThan(3_000);
    expect(cancelled.error).toMatch(/Cancelled after/);
    await until(() => progressOf(events, job.id).find((p) => p.state === 'cancelled'));
    // Nothing more is written for it after the cancel.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const still = (await call(core, 'jobs.list', {})).jobs.find((j) => j.id === job.id)!;
    expect(still).toMatchObject({ state: 'cancelled', done: cancelled.done });

    const retried = await call(core, 'jobs.retry', { jobId: job.id });
    expect(retried.state).toBe('queued');
    await until(() => progressOf(events, job.id).find((p) => p.state === 'done'), 60_000);
    expect((await call(core, 'jobs.list', {})).jobs.find((j) => j.id === job.id)).toMatchObject({ state: 'done', done: 3_000 });

    // Rejecting proposals changes the grid's proposal marks: windows are told.
    events.length = 0;
    expect((await call(core, 'proposals.reject', { selector: { kind: 'job', jobId: job.id } })).rejected).toBeGreaterThan(0);
    expect(events.some((e) => e.event === 'catalog.changed')).toBe(true);
  }, 90_000);

  it('stops promptly on close, and a job left unfinished resumes when the catalog reopens', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const databasePath = join(dir, 'c.sqlite');
    const first = await createCore({ databasePath, appVersion: 'test', transport: 'web', workerFile: builtWorkerFile });
    await call(first, 'demo.generate', { count: 3_000, seed: 15 });
    const job = await call(first, 'jobs.start', { scope: { kind: 'all' }, marketplace: 'etsy', kind: 'optimize' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const closing = Date.now();
    await first.close();
    // Well under the 3 s after which a thread that does not exit is terminated.
    expect(Date.now() - closing).toBeLessThan(2_500);

    const second = await createCore({ databasePath, appVersion: 'test', transport: 'web', workerFile: builtWorkerFile });
    cleanups.push(() => second.close());
    const done = await until(async () => (await call(second, 'jobs.list', {})).jobs.find((j) => j.id === job.id && j.state === 'done'), 60_000);
    expect(done).toMatchObject({ done: 3_000, failed: 0 });
  }, 90_000);

  it('rejects bad input before anything is written', async () => {
    const { core } = await startCore();
    await call(core, 'demo.generate', { count: 5, seed: 14 });
    const bad: [MethodName, unknown][] = [
      ['jobs.start', { scope: { kind: 'all' }, marketplace: 'amazonx', kind: 'optimize' }],
      ['jobs.start', { scope: { kind: 'all' }, marketplace: 'etsy', kind: 'magic' }],
      ['jobs.start', { scope: { kind: 'all' }, marketplace: 'etsy', kind: 'optimize', extra: 1 }],
      ['jobs.cancel', { jobId: -1 }],
      ['jobs.retry', { jobId: 1.5 }],
      ['proposals.list', { jobId: 1, listingId: 1, limit: 10 }],
      ['proposals.list', { limit: 0 }],
      ['proposals.accept', { selector: { kind: 'ids', ids: [] } }],
      ['proposals.reject', { selector: { kind: 'scope', scope: { kind: 'all' } } }],
    ];
    for (const [method, input] of bad) {
      const envelope = await core.dispatch(method, input);
      expect(envelope.ok, `${method} ${JSON.stringify(input)}`).toBe(false);
      if (!envelope.ok) expect(envelope.error.code).toBe('invalid_input');
    }
    // An AI job without a key is refused up front with what to do, not queued to fail later.
    const noKey = await core.dispatch('jobs.start', { scope: { kind: 'all' }, marketplace: 'etsy', kind: 'ai' });
    expect(!noKey.ok && noKey.error.code).toBe('unauthorized');
    expect(!noKey.ok && noKey.error.message).toMatch(/No Groq API key/);
    expect((await call(core, 'jobs.list', {})).jobs).toEqual([]);
    const missing = await core.dispatch('jobs.cancel', { jobId: 999 });
    expect(!missing.ok && missing.error.code).toBe('not_found');
    expect((await core.dispatch('jobs.retry', { jobId: 999 })).ok).toBe(false);
    expect(await call(core, 'proposals.reject', { selector: { kind: 'job', jobId: 999 } })).toEqual({ rejected: 0 });
  });
});
