/** The Optimize dialog's price rules: typed text → the contract's PriceRules, and its validation. */
import { describe, expect, it } from 'vitest';
import { priceRulesSchema } from '../../../common/job-types.js';
import { DEFAULT_PRICE_RULES, parsePrice, toPriceRules } from '../../../renderer/src/features/optimize/price-rules.js';

describe('price rules form', () => {
  it('parses prices as typed', () => {
    expect(parsePrice('12')).toBe(1200);
    expect(parsePrice(' 4.5 ')).toBe(450);
    expect(parsePrice('19,99')).toBe(1999);
    expect(parsePrice('0.07')).toBe(7);
    for (const bad of ['', '-1', '1.999', 'abc', '1e3', '12.']) expect(parsePrice(bad)).toBeNull();
  });

  it('is nothing when off or empty, and valid contract rules otherwise', () => {
    expect(toPriceRules(DEFAULT_PRICE_RULES)).toEqual({});
    expect(toPriceRules({ ...DEFAULT_PRICE_RULES, enabled: true, ending: '' })).toEqual({});
    const { rules } = toPriceRules({ enabled: true, ending: '95', direction: 'up', min: '5', max: '250.00' });
    expect(rules).toEqual({ ending: 95, direction: 'up', minPriceMinor: 500, maxPriceMinor: 25_000 });
    expect(priceRulesSchema.parse(rules)).toEqual(rules);
    expect(toPriceRules({ enabled: true, ending: '00', direction: 'nearest', min: '', max: '' }).rules).toEqual({ ending: 0, direction: 'nearest' });
    // Without an ending the rounding means nothing and is left out.
    expect(toPriceRules({ enabled: true, ending: '', direction: 'down', min: '3', max: '' }).rules).toEqual({ minPriceMinor: 300 });
  });

  it('explains what is wrong', () => {
    expect(toPriceRules({ enabled: true, ending: '99', direction: 'nearest', min: 'cheap', max: '' }).error).toMatch(/not a price/);
    expect(toPriceRules({ enabled: true, ending: '99', direction: 'nearest', min: '50', max: '10' }).error).toMatch(/minimum price is above the maximum/);
  });
});
