import { flatFileNameOf } from './amazon-attribute-keys.js';
import { isAmazonSettingsRow } from './amazon-settings.js';

/**
 * Amazon reports that are not the seller's listings, though a reader could take them for some:
 * the orders reports (one row per item ordered, with the buyer's name and address, a
 * `product-name` a generic reading takes for a title and a `sku` that merges each product's
 * orders into one "listing"), the settlement (payments) report, the Inventory Report
 * (`sku, asin, price, quantity`: the listings, but without a title, which every Listsmith listing
 * needs), and the offer uploads a seller keeps (Inventory Loader `sku, product-id, product-id-type,
 * price, item-condition, quantity, add-delete…`, Price & Quantity `sku, price,
 * minimum-seller-allowed-price…`), which have no titles either. Such a file is refused whole, saying what it is and which report holds the listings:
 * the All Listings Report, which the Amazon readers read.
 *
 * Recognised by the tab-separated header Amazon writes on the first line.
 */

const ORDER_ID = new Set(['order-id', 'amazon-order-id']);
const ORDER_DATES = new Set(['purchase-date', 'payments-date', 'shipment-date', 'return-date', 'buyer-email']);
const TITLES = new Set(['item-name', 'product-name', 'title', 'item_name', 'name']);
/** Columns only Amazon's offer uploads have (Inventory Loader, Price & Quantity). */
const UPLOAD_ONLY = new Set(['product-id', 'add-delete', 'minimum-seller-allowed-price', 'maximum-seller-allowed-price', 'leadtime-to-ship', 'handling-time']);
const ALL_LISTINGS = 'In Seller Central, download Reports → Inventory Reports → "All Listings Report" and import that file';

/** The refusal for an Amazon report that holds no listings to import, or null. */
export function amazonOtherReportMessage(fileName: string, head: string): string | null {
  const line = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (!line.includes('\t')) return null;
  const cells = line.split('\t').map((cell) => cell.trim());
  const keys = new Set(cells.map((cell) => cell.toLowerCase()));
  const named = cells.filter((cell) => cell !== '').slice(0, 3).join(', ');
  if ([...ORDER_ID].some((key) => keys.has(key)) && [...ORDER_DATES].some((key) => keys.has(key))) {
    return `"${fileName}" is an Amazon orders report (${named}…): one row per item ordered, with its buyer, not your listings. Nothing was imported. ${ALL_LISTINGS}.`;
  }
  if (keys.has('settlement-id')) {
    return `"${fileName}" is an Amazon settlement (payments) report (${named}…), not your listings. Nothing was imported. ${ALL_LISTINGS}.`;
  }
  if (!keys.has('sku') || [...TITLES].some((key) => keys.has(key))) return null;
  if (['asin', 'price', 'quantity'].every((key) => keys.has(key))) {
    return `"${fileName}" is Amazon's Inventory Report (sku, asin, price, quantity): it has no titles, and every listing in Listsmith needs one. Nothing was imported. ${ALL_LISTINGS}: it has the same SKUs with their titles.`;
  }
  if ([...UPLOAD_ONLY].some((key) => keys.has(key))) {
    return `"${fileName}" is an Amazon inventory upload (Inventory Loader or Price & Quantity file: ${named}…): offers on products Amazon already has, without titles, and every listing in Listsmith needs one. Nothing was imported. ${ALL_LISTINGS}: it has your SKUs with their titles.`;
  }
  return null;
}

/**
 * Amazon's current offer template (Listing Loader, "Modello di caricamento delle offerte"): a
 * `settings=` row over attribute keys with no item name — offers on products Amazon already has,
 * without titles. Refused whole like the older offer uploads, or null.
 */
export function amazonOfferTemplateMessage(fileName: string, header: readonly string[], preamble: readonly (readonly string[])[]): string | null {
  if (preamble[0] === undefined || !isAmazonSettingsRow(preamble[0])) return null;
  // A Category Listings Report's read-only `::title` is a title too.
  if (header.some((name) => ['item_name', 'amazon_title'].includes(flatFileNameOf(name) ?? ''))) return null;
  return `"${fileName}" is an Amazon offer template (Listing Loader: SKU, product id, price, quantity…): offers on products Amazon already has, without titles, and every listing in Listsmith needs one. Nothing was imported. ${ALL_LISTINGS} (or the Category Listings Report, from the same menu): they have your SKUs with their titles.`;
}
