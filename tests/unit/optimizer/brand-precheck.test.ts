import { describe, expect, it } from 'vitest';
import { brandOf, mayHoldBrand, mentionsBrand } from '../../../core/optimizer/brand.js';
import { restoreBrandCasing } from '../../../core/optimizer/title-case.js';

// The substring pre-check must never hide a brand the whole-word, case-folding pattern would find.
describe('brand pre-check', () => {
  const brand = brandOf('Levi Strauss')!;

  it('finds the brand in any casing and spacing, as the pattern does', () => {
    expect(mentionsBrand('Vintage LEVI   strauss jeans', brand)).toBe(true);
    expect(restoreBrandCasing('vintage levi strauss jeans', brand)).toBe('vintage Levi Strauss jeans');
  });

  it('says no only when the first word is absent', () => {
    expect(mayHoldBrand('Vintage denim jeans', brand)).toBe(false);
    expect(mentionsBrand('Vintage denim jeans', brand)).toBe(false);
    expect(mayHoldBrand('Levitating lamp', brand)).toBe(true);
    expect(mentionsBrand('Levitating lamp', brand)).toBe(false);
  });

  it('leaves letters that case-fold unlike toLowerCase to the pattern (long s matches s)', () => {
    const strauss = brandOf('Strauss')!;
    expect(mentionsBrand('ſtrauss jeans', strauss)).toBe(true);
  });
});
