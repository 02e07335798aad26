/** The durable queue on real SQLite files: enqueue, claim, leases, retry, cancel, idempotent writes. */
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import {
  cancelJob,
  claimBatch,
  enqueueJob,
  failBatch,
  readJob,
  recoverJobs,
  retryJob,
  writeBatchResults,
  type ClaimedBatch,
  type RetryPolicy,
} from '../../../core/jobs/index.js';
import { OptimizerPoolError } from '../../../core/jobs/pool-error.js';
import type { OptimizerProposal } from '../../../core/optimizer/index.js';
import { listing } from '../edit/edit-catalog.js';
import { catalogOf, countRows, fakeProposal } from './queue-fixtures.js';

const open: Catalog[] = [];
afterEach(() => {
  for (const catalog of open.splice(0)) catalog.close();
});

function setup(count: number) {
  const made = catalogOf(count);
  open.push(made.catalog);
  return made;
}

const T0 = 1_800_000_000_000;
const RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 10_000 };
const claimOptions = { owner: 'test', batchSize: 200, leaseMs: 30_000, retry: RETRY };

/** The fake optimizer's proposals for a claimed batch, keyed by listing id. */
function resultsFor(catalog: Catalog, batch: ClaimedBatch): Map<number, OptimizerProposal> {
  const results = new Map<number, OptimizerProposal>();
  for (const id of batch.listingIds) results.set(id, fakeProposal({ ...listing(catalog, id), id }, batch.payload.marketplace));
  return results;
}

describe('enqueue', () => {
  it('resolves ids and grid queries at enqueue time; unknown ids are left out; an empty job is done', () => {
    const { catalog, ids } = setup(5);
    const byIds = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'ids', ids: [ids[0]!, ids[1]!, 999_999] }, marketplace: 'etsy' }, T0);
    expect(byIds).toMatchObject({ state: 'queued', total: 2, done: 0, marketplace: 'etsy', autoApply: false, priority: 0 });
    const all = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'ebay', priority: 'interactive', autoApply: true }, T0);
    expect(all).toMatchObject({ total: 5, autoApply: true, priority: 10 });
    const query = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'query', filter: {}, search: 'nothing-matches-this' }, marketplace: 'etsy' }, T0);
    expect(query).toMatchObject({ state: 'done', total: 0 });
    expect(countRows(catalog, 'SELECT count(*) FROM job_items')).toBe(7);
  });
});

describe('claim', () => {
  it('never hands the same listing to two connections; interactive jobs first', () => {
    const { catalog, path } = setup(450);
    const bulk = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy' }, T0);
    const interactive = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy', priority: 'interactive' }, T0);
    const other = openCatalog(path, { role: 'writer' });
    open.push(other);

    const seen = new Map<number, Set<number>>([
      [bulk.id, new Set()],
      [interactive.id, new Set()],
    ]);
    const order: number[] = [];
    for (let turn = 0; ; turn++) {
      const batch = claimBatch(turn % 2 === 0 ? catalog.db : other.db, { ...claimOptions, now: T0 });
      if (!batch) break;
      order.push(batch.jobId);
      expect(batch.listingIds.length).toBeLessThanOrEqual(200);
      for (const id of batch.listingIds) {
        expect(seen.get(batch.jobId)!.has(id)).toBe(false);
        seen.get(batch.jobId)!.add(id);
      }
    }
    expect(seen.get(bulk.id)!.size).toBe(450);
    expect(seen.get(interactive.id)!.size).toBe(450);
    expect(order).toEqual([interactive.id, interactive.id, interactive.id, bulk.id, bulk.id, bulk.id]);
    expect(readJob(catalog.db, interactive.id)).toMatchObject({ state: 'running', startedAt: T0 });
  });

  it('a claim waits for a writer on another connection instead of failing (BEGIN IMMEDIATE + busy timeout)', () => {
    const { catalog, path } = setup(3);
    enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy' }, T0);
    const other = openCatalog(path, { role: 'writer' });
    open.push(other);
    other.db.exec('BEGIN IMMEDIATE');
    other.db.exec('COMMIT');
    expect(claimBatch(catalog.db, { ...claimOptions, now: T0 })?.listingIds).toHaveLength(3);
    expect(claimBatch(other.db, { ...claimOptions, now: T0 })).toBeNull();
  });
});

