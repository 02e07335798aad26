import type { Listing, Variant } from '../../../common/listing.js';
import { conditionToken } from '../../import/amazon-condition.js';
import { attributeColumn, KEPT_KEY, keptCell, writesBack } from '../kept-columns.js';
import { listOrUnknown, valueOrUnknown } from '../known-value.js';
import { LIMITS } from '../limits.js';
import { formatMinor } from '../money.js';
import type { Cell, Change, Checked, Column, ExportTarget, OutputRow } from '../target.js';
import { byteLength, charLength, present } from '../text-fit.js';
import { optionNames, optionValue, variantPriceMinor, variantStockNote, withNamedVariants } from './shared.js';

const OTHER_IMAGES = LIMITS.amazon.images - 1;

/** Variation attributes Amazon's flat files have, by the option names Listsmith uses for them. */
const OPTION_COLUMNS: Readonly<Record<string, string>> = {
  size: 'size_name',
  colour: 'color_name',
  color: 'color_name',
  style: 'style_name',
  material: 'material_type',
  flavour: 'flavor_name',
  flavor: 'flavor_name',
  pattern: 'pattern_name',
};
const THEME_WORDS: Readonly<Record<string, string>> = { size_name: 'Size', color_name: 'Color', style_name: 'Style', material_type: 'Material', flavor_name: 'Flavor', pattern_name: 'Pattern' };
const OPTION_KEYS = [...new Set(Object.values(OPTION_COLUMNS))];

const columns: Column[] = [
  { key: 'item_sku', header: 'item_sku', type: 'text', always: true },
  // A child's own title, when its source row had one, wins over the one made from the parent's.
  { key: 'item_name', header: 'item_name', type: 'text', always: true, derived: true },
  { key: 'brand_name', header: 'brand_name', type: 'text' },
  { key: 'product_description', header: 'product_description', type: 'text' },
  { key: 'standard_price', header: 'standard_price', type: 'number' },
  { key: 'currency', header: 'currency', type: 'text' },
  { key: 'quantity', header: 'quantity', type: 'number' },
  { key: 'condition_type', header: 'condition_type', type: 'text' },
  { key: 'item_type_name', header: 'item_type_name', type: 'text' },
  { key: 'main_image_url', header: 'main_image_url', type: 'text' },
  ...Array.from({ length: OTHER_IMAGES }, (_, i): Column => ({ key: `other_image_url${i + 1}`, header: `other_image_url${i + 1}`, type: 'text' })),
  { key: 'generic_keywords', header: 'generic_keywords', type: 'text' },
  { key: 'parent_child', header: 'parent_child', type: 'text' },
  { key: 'parent_sku', header: 'parent_sku', type: 'text' },
  { key: 'relationship_type', header: 'relationship_type', type: 'text' },
  // The theme a parent came with (Amazon's names differ by category) wins over the one made from its options.
  { key: 'variation_theme', header: 'variation_theme', type: 'text', derived: true },
  ...OPTION_KEYS.map((key): Column => ({ key, header: key, type: 'text' })),
  { key: 'update_delete', header: 'update_delete', type: 'text', always: true },
];

const FORBIDDEN_IN_TITLE = /[!$?_{}^¬¦]/u;

/** Attributes the Amazon importer reads from flat-file columns, by the column they go back to. */
const ATTRIBUTE_COLUMNS: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [/^Bullet point (\d+)$/, (m) => `bullet_point${m[1]}`],
  [/^Product type$/, () => 'feed_product_type'],
];
const PRODUCT_IDS = ['ASIN', 'UPC', 'EAN', 'GTIN', 'ISBN'];

function optionColumn(name: string): string | undefined {
  return OPTION_COLUMNS[name.trim().toLowerCase()];
}

