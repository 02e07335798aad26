import { DEFAULT_EBAY_EURO_SITE, EBAY_SITES, ebayActionHeader, type EbaySiteCode } from '../../../common/ebay-sites.js';
import type { RowProblem } from '../../../common/import-types.js';
import type { Listing, Variant } from '../../../common/listing.js';
import { EBAY_CONDITIONS } from '../../import/dialects/ebay-seller-hub.js';
import { formatVariationDimensions, formatVariationOptions, parseVariationDimensions, withListedValues, type VariationDimension } from '../../import/ebay-variations.js';
import { normaliseStatus } from '../../import/values.js';
import { attributeColumn, headerKey, KEPT_KEY, keptCell, writesBack } from '../kept-columns.js';
import { valueOrUnknown } from '../known-value.js';
import { LIMITS } from '../limits.js';
import { formatMinor } from '../money.js';
import type { Cell, Change, Checked, Column, ExportNotes, ExportSettings, ExportTarget, OutputRow, Refusal } from '../target.js';
import { charLength, present } from '../text-fit.js';
import { ebayUploadable, isReportOnly, uploadHeaderOf } from './ebay-report-columns.js';
import { ebaySiteFor } from './ebay-site.js';
import { optionNames, optionValue, optionValues, variantPriceMinor, variantStockNote, withNamedVariants } from './shared.js';

/** The US upload's Action header (the other sites differ only in SiteID, Country and Currency). */
export const EBAY_ACTION_HEADER = ebayActionHeader('US');

function siteColumns(site: EbaySiteCode): Column[] {
  return [
    { key: 'action', header: ebayActionHeader(site), type: 'text', always: true },
    { key: 'itemNumber', header: 'Item number', type: 'text' },
    { key: 'sku', header: 'Custom label (SKU)', type: 'text' },
    { key: 'categoryId', header: 'Category ID', type: 'number' },
    { key: 'categoryName', header: 'Category name', type: 'text' },
    { key: 'title', header: 'Title', type: 'text', always: true },
    { key: 'relationship', header: 'Relationship', type: 'text' },
    { key: 'relationshipDetails', header: 'Relationship details', type: 'text' },
    { key: 'price', header: 'Price', type: 'number' },
    { key: 'quantity', header: 'Quantity', type: 'number' },
    { key: 'photos', header: 'Item photo URL', type: 'text' },
    // Text: a file's own (even invalid) Condition ID goes back as it was written.
    { key: 'conditionId', header: 'Condition ID', type: 'text' },
    { key: 'description', header: 'Description', type: 'text' },
    // A new draft is FixedPrice unless the listing's own eBay file said otherwise (Auction); a Revise keeps the item's.
    { key: 'format', header: 'Format', type: 'text', derived: true },
  ];
}

/** Attributes the eBay importers read from upload columns, by the column they go back to (never item specifics). */
const FIELD_ATTRIBUTES: Readonly<Record<string, string>> = {
  Subtitle: 'Subtitle',
  Duration: 'Duration',
  'Condition description': 'Condition description',
  UPC: 'UPC',
  EAN: 'EAN',
};
/** Attributes written in the format's own columns. */
const OWN_COLUMN_ATTRIBUTES = new Set(['Format', 'Category ID']);

const CONDITION_IDS = new Map<string, string>([
  ...Object.entries(EBAY_CONDITIONS).map(([id, name]): [string, string] => [name.toLowerCase(), id]),
  ['new', '1000'],
  ['brand new', '1000'],
  ['new with tags', '1000'],
  ['new without tags', '1500'],
  ['new with box', '1000'],
  ['new without box', '1500'],
  ['open box', '1500'],
  ['used', '3000'],
  ['pre-owned', '3000'],
  ['refurbished', '2500'],
  ['for parts', '7000'],
  // The names eBay's own reports write in Condition (by site and category), and the Inventory API's
  // enum names (LIKE_NEW, USED_GOOD…) read with spaces.
  ['new other (see details)', '1500'],
  ['new other', '1500'],
  ['opened - never used', '1500'],
  ['new without box or papers', '1500'],
  ['new with defects (see details)', '1750'],
  ['certified - refurbished', '2000'],
  ['manufacturer refurbished', '2000'],
  ['graded', '2750'],
  ['pre-owned - good', '3000'],
  ['ungraded', '4000'],
  ['used excellent', '3000'],
  ['used very good', '4000'],
  ['used good', '5000'],
  ['used acceptable', '6000'],
  ['pre owned excellent', '2990'],
  ['pre owned fair', '3010'],
  ['excellent refurbished', '2010'],
  ['very good refurbished', '2020'],
  ['good refurbished', '2030'],
]);

