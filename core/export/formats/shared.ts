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

/**
 * Variants a format tells apart by their options only. One variant without options is the listing
 * itself (its SKU, price, stock and image go to the listing); several without options get an option
 * "Variant" named by their SKU (or number), so none is merged away. Each is listed as a change.
 */
export function withNamedVariants(listing: Listing, changes: Change[]): Listing {
  const unnamed = listing.variants.filter((variant) => variant.options.length === 0);
  if (unnamed.length === 0) return listing;
  if (listing.variants.length === 1) {
    const [variant] = listing.variants as [Variant];
    changes.push({ column: null, message: 'Its one variant has no options; it is written as the item itself.' });
    const images = variant.image !== null && !listing.images.includes(variant.image) ? [...listing.images, variant.image] : listing.images;
    return { ...listing, sku: variant.sku ?? listing.sku, priceMinor: variant.priceMinor ?? listing.priceMinor, quantity: variant.quantity ?? listing.quantity, images, variants: [] };
  }
  changes.push({ column: null, message: `${unnamed.length} of its variants have no options; they are told apart by an option "Variant" (their SKU or number).` });
  return {
    ...listing,
    variants: listing.variants.map((variant, index) => (variant.options.length > 0 ? variant : { ...variant, options: [{ name: 'Variant', value: variant.sku ?? `#${index + 1}` }] })),
  };
}

/** A listing whose stock is its own while its variants have none: the format keeps stock per variant, so the preview says it is not written. */
export function variantStockNote(listing: Listing, changes: Change[], column: string, marketplace: string): void {
  if (listing.quantity !== null && listing.variants.length > 0 && listing.variants.every((variant) => variant.quantity === null)) {
    changes.push({ column, message: `Its quantity (${listing.quantity}) is not written: ${marketplace} keeps stock per variant, and its variants have none of their own.` });
  }
}
