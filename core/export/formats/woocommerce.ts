import type { Listing, ListingStatus } from '../../../common/listing.js';
import { englishHeader, localizedHeader } from '../../import/canonical-headers.js';
import { joinWooList, splitWooList } from '../../import/woocommerce-text.js';
import { headerKey, KEPT_KEY, keptCell, writesBack } from '../kept-columns.js';
import { isUnknown, valueOrUnknown } from '../known-value.js';
import { formatMinor } from '../money.js';
import type { Cell, Change, Checked, Column, ExportTarget, OutputRow } from '../target.js';
import { present } from '../text-fit.js';
import { optionNames, optionValue, optionValues, variantPriceMinor, withNamedVariants } from './shared.js';
import { shopifyHandle } from './shopify.js';

/** The importer's layout, headers in English (the translations come from core/import/canonical-headers.ts). */
const COLUMNS: Column[] = [
  // A variation's own ID, when its source row had one, is written back (derived: kept wins).
  { key: 'id', header: 'ID', type: 'number', always: true, derived: true },
  { key: 'type', header: 'Type', type: 'text', always: true },
  { key: 'sku', header: 'SKU', type: 'text' },
  // A variation's name is made from the product's; the one its source row had wins.
  { key: 'name', header: 'Name', type: 'text', always: true, derived: true },
  { key: 'published', header: 'Published', type: 'number' },
  { key: 'shortDescription', header: 'Short description', type: 'text' },
  { key: 'description', header: 'Description', type: 'text' },
  // 1, 0, or `backorder` (WooCommerce's "on backorder" stock status): text.
  { key: 'inStock', header: 'In stock?', type: 'text' },
  { key: 'stock', header: 'Stock', type: 'number' },
  { key: 'salePrice', header: 'Sale price', type: 'text' },
  { key: 'price', header: 'Regular price', type: 'number' },
  { key: 'categories', header: 'Categories', type: 'text' },
  { key: 'tags', header: 'Tags', type: 'text' },
  { key: 'images', header: 'Images', type: 'text' },
  { key: 'brand', header: 'Brands', type: 'text' },
  { key: 'parent', header: 'Parent', type: 'text' },
  ...[1, 2, 3].flatMap(attributeColumns),
];

/** Attribute n's four columns; the store's own visible / global flags (kept) win over the defaults. */
function attributeColumns(n: number): Column[] {
  return [
    { key: `attribute${n}Name`, header: `Attribute ${n} name`, type: 'text' },
    { key: `attribute${n}Values`, header: `Attribute ${n} value(s)`, type: 'text' },
    { key: `attribute${n}Visible`, header: `Attribute ${n} visible`, type: 'number', derived: true },
    { key: `attribute${n}Global`, header: `Attribute ${n} global`, type: 'number', derived: true },
  ];
}

/** Attributes the WooCommerce importer reads from its own columns (written there, never as product attributes). */
const FIELD_ATTRIBUTES = new Set(['Short description', 'Sale price', 'Product type', 'Categories']);

/**
 * A WooCommerce product's own attributes (`Attribute n name` / `value(s)` read into attributes):
 * those of a listing that came from WooCommerce that no kept column claims.
 */
function productAttributes(listing: Listing): [string, string][] {
  if (!writesBack(listing, 'woocommerce')) return [];
  const claimed = listing.source?.attributeColumns ?? {};
  return Object.entries(listing.attributes).filter(([name, value]) => !(name in claimed) && !FIELD_ATTRIBUTES.has(name) && present(value));
}

/**
 * Cells of attribute n: static keys for 1–3, kept-style keys (their own headers) past that. A
 * product row says whether the attribute is visible and global; a variation row only names its
 * value (as WooCommerce's own export writes them; a variation's kept flags fill in).
 */
function attributeCells(cells: Record<string, Cell>, header: Localize, n: number, name: string | undefined, values: string | undefined, variation = false, kept: KeptFlag = () => undefined): void {
  const key = (part: 'Name' | 'Values' | 'Visible' | 'Global', english: string): string => (n <= 3 ? `attribute${n}${part}` : KEPT_KEY + header(`Attribute ${n} ${english}`));
  cells[key('Name', 'name')] = name;
  cells[key('Values', 'value(s)')] = name === undefined ? undefined : values;
  // Past slot 3 the flags are kept-style cells, which a kept cell does not overwrite: the store's flag is put here.
  const flag = (english: string, fallback: number): Cell => (name === undefined || variation ? undefined : n <= 3 ? fallback : (kept(header(`Attribute ${n} ${english}`)) ?? fallback));
  cells[key('Visible', 'visible')] = flag('visible', 1);
  cells[key('Global', 'global')] = flag('global', 0);
}

