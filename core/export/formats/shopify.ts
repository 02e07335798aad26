import type { Listing, ListingStatus, Variant } from '../../../common/listing.js';
import { writesBack } from '../kept-columns.js';
import { wooVariantOutOfStock } from '../woocommerce-variant-stock.js';
import { listOrUnknown, valueOrUnknown } from '../known-value.js';
import { LIMITS } from '../limits.js';
import { formatMinor } from '../money.js';
import type { RowProblem } from '../../../common/import-types.js';
import type { Cell, Change, Checked, Column, ExportNotes, ExportTarget, OutputRow } from '../target.js';
import { slugify, present } from '../text-fit.js';
import { joinable, optionNames, optionValue, variantPriceMinor, variantStockNote, withNamedVariants } from './shared.js';

type Key =
  | 'handle' | 'title' | 'description' | 'vendor' | 'productCategory' | 'type' | 'tags' | 'status' | 'seoTitle' | 'seoDescription' | 'sku'
  | 'option1Name' | 'option1Value' | 'option2Name' | 'option2Value' | 'option3Name' | 'option3Value'
  | 'price' | 'compareAt' | 'barcode' | 'tracker' | 'quantity' | 'image' | 'imagePosition' | 'variantImage';

// Compare-at price is copied as the file wrote it (it is not modelled), so it stays text.
const NUMBER_KEYS = new Set<Key>(['price', 'quantity', 'imagePosition']);
/** Defaults Shopify's own export writes that the listing does not model: the file's own value wins. */
const DERIVED_KEYS = new Set<Key>(['tracker']);

/** 2024/25 template order and names (see marketplaces.md). */
const CURRENT: readonly (readonly [Key, string])[] = [
  ['title', 'Title'], ['handle', 'URL handle'], ['description', 'Description'], ['vendor', 'Vendor'], ['productCategory', 'Product category'], ['type', 'Type'], ['tags', 'Tags'],
  ['status', 'Status'], ['sku', 'SKU'], ['barcode', 'Barcode'],
  ['option1Name', 'Option1 name'], ['option1Value', 'Option1 value'], ['option2Name', 'Option2 name'], ['option2Value', 'Option2 value'],
  ['option3Name', 'Option3 name'], ['option3Value', 'Option3 value'],
  ['price', 'Price'], ['compareAt', 'Compare-at price'], ['tracker', 'Inventory tracker'], ['quantity', 'Inventory quantity'],
  ['image', 'Product image URL'], ['imagePosition', 'Image position'], ['variantImage', 'Variant image URL'],
  ['seoTitle', 'SEO title'], ['seoDescription', 'SEO description'],
];

/** 2019–2023 template order and names. */
const LEGACY: readonly (readonly [Key, string])[] = [
  ['handle', 'Handle'], ['title', 'Title'], ['description', 'Body (HTML)'], ['vendor', 'Vendor'], ['productCategory', 'Product Category'], ['type', 'Type'], ['tags', 'Tags'],
  ['option1Name', 'Option1 Name'], ['option1Value', 'Option1 Value'], ['option2Name', 'Option2 Name'], ['option2Value', 'Option2 Value'],
  ['option3Name', 'Option3 Name'], ['option3Value', 'Option3 Value'],
  ['sku', 'Variant SKU'], ['tracker', 'Variant Inventory Tracker'], ['quantity', 'Variant Inventory Qty'], ['price', 'Variant Price'],
  ['compareAt', 'Variant Compare At Price'], ['barcode', 'Variant Barcode'],
  ['image', 'Image Src'], ['imagePosition', 'Image Position'], ['variantImage', 'Variant Image'],
  ['seoTitle', 'SEO Title'], ['seoDescription', 'SEO Description'], ['status', 'Status'],
];

/** 2021–22 exports' names for the category and type columns: kept cells under them fill these columns. */
const OLDER_NAMES: Readonly<Record<string, Key>> = { 'Standardized Product Type': 'productCategory', 'Custom Product Type': 'type' };

const STATUS: Record<ListingStatus, string> = { active: 'active', draft: 'draft', inactive: 'draft', sold_out: 'active', archived: 'archived' };

/** Attributes the Shopify importer reads from columns this export writes itself. */
const ATTRIBUTE_OF: Partial<Record<Key, string>> = { seoTitle: 'SEO title', seoDescription: 'SEO description', barcode: 'Barcode', compareAt: 'Compare-at price' };

