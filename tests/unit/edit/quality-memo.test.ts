import { describe, expect, it } from 'vitest';
import { qualityAfterChange } from '../../../common/edit/index.js';
import type { ListingChanges } from '../../../common/edit-types.js';
import { MARKETPLACES } from '../../../common/listing.js';
import { makeDemoListing } from '../../../core/catalog/demo-listing.js';
import { qualityOf } from '../../../core/catalog/listing-quality.js';
import { SeededRandom } from '../../../core/catalog/seeded-random.js';
import { QualityMemo } from '../../../core/edit/quality-memo.js';

/** Changes whose outcome depends on the value (prices across the rule thresholds, texts, lists). */
function changesFor(random: SeededRandom, n: number): ListingChanges {
  switch (n % 6) {
    case 0:
      return { priceMinor: random.int(0, 3) === 0 ? null : random.int(0, 5) * 37 };
    case 1:
      return { priceMinor: random.int(0, 200_000) };
    case 2:
      return { title: random.int(0, 2) === 0 ? '' : 'x'.repeat(random.int(1, 220)) };
    case 3:
      return { tags: Array.from({ length: random.int(0, 16) }, (_, i) => `tag ${i}`) };
    case 4:
      return { priceMinor: random.int(0, 5_000), currency: 'EUR', status: 'draft' };
    default:
      return { images: random.int(0, 1) === 0 ? [] : ['http://insecure.example/a.jpg'], description: '' };
  }
}

describe('QualityMemo', () => {
  it('gives exactly what qualityAfterChange gives, memo hits included, for every marketplace', () => {
    const random = new SeededRandom(21);
    const memo = new QualityMemo();
    let compared = 0;
    for (let n = 0; n < 40; n++) {
      const listing = makeDemoListing(random, n, 1_790_000_000_000);
      for (const marketplace of MARKETPLACES) {
        const stored = qualityOf({ ...listing, marketplace });
        // Twice each: the second call is answered from the memo.
        for (let round = 0; round < 12; round++) {
          const changes = changesFor(random, round);
          const direct = qualityAfterChange(marketplace, JSON.parse(stored.failingRules) as string[], changes, stored.qualityScore)!;
          const expected = { qualityScore: direct.qualityScore, errorCount: direct.errorCount, failingRules: JSON.stringify(direct.failingRules) };
          expect(memo.afterChange(marketplace, stored.failingRules, changes, stored.qualityScore)).toEqual(expected);
          expect(memo.afterChange(marketplace, stored.failingRules, changes, stored.qualityScore)).toEqual(expected);
          // …and what a full evaluation of the changed listing gives.
          expect(expected).toEqual(qualityOf({ ...listing, marketplace, ...changes }));
          compared++;
        }
      }
    }
    expect(compared).toBe(40 * MARKETPLACES.length * 12);
  });

  it('returns null, memoized too, when a stored rule id is unknown', () => {
    const memo = new QualityMemo();
    expect(memo.afterChange('etsy', '["etsy.title.retired_rule"]', { priceMinor: 100 }, 90)).toBeNull();
    expect(memo.afterChange('etsy', '["etsy.title.retired_rule"]', { priceMinor: 200 }, 90)).toBeNull();
  });
});