/** The listing's kept cell under a header, when it goes back to WooCommerce. */
type KeptFlag = (header: string) => string | undefined;

/**
 * The attribute slots (`Attribute N …`) a WooCommerce product's own attributes were read from and go
 * back to (their kept value column names the slot; its name and flags are kept cells of that slot).
 * WooCommerce's exporter numbers a product's attributes from 1 and its variations' apart, so a
 * product attribute often holds slot 1 while the variations vary by slot 1 of their own rows.
 */
function keptAttributeSlots(listing: Listing, optionNames: readonly string[]): Set<number> {
  const slots = new Set<number>();
  if (!writesBack(listing, 'woocommerce')) return slots;
  for (const [name, column] of Object.entries(listing.source?.attributeColumns ?? {})) {
    const slot = /^Attribute (\d+) value\(s\)$/i.exec(englishHeader('woocommerce', column).trim());
    if (slot && !optionNames.includes(name)) slots.add(Number(slot[1]));
  }
  // Half an attribute (a name without values, kept as written under `Attribute N name`) holds its slot too.
  for (const column of Object.keys(listing.source?.columns ?? {})) {
    const slot = /^Attribute (\d+) name$/i.exec(englishHeader('woocommerce', column).trim());
    if (slot) slots.add(Number(slot[1]));
  }
  return slots;
}

/**
 * A variation attribute's value list as its product row had it, when that row listed values no
 * variation has (a term still offered after its variation was deleted): the reader keeps such a
 * cell under its `Attribute N value(s)` header. Each goes back to its slot N, as written, while
 * it still lists every value the variations have.
 */
function offeredLists(listing: Listing, optionNames: readonly string[], taken: ReadonlySet<number>): Map<string, { slot: number; list: string }> {
  const lists = new Map<string, { slot: number; list: string }>();
  if (!writesBack(listing, 'woocommerce')) return lists;
  const kept = Object.entries(listing.source?.columns ?? {}).flatMap(([column, list]) => {
    const slot = /^Attribute (\d+) value\(s\)$/i.exec(englishHeader('woocommerce', column).trim());
    return slot && !taken.has(Number(slot[1])) ? [{ slot: Number(slot[1]), list }] : [];
  });
  for (const name of optionNames) {
    const values = optionValues(listing.variants, name);
    const match = kept.find(({ slot, list }) => ![...lists.values()].some((o) => o.slot === slot) && values.every((value) => splitWooList(list).includes(value)));
    if (match) lists.set(name, match);
  }
  return lists;
}

/** Hands out attribute slots from 1 on, skipping the taken ones. */
function freeSlots(taken: ReadonlySet<number>): () => number {
  let n = 0;
  return () => {
    do n++;
    while (taken.has(n));
    return n;
  };
}

/** WooCommerce: 1 published, 0 draft, -1 private. */
const PUBLISHED: Record<ListingStatus, number> = { active: 1, sold_out: 1, draft: 0, inactive: -1, archived: -1 };

/** A kept product type that says nothing about variations (`external`, `simple, virtual`…) is written back as it was. */
const VARIATION_TYPES = /variable|variation/i;

function wooId(listing: Listing): string | undefined {
  return listing.marketplace === 'woocommerce' && listing.sourceId !== null && /^\d+$/.test(listing.sourceId) ? listing.sourceId : undefined;
}

/**
 * The SKU a variable product's variations point at: its own, else (no SKU and no WooCommerce ID)
 * one derived from its handle — a Shopify product's handle, or title + id for the rest.
 */
function parentSku(listing: Listing): { sku: string; derived: boolean } | null {
  if (present(listing.sku)) return { sku: listing.sku, derived: false };
  if (wooId(listing) !== undefined) return null;
  return { sku: shopifyHandle(listing), derived: true };
}

/** An English header in the file's language. */
type Localize = (english: string) => string;