/** An eBay condition ID from a condition number or name, or null. */
export function ebayConditionId(condition: string | null): string | null {
  if (!present(condition)) return null;
  const text = condition.trim().replace(/\.0$/, '');
  if (text in EBAY_CONDITIONS) return text;
  // "Opened – never used" (eBay UK) writes an en dash; LIKE_NEW an underscore.
  const name = text.toLowerCase().replace(/[\u2013\u2014]/g, '-').replace(/_/g, ' ').replace(/\s+/g, ' ');
  return CONDITION_IDS.get(name) ?? null;
}

/** The Condition ID: the one the listing's eBay file had while it still names the listing's condition, else from the condition. */
function conditionIdOf(listing: Listing): string | '' | null {
  const kept = keptCell(listing, 'ebay_seller_hub', 'Condition ID') ?? keptCell(listing, 'ebay_seller_hub', 'ConditionID');
  if (kept !== undefined && listing.condition !== null && (EBAY_CONDITIONS[kept.replace(/\.0$/, '')] === listing.condition || kept === listing.condition || ebayConditionId(listing.condition) === kept.replace(/\.0$/, ''))) return kept;
  return valueOrUnknown(listing, 'condition', ebayConditionId(listing.condition));
}

const ACTION_HEADER = /^\*?action\s*(\(|$)/i;

/** The Action cell the listing's eBay file had (kept under its Action header), or undefined. */
function keptAction(listing: Listing): string | undefined {
  if (!writesBack(listing, 'ebay_seller_hub')) return undefined;
  return Object.entries(listing.source?.columns ?? {}).find(([header]) => ACTION_HEADER.test(header.trim()))?.[1];
}

/**
 * A Revise of the live item for an active listing with an eBay item number; the file's own action
 * (Add, VerifyAdd…) while the listing's status still maps from it; else a Draft.
 */
function actionOf(listing: Listing): { action: string; revise: string | null } {
  const number = itemNumber(listing);
  if (number !== null && (listing.status === 'active' || listing.status === 'sold_out')) return { action: 'Revise', revise: number };
  const kept = keptAction(listing);
  if (kept !== undefined && kept.trim() !== '' && normaliseStatus(kept) === listing.status && !/^revise$/i.test(kept.trim())) return { action: kept, revise: null };
  return { action: 'Draft', revise: null };
}

/**
 * File Exchange's names of columns this format writes under Seller Hub's (`*ConditionID`,
 * `RelationshipDetails`): a cell kept under one goes into the format's own column, never into a
 * second column eBay would read as the same field (a re-import read the blank second one on
 * variation rows and lost every variant's options).
 */
const OWN_COLUMN_ALIASES = new Set(['conditionid', 'relationshipdetails']);

/** Kept columns that go back into an eBay file: not the Action column (the format writes its own), not report-only ones, not another name of an own column. */
function uploadable(header: string, listing: Listing): boolean {
  return !ACTION_HEADER.test(header.trim()) && !OWN_COLUMN_ALIASES.has(headerKey(header)) && ebayUploadable(header, listing);
}

/** Kept cells of a listing row's variation details: their values go into the upload's Relationship details. */
const LISTED_DETAILS_HEADERS = ['Relationship details', 'RelationshipDetails', 'Variation details'];
const LISTED_DETAILS = new Set(LISTED_DETAILS_HEADERS.map(headerKey));

/** The listing row's variation details as its eBay file wrote them (kept when they name values no variant has), or []. */
function listedDimensions(listing: Listing): VariationDimension[] {
  const kept = LISTED_DETAILS_HEADERS.map((header) => keptCell(listing, 'ebay_seller_hub', header)).find((value) => value !== undefined);
  return kept === undefined ? [] : parseVariationDimensions(kept);
}

/** The eBay item number of a listing that came from eBay (a Revise row names it). */
function itemNumber(listing: Listing): string | null {
  return listing.marketplace === 'ebay' && listing.sourceId !== null && /^\d{6,}$/.test(listing.sourceId) ? listing.sourceId : null;
}

const NUMERIC_CATEGORY = /^\d{1,9}$/;
const CATEGORY_COLUMNS = ['Category ID', 'CategoryID', 'Category', 'Category number', 'eBay category 1 number'];

/** The eBay category number: the listing's category when it is one, else the one its eBay source kept. */
function categoryId(listing: Listing): string | null {
  const fromEbay = listing.marketplace === 'ebay' || writesBack(listing, 'ebay_seller_hub');
  if (!fromEbay) return null;
  if (listing.category !== null && NUMERIC_CATEGORY.test(listing.category)) return listing.category;
  const kept = listing.attributes['Category ID'];
  if (kept !== undefined && NUMERIC_CATEGORY.test(kept)) return kept;
  const columns = listing.source?.columns ?? {};
  for (const header of CATEGORY_COLUMNS) {
    const value = Object.entries(columns).find(([name]) => name.trim().toLowerCase() === header.toLowerCase())?.[1]?.trim();
    if (value !== undefined && NUMERIC_CATEGORY.test(value)) return value;
  }
  return null;
}

interface Specifics {
  /** `@C:<name>` and `@<field>` cells. */
  cells: Record<string, string>;
  changes: Change[];
}

/**
 * Item specifics from attributes that did not come from an eBay column (those go back under their
 * own header as kept columns; a report's ePID under the upload's P:EPID), plus the brand as C:Brand unless an attribute names one. Never from
 * report-only data (Watchers, Start date…). At most 45, values ≤ 65 characters (longer ones left
 * out and listed).
 */
function itemSpecifics(listing: Listing): Specifics {
  const cells: Record<string, string> = {};
  const changes: Change[] = [];
  const entries = Object.entries(listing.attributes).filter(([name, value]) => present(name) && present(value));
  if (present(listing.brand) && !entries.some(([name]) => name.toLowerCase() === 'brand')) entries.unshift(['Brand', listing.brand]);
  let kept = 0;
  for (const [name, value] of entries) {
    const column = attributeColumn(listing, 'ebay_seller_hub', name);
    // A report column the upload names otherwise (the report's ePID is the upload's P:EPID) goes under the upload's header.
    const renamed = column === null ? null : uploadHeaderOf(column);
    if (renamed !== null) {
      cells[KEPT_KEY + renamed] = value;
      continue;
    }
    if (column !== null || OWN_COLUMN_ATTRIBUTES.has(name) || isReportOnly(name)) continue;
    const field = FIELD_ATTRIBUTES[name];
    if (field !== undefined) {
      cells[KEPT_KEY + field] = value;
      continue;
    }
    if (charLength(value) > LIMITS.ebay.itemSpecificValue) changes.push({ column: `C:${name}`, message: `Item specific "${name}" is longer than ${LIMITS.ebay.itemSpecificValue} characters; left out.` });
    else if (kept >= LIMITS.ebay.itemSpecifics) changes.push({ column: `C:${name}`, message: `Item specific "${name}" is past eBay's ${LIMITS.ebay.itemSpecifics}; left out.` });
    else {
      cells[`${KEPT_KEY}C:${name}`] = value;
      kept++;
    }
  }
  return { cells, changes };
}

/** Characters that separate names and values in eBay's Relationship details. */
const DETAIL_SEPARATORS = /[=;|]/;

function checkVariations(listing: Listing): Refusal | null {
  if (listing.variants.length === 0) return null;
  const names = optionNames(listing.variants);
  if (listing.variants.length > LIMITS.ebay.variations) return { ok: false, column: 'Relationship', reason: `It has ${listing.variants.length} variants; eBay allows ${LIMITS.ebay.variations} per listing.` };
  if (names.length > LIMITS.ebay.variationNames) return { ok: false, column: 'Relationship details', reason: `Its variants vary by ${names.length} options; eBay allows ${LIMITS.ebay.variationNames}.` };
  const bad = listing.variants.flatMap((variant) => variant.options).find((option) => DETAIL_SEPARATORS.test(option.name) || DETAIL_SEPARATORS.test(option.value));
  if (bad) return { ok: false, column: 'Relationship details', reason: `Option "${bad.name}: ${bad.value}" holds = ; or |, which eBay's Relationship details use as separators.` };
  return null;
}

function money(listing: Listing, minor: number | null): string | '' | null {
  return valueOrUnknown(listing, 'priceMinor', minor === null ? null : formatMinor(minor, listing.currency));
}

/**
 * eBay Seller Hub upload for one site (`Action(SiteID=UK|Country=GB|Currency=GBP|…)`): every
 * price is in the site's currency. A listing that came from eBay with an item number and is
 * active is a `Revise` of that item; every other listing a `Draft` the seller reviews in Seller
 * Hub (a file's own `Add` is kept while the listing is still active), so nothing goes live by
 * surprise. Both leave what a blank cell would stand for unchanged, so an eBay export never splits
 * for lacking columns. Title over 80 characters: skipped.
 *
 * Variations: a parent row (Relationship blank, Relationship details listing every value:
 * `Size=S;M;L|Color=Red;Blue`) and one row per variant (`Variation`, `Size=S|Color=Red`, its own
 * SKU, price and quantity; its picture as `Red=<url>`).
 */
function ebaySiteTarget(code: EbaySiteCode): ExportTarget {
  const site = EBAY_SITES[code];
  return {
    format: 'ebay_seller_hub',
    kind: 'csv',
    bom: true,
    extension: 'csv',
    columns: siteColumns(code),
    statusKey: 'action',
    layout: { id: `ebay-${code}`, fileLabel: code.toLowerCase(), description: `${site.label} (${site.currency})` },
    uploadable,
    // A draft has no item number yet: a re-import knows it by its SKU.
    keys: (listing) => ({ column: 'Custom label (SKU)', marketplace: 'eBay', values: itemNumber(listing) === null ? [listing.sku ?? ''] : [], noteOnly: true }),
    check(original): Checked {
      if (charLength(original.title) > LIMITS.ebay.title) return { ok: false, column: 'Title', reason: `Title is ${charLength(original.title)} characters; eBay allows ${LIMITS.ebay.title}.` };
      const changes: Change[] = [];
      const listing = withNamedVariants(original, changes);
      const variations = checkVariations(listing);
      if (variations) return variations;
      changes.push(...itemSpecifics(listing).changes);
      variantStockNote(listing, changes, 'Quantity', 'eBay');
      if (listing.images.length > LIMITS.ebay.images) changes.push({ column: 'Item photo URL', message: `${listing.images.length - LIMITS.ebay.images} photos past eBay's ${LIMITS.ebay.images} are left out.` });
      if (present(listing.condition) && ebayConditionId(listing.condition) === null) {
        changes.push({ column: 'Condition ID', message: `Condition "${listing.condition}" has no eBay condition ID; Condition ID is left blank (choose it in Seller Hub).` });
      }
      return { ok: true, listing: listing.images.length > LIMITS.ebay.images ? { ...listing, images: listing.images.slice(0, LIMITS.ebay.images) } : listing, changes };
    },
    rows(listing) {
      const { action, revise } = actionOf(listing);
      const category = categoryId(listing);
      const ownEbay = writesBack(listing, 'ebay_seller_hub');
      const parent: Record<string, Cell> = {
        action,
        itemNumber: revise ?? undefined,
        sku: valueOrUnknown(listing, 'sku', listing.sku),
        categoryId: category ?? valueOrUnknown(listing, 'category', null),
        // A category name from an eBay file goes back to its own column.
        categoryName: ownEbay && listing.category !== null && !NUMERIC_CATEGORY.test(listing.category) ? listing.category : undefined,
        title: listing.title,
        photos: valueOrUnknown(listing, 'images', listing.images.join('|')),
        conditionId: conditionIdOf(listing),
        description: valueOrUnknown(listing, 'description', listing.description),
        format: listing.variants.length === 0 && present(listing.attributes['Format']) ? listing.attributes['Format'] : revise === null ? 'FixedPrice' : undefined,
        ...itemSpecifics(listing).cells,
      };
      if (listing.variants.length === 0) {
        parent.price = money(listing, listing.priceMinor);
        parent.quantity = valueOrUnknown(listing, 'quantity', listing.quantity);
        return [{ cells: parent, listingRow: true, blankKeeps: true }];
      }
      const names = optionNames(listing.variants);
      // Values the listing's eBay file named without a variation of their own stay in the list (a Revise must not drop them).
      parent.relationshipDetails = formatVariationDimensions(withListedValues(names.map((name) => ({ name, values: optionValues(listing.variants, name) })), listedDimensions(listing)));
      const rows: OutputRow[] = [{ cells: parent, listingRow: true, blankKeeps: true }];
      for (const variant of listing.variants) rows.push({ cells: variationCells(listing, variant, names), variant, blankKeeps: true });
      return rows;
    },
  };
}

function variationCells(listing: Listing, variant: Variant, names: readonly string[]): Record<string, Cell> {
  const pictureValue = names[0] === undefined ? undefined : optionValue(variant, names[0]);
  return {
    action: undefined,
    relationship: 'Variation',
    relationshipDetails: formatVariationOptions(names.flatMap((name) => variant.options.filter((option) => option.name === name))),
    sku: valueOrUnknown(listing, 'sku', variant.sku),
    price: money(listing, variantPriceMinor(listing, variant, 'ebay_seller_hub')),
    quantity: valueOrUnknown(listing, 'quantity', variant.quantity),
    photos: variant.image !== null && pictureValue !== undefined ? `${pictureValue}=${variant.image}` : undefined,
  };
}

const SITE_TARGETS = new Map<EbaySiteCode, ExportTarget>();

function siteTarget(code: EbaySiteCode): ExportTarget {
  let target = SITE_TARGETS.get(code);
  if (!target) SITE_TARGETS.set(code, (target = ebaySiteTarget(code)));
  return target;
}

/** The eBay format: each listing goes to the file of its site (see ebay-site.ts). */
export const ebayTarget: ExportTarget = {
  ...siteTarget('US'),
  route(listing, settings) {
    const choice = ebaySiteFor(listing, settings);
    return 'ok' in choice ? choice : siteTarget(choice.site);
  },
  notes: () => new EbayNotes(),
};

/** Export-wide eBay notes: report columns kept but not uploadable, Revise rows, EUR listings without a site. */
class EbayNotes implements ExportNotes {
  private readonly notUploadable = new Map<string, number>();
  private euroWithoutSite = 0;
  private revised = 0;

  add(listing: Listing, settings: ExportSettings): void {
    const choice = ebaySiteFor(listing, settings);
    if (!('ok' in choice) && choice.by === 'euro-choice') this.euroWithoutSite++;
    if (actionOf(listing).revise !== null) this.revised++;
    if (!writesBack(listing, 'ebay_seller_hub') || !listing.source) return;
    const variantHeaders = listing.variants.flatMap((variant) => Object.keys(variant.columns ?? {}));
    const headers = new Set([...Object.keys(listing.source.columns), ...Object.values(listing.source.attributeColumns ?? {}), ...variantHeaders]);
    for (const header of headers) if (!ACTION_HEADER.test(header.trim()) && !ebayUploadable(header, listing) && uploadHeaderOf(header) === null && !LISTED_DETAILS.has(headerKey(header))) this.notUploadable.set(header, (this.notUploadable.get(header) ?? 0) + 1);
  }

  notes(): RowProblem[] {
    const notes: RowProblem[] = [];
    if (this.revised > 0) {
      notes.push({ line: 0, column: 'Action', message: `${this.revised.toLocaleString('en-US')} listings with an eBay item number are written as Revise: uploading the file updates those live listings. The others are drafts to review in Seller Hub.` });
    }
    if (this.notUploadable.size > 0) {
      const headers = [...this.notUploadable.keys()];
      const listed = headers.slice(0, 12).map((header) => `"${header}"`).join(', ');
      notes.push({ line: 0, column: null, message: `Kept in the catalog, not uploadable: ${listed}${headers.length > 12 ? ` and ${headers.length - 12} more` : ''} — eBay reports these, an upload file cannot set them.` });
    }
    return notes;
  }

  ebaySiteChoice(settings: ExportSettings): { listings: number; site: EbaySiteCode } | null {
    return this.euroWithoutSite > 0 ? { listings: this.euroWithoutSite, site: settings.ebaySite ?? DEFAULT_EBAY_EURO_SITE } : null;
  }
}
