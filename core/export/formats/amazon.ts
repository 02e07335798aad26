import type { Listing } from '../../../common/listing.js';
import { LIMITS } from '../limits.js';
import { formatMinor } from '../money.js';
import type { Cell, Change, Checked, Column, ExportTarget } from '../target.js';
import { byteLength, charLength, present } from '../text-fit.js';
import { totalQuantity, variantsNotExported } from './shared.js';

const OTHER_IMAGES = LIMITS.amazon.images - 1;

const columns: Column[] = [
  { key: 'item_sku', header: 'item_sku', type: 'text', always: true },
  { key: 'item_name', header: 'item_name', type: 'text', always: true },
  { key: 'brand_name', header: 'brand_name', type: 'text' },
  { key: 'product_description', header: 'product_description', type: 'text' },
  { key: 'standard_price', header: 'standard_price', type: 'number' },
  { key: 'quantity', header: 'quantity', type: 'number' },
  { key: 'main_image_url', header: 'main_image_url', type: 'text' },
  ...Array.from({ length: OTHER_IMAGES }, (_, i): Column => ({ key: `other_image_url${i + 1}`, header: `other_image_url${i + 1}`, type: 'text' })),
  { key: 'generic_keywords', header: 'generic_keywords', type: 'text' },
  { key: 'update_delete', header: 'update_delete', type: 'text', always: true },
];

const FORBIDDEN_IN_TITLE = /[!$?_{}^¬¦]/u;

/**
 * Amazon inventory flat file, a subset: one header row of API names (Amazon's template adds its
 * own rows above it when pasted into the category template). Skipped: no SKU (Amazon's key),
 * title over 200 characters or holding a character Amazon bans in titles. Trimmed and listed:
 * images past 1 + 8, search terms past 250 bytes (whole tags dropped from the end).
 * update_delete is PartialUpdate for listings that came from Amazon (only the columns written
 * change there), Update (create or replace) for the rest.
 */
export const amazonTarget: ExportTarget = {
  format: 'amazon_flat_file',
  kind: 'csv',
  bom: true,
  extension: 'csv',
  columns,
  check(listing): Checked {
    if (!present(listing.sku)) return { ok: false, column: 'item_sku', reason: 'Amazon needs a SKU (item_sku) for every item.' };
    if (charLength(listing.title) > LIMITS.amazon.title) return { ok: false, column: 'item_name', reason: `Title is ${charLength(listing.title)} characters; Amazon allows ${LIMITS.amazon.title}.` };
    const banned = FORBIDDEN_IN_TITLE.exec(listing.title);
    if (banned) return { ok: false, column: 'item_name', reason: `Title contains "${banned[0]}", which Amazon does not allow in titles.` };
    const changes: Change[] = [];
    variantsNotExported(listing, changes, 'Amazon');
    if (listing.images.length > LIMITS.amazon.images) changes.push({ column: 'other_image_url8', message: `${listing.images.length - LIMITS.amazon.images} images past Amazon's ${LIMITS.amazon.images} are left out.` });
    const tags = [...listing.tags];
    while (tags.length > 0 && byteLength(tags.join(' ')) > LIMITS.amazon.keywordsBytes) tags.pop();
    if (tags.length < listing.tags.length) {
      changes.push({ column: 'generic_keywords', message: `Search terms are limited to ${LIMITS.amazon.keywordsBytes} bytes: the last ${listing.tags.length - tags.length} tags are left out.` });
    }
    return { ok: true, listing: { ...listing, tags, images: listing.images.slice(0, LIMITS.amazon.images) }, changes };
  },
  rows(listing) {
    const cells: Record<string, Cell> = {
      item_sku: listing.sku,
      item_name: listing.title,
      brand_name: listing.brand,
      product_description: present(listing.description) ? listing.description : null,
      standard_price: listing.priceMinor === null ? null : formatMinor(listing.priceMinor, listing.currency),
      quantity: totalQuantity(listing),
      main_image_url: listing.images[0] ?? null,
      generic_keywords: listing.tags.length > 0 ? listing.tags.join(' ') : null,
      update_delete: listing.marketplace === 'amazon' ? 'PartialUpdate' : 'Update',
    };
    for (let i = 1; i <= OTHER_IMAGES; i++) cells[`other_image_url${i}`] = listing.images[i] ?? undefined;
    return [{ cells }];
  },
};

export type { Listing };
