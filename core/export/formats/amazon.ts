import type { RowProblem } from '../../../common/import-types.js';
import type { Listing, Variant } from '../../../common/listing.js';
import { flatFileNameOf, parseAttributeLayout } from '../../import/amazon-attribute-keys.js';
import { conditionToken } from '../../import/amazon-condition.js';
import { reportStatus } from '../../import/amazon-report-status.js';
import { attributeColumn, KEPT_KEY, keptCell, writesBack } from '../kept-columns.js';
import { listOrUnknown, valueOrUnknown } from '../known-value.js';
import { LIMITS } from '../limits.js';
import { formatMinor } from '../money.js';
import type { Cell, Change, Checked, Column, ExportNotes, ExportTarget, OutputRow } from '../target.js';
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

/**
 * The same columns under Amazon's current attribute paths, for listings imported from a current
 * template or Category Listings Report (`{M}`: `[marketplace_id=…]`, `{L}`: `[language_tag=…]`).
 * No currency column: the marketplace in the price's path says it. The family words the file had
 * (`Principale`, `Variazione`) go back as written, so those columns are the file's (derived).
 */
const ATTRIBUTE_PATHS: Readonly<Record<string, string>> = {
  item_sku: 'contribution_sku#1.value',
  item_name: 'item_name{M}{L}#1.value',
  brand_name: 'brand{M}{L}#1.value',
  product_description: 'product_description{M}{L}#1.value',
  standard_price: 'purchasable_offer{M}[audience=ALL]#1.our_price#1.schedule#1.value_with_tax',
  quantity: 'fulfillment_availability#1.quantity',
  condition_type: 'condition_type{M}#1.value',
  item_type_name: 'item_type_keyword{M}#1.value',
  main_image_url: 'main_product_image_locator{M}#1.media_location',
  ...Object.fromEntries(Array.from({ length: OTHER_IMAGES }, (_, i) => [`other_image_url${i + 1}`, `other_product_image_locator_${i + 1}{M}#1.media_location`])),
  generic_keywords: 'generic_keyword{M}{L}#1.value',
  parent_child: 'parentage_level{M}#1.value',
  parent_sku: 'child_parent_sku_relationship{M}#1.parent_sku',
  relationship_type: 'child_parent_sku_relationship{M}#1.child_relationship_type',
  variation_theme: 'variation_theme#1.name',
  size_name: 'size{M}{L}#1.value',
  color_name: 'color{M}{L}#1.value',
  style_name: 'style{M}{L}#1.value',
  material_type: 'material{M}{L}#1.value',
  flavor_name: 'flavor{M}{L}#1.value',
  pattern_name: 'pattern{M}{L}#1.value',
  update_delete: '::record_action',
};
const FAMILY_WORDS = new Set(['parent_child', 'relationship_type']);

/**
 * A Category Listings Report's `::listing_status`, first as in the report: written only for
 * listings whose status came from it — the file's word while the status still says it (statusKey),
 * else Amazon's word for the status (Listsmith's sold out and archived are Amazon's Inactive).
 */
const LISTING_STATUS: Column = { key: 'listing_status', header: '::listing_status', type: 'text' };
const STATUS_WORDS: Readonly<Record<Listing['status'], string>> = { active: 'Active', inactive: 'Inactive', draft: 'Incomplete', sold_out: 'Inactive', archived: 'Inactive' };

