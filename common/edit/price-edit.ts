import { MAX_PRICE_MINOR, type PriceRounding } from '../edit-types.js';
import { currencyDigits } from './currency-digits.js';
import type { EditOutcome } from './edit-outcome.js';
import { roundPrice } from './round-price.js';

export type PriceOperation = 'percent' | 'add' | 'set';

export interface PriceRule {
  op: PriceOperation;
  /** percent: ± %; add: ± major units; set: major units. */
  amount: number;
  rounding: PriceRounding;
}

/**
 * One listing's price under a price rule, in its own currency's minor units. A listing without a
 * price keeps none under ± rules (there is nothing to raise); `set` gives it one. A result below 0
 * or above the largest price Listsmith stores leaves the listing unchanged, with a reason.
 */
export function applyPriceRule(rule: PriceRule, priceMinor: number | null, currency: string): EditOutcome {
  const digits = currencyDigits(currency);
  const unit = 10 ** digits;
  let exact: number;
  if (rule.op === 'set') exact = rule.amount * unit;
  else if (priceMinor === null) return null;
  // (price × (100 + p)) / 100 keeps 19.99 + 10 % at exactly 2198.9 minor units before rounding.
  else if (rule.op === 'percent') exact = (priceMinor * (100 + rule.amount)) / 100;
  else exact = priceMinor + rule.amount * unit;
  return priceOutcome(exact, rule.rounding, currency, priceMinor);
}

/**
 * Currency conversion with the seller's rate: only listings priced in `from` change; their price is
 * converted (minor units of `from` → minor units of `to`) and rounded, and the currency becomes `to`.
 */
export function applyCurrencyConversion(
  conversion: { from: string; to: string; rate: number; rounding: PriceRounding },
  priceMinor: number | null,
  currency: string,
): EditOutcome {
  if (currency !== conversion.from) return null;
  if (priceMinor === null) return { currency: conversion.to };
  const exact = (priceMinor / 10 ** currencyDigits(conversion.from)) * conversion.rate * 10 ** currencyDigits(conversion.to);
  const price = priceOutcome(exact, conversion.rounding, conversion.to, null);
  if (price === null || Object.hasOwn(price, 'problem')) return price;
  return { ...price, currency: conversion.to };
}

function priceOutcome(exact: number, rounding: PriceRounding, currency: string, current: number | null): EditOutcome {
  if (exact < 0) return { problem: `The new price would be below zero (${formatMinor(Math.round(exact), currency)} ${currency}); a price cannot be negative.` };
  const priceMinor = roundPrice(exact, rounding, currencyDigits(currency));
  if (priceMinor > MAX_PRICE_MINOR) {
    return { problem: `The new price (${formatMinor(priceMinor, currency)} ${currency}) is above the largest price Listsmith stores (${formatMinor(MAX_PRICE_MINOR, currency)}).` };
  }
  return priceMinor === current ? null : { priceMinor };
}

/** 1234 USD → "12.34", -500 → "-5.00", 1234 JPY → "1234". */
export function formatMinor(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor));
  if (digits === 0) return sign + text;
  const padded = text.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}
