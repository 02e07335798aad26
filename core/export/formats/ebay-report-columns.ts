import type { Listing } from '../../../common/listing.js';
import { headerKey } from '../kept-columns.js';

/**
 * eBay report columns an upload file cannot set: eBay computes them (watchers, sold quantity,
 * dates) or they live elsewhere in the file (the site and currency are in the Action header, the
 * category number in Category ID). They stay in the catalog with the listing and are never written
 * to an upload file — not as columns, not as item specifics.
 */
const REPORT_ONLY = new Set(
  [
    'Start date', 'End date', 'Start time', 'End time', 'Time left', 'Download date',
    'Watchers', 'Watch count', 'Views', 'Page views', 'Questions', 'Hit count',
    'Sold quantity', 'Quantity sold', 'Purchases', 'Bids', 'Bid count', 'High bidder',
    'Listing site', 'Site listed', 'Currency', 'Type', 'Listing type',
    'eBay category 1 name', 'eBay category 1 number', 'eBay category 2 name', 'eBay category 2 number',
    'Category leaf name', 'Category number', 'Reserve price', 'Current price',
    'Variation details', 'Private notes', 'Product ID type', 'Product ID value', 'Product ID value 2',
    'Product reference ID', 'eBay product ID(ePID)', 'Item ID', 'Item number', 'Sold via promoted listings',
  ].map(headerKey),
);

/** Columns of an eBay report that an upload does take, besides item specifics (`C:`) and product ids (`P:`, `Product:`). */
const REPORT_UPLOADABLE = new Set(['Condition ID', 'Condition description', 'Subtitle', 'Duration', 'OutOfStockControl', 'Out of stock control', 'UPC', 'EAN', 'ISBN', 'MPN', 'Buy It Now price', 'Best Offer enabled'].map(headerKey));
const SPECIFIC_PREFIX = /^(c|cd|cda|p|product):/;

/** Report columns an upload names by a header of its own: the value goes back under that header. */
const UPLOAD_HEADERS: ReadonlyMap<string, string> = new Map([[headerKey('eBay Product ID(ePID)'), 'P:EPID']]);

/** The upload's header for a report column it names otherwise (`eBay Product ID(ePID)` → `P:EPID`), or null. */
export function uploadHeaderOf(header: string): string | null {
  return UPLOAD_HEADERS.get(headerKey(header)) ?? null;
}

export function isReportOnly(header: string): boolean {
  return REPORT_ONLY.has(headerKey(header));
}

/**
 * Whether a kept column goes back into an eBay upload file: never a report-only one; from a report
 * (`ebay_report`), only the columns an upload also has.
 */
export function ebayUploadable(header: string, listing: Listing): boolean {
  const key = headerKey(header);
  if (REPORT_ONLY.has(key)) return false;
  if (listing.source?.dialect !== 'ebay_report') return true;
  return SPECIFIC_PREFIX.test(key) || REPORT_UPLOADABLE.has(key);
}
