import { currencyDigits } from '../../common/edit/currency-digits.js';

// One definition of a currency's minor units for edits and exports (common/edit/currency-digits.ts).
export { currencyDigits };

/** 1234 USD → "12.34"; 1234 JPY → "1234". Always a plain decimal (no grouping, no symbol). */
export function formatMinor(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const negative = minor < 0;
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${negative ? '-' : ''}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