describe('leases', () => {
  it('recoverJobs re-queues expired leases only (or all, when asked); claims also take expired ones', () => {
    const { catalog } = setup(3);
    const job = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy' }, T0);
    const first = claimBatch(catalog.db, { ...claimOptions, now: T0 })!;
    expect(recoverJobs(catalog.db, { now: T0 + 29_999, retry: RETRY })).toEqual({ requeued: 0, finished: 0 });
    expect(claimBatch(catalog.db, { ...claimOptions, now: T0 + 29_999 })).toBeNull();
    expect(recoverJobs(catalog.db, { now: T0 + 30_000, retry: RETRY }).requeued).toBe(3);

    const second = claimBatch(catalog.db, { ...claimOptions, now: T0 + 30_000 })!;
    expect(second.listingIds).toEqual(first.listingIds);
    expect(second.attempt).toBe(2);
    // The first holder's late write is discarded: it no longer owns the items.
    expect(writeBatchResults(catalog.db, first, resultsFor(catalog, first), T0 + 30_001)).toMatchObject({ written: 0, discarded: 3 });
    expect(recoverJobs(catalog.db, { now: T0 + 30_001, retry: RETRY, releaseAll: true }).requeued).toBe(3);

    // Without recoverJobs, a claim after expiry takes the items over too…
    const third = claimBatch(catalog.db, { ...claimOptions, retry: { ...RETRY, maxAttempts: 4 }, now: T0 + 30_001 })!;
    expect(third.attempt).toBe(3);
    expect(claimBatch(catalog.db, { ...claimOptions, retry: { ...RETRY, maxAttempts: 4 }, now: T0 + 60_001 })).toMatchObject({ listingIds: third.listingIds, attempt: 4 });
    // …until interruptions used up the attempts: the listings fail with a reason instead of looping forever.
    expect(claimBatch(catalog.db, { ...claimOptions, retry: { ...RETRY, maxAttempts: 4 }, now: T0 + 90_001 })).toBeNull();
    expect(readJob(catalog.db, job.id)).toMatchObject({ state: 'failed', failed: 3, error: expect.stringMatching(/3 of 3 listings could not be optimized\. .*interrupted too many times/) });
  });
});

describe('retry and failure', () => {
  it('backs off exponentially, retries in smaller batches, then fails with a readable reason', () => {
    const { catalog } = setup(3);
    const job = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy' }, T0);
    const reason = 'The optimizer worker stopped unexpectedly (exit code 7).';
    let now = T0;
    const first = claimBatch(catalog.db, { ...claimOptions, now })!;
    expect(failBatch(catalog.db, first, reason, RETRY, { now })).toMatchObject({ requeued: 3, failed: 0 });
    expect(claimBatch(catalog.db, { ...claimOptions, now: now + 999 })).toBeNull();

    now += 1_000;
    const second = claimBatch(catalog.db, { ...claimOptions, batchSize: 8, now })!;
    expect(second.listingIds).toHaveLength(2); // 8 / 4^1: a poison listing is soon alone
    expect(second.attempt).toBe(2);
    failBatch(catalog.db, second, reason, RETRY, { now });
    expect(claimBatch(catalog.db, { ...claimOptions, batchSize: 8, now: now + 1_999 })?.listingIds).toHaveLength(1); // the third listing, retried once
    now += 2_000; // second backoff doubles
    const third = claimBatch(catalog.db, { ...claimOptions, now })!;
    expect(third.attempt).toBe(3);
    expect(failBatch(catalog.db, third, reason, RETRY, { now })).toMatchObject({ failed: third.listingIds.length });
    expect(countRows(catalog, "SELECT count(*) FROM job_items WHERE state = 'failed' AND error = ?", reason)).toBe(third.listingIds.length);
    expect(readJob(catalog.db, job.id)!.state).toBe('running');
  });

  it('a busy or shut-down pool gives the attempt back', () => {
    const { catalog } = setup(2);
    enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy' }, T0);
    const batch = claimBatch(catalog.db, { ...claimOptions, now: T0 })!;
    failBatch(catalog.db, batch, new OptimizerPoolError('busy', 'busy').message, RETRY, { now: T0, penalize: false });
    expect(countRows(catalog, 'SELECT max(attempts) FROM job_items')).toBe(0);
    expect(claimBatch(catalog.db, { ...claimOptions, now: T0 })?.attempt).toBe(1);
  });

  it('retryJob queues only the unfinished listings again', () => {
    const { catalog } = setup(3);
    const job = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy' }, T0);
    const batch = claimBatch(catalog.db, { ...claimOptions, batchSize: 1, now: T0 })!;
    writeBatchResults(catalog.db, batch, resultsFor(catalog, batch), T0);
    const rest = claimBatch(catalog.db, { ...claimOptions, now: T0 })!;
    failBatch(catalog.db, rest, 'broken', { ...RETRY, maxAttempts: 1 }, { now: T0 });
    expect(readJob(catalog.db, job.id)).toMatchObject({ state: 'failed', done: 1, failed: 2, error: '2 of 3 listings could not be optimized. broken' });
    expect(retryJob(catalog.db, job.id, T0)).toMatchObject({ state: 'queued', done: 1, failed: 0, error: null });
    expect(claimBatch(catalog.db, { ...claimOptions, now: T0 })!.listingIds).toEqual(rest.listingIds);
  });
});

