/**
 * The review contract's newer parts, through the job handlers over a real catalog: accept/reject
 * everything matching a grid filter + search (count first, ONE undoable change set), spelling
 * suggestions on a review page (shown, never applied, never on brand words), and price rules
 * carried by jobs.start.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../../common/contract.js';
import { priceRulesSchema, proposalSelectorSchema } from '../../../common/job-types.js';
import type { Catalog } from '../../../core/catalog/open-catalog.js';
import { undoLast } from '../../../core/edit/undo.js';
import { claimBatch, enqueueJob, spellingForListings, writeBatchResults } from '../../../core/jobs/index.js';
import type { OptimizerProposal } from '../../../core/optimizer/index.js';
import type { HandlerContext } from '../../../core/service/handlers-type.js';
import { createJobHandlers } from '../../../core/service/job-handlers.js';
import { newListing } from '../catalog/temp-catalog.js';
import { catalogWith, listing } from '../edit/edit-catalog.js';
import { countRows, fakeProposal, SUFFIX } from './queue-fixtures.js';

const open: Catalog[] = [];
afterEach(() => {
  for (const catalog of open.splice(0)) catalog.close();
});

const events: string[] = [];
const ctx: HandlerContext = {
  emit: (event) => void events.push(event),
  startOperation: () => {
    throw new Error('not used');
  },
};

/** Etsy and eBay listings, active and draft; one finished job with pending proposals for each. */
function reviewed() {
  const listings = [
    newListing({ sourceId: 'a', sku: 'A-1', title: 'Silver ring small', marketplace: 'etsy', status: 'active' }),
    newListing({ sourceId: 'b', sku: 'A-2', title: 'Silver ring large', marketplace: 'etsy', status: 'draft' }),
    newListing({ sourceId: 'c', sku: 'A-3', title: 'Gold necklace', marketplace: 'etsy', status: 'active' }),
    newListing({ sourceId: 'd', sku: 'A-4', title: 'Silver ring ebay', marketplace: 'ebay', status: 'active' }),
  ];
  const made = catalogWith(listings, { scored: true });
  open.push(made.catalog);
  const { catalog } = made;
  const job = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy' });
  const batch = claimBatch(catalog.db, { owner: 't', batchSize: 500, leaseMs: 30_000, retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 } })!;
  const results = new Map<number, OptimizerProposal>();
  for (const id of batch.listingIds) results.set(id, fakeProposal({ ...listing(catalog, id), id }, 'etsy'));
  writeBatchResults(catalog.db, batch, results);
  return { ...made, jobId: job.id, handlers: createJobHandlers(catalog, undefined) };
}

describe('accept / reject everything matching the grid filter', () => {
  it('counts first, then accepts only the matching listings as ONE undoable change set', async () => {
    const { catalog, ids, jobId, handlers } = reviewed();
    const query = { filter: { marketplaces: ['etsy' as const], statuses: ['active' as const] }, search: 'silver' };
    const listed = await handlers['proposals.list']({ jobId, query, limit: 100 }, ctx);
    // Only "Silver ring small" (etsy, active, matches "silver"): title + tags.
    expect(listed).toMatchObject({ matching: 2, pending: 8, spelling: [] });
    expect(new Set(listed.proposals.map((p) => p.listingId))).toEqual(new Set([ids[0]]));

    const selector = proposalSelectorSchema.parse({ kind: 'query', ...query, jobId });
    const accepted = await handlers['proposals.accept']({ selector }, ctx);
    expect(accepted).toMatchObject({ accepted: 2, listings: 1, stale: 0, changeSet: { kind: 'proposal', listingCount: 1 } });
    expect(listing(catalog, ids[0]!).title).toBe(`Silver ring small${SUFFIX}`);
    expect(listing(catalog, ids[1]!).title).toBe('Silver ring large');
    expect(listing(catalog, ids[3]!).title).toBe('Silver ring ebay');
    expect(countRows(catalog, 'SELECT count(*) FROM change_sets')).toBe(1);
    expect(events).toContain('catalog.changed');

    // Nothing matches any more: the count says so, and accepting again writes nothing.
    expect((await handlers['proposals.list']({ jobId, query, limit: 100 }, ctx)).matching).toBe(0);
    expect(await handlers['proposals.accept']({ selector }, ctx)).toMatchObject({ changeSet: null, accepted: 0 });

    expect(undoLast(catalog)).toMatchObject({ changed: 1, conflicts: 0 });
    expect(listing(catalog, ids[0]!).title).toBe('Silver ring small');
  });

  it('rejects by filter (with fields), leaving other listings pending; a filter on hasProposals works too', async () => {
    const { catalog, ids, handlers } = reviewed();
    const selector = proposalSelectorSchema.parse({ kind: 'query', filter: { marketplaces: ['etsy'], hasProposals: true }, fields: ['tags'] });
    expect(await handlers['proposals.reject']({ selector }, ctx)).toEqual({ rejected: 3 });
    expect(countRows(catalog, "SELECT count(*) FROM proposals WHERE state = 'pending' AND field = 'tags'")).toBe(1);
    expect(countRows(catalog, "SELECT count(*) FROM proposals WHERE state = 'pending' AND field = 'title'")).toBe(4);
    expect(countRows(catalog, "SELECT count(*) FROM proposals WHERE state = 'pending' AND listing_id = ?", ids[3])).toBe(2);
  });

  it('a query selector within another job covers nothing of this one', async () => {
    const { handlers, jobId } = reviewed();
    const listed = await handlers['proposals.list']({ jobId: jobId + 1, query: { filter: {} }, limit: 10 }, ctx);
    expect(listed).toMatchObject({ proposals: [], matching: 0, pending: 8 });
  });

  it('validates the selector and the list input', () => {
    expect(proposalSelectorSchema.safeParse({ kind: 'query', filter: {}, search: 'x'.repeat(501) }).success).toBe(false);
    expect(proposalSelectorSchema.safeParse({ kind: 'query', filter: { maxScore: 101 } }).success).toBe(false);
    expect(proposalSelectorSchema.safeParse({ kind: 'query', filter: {}, extra: 1 }).success).toBe(false);
    expect(contract['proposals.list'].input.safeParse({ listingId: 1, query: { filter: {} }, limit: 5 }).success).toBe(false);
    expect(contract['proposals.list'].input.safeParse({ jobId: 1, query: { filter: {} }, limit: 5, spelling: true }).success).toBe(true);
  });
});

