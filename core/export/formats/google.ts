import type { Listing, ListingStatus, Variant } from '../../../common/listing.js';
import { isFormulaLike } from '../cells.js';
import { generatedListingId } from '../../catalog/generated-id.js';
import { KEPT_KEY, writesBack } from '../kept-columns.js';
import { valueOrUnknown } from '../known-value.js';
import { LIMITS } from '../limits.js';
import { formatMinor } from '../money.js';
import type { Cell, Change, Checked, Column, ExportTarget, OutputRow } from '../target.js';
import { charLength, present, truncateAtWord } from '../text-fit.js';
import { optionNames, optionValue, variantPriceMinor } from './shared.js';

/** Item attributes a variant's options go to (Google's variant attributes). */
const OPTION_FIELDS: Readonly<Record<string, string>> = {
  color: 'color',
  colour: 'color',
  size: 'size',
  material: 'material',
  pattern: 'pattern',
  'age group': 'age_group',
  age_group: 'age_group',
  gender: 'gender',
};
const OPTION_KEYS = [...new Set(Object.values(OPTION_FIELDS))];

const columns: Column[] = [
  { key: 'id', header: 'id', type: 'text', always: true },
  { key: 'item_group_id', header: 'item_group_id', type: 'text' },
  { key: 'title', header: 'title', type: 'text', always: true },
  { key: 'description', header: 'description', type: 'text' },
  { key: 'link', header: 'link', type: 'text' },
  { key: 'image_link', header: 'image_link', type: 'text' },
  { key: 'additional_image_link', header: 'additional_image_link', type: 'text' },
  { key: 'availability', header: 'availability', type: 'text', always: true },
  { key: 'price', header: 'price', type: 'text' },
  { key: 'quantity', header: 'quantity', type: 'number' },
  { key: 'condition', header: 'condition', type: 'text' },
  { key: 'brand', header: 'brand', type: 'text' },
  { key: 'product_type', header: 'product_type', type: 'text' },
  ...OPTION_KEYS.map((key): Column => ({ key, header: key, type: 'text' })),
  { key: 'structured_title', header: 'structured_title', type: 'text' },
  { key: 'structured_description', header: 'structured_description', type: 'text' },
];

const LINK_ATTRIBUTES = ['Link', 'link', 'url', 'Link URL', 'URL', 'product_url'];
const AVAILABILITY: Record<ListingStatus, string> = { active: 'in_stock', draft: 'in_stock', inactive: 'out_of_stock', archived: 'out_of_stock', sold_out: 'out_of_stock' };

export function googleId(listing: Listing): string {
  if (listing.marketplace === 'google' && present(listing.sourceId)) return listing.sourceId;
  return present(listing.sku) ? listing.sku : generatedListingId(listing.id);
}

function condition(text: string | null): string | null {
  if (!present(text)) return null;
  if (/refurb/i.test(text)) return 'refurbished';
  if (/\bnew\b/i.test(text) && !/like new|as new/i.test(text)) return 'new';
  if (/used|pre-?owned|vintage|like new|as new|good|fair|excellent/i.test(text)) return 'used';
  return null;
}

function optionField(name: string): string | undefined {
  return OPTION_FIELDS[name.trim().toLowerCase()];
}

/**
 * AI-written text is labelled the way Google asks: the structured_title / structured_description
 * attributes with digital_source_type `trained_algorithmic_media`, written in text feeds as
 * `trained_algorithmic_media:"<text>"` (inner quotes doubled). The plain title/description
 * columns keep the same text for tools that ignore the structured ones.
 */
export function aiWrittenFields(listing: Listing): { title: string | null; description: string | null } | null {
  const fields = listing.aiWritten ?? [];
  if (fields.length === 0) return null;
  const label = (text: string): string => `trained_algorithmic_media:"${text.replace(/"/g, '""')}"`;
  const title = fields.includes('title') ? label(listing.title) : null;
  const description = fields.includes('description') ? label(listing.description) : null;
  return title === null && description === null ? null : { title, description };
}

