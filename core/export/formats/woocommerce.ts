import type { Listing, ListingStatus } from '../../../common/listing.js';
import { LIMITS } from '../limits.js';
import { formatMinor } from '../money.js';
import type { Cell, Change, Checked, Column, ExportTarget, OutputRow } from '../target.js';
import { present } from '../text-fit.js';
import { joinable, optionNames, optionValue, optionValues } from './shared.js';

const columns: Column[] = [
  { key: 'id', header: 'ID', type: 'number', always: true },
  { key: 'type', header: 'Type', type: 'text', always: true },
  { key: 'sku', header: 'SKU', type: 'text' },
  { key: 'name', header: 'Name', type: 'text', always: true },
  { key: 'published', header: 'Published', type: 'number' },
  { key: 'description', header: 'Description', type: 'text' },
  { key: 'stock', header: 'Stock', type: 'number' },
  { key: 'price', header: 'Regular price', type: 'number' },
  { key: 'categories', header: 'Categories', type: 'text' },
  { key: 'tags', header: 'Tags', type: 'text' },
  { key: 'images', header: 'Images', type: 'text' },
  { key: 'parent', header: 'Parent', type: 'text' },
  ...[1, 2, 3].flatMap((n): Column[] => [
    { key: `attribute${n}Name`, header: `Attribute ${n} name`, type: 'text' },
    { key: `attribute${n}Values`, header: `Attribute ${n} value(s)`, type: 'text' },
    { key: `attribute${n}Visible`, header: `Attribute ${n} visible`, type: 'number' },
    { key: `attribute${n}Global`, header: `Attribute ${n} global`, type: 'number' },
  ]),
];

/** WooCommerce: 1 published, 0 draft, -1 private. */
const PUBLISHED: Record<ListingStatus, number> = { active: 1, sold_out: 1, draft: 0, inactive: -1, archived: -1 };

function wooId(listing: Listing): string | undefined {
  return listing.marketplace === 'woocommerce' && listing.sourceId !== null && /^\d+$/.test(listing.sourceId) ? listing.sourceId : undefined;
}

/**
 * WooCommerce product CSV importer layout. ID is the store's product id for listings that came
 * from WooCommerce and blank (= create) for the rest. Listings with variants become a `variable`
 * product followed by one `variation` row per variant whose Parent is the product's SKU (or
 * `id:<ID>`); a variable listing with neither cannot be linked and is skipped, as is one varying
 * by more than 3 attributes.
 */
export const wooTarget: ExportTarget = {
  format: 'woocommerce',
  kind: 'csv',
  bom: true,
  extension: 'csv',
  columns,
  check(listing): Checked {
    if (listing.variants.length > 0 && !present(listing.sku) && wooId(listing) === undefined) {
      return { ok: false, column: 'Parent', reason: 'Its variations need the product SKU (or WooCommerce ID) to point at; it has neither.' };
    }
    if (optionNames(listing.variants).length > LIMITS.woocommerce.attributes) {
      return { ok: false, column: 'Attribute 1 name', reason: `Its variants vary by ${optionNames(listing.variants).length} attributes; this export writes ${LIMITS.woocommerce.attributes}.` };
    }
    const changes: Change[] = [];
    const tags = joinable(listing.tags, ',', 'Tags', changes);
    const images = joinable(listing.images, ',', 'Images', changes);
    return { ok: true, listing: changes.length > 0 ? { ...listing, tags, images } : listing, changes };
  },
  rows(listing) {
    const names = optionNames(listing.variants);
    const variable = listing.variants.length > 0;
    const product: Record<string, Cell> = {
      id: wooId(listing),
      type: variable ? 'variable' : 'simple',
      sku: listing.sku,
      name: listing.title,
      published: PUBLISHED[listing.status],
      description: present(listing.description) ? listing.description : null,
      stock: variable ? undefined : listing.quantity,
      price: variable ? undefined : listing.priceMinor === null ? null : formatMinor(listing.priceMinor, listing.currency),
      categories: listing.category,
      tags: listing.tags.length > 0 ? listing.tags.join(', ') : null,
      images: listing.images.length > 0 ? listing.images.join(', ') : null,
      parent: undefined,
    };
    for (let n = 1; n <= 3; n++) {
      const name = names[n - 1];
      product[`attribute${n}Name`] = name;
      product[`attribute${n}Values`] = name === undefined ? undefined : optionValues(listing.variants, name).join(', ');
      product[`attribute${n}Visible`] = name === undefined ? undefined : 1;
      product[`attribute${n}Global`] = name === undefined ? undefined : 0;
    }
    const rows: OutputRow[] = [{ cells: product }];
    const parent = present(listing.sku) ? listing.sku : `id:${wooId(listing)}`;
    for (const variant of listing.variants) {
      const priceMinor = variant.priceMinor ?? listing.priceMinor;
      const cells: Record<string, Cell> = {
        id: undefined,
        type: 'variation',
        sku: variant.sku,
        name: `${listing.title} - ${variant.options.map((option) => option.value).join(', ')}`,
        stock: variant.quantity,
        price: priceMinor === null ? null : formatMinor(priceMinor, listing.currency),
        // A variation without its own image shows the product's: blank is the truth here.
        images: variant.image ?? undefined,
        parent,
      };
      for (let n = 1; n <= 3; n++) {
        const name = names[n - 1];
        cells[`attribute${n}Name`] = name;
        cells[`attribute${n}Values`] = name === undefined ? undefined : optionValue(variant, name);
        cells[`attribute${n}Visible`] = name === undefined ? undefined : 1;
        cells[`attribute${n}Global`] = name === undefined ? undefined : 0;
      }
      rows.push({ cells, partial: true });
    }
    return rows;
  },
};