/**
 * WooCommerce product CSV importer layout. ID is the store's product id for listings that came
 * from WooCommerce and blank (= create) for the rest. Listings with variants become a `variable`
 * product followed by one `variation` row per variant whose Parent is `id:<ID>` or the product's
 * SKU — derived from the handle when it has none. A variable product whose variants hold no stock
 * of their own keeps its quantity at product level (WooCommerce's "manage stock" on the parent).
 */
/**
 * `In stock?` says the status: 0 sold out, else 1 (or `backorder`, as the file had it). A WooCommerce product whose file had no such
 * cell gets none back (a hand-made import file must not gain a column on its way round); one whose
 * file had it gets the value its status now says.
 */
function inStockCell(listing: Listing, localizedHeader: string): Cell {
  if (listing.status === 'sold_out') return 0;
  const kept = writesBack(listing, 'woocommerce') ? keptCell(listing, 'woocommerce', localizedHeader) : undefined;
  if (writesBack(listing, 'woocommerce') && kept === undefined) return undefined;
  // A product on backorder sells while nothing is in stock: its file's word stays while it is for sale.
  if (listing.status === 'active' && kept !== undefined && /^backorder$/i.test(kept.trim())) return kept.trim();
  // A private, draft or archived product cannot say "sold out" in its status: its file's 0 stays
  // while nothing is in stock (a private product whose variations are all sold out).
  if (listing.status !== 'active' && kept !== undefined && kept.trim() === '0' && nothingInStock(listing)) return 0;
  return 1;
}

/**
 * Brands (WooCommerce 9.6+): the brand when there is one; a blank when a WooCommerce file's Brands
 * column said none (else the column, absent, would make the brand unknown on the way back).
 */
function brandCell(listing: Listing): Cell {
  if (present(listing.brand)) return listing.brand;
  return writesBack(listing, 'woocommerce') && !isUnknown(listing, 'brand') ? '' : undefined;
}

function nothingInStock(listing: Listing): boolean {
  return (listing.quantity === null || listing.quantity <= 0) && listing.variants.every((variant) => variant.quantity === null || variant.quantity <= 0);
}

/**
 * How the seller's file spelled WooCommerce's own headers, when otherwise than the layout
 * (WooCommerce reads headers without regard to case): `lowercase`, its labels in lower case (a
 * script-written file's `type`, `name`, `description`; attribute headers aside), and single
 * headers spelled otherwise still (the layout's header → the file's).
 */
interface Spelling {
  lowercase: boolean;
  headers: ReadonlyMap<string, string>;
}

const AS_WRITTEN: Spelling = { lowercase: false, headers: new Map() };

const isAttributeHeader = (english: string): boolean => /^Attribute \d+ /.test(english);

/** A header of the layout as a file of this spelling writes it, unless the file spelled it otherwise. */
function spelledByDefault(spelling: Spelling, english: string, written: string): string {
  return spelling.lowercase && !isAttributeHeader(english) ? written.toLowerCase() : written;
}

