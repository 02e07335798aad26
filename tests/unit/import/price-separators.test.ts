import { describe, expect, it } from 'vitest';
import { parsePrice, RowError } from '../../../core/import/values.js';
import { importText } from './helpers.js';

/**
 * "1.299" and "1,299": one separator before three digits is a thousands separator in some locales
 * and a decimal point in others. Neither reading may cost the seller 1000× silently, and a third
 * decimal a currency cannot hold is never rounded away.
 */

const minor = (raw: string, currency: string, opts: { decimalComma?: boolean } = {}) => parsePrice(raw, 'Price', { currency, ambiguous: 'warn', ...opts })?.minor;
const note = (raw: string, currency: string) => parsePrice(raw, 'Price', { currency, ambiguous: 'warn' })?.ambiguous;
const rejects = (raw: string, currency: string, opts: { decimalComma?: boolean } = {}) => () => parsePrice(raw, 'Price', { currency, ...opts });

describe('price separators', () => {
  it('unambiguous shapes read as before, with no note', () => {
    expect(minor('1.299,00', 'EUR')).toBe(129900);
    expect(minor('1,299.00', 'USD')).toBe(129900);
    expect(minor('1.299.000', 'EUR')).toBe(129900000);
    expect(minor('12.50', 'EUR')).toBe(1250);
    expect(minor('12,5', 'EUR')).toBe(1250);
    expect(minor('19.9900', 'USD')).toBe(1999);
    expect(note('1,299.00', 'USD')).toBeUndefined();
  });

  it('a 2-decimal currency: "1.299" and "1,299" are 1299, with a note naming both readings', () => {
    expect(minor('1.299', 'EUR')).toBe(129900);
    expect(minor('1,299', 'USD')).toBe(129900);
    expect(minor('12.999', 'EUR')).toBe(1299900);
    expect(minor('1.299 EUR', 'USD')).toBe(129900);
    expect(note('1.299', 'EUR')).toBe('Price "1.299" was read as 1299 EUR ("." as a thousands separator); it could also mean 1.299, which EUR (2 decimals) cannot hold without rounding. Check it.');
  });

  it('a point before three digits the currency holds exactly stays the decimal point ("12.500" EUR is 12.50), with a note', () => {
    // Systems that pad to three decimals write "12.500"; reading 12500 would cost the seller 1000×.
    expect(minor('12.500', 'EUR')).toBe(1250);
    expect(minor('19.990', 'USD')).toBe(1999);
    expect(minor('9.000', 'USD')).toBe(900);
    expect(note('12.500', 'EUR')).toBe('Price "12.500" was read as 12.500 EUR ("." as the decimal point); it could also mean 12500 EUR. Check it.');
    // A comma stays a thousands separator: "1,000" is a thousand.
    expect(minor('1,000', 'USD')).toBe(100000);
  });

  it('a reader that cannot warn refuses only a point read as a thousands separator; "1,299" and "12.500" stand', () => {
    expect(() => parsePrice('1.299', 'Price', { currency: 'EUR' })).toThrow(/read as 1299 EUR .*could also mean 1\.299/);
    expect(parsePrice('1,000', 'Price', { currency: 'USD' })?.minor).toBe(100000);
    expect(parsePrice('1,299', 'Price', { currency: 'USD' })?.minor).toBe(129900);
    expect(parsePrice('12.500', 'Price', { currency: 'EUR' })?.minor).toBe(1250);
  });

  it('a third decimal in a 2-decimal currency is rejected, not rounded', () => {
    expect(rejects('0.999', 'EUR', {})).toThrow('Price "0.999" has 3 decimals and EUR has 2; it was not rounded — fix it in the file');
    expect(rejects('0,999', 'EUR', {})).toThrow(RowError);
    expect(rejects('12.3456', 'USD', {})).toThrow(/has 4 decimals/);
    // The file's locale says the separator is decimal: then "1,299" EUR has three decimals.
    expect(rejects('1,299', 'EUR', { decimalComma: true })).toThrow(/has 3 decimals/);
    expect(rejects('1.299', 'USD', { decimalComma: false })).toThrow(/has 3 decimals/);
    // …and says it is a thousands separator: no doubt left.
    expect(minor('1.299', 'EUR', { decimalComma: true })).toBe(129900);
    expect(note('1,299', 'USD')).toBeDefined();
  });

  it('a 0-decimal currency: "1,200" and "1.200" JPY are 1200 yen, with nothing to doubt', () => {
    expect(minor('1,200', 'JPY')).toBe(1200);
    expect(minor('1.200', 'JPY')).toBe(1200);
    expect(note('1.200', 'JPY')).toBeUndefined();
    expect(minor('1200.00', 'JPY')).toBe(1200);
  });

  it('a 3-decimal currency keeps the usual reading ("1.299" KWD is 1.299) and names the other', () => {
    expect(minor('1.299', 'KWD')).toBe(1299);
    expect(note('1.299', 'KWD')).toBe('Price "1.299" was read as 1.299 KWD ("." as the decimal point); it could also mean 1299 KWD. Check it.');
    expect(minor('1,299', 'BHD')).toBe(1299000);
    expect(note('1,299', 'JOD')).toMatch(/read as 1299 JOD .*could also mean 1\.299 JOD/);
    expect(rejects('1.2345', 'KWD', {})).toThrow(/has 4 decimals and KWD has 3/);
  });

  it('an imported row warns with its line and both readings; a third decimal rejects the row', async () => {
    const text = 'Name,Price,Stock\nLamp,1.299,1\nMug,0.999,1\nCup,12.50,1\n';
    const { listings, rejected } = await importText(text, { defaultCurrency: 'EUR' });
    expect(listings.map((l) => [l.title, l.priceMinor])).toEqual([
      ['Lamp', 129900],
      ['Cup', 1250],
    ]);
    expect(rejected.map((r) => [r.lines, r.message])).toEqual([[[3], 'Price "0.999" has 3 decimals and EUR has 2; it was not rounded — fix it in the file']]);
    expect(listings[0]!.warnings).toContainEqual(expect.objectContaining({ line: 2, message: expect.stringContaining('could also mean 1.299') }));
    expect(listings[1]!.warnings).toEqual([]);
  });

  it('an English Etsy download writes a decimal point: its "1.299" has three decimals and is rejected', async () => {
    const { listings, rejected } = await importText('TITLE,PRICE,QUANTITY\nLamp,1.299,1\nCup,12.50,1\n', { defaultCurrency: 'EUR' });
    expect(listings.map((l) => l.priceMinor)).toEqual([1250]);
    expect(rejected.map((r) => r.message)).toEqual(['Price "1.299" has 3 decimals and EUR has 2; it was not rounded — fix it in the file']);
  });
});
