/**
 * One problem, one finding (issue 17, item 9): a listing without photos is told once that it has
 * none, not also that it has "too few"; and a Shopify product priced 0.00 is an error, because
 * Shopify would sell it for free (its import reads a blank price as 0).
 */
import { describe, expect, it } from 'vitest';
import { MARKETPLACES } from '../../../common/listing.js';
import { evaluateListing, rulesFor, type Issue } from '../../../common/rules/index.js';
import { collect, corpusFiles, corpusPath } from '../import/helpers.js';
import { images, perfect } from './fixtures.js';

const imageIssues = (issues: readonly Issue[]): string[] => issues.filter((i) => i.field === 'images').map((i) => i.ruleId);

describe('photos: one finding per problem', () => {
  it.each(MARKETPLACES.filter((m) => m !== 'other'))('%s: no photos is one finding; one or two photos are "too few"', (m) => {
    const none = imageIssues(evaluateListing({ ...perfect(m), images: [] }, m).issues);
    expect(none).toHaveLength(1);
    const required = rulesFor(m).some((r) => r.id === `${m}.images.required`);
    // Where photos are required, that rule speaks; elsewhere the count rule is the only one that can.
    expect(none).toEqual([required ? `${m}.images.required` : `${m}.images.min_count`]);
    expect(imageIssues(evaluateListing({ ...perfect(m), images: images(1) }, m).issues)).toEqual([`${m}.images.min_count`]);
  });

  const amazonFiles = corpusFiles().filter((f) => f.startsWith('amazon_'));
  it.skipIf(amazonFiles.length === 0)('real Amazon flat files: listings without photos get one images finding', async () => {
    let photoless = 0;
    for (const file of amazonFiles) {
      const { listings } = await collect(corpusPath(file));
      for (const listing of listings) {
        const found = imageIssues(evaluateListing(listing, 'amazon').issues);
        if (listing.images.length === 0) {
          photoless++;
          expect(found, `${file}: ${listing.title}`).toEqual(['amazon.images.required']);
        }
      }
    }
    expect(photoless).toBeGreaterThan(0);
  });
});

describe('price 0.00 on marketplaces that require a price', () => {
  it.each(['ebay', 'etsy', 'amazon', 'google', 'shopify'] as const)('%s: 0.00 and a missing price are errors, never "No errors"', (m) => {
    for (const priceMinor of [0, null]) {
      const result = evaluateListing({ ...perfect(m), priceMinor }, m);
      const price = result.issues.filter((i) => i.field === 'price');
      expect(price, `${m} ${priceMinor}`).toHaveLength(1);
      expect(price[0]?.severity).toBe('error');
      expect(result.errors).toBeGreaterThan(0);
      expect(result.score).toBeLessThanOrEqual(80);
    }
  });

  it('shopify: 0.01 is a price', () => {
    expect(evaluateListing({ ...perfect('shopify'), priceMinor: 1 }, 'shopify').issues).toEqual([]);
  });

  const shopifyFiles = corpusFiles().filter((f) => f.startsWith('shopify_'));
  it.skipIf(shopifyFiles.length === 0)('real Shopify exports: every product priced 0.00 has a price error', async () => {
    let free = 0;
    for (const file of shopifyFiles) {
      const { listings } = await collect(corpusPath(file));
      for (const listing of listings) {
        if (listing.priceMinor !== 0) continue;
        free++;
        const result = evaluateListing(listing, 'shopify');
        expect(result.issues.find((i) => i.ruleId === 'shopify.price.positive'), `${file}: ${listing.title}`).toBeDefined();
        expect(result.errors).toBeGreaterThan(0);
      }
    }
    expect(free).toBeGreaterThan(0);
  });
});
