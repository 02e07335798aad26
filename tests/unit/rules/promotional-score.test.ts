/**
 * Issue 14: appending promotional text to a title never raises its score on any marketplace (it
 * once did: "!!! FREE SHIPPING" took an Etsy title from 95 to 100 by filling its length), and the
 * phrases sellers were caught with are found.
 */

import { describe, expect, it } from 'vitest';
import { MARKETPLACES } from '../../../common/listing.js';
import { evaluateListing } from '../../../common/rules/index.js';
import { collect, corpusFiles, corpusPath } from '../import/helpers.js';
import { perfect } from './fixtures.js';

const PROMOTIONS = [' !!! FREE SHIPPING', ' HOT ITEM 100% Quality Guaranteed', ' - Best Price, Free Delivery', ' ON SALE', ' Satisfaction Guaranteed'];
const SPAM_FOR_EBAY = [' L@@K WOW', ' !!!'];
const GIMMICKS_FOR_GOOGLE = [' !!!', ' ★★★', ' 🔥🔥', ' $$$'];

function titles(): string[] {
  const own = MARKETPLACES.map((m) => perfect(m).title);
  return [...own, 'Handmade ceramic cat mug', 'Slim leather wallet for men, bifold, brown cowhide with coin pocket', 'CAT FOG lamp', 'Silver ring'];
}

describe('promotional text never raises a score', () => {
  it.each(MARKETPLACES)('%s: a title plus any promotion scores no higher than the title alone', (marketplace) => {
    const base = perfect(marketplace);
    for (const title of titles()) {
      const before = evaluateListing({ ...base, title }, marketplace).score;
      for (const promo of [...PROMOTIONS, ...(marketplace === 'ebay' ? SPAM_FOR_EBAY : []), ...(marketplace === 'google' ? GIMMICKS_FOR_GOOGLE : [])]) {
        const after = evaluateListing({ ...base, title: `${title}${promo}` }, marketplace).score;
        expect(after, `${marketplace}: "${title}${promo}"`).toBeLessThanOrEqual(before);
      }
    }
  });

  it('finds the phrases sellers were caught with, each citing the policy', () => {
    const amazon = evaluateListing({ ...perfect('amazon'), title: 'Leather Wallet for Men HOT ITEM 100% Quality Guaranteed' }, 'amazon');
    expect(amazon.issues.find((i) => i.ruleId === 'amazon.title.promotional')?.message).toMatch(/hot item.*100% quality/i);
    const ebay = evaluateListing({ ...perfect('ebay'), title: 'L@@K WOW Leather Wallet for Men Slim Bifold Brown' }, 'ebay');
    expect(ebay.issues.find((i) => i.ruleId === 'ebay.title.keyword_spam')?.message).toMatch(/L@@K.*search and browse manipulation policy/);
    const etsy = evaluateListing({ ...perfect('etsy'), title: `${perfect('etsy').title} !!! FREE SHIPPING` }, 'etsy');
    expect(etsy.issues.map((i) => i.ruleId)).toContain('etsy.title.promotional');
    const google = evaluateListing({ ...perfect('google'), title: `${perfect('google').title} ★ Top Pick 🔥🔥` }, 'google');
    expect(google.issues.find((i) => i.ruleId === 'google.title.gimmicky_symbols')?.message).toMatch(/★.*editorial requirements/);
  });

  it.skipIf(corpusFiles().length === 0)('holds on real titles too (the corpus Etsy and eBay files)', async () => {
    for (const [file, marketplace] of [['etsy_EtsyListingsDownload__Marvilusart.csv', 'etsy'], ['ebay_current-listings_title-itemnumber-qty__pmrgraphics.csv', 'ebay']] as const) {
      const { listings } = await collect(corpusPath(file));
      for (const listing of listings.slice(0, 60)) {
        const before = evaluateListing(listing, marketplace).score;
        for (const promo of PROMOTIONS) expect(evaluateListing({ ...listing, title: `${listing.title}${promo}` }, marketplace).score).toBeLessThanOrEqual(before);
      }
    }
  });
});