/** What goes to Google of a listing, and what had to change; `kind`: the TSV feed or the XML one. */
function checked(listing: Listing, kind: 'tsv' | 'xml'): Checked {
  const length = charLength(listing.title);
  if (length > LIMITS.google.title) return { ok: false, column: 'title', reason: `Title is ${length} characters; Google allows ${LIMITS.google.title}.` };
  // A feed's own items go back as the feed had them; others must bring what Google requires.
  if (!writesBack(listing, 'google_merchant')) {
    if (!present(listing.description)) return { ok: false, column: 'description', reason: 'Google requires a description.' };
    if (listing.images.length === 0) return { ok: false, column: 'image_link', reason: 'Google requires an image.' };
    if (listing.priceMinor === null && !(listing.variants.length > 0 && listing.variants.every((variant) => variant.priceMinor !== null))) {
      return { ok: false, column: 'price', reason: 'Google requires a price.' };
    }
  }
  const changes: Change[] = [];
  const unsupported = optionNames(listing.variants).filter((name) => optionField(name) === undefined);
  if (unsupported.length > 0) {
    changes.push({ column: 'item_group_id', message: `Its items are written without ${unsupported.map((name) => `"${name}"`).join(', ')}: Google's variant attributes are color, size, material, pattern, age_group and gender.` });
  }
  let description = listing.description;
  if (charLength(description) > LIMITS.google.description) {
    description = truncateAtWord(description, LIMITS.google.description);
    changes.push({ column: 'description', message: `Description cut to ${charLength(description)} characters at a word boundary (Google allows ${LIMITS.google.description}).` });
  }
  // Only a TSV cell is guarded (an XML feed is no spreadsheet), and only as written: line breaks become spaces first.
  for (const [column, value] of kind === 'tsv' ? ([['title', listing.title], ['description', description]] as const) : []) {
    const written = value.replace(/[\t\r\n]+/g, ' ');
    if (isFormulaLike(written)) changes.push({ column, message: `Starts with "${written[0]}": written with a leading ' so spreadsheets do not run it as a formula; Google will show the apostrophe — consider rewording.` });
  }
  const extra = listing.images.length - 1 - LIMITS.google.additionalImages;
  if (extra > 0) changes.push({ column: 'additional_image_link', message: `${extra} images past Google's ${LIMITS.google.additionalImages} additional images are left out.` });
  return { ok: true, listing: { ...listing, description, images: listing.images.slice(0, 1 + LIMITS.google.additionalImages) }, changes };
}

/**
 * Google Merchant Center TSV feed. Required: title (1–150, else skipped), description (missing →
 * skipped; over 5,000 characters → cut at a word boundary, listed: Google refuses the whole item
 * otherwise), image_link (no image → skipped), price (none → skipped) — except for items that came
 * from a Google feed, which go back as the feed had them. `link` comes from a link/url attribute;
 * listings without one go to a file without the column.
 *
 * A listing with variants is an item group: one item per variant with its own id, price, image,
 * availability and size/color/material/pattern/age_group/gender, all sharing `item_group_id`.
 * An item's own kept columns (the fields that differed from its group's first item) win over the
 * listing's values.
 */
