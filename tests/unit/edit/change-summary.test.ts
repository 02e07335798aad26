import { describe, expect, it } from 'vitest';
import { bulkEditSummary, listingEditSummary } from '../../../common/edit/index.js';

describe('summaries', () => {
  it('bulk edits', () => {
    expect(bulkEditSummary({ kind: 'price', op: 'percent', amount: 10, rounding: 'none' }, 10_000)).toBe('Price +10 % on 10,000 listings');
    expect(bulkEditSummary({ kind: 'price', op: 'percent', amount: -5.5, rounding: '0.99' }, 1)).toBe('Price −5.5 % (rounded to .99) on 1 listing');
    expect(bulkEditSummary({ kind: 'price', op: 'add', amount: 2, rounding: 'whole' }, 3)).toBe('Price +2 (rounded to whole units) on 3 listings');
    expect(bulkEditSummary({ kind: 'price', op: 'set', amount: 19.99, rounding: 'none' }, 3)).toBe('Price set to 19.99 on 3 listings');
    expect(bulkEditSummary({ kind: 'currency', from: 'USD', to: 'EUR', rate: 0.92, rounding: 'none' }, 2)).toBe('Prices in USD converted to EUR at 0.92 on 2 listings');
    expect(bulkEditSummary({ kind: 'status', status: 'sold_out' }, 4)).toBe('Status set to Sold out on 4 listings');
    expect(bulkEditSummary({ kind: 'set', field: 'status', value: 'draft' }, 4)).toBe('Status set to Draft on 4 listings');
    expect(bulkEditSummary({ kind: 'set', field: 'brand', value: 'Acme' }, 4)).toBe('Brand set to “Acme” on 4 listings');
    expect(bulkEditSummary({ kind: 'set', field: 'quantity', value: null }, 4)).toBe('Quantity cleared on 4 listings');
    expect(bulkEditSummary({ kind: 'tags', add: ['gift', 'retro'], remove: ['sale'] }, 40)).toBe('Tags +gift, +retro, −sale on 40 listings');
    expect(bulkEditSummary({ kind: 'replace', fields: ['title'], find: 'silver', replace: 'gold', regex: false, caseSensitive: false }, 5)).toBe(
      'Replaced “silver” with “gold” in titles on 5 listings',
    );
    expect(bulkEditSummary({ kind: 'replace', fields: ['title', 'description'], find: '\\s+$', replace: '', regex: true, caseSensitive: false }, 5)).toBe(
      'Removed /\\s+$/ from titles and descriptions on 5 listings',
    );
  });

  it('single edits and reverts, with long titles cut', () => {
    expect(listingEditSummary('edit', ['title'], 'Blue mug')).toBe('Edited title of “Blue mug”');
    expect(listingEditSummary('edit', ['title', 'priceMinor', 'tags'], 'Blue mug')).toBe('Edited title, price and tags of “Blue mug”');
    expect(listingEditSummary('revert', ['images'], '')).toBe('Reverted images of “untitled listing”');
    expect(listingEditSummary('edit', ['brand'], '😀'.repeat(50))).toBe(`Edited brand of “${'😀'.repeat(39)}…”`);
  });
});
