import { describe, expect, it } from 'vitest';
import { MARKETPLACES } from '../../../common/listing.js';
import { evaluateListing, ruleById } from '../../../common/rules/index.js';
import { applyProposal, optimizeListing } from '../../../core/optimizer/index.js';
import { demoListings, listing } from './helpers.js';

const STEP_ID = /^optimizer\.(title|description|tags|price)\.[a-z_]+$/;
/** The seller's own price rules (optimize-price.ts): what a price change fixes. */
const SELLER_RULE = /^seller\.price\.[a-z_]+$/;

describe('optimizeListing', () => {
  const messy = listing({
    title: '!!! FREE SHIPPING ACME LEATHER SLIM BIFOLD WALLET FOR MEN - CARD HOLDER - GIFT FOR HIM - BROWN COWHIDE LEATHER - L@@K',
    description: '<p onclick="x()">Slim bifold wallet cut from full-grain cowhide, stitched by hand.</p><script>track()</script> Mail me: joe@example.com',
    tags: ['wallet', 'Wallet', 'mens wallet!'],
    priceMinor: 4512,
  });

  it('proposes title, description, tags and price in that order, each change naming its rule or step', () => {
    const proposal = optimizeListing(messy, 'etsy', { priceRules: { ending: 99 } });
    expect(proposal.marketplace).toBe('etsy');
    expect(proposal.fields.map((f) => f.field)).toEqual(['title', 'description', 'tags', 'price']);
    for (const field of proposal.fields) {
      expect(field.changes.length).toBeGreaterThan(0);
      for (const change of field.changes) {
        expect(ruleById(change.ruleId) !== undefined || STEP_ID.test(change.ruleId) || SELLER_RULE.test(change.ruleId), change.ruleId).toBe(true);
        expect(change.reason.length).toBeGreaterThan(10);
        for (const fixed of change.fixes) expect(SELLER_RULE.test(fixed) ? 'price' : ruleById(fixed)?.field).toBe(field.field);
        // Issue 14 item 6: every field proposal fixes a rule or wins back points.
        expect(field.changes.some((c) => c.fixes.length > 0 || (c.gain ?? 0) > 0)).toBe(true);
        if (change.fixes.length > 0) expect(change.ruleId).toBe(change.fixes[0]);
      }
    }
    expect(proposal.fields[0]?.after).toBe('Acme Leather Slim Bifold Wallet for Men - Card Holder - Gift for Him - Brown Cowhide Leather');
    expect(proposal.fields[0]?.changes.map((c) => c.ruleId)).toContain('etsy.title.caps_words');
  });

  it('reports the score and error count before and after, as the rules engine computes them', () => {
    const proposal = optimizeListing(messy, 'ebay');
    const before = evaluateListing(messy, 'ebay');
    const after = evaluateListing(applyProposal(messy, proposal), 'ebay');
    expect(proposal.score).toEqual({ before: before.score, after: after.score });
    expect(proposal.errors).toEqual({ before: before.errors, after: after.errors });
    expect(proposal.errors.before).toBeGreaterThan(0);
    expect(proposal.errors.after).toBe(0);
    expect(proposal.score.after).toBeGreaterThan(proposal.score.before);
  });

  it('is plain data: survives structured clone (worker threads) and JSON unchanged', () => {
    const proposal = optimizeListing(messy, 'amazon', { priceRules: { ending: 95 } });
    expect(structuredClone(proposal)).toEqual(proposal);
    expect(JSON.parse(JSON.stringify(proposal))).toEqual(proposal);
  });

  it('is deterministic and leaves its input untouched', () => {
    const input = structuredClone(messy);
    const first = optimizeListing(input, 'etsy', { priceRules: { ending: 99 } });
    expect(input).toEqual(messy);
    expect(optimizeListing(input, 'etsy', { priceRules: { ending: 99 } })).toEqual(first);
  });

  it('applies only the accepted fields', () => {
    const proposal = optimizeListing(messy, 'etsy', { priceRules: { ending: 99 } });
    const titleOnly = applyProposal(messy, proposal, new Set(['title']));
    expect(titleOnly.title).not.toBe(messy.title);
    expect(titleOnly.description).toBe(messy.description);
    expect(titleOnly.tags).toBe(messy.tags);
    expect(titleOnly.priceMinor).toBe(messy.priceMinor);
    expect(applyProposal(messy, proposal).priceMinor).toBe(4499);
  });

  it('proposes nothing for a listing that is already right', () => {
    const clean = listing({ tags: Array.from({ length: 13 }, (_, i) => `leather wallet ${String.fromCharCode(97 + i)}`) });
    for (const marketplace of ['ebay', 'woocommerce', 'other'] as const) expect(optimizeListing(clean, marketplace).fields).toEqual([]);
  });

  it('optimizes one realistic listing well under a millisecond of CPU on average', () => {
    const listings = demoListings(400, 42);
    const optimizeAll = (): void => {
      for (const l of listings) for (const marketplace of MARKETPLACES) optimizeListing(l, marketplace);
    };
    optimizeAll(); // warm-up: JIT, the tagger, the spelling memo of this vocabulary
    // CPU time of this process, not wall time: other test files share the machine.
    const started = process.cpuUsage();
    optimizeAll();
    const used = process.cpuUsage(started);
    const perListingMs = (used.user + used.system) / 1000 / (listings.length * MARKETPLACES.length);
    // The product goal is 5,000/s on two threads; ≥ 1,000/s here leaves room for a slow CI machine.
    expect(perListingMs).toBeLessThan(1);
  });
});
