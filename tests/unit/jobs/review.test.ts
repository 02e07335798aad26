/** Review: accept (per field, per listing, per job, per scope), reject, stale fields, undo. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../core/catalog/open-catalog.js';
import { updateListing } from '../../../core/edit/update-listing.js';
import { undoLast } from '../../../core/edit/undo.js';
import { acceptProposals, claimBatch, enqueueJob, listPendingProposals, rejectProposals, writeBatchResults } from '../../../core/jobs/index.js';
import type { OptimizerProposal } from '../../../core/optimizer/index.js';
import { expectedQuality, ftsIds, listing, storedQuality } from '../edit/edit-catalog.js';
import { catalogOf, countRows, fakeProposal, SUFFIX } from './queue-fixtures.js';

const open: Catalog[] = [];
afterEach(() => {
  for (const catalog of open.splice(0)) catalog.close();
});

/** A catalog of `count` listings with one finished job whose proposals are pending. */
function reviewed(count: number) {
  const made = catalogOf(count);
  open.push(made.catalog);
  const { catalog } = made;
  const job = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy' });
  const batch = claimBatch(catalog.db, { owner: 't', batchSize: 500, leaseMs: 30_000, retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 } })!;
  const results = new Map<number, OptimizerProposal>();
  for (const id of batch.listingIds) results.set(id, fakeProposal({ ...listing(catalog, id), id }, 'etsy'));
  writeBatchResults(catalog.db, batch, results);
  return { ...made, jobId: job.id };
}

describe('review', () => {
  it('lists pending proposals with before/after and rules', () => {
    const { catalog, ids } = reviewed(2);
    const views = listPendingProposals(catalog, { kind: 'listings', listingIds: [ids[0]!] });
    expect(views).toEqual([
      expect.objectContaining({ listingId: ids[0], field: 'title', before: 'Listing number 0', after: `Listing number 0${SUFFIX}`, state: 'pending', changes: [expect.objectContaining({ ruleId: 'fake.rule' })] }),
      expect.objectContaining({ listingId: ids[0], field: 'tags', before: ['tag'], after: ['tag', 'optimized'] }),
    ]);
  });

  it('accepts one field: one change set, a revision by the optimizer, quality and search updated; twice does nothing', () => {
    const { catalog, ids } = reviewed(2);
    const title = listPendingProposals(catalog, { kind: 'listings', listingIds: [ids[0]!], fields: ['title'] })[0]!;
    const result = acceptProposals(catalog, { kind: 'ids', ids: [title.id] });
    expect(result).toMatchObject({ accepted: 1, listings: 1, stale: 0, changeSet: { kind: 'proposal', author: 'optimizer', listingCount: 1, state: 'applied' } });
    expect(listing(catalog, ids[0]!)).toMatchObject({ title: `Listing number 0${SUFFIX}`, tags: ['tag'] });
    expect(storedQuality(catalog, ids[0]!)).toEqual(expectedQuality(listing(catalog, ids[0]!)));
    expect(ftsIds(catalog, 'optimized')).toEqual([ids[0]]);
    expect(countRows(catalog, "SELECT count(*) FROM revisions WHERE author = 'optimizer' AND change_set_id = ?", result.changeSet!.id)).toBe(1);

    expect(acceptProposals(catalog, { kind: 'ids', ids: [title.id] })).toMatchObject({ changeSet: null, accepted: 0, listings: 0 });
    expect(countRows(catalog, 'SELECT count(*) FROM change_sets')).toBe(1);
  });

  it('accepts a whole job as ONE undoable change set; undo restores every listing', () => {
    const { catalog, ids, jobId } = reviewed(30);
    const before = ids.map((id) => listing(catalog, id));
    const result = acceptProposals(catalog, { kind: 'job', jobId });
    expect(result).toMatchObject({ accepted: 60, listings: 30, changeSet: { listingCount: 30, summary: 'Accepted optimizer proposals on 30 listings' } });
    expect(ids.every((id) => listing(catalog, id).title.endsWith(SUFFIX))).toBe(true);

    const undone = undoLast(catalog);
    expect(undone).toMatchObject({ changed: 30, conflicts: 0, changeSet: { id: result.changeSet!.id, state: 'undone' } });
    ids.forEach((id, i) => expect(listing(catalog, id)).toMatchObject({ title: before[i]!.title, tags: before[i]!.tags }));
    expect(storedQuality(catalog, ids[0]!)).toEqual(expectedQuality(before[0]!));
    expect(acceptProposals(catalog, { kind: 'job', jobId }).accepted).toBe(0);
  });

  it('skips a field changed since the proposal (stale) and applies the rest', () => {
    const { catalog, ids } = reviewed(2);
    updateListing(catalog, { id: ids[0]!, changes: { title: 'Seller rewrote this' } });
    const result = acceptProposals(catalog, { kind: 'scope', scope: { kind: 'all' } });
    expect(result).toMatchObject({ accepted: 3, listings: 2, stale: 1 });
    expect(listing(catalog, ids[0]!)).toMatchObject({ title: 'Seller rewrote this', tags: ['tag', 'optimized'] });
    expect(result.staleIds).toHaveLength(1);
    expect(countRows(catalog, 'SELECT count(*) FROM proposals WHERE id = ? AND state = ?', result.staleIds[0], 'superseded')).toBe(1);
  });

  it('rejects per listing; rejected proposals are never applied', () => {
    const { catalog, ids, jobId } = reviewed(3);
    expect(rejectProposals(catalog, { kind: 'listings', listingIds: [ids[1]!] })).toEqual({ rejected: 2 });
    expect(rejectProposals(catalog, { kind: 'listings', listingIds: [ids[1]!] })).toEqual({ rejected: 0 });
    expect(acceptProposals(catalog, { kind: 'job', jobId, fields: ['tags'] })).toMatchObject({ accepted: 2, listings: 2 });
    expect(listing(catalog, ids[1]!).tags).toEqual(['tag']);
    expect(listing(catalog, ids[0]!)).toMatchObject({ title: 'Listing number 0', tags: ['tag', 'optimized'] });
  });
});
