import type { Listing, Variant } from '../../common/listing.js';
import { englishHeader } from '../import/canonical-headers.js';

/**
 * A WooCommerce variation marked out of stock (`In stock?` 0, in the file's language) inside a
 * product that is not: Listsmith has no status per variant, so the reader keeps the cell with the
 * variant (and the WooCommerce export writes it back as it was). Other formats read it here.
 */
export function wooVariantOutOfStock(listing: Listing, variant: Variant): boolean {
  if (listing.source?.dialect !== 'woocommerce') return false;
  return Object.entries(variant.columns ?? {}).some(([header, value]) => englishHeader('woocommerce', header).trim().toLowerCase() === 'in stock?' && value.trim() === '0');
}
