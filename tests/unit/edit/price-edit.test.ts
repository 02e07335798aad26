import { describe, expect, it } from 'vitest';
import { applyCurrencyConversion, applyPriceRule, currencyDigits, formatMinor } from '../../../common/edit/index.js';
import { MAX_PRICE_MINOR } from '../../../common/edit-types.js';

describe('applyPriceRule', () => {
  it('± percent in minor units, rounded', () => {
    expect(applyPriceRule({ op: 'percent', amount: 10, rounding: 'none' }, 1999, 'USD')).toEqual({ priceMinor: 2199 });
    expect(applyPriceRule({ op: 'percent', amount: 10, rounding: '0.99' }, 2000, 'USD')).toEqual({ priceMinor: 2199 });
    expect(applyPriceRule({ op: 'percent', amount: -15, rounding: 'none' }, 1000, 'USD')).toEqual({ priceMinor: 850 });
    expect(applyPriceRule({ op: 'percent', amount: 12.5, rounding: 'whole' }, 1000, 'USD')).toEqual({ priceMinor: 1100 });
    expect(applyPriceRule({ op: 'percent', amount: 10, rounding: 'none' }, 1000, 'JPY')).toEqual({ priceMinor: 1100 });
  });

  it('-100 % makes a price 0; a price that does not move is no change', () => {
    expect(applyPriceRule({ op: 'percent', amount: -100, rounding: 'none' }, 1234, 'USD')).toEqual({ priceMinor: 0 });
    expect(applyPriceRule({ op: 'percent', amount: 0.01, rounding: 'none' }, 100, 'USD')).toBeNull();
    expect(applyPriceRule({ op: 'set', amount: 12.34, rounding: 'none' }, 1234, 'USD')).toBeNull();
  });

  it('adds and sets in major units of the listing’s own currency', () => {
    expect(applyPriceRule({ op: 'add', amount: 2.5, rounding: 'none' }, 1000, 'USD')).toEqual({ priceMinor: 1250 });
    expect(applyPriceRule({ op: 'add', amount: 2.5, rounding: 'none' }, 1000, 'JPY')).toEqual({ priceMinor: 1003 });
    expect(applyPriceRule({ op: 'add', amount: 0.1, rounding: 'none' }, 20, 'USD')).toEqual({ priceMinor: 30 });
    expect(applyPriceRule({ op: 'set', amount: 19.99, rounding: 'none' }, 500, 'EUR')).toEqual({ priceMinor: 1999 });
    expect(applyPriceRule({ op: 'set', amount: 20, rounding: '0.95' }, 500, 'EUR')).toEqual({ priceMinor: 1995 });
    expect(applyPriceRule({ op: 'set', amount: 1.234, rounding: 'none' }, 500, 'KWD')).toEqual({ priceMinor: 1234 });
  });

  it('never goes below zero: the listing is left unchanged with a reason', () => {
    const outcome = applyPriceRule({ op: 'add', amount: -15, rounding: 'none' }, 1200, 'USD');
    expect(outcome).toEqual({ problem: expect.stringContaining('below zero (-3.00 USD)') });
    expect(applyPriceRule({ op: 'add', amount: -12, rounding: 'none' }, 1200, 'USD')).toEqual({ priceMinor: 0 });
  });

  it('refuses prices above the largest one stored', () => {
    expect(applyPriceRule({ op: 'percent', amount: 200, rounding: 'none' }, MAX_PRICE_MINOR, 'USD')).toEqual({ problem: expect.stringContaining('largest price') });
  });

  it('a listing without a price keeps none under ± rules and gets one from set', () => {
    expect(applyPriceRule({ op: 'percent', amount: 10, rounding: 'none' }, null, 'USD')).toBeNull();
    expect(applyPriceRule({ op: 'add', amount: 1, rounding: 'none' }, null, 'USD')).toBeNull();
    expect(applyPriceRule({ op: 'set', amount: 5, rounding: 'none' }, null, 'USD')).toEqual({ priceMinor: 500 });
  });
});

describe('applyCurrencyConversion', () => {
  const usdToEur = { from: 'USD', to: 'EUR', rate: 0.92, rounding: 'none' as const };

  it('converts only listings in the source currency, with the seller’s rate', () => {
    expect(applyCurrencyConversion(usdToEur, 1000, 'USD')).toEqual({ priceMinor: 920, currency: 'EUR' });
    expect(applyCurrencyConversion(usdToEur, 1000, 'GBP')).toBeNull();
    expect(applyCurrencyConversion(usdToEur, 1000, 'EUR')).toBeNull();
    expect(applyCurrencyConversion(usdToEur, null, 'USD')).toEqual({ currency: 'EUR' });
  });

  it('converts between currencies with different minor units, then rounds', () => {
    expect(applyCurrencyConversion({ from: 'USD', to: 'JPY', rate: 151.37, rounding: 'none' }, 1999, 'USD')).toEqual({ priceMinor: 3026, currency: 'JPY' });
    expect(applyCurrencyConversion({ from: 'JPY', to: 'USD', rate: 0.0066, rounding: '0.99' }, 3000, 'JPY')).toEqual({ priceMinor: 1999, currency: 'USD' });
    expect(applyCurrencyConversion({ from: 'USD', to: 'EUR', rate: 1, rounding: 'none' }, 1000, 'USD')).toEqual({ priceMinor: 1000, currency: 'EUR' });
  });
});

describe('currency helpers', () => {
  it('knows the minor units of common currencies', () => {
    expect([currencyDigits('USD'), currencyDigits('JPY'), currencyDigits('KWD'), currencyDigits('ZZZ')]).toEqual([2, 0, 3, 2]);
  });

  it('formats minor units plainly', () => {
    expect([formatMinor(1234, 'USD'), formatMinor(5, 'USD'), formatMinor(-300, 'EUR'), formatMinor(1234, 'JPY'), formatMinor(1234, 'KWD')]).toEqual([
      '12.34',
      '0.05',
      '-3.00',
      '1234',
      '1.234',
    ]);
  });
});

describe('percent changes match exact integer arithmetic', () => {
  it('for every price up to 100.00 and common percentages (half up)', () => {
    for (const percent of [10, -10, 15, 7, -33, 2.5]) {
      for (let price = 0; price <= 10_000; price++) {
        // price × (100 + p) / 100, in integers scaled by 10 so 2.5 % stays exact.
        const scaled = price * Math.round((100 + percent) * 10);
        const expected = Math.floor((scaled + 500) / 1000);
        const outcome = applyPriceRule({ op: 'percent', amount: percent, rounding: 'none' }, price, 'USD');
        expect(outcome === null ? price : (outcome as { priceMinor: number }).priceMinor).toBe(expected);
      }
    }
  });
});
