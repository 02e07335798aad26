/**
 * Properties over realistic listings: 2,000 demo listings (the catalog generator's mix of titles,
 * filler, shouting, HTML and tags), each optimized for every marketplace.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MARKETPLACES, type Marketplace } from '../../../common/listing.js';
import { countCharacters, evaluateField, fieldLimit } from '../../../common/rules/index.js';
import { CATEGORY_PROFILES } from '../../../core/catalog/demo-vocabulary.js';
import { applyProposal, optimizeListing, type OptimizerProposal } from '../../../core/optimizer/index.js';
import type { NewListing } from '../../../core/catalog/insert-listings.js';
import { demoListings } from './helpers.js';

const LISTINGS = demoListings(2_000, 2025);
const NOUNS = [...new Set(CATEGORY_PROFILES.flatMap((p) => p.nouns))].sort((a, b) => b.length - a.length);
const PRICE_RULES = { ending: 99, minPriceMinor: 300 };

/** The product noun of a demo title (the longest profile noun it contains). */
const nounOf = (title: string): string | undefined => NOUNS.find((noun) => title.toLowerCase().includes(noun.toLowerCase()));

describe.each(MARKETPLACES)('2,000 demo listings optimized for %s', (marketplace: Marketplace) => {
  let results: { original: NewListing; proposal: OptimizerProposal; optimized: NewListing }[] = [];
  beforeAll(() => {
    results = LISTINGS.map((original) => {
      const proposal = optimizeListing(original, marketplace, { priceRules: PRICE_RULES });
      return { original, proposal, optimized: applyProposal(original, proposal) };
    });
  });

  it('gives titles that pass every title error rule whenever brand + product noun fit the limit', () => {
    const max = fieldLimit(marketplace, 'title')?.max ?? Infinity;
    let checked = 0;
    for (const { original, optimized } of results) {
      const noun = nounOf(original.title);
      if (noun === undefined) continue;
      const keyTerms = `${original.brand ?? ''} ${noun}`.trim();
      if (countCharacters(keyTerms) > max) continue;
      checked++;
      const errors = evaluateField('title', optimized.title, marketplace).filter((i) => i.severity === 'error');
      expect(errors, `${JSON.stringify(original.title)} → ${JSON.stringify(optimized.title)}`).toEqual([]);
      expect(optimized.title.toLowerCase(), original.title).toContain(noun.toLowerCase());
    }
    expect(checked).toBeGreaterThan(1_900);
  });

  it('never lowers the score', () => {
    for (const { original, proposal } of results) {
      expect(proposal.score.after, original.title).toBeGreaterThanOrEqual(proposal.score.before);
      expect(proposal.errors.after).toBeLessThanOrEqual(proposal.errors.before);
    }
  });

  it('changes nothing when run on its own output', () => {
    for (const { optimized } of results) {
      const again = optimizeListing(optimized, marketplace, { priceRules: PRICE_RULES });
      expect(again.fields, JSON.stringify(again.fields)).toEqual([]);
    }
  });

  it('proposes changes for many listings, and raises scores where the marketplace has rules to fix', () => {
    expect(results.filter((r) => r.proposal.fields.length > 0).length).toBeGreaterThan(100);
    const improved = results.filter((r) => r.proposal.score.after > r.proposal.score.before).length;
    if (marketplace === 'other' || marketplace === 'woocommerce') expect(improved).toBe(0);
    else expect(improved).toBeGreaterThan(10);
  });
});
