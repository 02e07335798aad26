/**
 * Issue 14 item 7: one count of listings and of changes everywhere. A job checks N listings; some
 * get no proposal, some one field, some two — so "listings", "changes" and the grid's "Has
 * proposals" filter are different numbers unless each is named. The review's total (changes on
 * listings, through proposals.list) and the filter's total come from the same pending rows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { GridViews } from '../../../core/catalog/grid-views.js';
import type { Catalog } from '../../../core/catalog/open-catalog.js';
import { acceptProposals, claimBatch, enqueueJob, listPendingProposals, readJob, tallyPendingProposals, writeBatchResults } from '../../../core/jobs/index.js';
import type { OptimizerProposal } from '../../../core/optimizer/index.js';
import type { HandlerContext } from '../../../core/service/handlers-type.js';
import { createJobHandlers } from '../../../core/service/job-handlers.js';
import { listing } from '../edit/edit-catalog.js';
import { catalogOf } from './queue-fixtures.js';
import { fakeProposal } from './fixtures/fake-optimizer.js';

const open: Catalog[] = [];
afterEach(() => {
  for (const catalog of open.splice(0)) catalog.close();
});
const ctx: HandlerContext = {
  emit: () => undefined,
  startOperation: () => {
    throw new Error('not used');
  },
};

/** 30 listings in one job: every third gets no proposal, every other one only its title. */
function finishedJob() {
  const made = catalogOf(30);
  open.push(made.catalog);
  const { catalog } = made;
  const job = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy' });
  const batch = claimBatch(catalog.db, { owner: 't', batchSize: 500, leaseMs: 30_000, retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 } })!;
  const results = new Map<number, OptimizerProposal>();
  batch.listingIds.forEach((id, i) => {
    const proposal = fakeProposal({ ...listing(catalog, id), id }, 'etsy');
    const fields = i % 3 === 0 ? [] : i % 2 === 0 ? proposal.fields.slice(0, 1) : proposal.fields;
    results.set(id, { ...proposal, fields });
  });
  writeBatchResults(catalog.db, batch, results);
  return { ...made, jobId: job.id };
}

function hasProposalsTotal(catalog: Catalog): number {
  return new GridViews(catalog).open({ sort: { column: 'title', direction: 'asc' }, filter: { hasProposals: true } }).total;
}

describe('review counts add up', () => {
  it('the job, the review total and the Has proposals filter read one pair: changes on listings', async () => {
    const { catalog, jobId } = finishedJob();
    const pending = listPendingProposals(catalog, { kind: 'job', jobId }, 10_000);
    const tally = tallyPendingProposals(catalog, { kind: 'job', jobId });
    expect(tally).toEqual({ changes: pending.length, listings: new Set(pending.map((p) => p.listingId)).size });
    // 30 listings checked, 20 with proposals, 30 changes: three numbers, each named for what it counts.
    expect(readJob(catalog.db, jobId)?.total).toBe(30);
    expect(tally).toEqual({ changes: 30, listings: 20 });
    expect(hasProposalsTotal(catalog)).toBe(tally.listings);
    expect(tallyPendingProposals(catalog, { kind: 'scope', scope: { kind: 'all' } })).toEqual(tally);

    const handlers = createJobHandlers(catalog, undefined);
    const page = await handlers['proposals.list']({ jobId, limit: 5 }, ctx);
    expect(page.proposals).toHaveLength(5);
    expect({ changes: page.matching, listings: page.matchingListings }).toEqual(tally);
    const filtered = await handlers['proposals.list']({ jobId, query: { filter: { hasProposals: true } }, limit: 1 }, ctx);
    expect({ changes: filtered.matching, listings: filtered.matchingListings }).toEqual(tally);
    // The jobs panel's "M with changes" is the same listings count.
    const listed = (await handlers['jobs.list']({}, ctx)).jobs.find((job) => job.id === jobId);
    expect(listed?.pendingListings).toBe(tally.listings);
  });

  it('stays one pair after some listings are accepted', async () => {
    const { catalog, jobId } = finishedJob();
    const first = listPendingProposals(catalog, { kind: 'job', jobId }, 10_000).slice(0, 3);
    const accepted = acceptProposals(catalog, { kind: 'listings', listingIds: [...new Set(first.map((p) => p.listingId))] });
    const tally = tallyPendingProposals(catalog, { kind: 'job', jobId });
    expect(tally.changes).toBe(30 - accepted.accepted);
    expect(tally.listings).toBe(20 - accepted.listings);
    expect(hasProposalsTotal(catalog)).toBe(tally.listings);
    const handlers = createJobHandlers(catalog, undefined);
    const page = await handlers['proposals.list']({ jobId, limit: 1 }, ctx);
    expect({ changes: page.matching, listings: page.matchingListings }).toEqual(tally);
    expect((await handlers['jobs.list']({}, ctx)).jobs.find((job) => job.id === jobId)?.pendingListings).toBe(tally.listings);
  });
});