/** A Shopify listing keeps its handle (so re-importing the export matches it); others get title + id. */
export function shopifyHandle(listing: Listing): string {
  if (listing.marketplace === 'shopify' && present(listing.sourceId)) return listing.sourceId;
  const slug = slugify(listing.title);
  return slug ? `${slug}-${listing.id}` : `listing-${listing.id}`;
}

/** The header generation a Shopify listing came in ('legacy' / 'current'), or null. */
function ownGeneration(listing: Listing): 'legacy' | 'current' | null {
  if (!writesBack(listing, 'shopify')) return null;
  const layout = listing.source?.layout;
  return layout === 'legacy' || layout === 'current' ? layout : null;
}

/**
 * Shopify products CSV: one handle group per listing — the first row carries the product fields
 * and the first variant, later rows the other variants, then rows with only an extra image.
 * Product fields on later rows are blank, as Shopify's own export writes them (it reads product
 * fields from a group's first row only). The file uses the header generation the seller chose; a
 * listing's kept columns named in the other generation still fill this one's columns (aliases),
 * and the preview says how many listings came in the other one.
 *
 * Quantity: a listing without variants writes its quantity on its one variant row; a variant
 * writes its own, never a share of the listing's (a listing whose variants have none says so).
 */
export function shopifyTarget(legacy: boolean): ExportTarget {
  const columns: Column[] = (legacy ? LEGACY : CURRENT).map(([key, header]) => ({
    key,
    header,
    type: NUMBER_KEYS.has(key) ? 'number' : 'text',
    ...(key === 'handle' || key === 'title' ? { always: true } : {}),
    ...(DERIVED_KEYS.has(key) ? { derived: true } : {}),
  }));
  const target: ExportTarget = {
    format: legacy ? 'shopify_legacy' : 'shopify',
    kind: 'csv',
    bom: true,
    extension: 'csv',
    columns,
    statusKey: 'status',
    aliases: { ...Object.fromEntries((legacy ? CURRENT : LEGACY).map(([key, header]) => [header, key])), ...OLDER_NAMES },
    notes: () => new GenerationNotes(legacy),
    check(listing): Checked {
      if (optionNames(listing.variants).length > LIMITS.shopify.options) {
        return { ok: false, column: 'Option1 name', reason: `Its variants vary by ${optionNames(listing.variants).length} options; Shopify allows ${LIMITS.shopify.options}.` };
      }
      const changes: Change[] = [];
      const named = withNamedVariants(listing, changes);
      const tags = joinable(named.tags, ',', 'Tags', changes);
      variantStockNote(named, changes, 'Inventory quantity', 'Shopify');
      const soldOut = (named.variants.length > 0 ? named.variants : [undefined]).filter((variant) => unknownStockSoldOut(named, variant)).length;
      if (soldOut > 0 && named.status === 'sold_out') {
        changes.push({ column: 'Inventory quantity', message: 'It is sold out and has no stock count: written as 0 in stock (tracked), so Shopify does not sell it.' });
      } else if (soldOut > 0) {
        changes.push({ column: 'Inventory quantity', message: `${soldOut} of its variants ${soldOut === 1 ? 'is' : 'are'} out of stock with no stock count: written as 0 in stock (tracked), so Shopify does not sell ${soldOut === 1 ? 'it' : 'them'}.` });
      }
      if (present(named.sku) && named.variants.length > 0 && !named.variants.some((variant) => variant.sku === named.sku)) {
        changes.push({ column: 'SKU', message: `Its own SKU (${named.sku}) is not written: Shopify keeps SKUs per variant.` });
      }
      return { ok: true, listing: tags.length === named.tags.length ? named : { ...named, tags }, changes };
    },
    keys: (listing) => ({ column: legacy ? 'Handle' : 'URL handle', marketplace: 'Shopify', values: [shopifyHandle(listing)] }),
    rows(listing) {
      const handle = shopifyHandle(listing);
      const names = optionNames(listing.variants);
      const variantCount = Math.max(1, listing.variants.length);
      const rowCount = Math.max(variantCount, listing.images.length);
      const ownType = listing.attributes['Type'];
      const rows: OutputRow[] = [];
      for (let index = 0; index < rowCount; index++) {
        const cells: Record<string, Cell> = { handle };
        const row: OutputRow = { cells };
        if (index === 0) {
          row.listingRow = true;
          cells.title = listing.title;
          cells.description = valueOrUnknown(listing, 'description', listing.description);
          cells.vendor = valueOrUnknown(listing, 'brand', listing.brand);
          // A Shopify product with both a category and a type: the category goes back to its own column.
          if (present(ownType)) {
            cells.productCategory = valueOrUnknown(listing, 'category', listing.category);
            cells.type = ownType;
          } else {
            cells.type = valueOrUnknown(listing, 'category', listing.category);
          }
          cells.tags = listOrUnknown(listing, 'tags', listing.tags, ', ');
          cells.status = STATUS[listing.status];
          cells.seoTitle = listing.attributes[ATTRIBUTE_OF.seoTitle!];
          cells.seoDescription = listing.attributes[ATTRIBUTE_OF.seoDescription!];
        }
        if (index < variantCount) {
          const variant = listing.variants[index];
          Object.assign(cells, variantCells(listing, names, variant, index === 0));
          if (variant) row.variant = variant;
        }
        if (index < listing.images.length) {
          cells.image = listing.images[index];
          cells.imagePosition = index + 1;
          row.image = listing.images[index];
        } else if (index === 0) {
          cells.image = valueOrUnknown(listing, 'images', null);
          cells.imagePosition = cells.image === null ? null : undefined;
        }
        rows.push(row);
      }
      return rows;
    },
  };
  return target;
}

