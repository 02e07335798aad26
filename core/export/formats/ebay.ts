import type { Listing } from '../../../common/listing.js';
import { LIMITS } from '../limits.js';
import { formatMinor } from '../money.js';
import type { Cell, Change, Checked, Column, ExportTarget } from '../target.js';
import { charLength, present } from '../text-fit.js';
import { totalQuantity, variantsNotExported } from './shared.js';

export const EBAY_ACTION_HEADER = 'Action(SiteID=US|Country=US|Currency=USD|Version=1193|CC=UTF-8)';

const columns: Column[] = [
  { key: 'action', header: EBAY_ACTION_HEADER, type: 'text', always: true },
  { key: 'sku', header: 'Custom label (SKU)', type: 'text' },
  { key: 'categoryId', header: 'Category ID', type: 'number' },
  { key: 'title', header: 'Title', type: 'text', always: true },
  { key: 'price', header: 'Price', type: 'number' },
  { key: 'quantity', header: 'Quantity', type: 'number' },
  { key: 'photos', header: 'Item photo URL', type: 'text' },
  { key: 'description', header: 'Description', type: 'text' },
  { key: 'format', header: 'Format', type: 'text', always: true },
];

const SPECIFIC = 'C:';

/** Item specifics: the listing's attributes, plus its brand as C:Brand unless an attribute names one. */
function itemSpecifics(listing: Listing): [string, string][] {
  const specifics = Object.entries(listing.attributes).filter(([name, value]) => present(name) && present(value));
  if (present(listing.brand) && !specifics.some(([name]) => name.toLowerCase() === 'brand')) specifics.unshift(['Brand', listing.brand]);
  return specifics;
}

/**
 * eBay Seller Hub "upload listings" (US site). Every row's Action is Draft: the upload creates
 * drafts the seller reviews in Seller Hub, so nothing goes live — or revises a live item — by
 * surprise. Prices must be USD on the US site: other currencies are skipped. Title over 80
 * characters: skipped. Item specifics become `C:<name>` columns (at most 45, values ≤ 65
 * characters; longer ones dropped and listed). Category ID is written only when the category is
 * an eBay category number. Variants are not written (one item per listing, listed).
 */
export const ebayTarget: ExportTarget = {
  format: 'ebay_seller_hub',
  kind: 'csv',
  bom: true,
  extension: 'csv',
  columns,
  dynamicColumn: (key) => (key.startsWith(SPECIFIC) ? { key, header: key, type: 'text' } : null),
  check(listing): Checked {
    if (charLength(listing.title) > LIMITS.ebay.title) return { ok: false, column: 'Title', reason: `Title is ${charLength(listing.title)} characters; eBay allows ${LIMITS.ebay.title}.` };
    if (listing.priceMinor !== null && listing.currency !== 'USD') return { ok: false, column: 'Price', reason: `Its price is in ${listing.currency}; the eBay US upload takes USD.` };
    const changes: Change[] = [];
    variantsNotExported(listing, changes, 'eBay');
    if (listing.images.length > LIMITS.ebay.images) changes.push({ column: 'Item photo URL', message: `${listing.images.length - LIMITS.ebay.images} photos past eBay's ${LIMITS.ebay.images} are left out.` });
    const attributes: Record<string, string> = {};
    let kept = 0;
    for (const [name, value] of Object.entries(listing.attributes)) {
      if (charLength(value) > LIMITS.ebay.itemSpecificValue) changes.push({ column: `C:${name}`, message: `Item specific "${name}" is longer than ${LIMITS.ebay.itemSpecificValue} characters; left out.` });
      else if (kept >= LIMITS.ebay.itemSpecifics) changes.push({ column: `C:${name}`, message: `Item specific "${name}" is past eBay's ${LIMITS.ebay.itemSpecifics}; left out.` });
      else {
        attributes[name] = value;
        kept++;
      }
    }
    return { ok: true, listing: { ...listing, images: listing.images.slice(0, LIMITS.ebay.images), attributes }, changes };
  },
  rows(listing) {
    const quantity = totalQuantity(listing);
    const cells: Record<string, Cell> = {
      action: 'Draft',
      sku: listing.sku,
      categoryId: listing.category !== null && /^\d{1,9}$/.test(listing.category) ? listing.category : null,
      title: listing.title,
      price: listing.priceMinor === null ? null : formatMinor(listing.priceMinor, listing.currency),
      quantity,
      photos: listing.images.length > 0 ? listing.images.join('|') : null,
      description: present(listing.description) ? listing.description : null,
      format: 'FixedPrice',
    };
    for (const [name, value] of itemSpecifics(listing)) cells[`${SPECIFIC}${name}`] = value;
    return [{ cells }];
  },
};