describe('cancel', () => {
  it('cancels queued work and discards the results of a batch in flight', () => {
    const { catalog } = setup(5);
    const job = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy' }, T0);
    const batch = claimBatch(catalog.db, { ...claimOptions, batchSize: 2, now: T0 })!;
    expect(cancelJob(catalog.db, job.id, T0)).toMatchObject({ state: 'cancelled', error: 'Cancelled after 0 of 5 listings.' });
    expect(writeBatchResults(catalog.db, batch, resultsFor(catalog, batch), T0)).toMatchObject({ written: 0, discarded: 2 });
    expect(countRows(catalog, 'SELECT count(*) FROM proposals')).toBe(0);
    expect(claimBatch(catalog.db, { ...claimOptions, now: T0 })).toBeNull();
    expect(countRows(catalog, "SELECT count(*) FROM job_items WHERE state = 'cancelled'")).toBe(5);
  });
});

describe('writing a batch', () => {
  it('is idempotent by job + listing and supersedes older pending proposals', () => {
    const { catalog } = setup(3);
    const first = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy' }, T0);
    const batch = claimBatch(catalog.db, { ...claimOptions, now: T0 })!;
    const results = resultsFor(catalog, batch);
    expect(writeBatchResults(catalog.db, batch, results, T0)).toMatchObject({ written: 3, proposals: 6, jobFinished: true });
    expect(writeBatchResults(catalog.db, batch, results, T0)).toMatchObject({ written: 0, proposals: 0 });
    expect(readJob(catalog.db, first.id)).toMatchObject({ state: 'done', done: 3, total: 3, finishedAt: T0 });

    // The same rows written again (a retried batch after a crash) cannot duplicate.
    catalog.db.exec(`UPDATE job_items SET state = 'running', lease_owner = '${batch.leaseOwner}'`);
    expect(writeBatchResults(catalog.db, batch, results, T0).proposals).toBe(0);
    expect(countRows(catalog, 'SELECT count(*) FROM proposals')).toBe(6);

    const second = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy' }, T0 + 1);
    const again = claimBatch(catalog.db, { ...claimOptions, now: T0 + 1 })!;
    writeBatchResults(catalog.db, again, resultsFor(catalog, again), T0 + 1);
    expect(countRows(catalog, "SELECT count(*) FROM proposals WHERE job_id = ? AND state = 'superseded'", first.id)).toBe(6);
    expect(countRows(catalog, "SELECT count(*) FROM proposals WHERE job_id = ? AND state = 'pending'", second.id)).toBe(6);
  });

  it('counts a listing deleted since the claim as done, with no proposal', () => {
    const { catalog, ids } = setup(2);
    const job = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy' }, T0);
    const batch = claimBatch(catalog.db, { ...claimOptions, now: T0 })!;
    const results = resultsFor(catalog, batch);
    catalog.db.prepare('DELETE FROM listings WHERE id = ?').run(ids[0]);
    results.delete(ids[0]!);
    expect(writeBatchResults(catalog.db, batch, results, T0)).toMatchObject({ written: 2, proposals: 2 });
    expect(readJob(catalog.db, job.id)).toMatchObject({ state: 'done', done: 2 });
  });
});
