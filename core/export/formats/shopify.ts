import type { Listing, ListingStatus } from '../../../common/listing.js';
import { LIMITS } from '../limits.js';
import { formatMinor } from '../money.js';
import type { Cell, Change, Checked, Column, ExportTarget, OutputRow } from '../target.js';
import { slugify, present } from '../text-fit.js';
import { joinable, optionNames, optionValue } from './shared.js';

type Key =
  | 'handle' | 'title' | 'description' | 'vendor' | 'type' | 'tags' | 'status' | 'sku'
  | 'option1Name' | 'option1Value' | 'option2Name' | 'option2Value' | 'option3Name' | 'option3Value'
  | 'price' | 'tracker' | 'quantity' | 'image' | 'imagePosition' | 'variantImage';

const NUMBER_KEYS = new Set<Key>(['price', 'quantity', 'imagePosition']);

/** 2024/25 template order and names (see marketplaces.md). */
const CURRENT: readonly (readonly [Key, string])[] = [
  ['title', 'Title'], ['handle', 'URL handle'], ['description', 'Description'], ['vendor', 'Vendor'], ['type', 'Type'], ['tags', 'Tags'],
  ['status', 'Status'], ['sku', 'SKU'],
  ['option1Name', 'Option1 name'], ['option1Value', 'Option1 value'], ['option2Name', 'Option2 name'], ['option2Value', 'Option2 value'],
  ['option3Name', 'Option3 name'], ['option3Value', 'Option3 value'],
  ['price', 'Price'], ['tracker', 'Inventory tracker'], ['quantity', 'Inventory quantity'],
  ['image', 'Product image URL'], ['imagePosition', 'Image position'], ['variantImage', 'Variant image URL'],
];

/** 2019–2023 template order and names. */
const LEGACY: readonly (readonly [Key, string])[] = [
  ['handle', 'Handle'], ['title', 'Title'], ['description', 'Body (HTML)'], ['vendor', 'Vendor'], ['type', 'Type'], ['tags', 'Tags'],
  ['option1Name', 'Option1 Name'], ['option1Value', 'Option1 Value'], ['option2Name', 'Option2 Name'], ['option2Value', 'Option2 Value'],
  ['option3Name', 'Option3 Name'], ['option3Value', 'Option3 Value'],
  ['sku', 'Variant SKU'], ['tracker', 'Variant Inventory Tracker'], ['quantity', 'Variant Inventory Qty'], ['price', 'Variant Price'],
  ['image', 'Image Src'], ['imagePosition', 'Image Position'], ['variantImage', 'Variant Image'], ['status', 'Status'],
];

const STATUS: Record<ListingStatus, string> = { active: 'active', draft: 'draft', inactive: 'draft', sold_out: 'active', archived: 'archived' };

/** A Shopify listing keeps its handle (so re-importing the export matches it); others get title + id. */
export function shopifyHandle(listing: Listing): string {
  if (listing.marketplace === 'shopify' && present(listing.sourceId)) return listing.sourceId;
  const slug = slugify(listing.title);
  return slug ? `${slug}-${listing.id}` : `listing-${listing.id}`;
}

/**
 * Shopify products CSV: one handle group per listing — the first row carries the product fields
 * and the first variant, later rows the other variants, then rows with only an extra image.
 * Product fields on later rows are blank, as Shopify's own export writes them (it reads product
 * fields from a group's first row only).
 */
export function shopifyTarget(legacy: boolean): ExportTarget {
  const columns: Column[] = (legacy ? LEGACY : CURRENT).map(([key, header]) => ({
    key,
    header,
    type: NUMBER_KEYS.has(key) ? 'number' : 'text',
    ...(key === 'handle' || key === 'title' ? { always: true } : {}),
  }));
  return {
    format: legacy ? 'shopify_legacy' : 'shopify',
    kind: 'csv',
    bom: true,
    extension: 'csv',
    columns,
    check(listing): Checked {
      if (optionNames(listing.variants).length > LIMITS.shopify.options) {
        return { ok: false, column: 'Option1 name', reason: `Its variants vary by ${optionNames(listing.variants).length} options; Shopify allows ${LIMITS.shopify.options}.` };
      }
      const changes: Change[] = [];
      const tags = joinable(listing.tags, ',', 'Tags', changes);
      return { ok: true, listing: tags.length === listing.tags.length ? listing : { ...listing, tags }, changes };
    },
    rows(listing) {
      const handle = shopifyHandle(listing);
      const names = optionNames(listing.variants);
      const variantCount = Math.max(1, listing.variants.length);
      const rowCount = Math.max(variantCount, listing.images.length);
      const rows: OutputRow[] = [];
      for (let index = 0; index < rowCount; index++) {
        const cells: Record<string, Cell> = { handle };
        if (index === 0) {
          cells.title = listing.title;
          cells.description = present(listing.description) ? listing.description : null;
          cells.vendor = listing.brand;
          cells.type = listing.category;
          cells.tags = listing.tags.length > 0 ? listing.tags.join(', ') : null;
          cells.status = STATUS[listing.status];
        }
        if (index < variantCount) Object.assign(cells, variantCells(listing, names, index));
        if (index < listing.images.length) {
          cells.image = listing.images[index];
          cells.imagePosition = index + 1;
        } else if (index === 0) {
          cells.image = null;
          cells.imagePosition = null;
        }
        rows.push({ cells, partial: index > 0 });
      }
      return rows;
    },
  };
}

function variantCells(listing: Listing, names: readonly string[], index: number): Record<string, Cell> {
  const variant = listing.variants[index];
  const priceMinor = variant?.priceMinor ?? listing.priceMinor;
  const quantity = variant ? variant.quantity : listing.quantity;
  const cells: Record<string, Cell> = {
    sku: variant ? variant.sku : listing.sku,
    price: priceMinor === null ? null : formatMinor(priceMinor, listing.currency),
    quantity,
    tracker: quantity === null ? null : 'shopify',
    // No own image = shows the product's: a blank here is the truth, not an erasure.
    variantImage: variant ? (variant.image ?? undefined) : undefined,
  };
  for (let position = 0; position < 3; position++) {
    const name = names[position];
    cells[`option${position + 1}Name`] = name !== undefined && index === 0 ? name : undefined;
    cells[`option${position + 1}Value`] = name !== undefined && variant ? optionValue(variant, name) : undefined;
  }
  return cells;
}
