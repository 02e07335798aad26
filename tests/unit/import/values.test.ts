import { describe, expect, it } from 'vitest';
import { normaliseStatus, parsePrice } from '../../../core/import/values.js';
import { unescapeWooNewlines, splitWooList } from '../../../core/import/woocommerce-text.js';

describe('parsePrice', () => {
  it('a three-letter word is a currency only when it is an ISO 4217 code, and a word of its own', () => {
    expect(parsePrice('12.00 USD', 'p')).toEqual({ minor: 1200, currency: 'USD', sharedSymbol: false });
    expect(parsePrice('USD12', 'p')).toEqual({ minor: 1200, currency: 'USD', sharedSymbol: false });
    expect(() => parsePrice('12 pcs', 'p')).toThrow('Price "12 pcs" is not a number');
    // "cfa" ends "Fcfa": not the code of anything.
    expect(() => parsePrice('20 000Fcfa', 'p')).toThrow('Price "20 000Fcfa" is not a number');
  });

  it('unitWords: a word beside the amount that names no currency is read past and returned', () => {
    expect(parsePrice('15 000 Fcfa', 'p', { currency: 'XOF', unitWords: true })).toEqual({ minor: 15000, currency: null, sharedSymbol: false, unit: 'Fcfa' });
    expect(parsePrice('20 000FCFA', 'p', { currency: 'XOF', unitWords: true })).toMatchObject({ minor: 20000, unit: 'FCFA' });
    expect(parsePrice('lei 12,50', 'p', { currency: 'RON', unitWords: true })).toMatchObject({ minor: 1250, unit: 'lei' });
    // A currency the cell names still wins, and unreadable or negative amounts still fail.
    expect(parsePrice('12 EUR', 'p', { currency: 'XOF', unitWords: true })).toEqual({ minor: 1200, currency: 'EUR', sharedSymbol: false });
    expect(() => parsePrice('abc', 'p', { unitWords: true })).toThrow('is not a number');
    expect(() => parsePrice('-3 Fcfa', 'p', { unitWords: true })).toThrow('Price is negative');
  });
});

describe('normaliseStatus', () => {
  it('reads WooCommerce Published numbers as WooCommerce does (1 publish, 0 private, -1 draft, 2 pending)', () => {
    expect(['1', '0', '-1', '2', '7'].map(normaliseStatus)).toEqual(['active', 'inactive', 'draft', 'draft', null]);
  });

  it('Shopify unlisted is inactive (live but hidden), never active', () => {
    expect(normaliseStatus('unlisted')).toBe('inactive');
    expect(normaliseStatus('private')).toBe('inactive');
  });
});

describe('WooCommerce text', () => {
  it('unescapes `\\n` as WooCommerce\'s importer does, leaving `\\\\n` as written', () => {
    expect(unescapeWooNewlines('a\\nb\\r\\nc')).toBe('a\nb\\r\nc');
    expect(unescapeWooNewlines('path C:\\\\new')).toBe('path C:\\\\new');
    expect(unescapeWooNewlines('x\\\\ny\\nz')).toBe('x\\\\ny\nz');
    expect(unescapeWooNewlines('plain')).toBe('plain');
  });

  it('splits lists on commas but not on `\\,`', () => {
    expect(splitWooList('a, b\\, c ,, d')).toEqual(['a', 'b, c', 'd']);
    expect(splitWooList('')).toEqual([]);
  });
});
