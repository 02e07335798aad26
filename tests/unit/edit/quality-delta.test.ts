import { describe, expect, it } from 'vitest';
import { qualityAfterChange } from '../../../common/edit/index.js';
import type { ListingChanges } from '../../../common/edit-types.js';
import { MARKETPLACES } from '../../../common/listing.js';
import { qualityOf } from '../../../core/catalog/listing-quality.js';
import { makeDemoListing } from '../../../core/catalog/demo-listing.js';
import { SeededRandom } from '../../../core/catalog/seeded-random.js';

const CHANGES: ListingChanges[] = [
  { priceMinor: 0 },
  { priceMinor: null },
  { priceMinor: 123_456 },
  { title: '' },
  { title: 'x'.repeat(200) },
  { title: 'GREAT BIG SALE NOW ON: 50% & more + more' },
  { title: 'Short' },
  { description: '' },
  { description: '<script>alert(1)</script> mail me at a@b.com' },
  { tags: [] },
  { tags: Array.from({ length: 15 }, (_, i) => `tag ${i}`) },
  { tags: ['a tag that is far too long for etsy'] },
  { images: [] },
  { images: ['http://insecure.example/a.jpg'] },
  { quantity: null },
  { brand: null, condition: null },
  { sku: null },
  { attributes: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v'])) },
  { materials: ['wool!'] },
  { status: 'draft', currency: 'EUR', category: 'X' },
];

describe('qualityAfterChange', () => {
  it('gives exactly what a full evaluation gives, for every marketplace and many edits', () => {
    const random = new SeededRandom(7);
    let compared = 0;
    for (let n = 0; n < 60; n++) {
      const listing = makeDemoListing(random, n, Date.now());
      for (const marketplace of MARKETPLACES) {
        const before = { ...listing, marketplace };
        const stored = qualityOf(before);
        for (const changes of CHANGES) {
          const full = qualityOf({ ...before, ...changes });
          const quick = qualityAfterChange(marketplace, JSON.parse(stored.failingRules) as string[], changes, stored.qualityScore);
          expect(quick).not.toBeNull();
          expect({ qualityScore: quick!.qualityScore, errorCount: quick!.errorCount, failingRules: JSON.stringify(quick!.failingRules) }).toEqual(full);
          compared++;
        }
      }
    }
    expect(compared).toBe(60 * MARKETPLACES.length * CHANGES.length);
  });

  it('returns null when a stored rule id is unknown (rules changed): the caller evaluates fully', () => {
    expect(qualityAfterChange('etsy', ['etsy.title.retired_rule'], { priceMinor: 100 }, 90)).toBeNull();
    expect(qualityAfterChange('etsy', ['ebay.title.max_length'], { priceMinor: 100 }, 90)).toBeNull();
  });

  it("reads a value-dependent rule's points from the stored score: Etsy's tag slots cost in proportion to the empty ones", () => {
    // 12 of 13 tags cost 1 point (stored score 99); a price edit keeps that 1, a tags edit re-evaluates it.
    expect(qualityAfterChange('etsy', ['etsy.tags.use_all'], { priceMinor: 1000 }, 99)).toMatchObject({ qualityScore: 99, failingRules: ['etsy.tags.use_all'] });
    expect(qualityAfterChange('etsy', ['etsy.tags.use_all'], { priceMinor: 1000 }, 95)).toMatchObject({ qualityScore: 95 });
    // A score clamped at 0 cannot say what the rule cost: the caller evaluates the whole listing.
    expect(qualityAfterChange('etsy', ['etsy.tags.use_all'], { priceMinor: 1000 }, 0)).toBeNull();
  });
});
