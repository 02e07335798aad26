import type { Warnings } from './listing-draft.js';
import { parsePrice, type ParsedPrice } from './values.js';

/**
 * A price cell as sellers write it in store exports: a word beside the amount that names no one
 * currency (`15 000 Fcfa`: West or Central African franc?) does not cost the seller the price.
 * The amount is read in the listing's currency (for a file that states none, the seller's choice
 * in the wizard) and the row says so, as it says how it read an ambiguous "1.299". Unreadable or
 * negative amounts, and decimals the currency cannot hold, still throw RowError.
 */
export function readPrice(raw: string, column: string, currency: string, line: number, warnings: Warnings): ParsedPrice | null {
  const parsed = parsePrice(raw, column, { currency, unitWords: true, ambiguous: 'warn' });
  if (parsed?.ambiguous !== undefined) warnings.add(line, column, parsed.ambiguous);
  if (parsed?.unit !== undefined) {
    warnings.add(line, column, `Price "${raw.trim()}": "${parsed.unit}" is not a currency code, so the amount was read in ${currency}, the listing's currency.`);
  }
  return parsed;
}