describe('spelling suggestions on a review page', () => {
  it('flags unknown words of the proposed values with suggestions, never brand words, never applied', async () => {
    const listings = [
      newListing({ sourceId: 's1', sku: 'S-1', title: 'Handmade silvr ring by Zorblax', brand: 'Zorblax', description: 'A beautifull ring.', tags: ['ring'] }),
      newListing({ sourceId: 's2', sku: 'S-2', title: 'Plain cotton scarf', description: 'Soft and warm.', tags: ['scarf'] }),
    ];
    const made = catalogWith(listings, { scored: true });
    open.push(made.catalog);
    const { catalog, ids } = made;
    const job = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy' });
    const batch = claimBatch(catalog.db, { owner: 't', batchSize: 500, leaseMs: 30_000, retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 } })!;
    const results = new Map<number, OptimizerProposal>();
    for (const id of batch.listingIds) results.set(id, fakeProposal({ ...listing(catalog, id), id }, 'etsy'));
    writeBatchResults(catalog.db, batch, results);

    const handlers = createJobHandlers(catalog, undefined);
    const page = await handlers['proposals.list']({ jobId: job.id, limit: 50, spelling: true }, ctx);
    expect(page.spelling).toHaveLength(1);
    const [first] = page.spelling;
    expect(first!.listingId).toBe(ids[0]);
    const words = new Map(first!.words.map((w) => [`${w.field}:${w.word}`, w.suggestions]));
    expect(words.get('title:silvr')).toContain('silver');
    expect(words.get('description:beautifull')).toContain('beautiful');
    // The brand is the seller's word, not a typo.
    expect([...words.keys()].some((key) => key.toLowerCase().includes('zorblax'))).toBe(false);
    // The proposed tag "optimized" is a word; nothing is applied by reading suggestions.
    expect(listing(catalog, ids[0]!).title).toBe('Handmade silvr ring by Zorblax');
    expect(countRows(catalog, 'SELECT count(*) FROM change_sets')).toBe(0);

    // Without the flag the dictionary is not consulted.
    expect((await handlers['proposals.list']({ jobId: job.id, limit: 50 }, ctx)).spelling).toEqual([]);
    // Listings gone from the catalog are left out.
    expect(spellingForListings(catalog, [999_999])).toEqual([]);
  });
});

describe('price rules in jobs.start', () => {
  it('stores the seller’s rules in the job payload', async () => {
    const made = catalogWith([newListing({ sourceId: 'p', priceMinor: 1234 })], { scored: true });
    open.push(made.catalog);
    const handlers = createJobHandlers(made.catalog, undefined);
    const input = contract['jobs.start'].input.parse({
      scope: { kind: 'all' },
      marketplace: 'etsy',
      kind: 'optimize',
      priceRules: { ending: 99, direction: 'up', minPriceMinor: 500, maxPriceMinor: 90_000 },
    });
    const job = await handlers['jobs.start'](input, ctx);
    const payload = JSON.parse(made.catalog.db.prepare('SELECT payload FROM jobs WHERE id = ?').pluck().get(job.id) as string) as unknown;
    expect(payload).toEqual({ marketplace: 'etsy', priceRules: { ending: 99, direction: 'up', minPriceMinor: 500, maxPriceMinor: 90_000 } });
  });

  it('rejects impossible rules', () => {
    expect(priceRulesSchema.safeParse({ ending: 100 }).success).toBe(false);
    expect(priceRulesSchema.safeParse({ ending: 9.5 }).success).toBe(false);
    expect(priceRulesSchema.safeParse({ direction: 'sideways' }).success).toBe(false);
    expect(priceRulesSchema.safeParse({ minPriceMinor: 900, maxPriceMinor: 100 }).success).toBe(false);
    expect(priceRulesSchema.safeParse({ minPriceMinor: -1 }).success).toBe(false);
    expect(priceRulesSchema.safeParse({}).success).toBe(true);
  });
});