/**
 * Amazon inventory flat file, a subset: one header row of API names (Amazon's template adds its
 * own rows above it when pasted into the category template). Skipped: no SKU (Amazon's key),
 * title over 200 characters or holding a character Amazon bans in titles, variants without a SKU
 * or varying by something Amazon has no variation attribute for. Trimmed and listed: images past
 * 1 + 8, search terms past 250 bytes (whole tags dropped from the end).
 *
 * A listing with variants is a parent row (`parent_child` = parent, the theme, no price or stock)
 * and one child row per variant (`parent_sku`, `relationship_type` = Variation, its size/colour…,
 * its own SKU, price and quantity). update_delete is PartialUpdate for listings that came from
 * Amazon — only the columns written change there, a blank keeps Amazon's value, so such rows never
 * need a file of their own — and Update (create or replace) for the rest.
 */
export const amazonTarget: ExportTarget = {
  format: 'amazon_flat_file',
  kind: 'csv',
  bom: true,
  extension: 'csv',
  columns,
  check(original): Checked {
    const changes: Change[] = [];
    const listing = withNamedVariants(original, changes);
    if (!present(listing.sku)) return { ok: false, column: 'item_sku', reason: 'Amazon needs a SKU (item_sku) for every item.' };
    if (charLength(listing.title) > LIMITS.amazon.title) return { ok: false, column: 'item_name', reason: `Title is ${charLength(listing.title)} characters; Amazon allows ${LIMITS.amazon.title}.` };
    const banned = FORBIDDEN_IN_TITLE.exec(listing.title);
    if (banned) return { ok: false, column: 'item_name', reason: `Title contains "${banned[0]}", which Amazon does not allow in titles.` };
    const unsupported = optionNames(listing.variants).filter((name) => optionColumn(name) === undefined);
    if (unsupported.length > 0) {
      return { ok: false, column: 'variation_theme', reason: `Its variants vary by ${unsupported.map((name) => `"${name}"`).join(', ')}, which Amazon has no variation attribute for (size, colour, style, material, flavour, pattern).` };
    }
    const unnamed = listing.variants.filter((variant) => !present(variant.sku)).length;
    if (unnamed > 0) return { ok: false, column: 'item_sku', reason: `${unnamed} of its variants have no SKU; every Amazon child needs its own.` };
    variantStockNote(listing, changes, 'quantity', 'Amazon');
    if (listing.images.length > LIMITS.amazon.images) changes.push({ column: 'other_image_url8', message: `${listing.images.length - LIMITS.amazon.images} images past Amazon's ${LIMITS.amazon.images} are left out.` });
    const tags = [...listing.tags];
    while (tags.length > 0 && byteLength(tags.join(keywordSeparator(listing))) > LIMITS.amazon.keywordsBytes) tags.pop();
    if (tags.length < listing.tags.length) {
      changes.push({ column: 'generic_keywords', message: `Search terms are limited to ${LIMITS.amazon.keywordsBytes} bytes: the last ${listing.tags.length - tags.length} tags are left out.` });
    }
    return { ok: true, listing: { ...listing, tags, images: listing.images.slice(0, LIMITS.amazon.images) }, changes };
  },
  keys: (listing) => ({ column: 'item_sku', marketplace: 'Amazon', values: [listing.sku ?? '', ...listing.variants.map((variant) => variant.sku ?? '')] }),
  rows(listing) {
    const own = writesBack(listing, 'amazon_flat_file');
    const update = updateWord(listing);
    const partial = /^partialupdate$/i.test(update);
    const names = optionNames(listing.variants);
    const theme = names.map((name) => THEME_WORDS[optionColumn(name)!]).join('');
    const parent: Record<string, Cell> = {
      item_sku: listing.sku,
      item_name: listing.title,
      brand_name: valueOrUnknown(listing, 'brand', listing.brand),
      product_description: valueOrUnknown(listing, 'description', listing.description),
      currency: listing.currency,
      // Amazon's own token (`UsedVeryGood`) for the condition name a report or flat file gave.
      condition_type: own ? valueOrUnknown(listing, 'condition', listing.condition === null ? null : conditionToken(listing.condition)) : undefined,
      // An Amazon listing's category is its item type (unless it only repeats the product type it came from).
      item_type_name: own && listing.category !== listing.attributes['Product type'] ? valueOrUnknown(listing, 'category', listing.category) : undefined,
      main_image_url: valueOrUnknown(listing, 'images', listing.images[0]),
      generic_keywords: listOrUnknown(listing, 'tags', listing.tags, keywordSeparator(listing)),
      update_delete: update,
      ...attributeCells(listing),
    };
    for (let i = 1; i <= OTHER_IMAGES; i++) parent[`other_image_url${i}`] = listing.images[i] ?? undefined;
    if (listing.variants.length === 0) {
      parent.standard_price = valueOrUnknown(listing, 'priceMinor', listing.priceMinor === null ? null : formatMinor(listing.priceMinor, listing.currency));
      parent.quantity = valueOrUnknown(listing, 'quantity', listing.quantity);
      return [{ cells: parent, listingRow: true, blankKeeps: partial }];
    }
    parent.parent_child = 'parent';
    parent.variation_theme = theme;
    const rows: OutputRow[] = [{ cells: parent, listingRow: true, blankKeeps: partial }];
    for (const variant of listing.variants) rows.push({ cells: childCells(listing, variant, names, theme, update), variant, blankKeeps: partial });
    return rows;
  },
};

