import { describe, expect, it } from 'vitest';
import { hardLimitViolations } from '../../../common/edit/index.js';

describe('hardLimitViolations', () => {
  it('flags a title over the marketplace limit with the rule’s seller-facing message', () => {
    const title = 'x'.repeat(152);
    expect(hardLimitViolations('ebay', { title })).toEqual([
      { field: 'title', ruleId: 'ebay.title.max_length', message: 'Title is 152 characters; eBay allows 80. Shorten it by 72.' },
    ]);
    expect(hardLimitViolations('etsy', { title })).toEqual([expect.objectContaining({ ruleId: 'etsy.title.max_length', message: expect.stringContaining('Etsy allows 140') })]);
    expect(hardLimitViolations('amazon', { title })).toEqual([]);
    expect(hardLimitViolations('other', { title: 'x'.repeat(5000) })).toEqual([]);
  });

  it('counts characters as code points: 80 emoji fit eBay, 81 do not', () => {
    expect(hardLimitViolations('ebay', { title: '😀'.repeat(80) })).toEqual([]);
    expect(hardLimitViolations('ebay', { title: '😀'.repeat(81) })).toHaveLength(1);
  });

  it('flags too many tags and too-long tags on Etsy', () => {
    const tags = Array.from({ length: 14 }, (_, i) => `tag${i}`);
    expect(hardLimitViolations('etsy', { tags }).map((v) => v.ruleId)).toEqual(['etsy.tags.max_count']);
    expect(hardLimitViolations('etsy', { tags: ['a very long tag over twenty'] }).map((v) => v.ruleId)).toEqual(['etsy.tags.max_length']);
  });

  it('ignores failing rules that are not hard limits and fields that have none', () => {
    expect(hardLimitViolations('etsy', { title: 'VERY LOUD CAPS TITLE HERE' })).toEqual([]);
    expect(hardLimitViolations('ebay', { priceMinor: 0, status: 'draft', currency: 'EUR' })).toEqual([]);
    // Amazon's search-term byte limit is a warning (Amazon ignores the terms), not a rejection.
    expect(hardLimitViolations('amazon', { tags: ['é'.repeat(200)] })).toEqual([]);
    // Etsy's 10-photo CSV limit is a warning too.
    expect(hardLimitViolations('etsy', { images: Array.from({ length: 11 }, (_, i) => `https://x/${i}.jpg`) })).toEqual([]);
    expect(hardLimitViolations('ebay', { images: Array.from({ length: 25 }, (_, i) => `https://x/${i}.jpg`) }).map((v) => v.ruleId)).toEqual(['ebay.images.max_count']);
  });
});