/** `plain`: keys the listing's file wrote without the marketplace (parseAttributeLayout). */
function attributeColumns(marketplace: string, language: string, plain: readonly string[]): Column[] {
  const m = marketplace ? `[marketplace_id=${marketplace}]` : '';
  const l = language ? `[language_tag=${language}]` : '';
  return [
    LISTING_STATUS,
    ...columns.flatMap((column): Column[] => {
      const path = ATTRIBUTE_PATHS[column.key];
      if (path === undefined) return [];
      const header = plain.includes(path.replace(/\{[ML]\}/g, '')) ? path.replace(/\{[ML]\}/g, '') : path.replace('{M}', m).replace('{L}', l);
      return [{ ...column, header, ...(FAMILY_WORDS.has(column.key) ? { derived: true } : {}) }];
    }),
  ];
}

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
const flatFileTarget: ExportTarget = {
  format: 'amazon_flat_file',
  kind: 'csv',
  bom: true,
  extension: 'csv',
  columns,
  check(original): Checked {
    const changes: Change[] = [];
    const listing = withNamedVariants(original, changes);
    if (!present(listing.sku)) return { ok: false, column: 'item_sku', reason: 'Amazon needs a SKU (item_sku) for every item.' };
    // A partial update of a listing Amazon has (its report's title, 227 characters on a real amazon.fr
    // FBA report) is not left out for its title: its price and stock would be left out with it.
    const banned = FORBIDDEN_IN_TITLE.exec(listing.title);
    const titleProblems = [
      charLength(listing.title) > LIMITS.amazon.title ? `Title is ${charLength(listing.title)} characters; Amazon allows ${LIMITS.amazon.title}.` : null,
      banned ? `Title contains "${banned[0]}", which Amazon does not allow in titles.` : null,
    ].filter((problem): problem is string => problem !== null);
    for (const problem of titleProblems) {
      if (!partialOfAmazons(listing)) return { ok: false, column: 'item_name', reason: problem };
      changes.push({ column: 'item_name', message: `${problem} Written as it is in a partial update of a listing Amazon has: shorten it if Amazon's processing report refuses it.` });
    }
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
  notes: () => new AmazonNotes(),
  rows(listing) {
    const own = writesBack(listing, 'amazon_flat_file');
    const update = updateWord(listing);
    const partial = /^partial_?update$/i.test(update) || attributeLayoutOf(listing) !== null;
    const names = optionNames(listing.variants);
    // The theme the parent came with goes on its children's rows too (the parent's column is derived: its kept word wins there).
    const theme = keptFamilyCell(listing, 'variation_theme') || names.map((name) => THEME_WORDS[optionColumn(name)!]).join('');
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
      listing_status: attributeLayoutOf(listing) !== null && listing.source?.status !== undefined ? STATUS_WORDS[listing.status] : undefined,
      ...attributeCells(listing),
    };
    for (let i = 1; i <= OTHER_IMAGES; i++) parent[`other_image_url${i}`] = listing.images[i] ?? undefined;
    const reportWord = reportStatusWord(listing);
    if (reportWord !== undefined) parent[`${KEPT_KEY}status`] = reportWord;
    if (listing.variants.length === 0) {
      parent.standard_price = valueOrUnknown(listing, 'priceMinor', listing.priceMinor === null ? null : formatMinor(listing.priceMinor, listing.currency));
      parent.quantity = fulfilledByAmazon(listing) ? null : valueOrUnknown(listing, 'quantity', listing.quantity);
      return [{ cells: parent, listingRow: true, blankKeeps: partial }];
    }
    parent.parent_child = 'parent';
    parent.variation_theme = theme;
    const rows: OutputRow[] = [{ cells: parent, listingRow: true, blankKeeps: partial }];
    for (const variant of listing.variants) rows.push({ cells: childCells(listing, variant, names, theme, update, partial), variant, blankKeeps: partial });
    return rows;
  },
};

const attributeLayoutOf = (listing: Listing) => (writesBack(listing, 'amazon_flat_file') ? parseAttributeLayout(listing.source?.layout) : null);

const ATTRIBUTE_TARGETS = new Map<string, ExportTarget>();

function attributeTarget(marketplace: string, language: string, plain: readonly string[]): ExportTarget {
  const id = `amazon-attributes-${marketplace}-${language}${plain.length > 0 ? `-plain-${plain.join('-')}` : ''}`;
  let target = ATTRIBUTE_TARGETS.get(id);
  if (!target) {
    const label = [language, marketplace].filter(Boolean).join(', ');
    target = { ...flatFileTarget, columns: attributeColumns(marketplace, language, plain), statusKey: LISTING_STATUS.key, layout: { id, fileLabel: `template-${(language || marketplace || 'current').toLowerCase()}${plain.length > 0 ? '-plain' : ''}`, description: `Amazon's current template columns${label ? ` (${label})` : ''}` } };
    ATTRIBUTE_TARGETS.set(id, target);
  }
  return target;
}

/**
 * Amazon's flat file. A listing imported from a current template or Category Listings Report goes
 * back under that file's attribute paths, so its kept columns sit beside their own kind.
 */
