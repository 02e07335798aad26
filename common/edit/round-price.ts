import type { PriceRounding } from '../edit-types.js';

/**
 * Rounds a computed price (minor units, possibly fractional, ≥ 0) to a whole number of minor
 * units per the seller's rounding:
 *
 * - `none`: the nearest minor unit (half up).
 * - `0.99` / `0.95`: the nearest price ending in .99 / .95 (ties go up), never below 0.99 / 0.95
 *   (a price of 0 stays 0) —
 *   so 22.00 → 21.99 and 22.60 → 22.99. Currencies without minor units (JPY) have no cents to end
 *   in: those round to the nearest whole unit.
 * - `whole`: the nearest whole unit (12.50 → 13.00); a positive price never rounds down to 0.
 *
 * `digits` is the currency's minor-unit exponent (currency-digits.ts).
 */
export function roundPrice(minor: number, rounding: PriceRounding, digits: number): number {
  const exact = dropFloatNoise(minor);
  // A free listing stays free whatever the rounding.
  if (exact === 0) return 0;
  const unit = 10 ** digits;
  if (rounding === 'none' || (digits === 0 && rounding !== 'whole')) return Math.round(exact);
  if (rounding === 'whole') {
    const rounded = Math.round(exact / unit) * unit;
    return rounded === 0 && exact > 0 ? unit : rounded;
  }
  const ending = Math.round(unit * (rounding === '0.99' ? 0.99 : 0.95));
  const whole = Math.round(dropFloatNoise((exact - ending) / unit));
  return Math.max(0, whole) * unit + ending;
}

/** 1999 × 1.1 is 2198.9000000000001 in floating point: six decimals are plenty for minor units. */
function dropFloatNoise(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