function wooLayout(locale: string | null, spelling: Spelling = AS_WRITTEN): ExportTarget {
  const inLocale: Localize = (english) => (locale === null ? english : localizedHeader('woocommerce', locale, english));
  const header: Localize = (english) => spelling.headers.get(inLocale(english)) ?? spelledByDefault(spelling, english, inLocale(english));
  const own = spelling.lowercase || spelling.headers.size > 0;
  const respelled = [...(spelling.lowercase ? ['in lower case'] : []), ...spelling.headers.values()].join(', ');
  return {
  format: 'woocommerce',
  kind: 'csv',
  bom: true,
  extension: 'csv',
  columns: COLUMNS.map((column) => ({ ...column, header: header(column.header) })),
  statusKey: 'published',
  layout: {
    id: `woocommerce${locale === null ? '' : `-${locale}`}${own ? `|${spellingKey(spelling)}` : ''}`,
    fileLabel: `${locale === null ? 'en' : slugLocale(locale)}${own ? '-own-headers' : ''}`,
    description: [...(locale === null ? [] : [`headers in ${locale}`]), ...(own ? [`headers as the file wrote them (${respelled})`] : [])].join('; '),
  },
  check(original): Checked {
    const changes: Change[] = [];
    const listing = withNamedVariants(original, changes);
    const parent = listing.variants.length > 0 ? parentSku(listing) : null;
    if (parent?.derived) changes.push({ column: 'SKU', message: `It has no SKU; its variations point at "${parent.sku}", written as the product's SKU.` });
    return { ok: true, listing, changes };
  },
  keys: (listing) => ({
    column: 'SKU',
    marketplace: 'WooCommerce',
    values: [...(listing.variants.length > 0 ? [parentSku(listing)?.sku ?? ''] : [listing.sku ?? '']), ...listing.variants.map((variant) => variant.sku ?? '')],
  }),
  rows(listing) {
    const names = optionNames(listing.variants);
    const variable = listing.variants.length > 0;
    const parent = variable ? parentSku(listing) : null;
    const keptType = listing.attributes['Product type'];
    const stockAtParent = variable && listing.variants.every((variant) => variant.quantity === null);
    const product: Record<string, Cell> = {
      id: wooId(listing),
      // A WooCommerce product's own type goes back as it was; for others only one that says nothing about variations.
      type: variable ? (present(keptType) && /^\s*variable\s*$/i.test(keptType) ? keptType : 'variable') : present(keptType) && (writesBack(listing, 'woocommerce') || !VARIATION_TYPES.test(keptType)) ? keptType : 'simple',
      sku: parent?.derived ? parent.sku : valueOrUnknown(listing, 'sku', listing.sku),
      name: listing.title,
      published: PUBLISHED[listing.status],
      shortDescription: listing.attributes['Short description'],
      description: valueOrUnknown(listing, 'description', listing.description),
      inStock: inStockCell(listing, header('In stock?')),
      stock: variable && !stockAtParent ? undefined : valueOrUnknown(listing, 'quantity', listing.quantity),
      salePrice: variable ? undefined : listing.attributes['Sale price'],
      price: variable ? undefined : valueOrUnknown(listing, 'priceMinor', listing.priceMinor === null ? null : formatMinor(listing.priceMinor, listing.currency)),
      categories: present(listing.attributes['Categories']) ? listing.attributes['Categories'] : valueOrUnknown(listing, 'category', listing.category === null ? null : joinWooList([listing.category])),
      // A comma inside a category, tag or image URL is written `\,`, as WooCommerce's exporter writes it.
      tags: valueOrUnknown(listing, 'tags', listing.tags.length > 0 ? joinWooList(listing.tags) : null),
      images: valueOrUnknown(listing, 'images', listing.images.length > 0 ? joinWooList(listing.images) : null),
      brand: brandCell(listing),
      parent: undefined,
    };
    for (let n = 1; n <= 3; n++) attributeCells(product, header, n, undefined, undefined);
    // The product's kept attributes go back to their own slots, a variation attribute whose file
    // listed more values than its variations have to its slot with that list; the rest take the
    // free slots, so no attribute overwrites another.
    const taken = keptAttributeSlots(listing, names);
    const offered = offeredLists(listing, names, taken);
    const kept: KeptFlag = (column) => keptCell(listing, 'woocommerce', column);
    for (const [name, { slot, list }] of offered) attributeCells(product, header, slot, name, list, false, kept);
    const slot = freeSlots(new Set([...taken, ...[...offered.values()].map((o) => o.slot)]));
    for (const name of names.filter((n) => !offered.has(n))) attributeCells(product, header, slot(), name, joinWooList(optionValues(listing.variants, name)), false, kept);
    const plain = productAttributes(listing).filter(([name]) => !names.includes(name));
    for (const [name, value] of plain) attributeCells(product, header, slot(), name, value, false, kept);
    const rows: OutputRow[] = [{ cells: product, listingRow: true }];
    const pointer = wooId(listing) !== undefined ? `id:${wooId(listing)}` : parent?.sku;
    for (const variant of listing.variants) {
      const priceMinor = variantPriceMinor(listing, variant, 'woocommerce');
      const cells: Record<string, Cell> = {
        id: undefined,
        type: 'variation',
        sku: valueOrUnknown(listing, 'sku', variant.sku),
        name: `${listing.title} - ${variant.options.map((option) => option.value).join(', ')}`,
        // A variation of a WooCommerce listing keeps its own flag (among its kept cells).
        published: writesBack(listing, 'woocommerce') ? undefined : 1,
        stock: valueOrUnknown(listing, 'quantity', variant.quantity),
        price: valueOrUnknown(listing, 'priceMinor', priceMinor === null ? null : formatMinor(priceMinor, listing.currency)),
        // A variation without its own image shows the product's: blank is the truth here.
        images: variant.image === null ? undefined : joinWooList([variant.image]),
        parent: pointer,
      };
      // WooCommerce sets no limit on a variation's attributes: past the third they take their own columns (Attribute 4 name…).
      for (let n = 1; n <= Math.max(3, names.length); n++) {
        const name = names[n - 1];
        // A comma inside the value is written `\,`: WooCommerce's importer splits a variation's value at a bare comma and keeps the first part.
        attributeCells(cells, header, n, name, name === undefined ? undefined : joinWooList([optionValue(variant, name) ?? '']), true);
      }
      rows.push({ cells, variant });
    }
    return rows;
  },
};
}