export const amazonTarget: ExportTarget = {
  ...flatFileTarget,
  route(listing) {
    const layout = attributeLayoutOf(listing);
    return layout === null ? flatFileTarget : attributeTarget(layout.marketplace, layout.language, layout.plain);
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
 * (`partialupdate`, `Update`, a current template's `Crea o modifica`) goes back as it was — but
 * never a Delete (the reader keeps no delete word; a catalog from before that may hold `Delete`).
 */
function updateWord(listing: Listing): string {
  const current = attributeLayoutOf(listing) !== null;
  const kept = keptFamilyCell(listing, 'update_delete');
  if (kept !== undefined && (/^(partial)?update$/i.test(kept) || (current && kept !== '' && !/delete/i.test(kept)))) return kept;
  // A current template's blank action is its default (partial_update, its settings say), so it goes back blank.
  if (current) return '';
  return listing.marketplace === 'amazon' ? 'PartialUpdate' : 'Update';
}

/** The listing goes back as a partial update of one Amazon has (PartialUpdate, or a current template's action). */
function partialOfAmazons(listing: Listing): boolean {
  return listing.marketplace === 'amazon' && writesBack(listing, 'amazon_flat_file') && (/^partial_?update$/i.test(updateWord(listing)) || attributeLayoutOf(listing) !== null);
}

/**
 * The All Listings report's status, back under its column for listings that came from the report
 * (or from a flat file written for them): the report's word while the status still says it, else
 * Amazon's word for the status. Amazon does not read it from an upload; a re-import does, and
 * without it every Inactive and Incomplete listing came back Active.
 */
function reportStatusWord(listing: Listing): string | undefined {
  if (listing.marketplace !== 'amazon' || attributeLayoutOf(listing) !== null) return undefined;
  if (listing.source?.dialect !== 'amazon_all_listings' && keptCell(listing, 'amazon_flat_file', 'status') === undefined) return undefined;
  const word = listing.source?.status;
  return word !== undefined && reportStatus(word).status === listing.status ? word : STATUS_WORDS[listing.status];
}

/**
 * Amazon ships the listing from its warehouses (FBA): its All Listings report's
 * `fulfillment-channel` is AMAZON_NA, AMAZON_EU…, or its FBA inventory report row has Amazon's
 * offer and not the seller's. Amazon counts such stock itself; a flat file's quantity is stock the
 * seller ships, so the export leaves it blank (null: Amazon keeps what it has) rather than send
 * Amazon's count back as the seller's. Read back, the kept report cells give the stock again.
 */
function fulfilledByAmazon(listing: Listing): boolean {
  if (listing.marketplace !== 'amazon') return false;
  const channel = listing.attributes['fulfillment-channel'] ?? listing.attributes['フルフィルメント・チャンネル'];
  if (channel !== undefined) return /^amazon_/i.test(channel.trim());
  const yes = (header: string): boolean => keptCell(listing, 'amazon_flat_file', header)?.trim().toLowerCase() === 'yes';
  return yes('afn-listing-exists') && !yes('mfn-listing-exists');
}

/** Export-wide Amazon note: how many listings Amazon fulfils had a stock the file leaves blank. */
class AmazonNotes implements ExportNotes {
  private stockLeftToAmazon = 0;

  add(listing: Listing): void {
    if (fulfilledByAmazon(listing) && [listing.quantity, ...listing.variants.map((variant) => variant.quantity)].some((quantity) => quantity !== null)) this.stockLeftToAmazon++;
  }

  notes(): RowProblem[] {
    if (this.stockLeftToAmazon === 0) return [];
    return [{ line: 0, column: 'quantity', message: `${this.stockLeftToAmazon.toLocaleString('en-US')} listings are fulfilled by Amazon: their quantity is left blank, as Amazon counts the stock in its warehouses (a quantity in the file is stock you ship yourself).` }];
  }
}

/** A kept cell of the listing's row by its flat-file name, whichever spelling its file had (`variation_theme`, `variation_theme#1.name`). */
function keptFamilyCell(listing: Listing, name: string): string | undefined {
  if (!writesBack(listing, 'amazon_flat_file')) return undefined;
  for (const [header, value] of Object.entries(listing.source?.columns ?? {})) if ((flatFileNameOf(header) ?? header).trim().toLowerCase() === name) return value.trim();
  return undefined;
}

/**
 * `partial`: the row only changes what it fills. A child's title made up from its parent's would
 * then replace the one Amazon has; left blank, Amazon keeps it (a child's own title, when its row
 * had one, is kept with the variant and still goes back).
 */
function childCells(listing: Listing, variant: Variant, names: readonly string[], theme: string, update: string, partial: boolean): Record<string, Cell> {
  const priceMinor = variantPriceMinor(listing, variant, 'amazon_flat_file');
  const cells: Record<string, Cell> = {
    item_sku: variant.sku,
    item_name: partial && listing.marketplace === 'amazon' ? undefined : `${listing.title} - ${variant.options.map((option) => option.value).join(', ')}`,
    brand_name: valueOrUnknown(listing, 'brand', listing.brand),
    standard_price: valueOrUnknown(listing, 'priceMinor', priceMinor === null ? null : formatMinor(priceMinor, listing.currency)),
    currency: listing.currency,
    quantity: fulfilledByAmazon(listing) ? null : valueOrUnknown(listing, 'quantity', variant.quantity),
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
    const matchesOffer = (header: string | null): boolean => header !== null && /^external_product_id$/i.test(flatFileNameOf(header) ?? header);
    return column === null || (!matchesOffer(column) && keptCell(listing, 'amazon_flat_file', 'external_product_id') === undefined && !PRODUCT_IDS.some((other) => matchesOffer(attributeColumn(listing, 'amazon_flat_file', other))));
  };
  const id = PRODUCT_IDS.find((type) => present(listing.attributes[type]) && matchable(type));
  if (id !== undefined) {
    cells[`${KEPT_KEY}external_product_id`] = listing.attributes[id];
    cells[`${KEPT_KEY}external_product_id_type`] = id;
  }
  return cells;
}