export const googleTarget: ExportTarget = {
  format: 'google_merchant',
  kind: 'tsv',
  bom: true,
  extension: 'tsv',
  columns,
  statusKey: 'availability',
  check: (listing) => checked(listing, 'tsv'),
  keys: (listing) => ({
    column: 'id',
    marketplace: 'Google',
    values: listing.variants.length === 0 ? [googleId(listing)] : [`item_group_id ${googleId(listing)}`, ...listing.variants.map((variant, index) => itemId(listing, variant, index))],
  }),
  rows(listing) {
    const own = writesBack(listing, 'google_merchant');
    const link = LINK_ATTRIBUTES.map((name) => listing.attributes[name]).find(present) ?? null;
    const ai = aiWrittenFields(listing);
    const outOfStock = listing.status === 'sold_out' || (!own && listing.quantity === 0);
    const shared: Record<string, Cell> = {
      title: listing.title,
      description: valueOrUnknown(listing, 'description', listing.description),
      link,
      image_link: valueOrUnknown(listing, 'images', listing.images[0]),
      additional_image_link: listing.images.length > 1 ? listing.images.slice(1).join(',') : undefined,
      availability: outOfStock ? 'out_of_stock' : AVAILABILITY[listing.status],
      price: priceCell(listing, listing.priceMinor),
      quantity: own ? valueOrUnknown(listing, 'quantity', listing.quantity) : undefined,
      condition: valueOrUnknown(listing, 'condition', own ? listing.condition : condition(listing.condition)),
      brand: valueOrUnknown(listing, 'brand', listing.brand),
      product_type: valueOrUnknown(listing, 'category', listing.category),
      structured_title: ai?.title ?? undefined,
      structured_description: ai?.description ?? undefined,
    };
    if (listing.variants.length === 0) return [{ cells: { id: googleId(listing), ...shared }, listingRow: true }];
    const groupId = googleId(listing);
    const names = optionNames(listing.variants);
    return listing.variants.map((variant, index): OutputRow => ({
      cells: { ...shared, ...itemCells(listing, variant, names, own), id: itemId(listing, variant, index), item_group_id: groupId },
      listingRow: true,
      variant,
      variantColumnsWin: true,
    }));
  },
};

/** An item of a group: the variant's own id (kept as its SKU), else the group's id and its number. */
function itemId(listing: Listing, variant: Variant, index: number): string {
  return present(variant.sku) ? variant.sku : `${googleId(listing)}-${index + 1}`;
}

function priceCell(listing: Listing, minor: number | null): string | '' | null {
  return valueOrUnknown(listing, 'priceMinor', minor === null ? null : `${formatMinor(minor, listing.currency)} ${listing.currency}`);
}

function itemCells(listing: Listing, variant: Variant, names: readonly string[], own: boolean): Record<string, Cell> {
  const cells: Record<string, Cell> = {
    price: priceCell(listing, variantPriceMinor(listing, variant, 'google_merchant')),
    image_link: variant.image ?? valueOrUnknown(listing, 'images', listing.images[0]),
    quantity: own ? valueOrUnknown(listing, 'quantity', variant.quantity) : undefined,
  };
  if (!own && variant.quantity === 0) cells.availability = 'out_of_stock';
  const stated = statedOptions(variant, names);
  // Stated options stand alone: the item's color/size attributes keep their own values.
  if (stated !== null) cells[`${KEPT_KEY}${VARIANT_OPTION}`] = stated;
  else {
    for (const name of names) {
      const field = optionField(name);
      if (field !== undefined) cells[field] = optionValue(variant, name) ?? '';
    }
  }
  return cells;
}

/** Google's variant_option attribute, in its TSV notation (the XML feed writes name/value elements). */
const VARIANT_OPTION = 'variant_option(name:value)';

/**
 * Options Google has no variant attribute for (a wig's length and density) are stated as
 * `variant_option` pairs — all of the item's options then, so the reader takes them as stated —
 * unless a name or value holds the notation's own `:` or `,`.
 */
function statedOptions(variant: Variant, names: readonly string[]): string | null {
  if (names.every((name) => optionField(name) !== undefined)) return null;
  const pairs = variant.options.map((option) => [option.name, option.value] as const);
  if (pairs.some(([name, value]) => /[:,]/.test(name) || /[:,]/.test(value))) return null;
  return pairs.map(([name, value]) => `${name}:${value}`).join(',');
}

/**
 * The same feed as an RSS 2.0 XML file (core/export/xml-feed.ts): Google's recommended format, and
 * the one that keeps line breaks in descriptions, which a TSV feed turns into spaces.
 */
export const googleXmlTarget: ExportTarget = { ...googleTarget, format: 'google_merchant_xml', kind: 'xml', bom: false, extension: 'xml', check: (listing) => checked(listing, 'xml') };
