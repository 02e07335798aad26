import type { ExportFormat } from '../../../common/import-types.js';
import type { Listing, Variant } from '../../../common/listing.js';
import { writesBack } from '../kept-columns.js';
import type { Change } from '../target.js';

/** Option names in first-seen order across the variants. */
export function optionNames(variants: readonly Variant[]): string[] {
  const names: string[] = [];
  for (const variant of variants) for (const option of variant.options) if (!names.includes(option.name)) names.push(option.name);
  return names;
}

/** Distinct values of one option, in first-seen order. */
export function optionValues(variants: readonly Variant[], name: string): string[] {
  const values: string[] = [];
  for (const variant of variants) {
    const value = variant.options.find((option) => option.name === name)?.value;
    if (value !== undefined && !values.includes(value)) values.push(value);
  }
  return values;
}

export function optionValue(variant: Variant, name: string): string | undefined {
  return variant.options.find((option) => option.name === name)?.value;
}

/**
 * A variant's price: its own; without one, the listing's ("same as the listing") — except when the
 * listing goes back to the format it came from, where a variant row without a price had it blank.
 */
export function variantPriceMinor(listing: Listing, variant: Variant, format: ExportFormat): number | null {
  return variant.priceMinor ?? (writesBack(listing, format) ? null : listing.priceMinor);
}

/** The listing's quantity, else the sum of its variants' when every variant has one. */
export function totalQuantity(listing: Listing): number | null {
  if (listing.quantity !== null) return listing.quantity;
  if (listing.variants.length === 0 || listing.variants.some((variant) => variant.quantity === null)) return null;
  return listing.variants.reduce((sum, variant) => sum + variant.quantity!, 0);
}

/**
 * Drops list items a single cell cannot carry (those holding the separator), with a change each.
 */
export function joinable(items: readonly string[], separator: string, column: string, changes: Change[]): string[] {
  const kept: string[] = [];
  for (const item of items) {
    if (item.includes(separator.trim() || separator)) changes.push({ column, message: `"${item}" contains "${separator.trim()}", which separates values in this column; left out.` });
    else kept.push(item);
  }
  return kept;
}

export function listingLabel(listing: Listing): string {
  const title = listing.title.length > 60 ? `${listing.title.slice(0, 57)}…` : listing.title;
  return `Listing #${listing.id} "${title}"`;
}
