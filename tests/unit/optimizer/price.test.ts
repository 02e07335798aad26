import { describe, expect, it } from 'vitest';
import { optimizePrice, withEnding } from '../../../core/optimizer/optimize-price.js';

const priceAfter = (price: number | null, rules: Parameters<typeof optimizePrice>[1]): number | null => optimizePrice(price, rules, 'etsy')?.after ?? price;

describe('price rules', () => {
  it('moves prices to the ending: nearest (ties down), up or down', () => {
    expect(withEnding(1234, 99, 'nearest')).toBe(1199);
    expect(withEnding(1250, 99, 'nearest')).toBe(1299);
    expect(withEnding(1249, 99, 'nearest')).toBe(1199);
    expect(withEnding(1234, 99, 'up')).toBe(1299);
    expect(withEnding(1234, 95, 'down')).toBe(1195);
    expect(withEnding(1234, 0, 'nearest')).toBe(1200);
    expect(withEnding(1299, 99, 'up')).toBe(1299);
  });

  it('never rounds a price to 0 or below', () => {
    expect(withEnding(40, 0, 'nearest')).toBe(100);
    expect(withEnding(50, 99, 'down')).toBe(99);
  });

  it('raises to the minimum and lowers to the maximum, keeping the ending', () => {
    expect(priceAfter(350, { ending: 99, minPriceMinor: 500 })).toBe(599);
    expect(priceAfter(350, { minPriceMinor: 500 })).toBe(500);
    expect(priceAfter(25_000, { ending: 95, maxPriceMinor: 20_000 })).toBe(19_995);
    expect(priceAfter(25_000, { ending: 95, minPriceMinor: 30_000, maxPriceMinor: 20_000 })).toBe(30_095);
  });

  it('names the rule it fixes: a zero price raised to the minimum passes Etsy\'s price.positive', () => {
    const proposal = optimizePrice(0, { minPriceMinor: 100 }, 'etsy');
    expect(proposal?.after).toBe(100);
    expect(proposal?.changes).toEqual([expect.objectContaining({ ruleId: 'etsy.price.positive', reason: 'Raised 0.00 to 1.00: your minimum price is 1.00.' })]);
  });

  // Issue 14 item 6: the seller's own price rule is the rule the change fixes (it used to say fixes: []).
  it('explains the ending in the reason and names the seller\'s price rule it fixes', () => {
    expect(optimizePrice(1234, { ending: 99 }, 'ebay')?.changes).toEqual([
      { ruleId: 'seller.price.ending', reason: 'Changed 12.34 to 11.99: your price rule ends prices in .99.', fixes: ['seller.price.ending'], gain: 0 },
    ]);
  });

  it('proposes nothing without rules, without a price, or when the price already fits', () => {
    expect(optimizePrice(1234, undefined, 'etsy')).toBeNull();
    expect(optimizePrice(null, { ending: 99, minPriceMinor: 500 }, 'etsy')).toBeNull();
    expect(optimizePrice(1299, { ending: 99, minPriceMinor: 500, maxPriceMinor: 5000 }, 'etsy')).toBeNull();
    expect(optimizePrice(1234, { ending: 150 }, 'etsy')).toBeNull();
  });

  it('changes nothing when run on its own output', () => {
    const rules = [{ ending: 99 }, { ending: 95, direction: 'up' as const }, { ending: 0, minPriceMinor: 700 }, { ending: 49, maxPriceMinor: 9_000 }];
    for (const rule of rules) {
      for (let price = -200; price <= 12_000; price += 37) {
        const once = priceAfter(price, rule);
        expect(optimizePrice(once, rule, 'etsy'), `${price} → ${once} with ${JSON.stringify(rule)}`).toBeNull();
      }
    }
  });
});