/**
 * Search terms are words separated by spaces (Amazon's advice); tags that came from an Amazon file
 * were read from a list with commas, and go back as one.
 */
function keywordSeparator(listing: Listing): string {
  return writesBack(listing, 'amazon_flat_file') ? ', ' : ' ';
}

/**
 * PartialUpdate for listings that came from Amazon, Update for the rest; the file's own word
 * (`partialupdate`, `Update`) goes back as it was — but never a Delete.
 */
function updateWord(listing: Listing): string {
  const kept = keptCell(listing, 'amazon_flat_file', 'update_delete')?.trim();
  if (kept !== undefined && /^(partial)?update$/i.test(kept)) return kept;
  return listing.marketplace === 'amazon' ? 'PartialUpdate' : 'Update';
}

function childCells(listing: Listing, variant: Variant, names: readonly string[], theme: string, update: string): Record<string, Cell> {
  const priceMinor = variantPriceMinor(listing, variant, 'amazon_flat_file');
  const cells: Record<string, Cell> = {
    item_sku: variant.sku,
    item_name: `${listing.title} - ${variant.options.map((option) => option.value).join(', ')}`,
    brand_name: valueOrUnknown(listing, 'brand', listing.brand),
    standard_price: valueOrUnknown(listing, 'priceMinor', priceMinor === null ? null : formatMinor(priceMinor, listing.currency)),
    currency: listing.currency,
    quantity: valueOrUnknown(listing, 'quantity', variant.quantity),
    main_image_url: variant.image ?? undefined,
    parent_child: 'child',
    parent_sku: listing.sku,
    relationship_type: 'Variation',
    variation_theme: theme,
    update_delete: update,
  };
  for (const name of names) cells[optionColumn(name)!] = optionValue(variant, name) ?? '';
  return cells;
}

/**
 * Bullet points, the product type and a product id the Amazon importer read into attributes, back
 * under their flat-file columns (unless the listing's kept columns already name where they go).
 */
function attributeCells(listing: Listing): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  for (const [name, value] of Object.entries(listing.attributes)) {
    if (attributeColumn(listing, 'amazon_flat_file', name) !== null) continue;
    for (const [pattern, column] of ATTRIBUTE_COLUMNS) {
      const match = pattern.exec(name);
      if (match) cells[KEPT_KEY + column(match)] = value;
    }
  }
  // An id kept under a report column (the All Listings report's asin1) is not where a flat file
  // matches the offer: it also goes into external_product_id, unless the listing has that column.
  const matchable = (type: string): boolean => {
    const column = attributeColumn(listing, 'amazon_flat_file', type);
    return column === null || (!/^external_product_id$/i.test(column) && keptCell(listing, 'amazon_flat_file', 'external_product_id') === undefined && !PRODUCT_IDS.some((other) => /^external_product_id$/i.test(attributeColumn(listing, 'amazon_flat_file', other) ?? '')));
  };
  const id = PRODUCT_IDS.find((type) => present(listing.attributes[type]) && matchable(type));
  if (id !== undefined) {
    cells[`${KEPT_KEY}external_product_id`] = listing.attributes[id];
    cells[`${KEPT_KEY}external_product_id_type`] = id;
  }
  return cells;
}
