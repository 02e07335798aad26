import { describe, expect, it } from 'vitest';
import { roundPrice } from '../../../common/edit/index.js';

describe('roundPrice (minor units)', () => {
  it('none: nearest minor unit, half up, without floating-point noise', () => {
    expect(roundPrice(2198.9, 'none', 2)).toBe(2199);
    expect(roundPrice(1999 * 1.1, 'none', 2)).toBe(2199);
    expect(roundPrice(1105.5, 'none', 2)).toBe(1106);
    expect(roundPrice(1105.4999, 'none', 2)).toBe(1105);
    expect(roundPrice(1105.49999999, 'none', 2)).toBe(1106); // 1e-8 below .5 is float noise, not intent
    expect(roundPrice(0.4, 'none', 2)).toBe(0);
  });

  it('.99: the nearest price ending in .99, ties up, never below 0.99', () => {
    expect(roundPrice(2200, '0.99', 2)).toBe(2199);
    expect(roundPrice(2260, '0.99', 2)).toBe(2299);
    expect(roundPrice(2249, '0.99', 2)).toBe(2299); // 50 from 21.99 and from 22.99: up
    expect(roundPrice(2248, '0.99', 2)).toBe(2199);
    expect(roundPrice(2199, '0.99', 2)).toBe(2199);
    expect(roundPrice(30, '0.99', 2)).toBe(99);
    expect(roundPrice(1, '0.99', 2)).toBe(99);
  });

  it('.95: the nearest price ending in .95', () => {
    expect(roundPrice(1000, '0.95', 2)).toBe(995);
    expect(roundPrice(1050, '0.95', 2)).toBe(1095); // 55 from 9.95, 45 from 10.95
    expect(roundPrice(1044, '0.95', 2)).toBe(995);
    expect(roundPrice(10, '0.95', 2)).toBe(95);
  });

  it('whole: the nearest whole unit; a positive price never becomes free', () => {
    expect(roundPrice(1250, 'whole', 2)).toBe(1300);
    expect(roundPrice(1249, 'whole', 2)).toBe(1200);
    expect(roundPrice(40, 'whole', 2)).toBe(100);
    expect(roundPrice(1234.5, 'whole', 0)).toBe(1235);
  });

  it('a price of 0 stays 0 whatever the rounding', () => {
    for (const rounding of ['none', '0.99', '0.95', 'whole'] as const) expect(roundPrice(0, rounding, 2)).toBe(0);
  });

  it('currencies without minor units have no cents to end in; three-digit currencies end in .990', () => {
    expect(roundPrice(1234.4, '0.99', 0)).toBe(1234);
    expect(roundPrice(1234.6, '0.95', 0)).toBe(1235);
    expect(roundPrice(12_300, '0.99', 3)).toBe(11_990);
    expect(roundPrice(12_600, '0.99', 3)).toBe(12_990);
  });
});