/**
 * The language of the WooCommerce file a listing came from: its `source.layout` (`fr_FR`…), when
 * its kept headers are indeed translated (a file whose headers read the same in English and in
 * another language stays English).
 */
function ownLocale(listing: Listing): string | null {
  const source = listing.source;
  if (!source || !writesBack(listing, 'woocommerce') || source.layout === undefined || !/^[a-z]{2,3}_[A-Z]{2}$/.test(source.layout)) return null;
  const headers = [...Object.keys(source.columns), ...Object.values(source.attributeColumns ?? {}), ...listing.variants.flatMap((variant) => Object.keys(variant.columns ?? {}))];
  return headers.some((header) => englishHeader('woocommerce', header) !== header) ? source.layout : null;
}

function slugLocale(locale: string): string {
  return locale.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/**
 * The listing's own spelling of the layout's headers, from its kept headers (columns, attributes'
 * columns, variations' cells) that are the format's own headers written otherwise (case,
 * spacing). Written so, its kept columns keep their names on the way round, as a translated
 * file's do. A file that wrote one label in lower case wrote them all so as far as the listing
 * shows (its `name` was read into the title and kept nowhere): one spelling for its listings.
 */
function ownSpelling(listing: Listing, locale: string | null): Spelling {
  const source = listing.source;
  if (!source || !writesBack(listing, 'woocommerce')) return AS_WRITTEN;
  const inLocale = (english: string): string => (locale === null ? english : localizedHeader('woocommerce', locale, english));
  const layoutHeaders = new Map(COLUMNS.map((column) => [headerKey(inLocale(column.header)), column.header]));
  const kept = [...Object.keys(source.columns), ...Object.values(source.attributeColumns ?? {}), ...listing.variants.flatMap((variant) => Object.keys(variant.columns ?? {}))];
  const found: { english: string; written: string; spelled: string }[] = [];
  for (const spelled of kept) {
    const english = layoutHeaders.get(headerKey(spelled));
    if (english !== undefined && !found.some((f) => f.english === english)) found.push({ english, written: inLocale(english), spelled });
  }
  const lowercase = locale === null && found.some(({ english, written, spelled }) => !isAttributeHeader(english) && spelled !== written && spelled === written.toLowerCase());
  const spelling = { lowercase, headers: new Map<string, string>() };
  for (const { english, written, spelled } of found) if (spelled !== spelledByDefault(spelling, english, written)) spelling.headers.set(written, spelled);
  return spelling;
}

function spellingKey(spelling: Spelling): string {
  const headers = [...spelling.headers].sort(([a], [b]) => a.localeCompare(b)).map(([written, spelled]) => `${written}=${spelled}`);
  return [...(spelling.lowercase ? ['lowercase'] : []), ...headers].join(',');
}

const LAYOUTS = new Map<string, ExportTarget>();

function layoutFor(locale: string | null, spelling: Spelling = AS_WRITTEN): ExportTarget {
  const key = `${locale ?? ''}|${spellingKey(spelling)}`;
  let target = LAYOUTS.get(key);
  if (!target) LAYOUTS.set(key, (target = wooLayout(locale, spelling)));
  return target;
}

/**
 * The WooCommerce format: a listing imported from a WooCommerce file in another language (its
 * `source.layout`, e.g. `fr_FR`) goes back with its headers in that language, and one whose file
 * spelled WooCommerce's headers otherwise (`type`, `name`) with its spelling, so its kept columns
 * keep their names; the others get WooCommerce's English headers.
 */
export const wooTarget: ExportTarget = {
  ...layoutFor(null),
  route: (listing) => {
    const locale = ownLocale(listing);
    return layoutFor(locale, ownSpelling(listing, locale));
  },
};
