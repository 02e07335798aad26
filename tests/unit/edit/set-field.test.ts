import { describe, expect, it } from 'vitest';
import { settableChange } from '../../../common/edit/index.js';

describe('settableChange', () => {
  it('accepts valid values per field', () => {
    expect(settableChange('status', 'draft')).toEqual({ status: 'draft' });
    expect(settableChange('quantity', 5)).toEqual({ quantity: 5 });
    expect(settableChange('quantity', ' 12 ')).toEqual({ quantity: 12 });
    expect(settableChange('quantity', null)).toEqual({ quantity: null });
    expect(settableChange('currency', 'eur')).toEqual({ currency: 'EUR' });
    expect(settableChange('brand', '  Acme  ')).toEqual({ brand: 'Acme' });
    expect(settableChange('condition', '')).toEqual({ condition: null });
    expect(settableChange('sku', null)).toEqual({ sku: null });
  });

  it('rejects wrong values with a message naming the field and what it takes', () => {
    expect(() => settableChange('status', 'banana')).toThrow('Status cannot be set to “banana”: it must be one of Active, Draft, Inactive, Sold out, Archived. Nothing was changed.');
    expect(() => settableChange('quantity', -1)).toThrow(/Quantity cannot be set to -1: it must be a whole number/);
    expect(() => settableChange('quantity', 1.5)).toThrow(/whole number/);
    expect(() => settableChange('quantity', '3 pcs')).toThrow(/whole number/);
    expect(() => settableChange('currency', 'EURO')).toThrow(/three-letter currency code/);
    expect(() => settableChange('currency', null)).toThrow(/three-letter currency code/);
    expect(() => settableChange('brand', 42)).toThrow(/Brand cannot be set to 42: it must be text/);
  });
});