function variantCells(listing: Listing, names: readonly string[], variant: Variant | undefined, first: boolean): Record<string, Cell> {
  const own = writesBack(listing, 'shopify');
  const priceMinor = variant ? variantPriceMinor(listing, variant, 'shopify') : listing.priceMinor;
  const soldOut = unknownStockSoldOut(listing, variant);
  const quantity = soldOut ? 0 : variant ? valueOrUnknown(listing, 'quantity', variant.quantity) : valueOrUnknown(listing, 'quantity', listing.quantity);
  const cells: Record<string, Cell> = {
    sku: valueOrUnknown(listing, 'sku', variant ? variant.sku : listing.sku),
    price: valueOrUnknown(listing, 'priceMinor', priceMinor === null ? null : formatMinor(priceMinor, listing.currency)),
    quantity,
    // A Shopify listing's own tracker is among its kept columns (blank: not tracked); the others track what they have.
    tracker: soldOut ? 'shopify' : own ? '' : quantity === null ? null : quantity === '' ? '' : 'shopify',
    // No own image = shows the product's: a blank here is the truth, not an erasure.
    variantImage: variant ? (variant.image ?? undefined) : undefined,
  };
  // Barcode and compare-at price of a product without variants are kept as its attributes.
  if (!variant) {
    cells.barcode = listing.attributes[ATTRIBUTE_OF.barcode!];
    cells.compareAt = listing.attributes[ATTRIBUTE_OF.compareAt!];
  }
  for (let position = 0; position < 3; position++) {
    const name = names[position];
    cells[`option${position + 1}Name`] = name !== undefined && first ? name : undefined;
    cells[`option${position + 1}Value`] = name !== undefined && variant ? (optionValue(variant, name) ?? '') : undefined;
  }
  return cells;
}

/**
 * A sold-out listing (or variant) without a stock count: WooCommerce's "out of stock" on a product
 * whose stock is not managed, or on one variation of a product still for sale. Shopify has no
 * sold-out status; untracked, it would sell the item again. It goes out as 0 in stock, tracked:
 * what "sold out" says.
 */
function unknownStockSoldOut(listing: Listing, variant: Variant | undefined): boolean {
  const soldOut = listing.status === 'sold_out' || (variant !== undefined && wooVariantOutOfStock(listing, variant));
  return soldOut && (variant ? variant.quantity : listing.quantity) === null;
}

/** Listings that came in the other header generation: exporting to theirs writes them back exactly. */
class GenerationNotes implements ExportNotes {
  private other = 0;

  constructor(private readonly legacy: boolean) {}

  add(listing: Listing): void {
    const generation = ownGeneration(listing);
    if (generation !== null && (generation === 'legacy') !== this.legacy) this.other++;
  }

  notes(): RowProblem[] {
    if (this.other === 0) return [];
    const theirs = this.legacy ? 'Shopify (2024/25 headers)' : 'Shopify (legacy 2019–2023 headers)';
    return [{ line: 0, column: null, message: `${this.other.toLocaleString('en-US')} listings came from Shopify files with the ${this.legacy ? '2024/25' : '2019–2023'} headers; their own columns are written under the names they came with. Export them as ${theirs} to write their whole rows in those headers.` }];
  }
}
