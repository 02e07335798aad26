import type { ListingStatus, VariantOption } from '../../../common/listing.js';
import type { NewVariant } from '../../catalog/insert-listings.js';
import { applyPrice, Columns, finish, markUnknown, newDraft, rowErrorRecord, setAttributeFrom, Warnings, type Draft, type MapContext } from '../listing-draft.js';
import type { MappedRecord } from '../mapped-record.js';
import type { TableRow } from '../read-table.js';
import { readStock } from '../stock-cell.js';
import { decodeEntities, isExcelMangledNumber, parsePrice, RowError, splitList } from '../values.js';

/**
 * Google Merchant Center feeds, CSV/TSV here and Atom/RSS XML in google-merchant-xml.ts; both go
 * through `assembleGoogleItems`. Prices are "12.00 USD". The item `id` is the identity; items
 * sharing an item_group_id become one listing keyed by the group id, each item a variant keyed by
 * its id (held until the end of the file: feeds need not keep a group together).
 *
 * Nothing of a feed is dropped: every attribute Listsmith does not read into a field (color,
 * gender, custom_label_0, shipping_weight…) becomes an attribute written back to its own column;
 * grouped fields (shipping, written `shipping(country:service:price)` as Google's TSV does) are
 * kept as source columns; an item's fields that differ from its group's first item are that
 * variant's own columns; an availability word the listing status only approximates is kept.
 */

const AVAILABILITY: Record<string, ListingStatus> = {
  in_stock: 'active',
  'in stock': 'active',
  preorder: 'active',
  backorder: 'active',
  out_of_stock: 'sold_out',
  'out of stock': 'sold_out',
};
/** The availability word each status writes: another word that maps to the status is kept. */
const AVAILABILITY_WORD: Partial<Record<ListingStatus, string>> = { active: 'in_stock', sold_out: 'out_of_stock' };

/** Fields that become variant options when they differ within a group, with the option's name. */
export const GOOGLE_OPTION_FIELDS: readonly (readonly [field: string, option: string])[] = [
  ['color', 'Color'],
  ['size', 'Size'],
  ['material', 'Material'],
  ['pattern', 'Pattern'],
  ['age_group', 'Age group'],
  ['gender', 'Gender'],
];
/** Fields read into listing fields (the others are attributes or kept columns). */
const FIELDS = new Set(['id', 'title', 'description', 'image_link', 'additional_image_link', 'availability', 'price', 'condition', 'brand', 'product_type', 'google_product_category', 'item_group_id', 'quantity', 'sell_on_google_quantity']);
/** Fields stored as attributes under a name of their own. */
const NAMED_ATTRIBUTES: Record<string, string> = { gtin: 'GTIN', mpn: 'MPN', link: 'Link', sale_price: 'Sale price' };
/**
 * Fields a text feed holds as written: ids, links, numbers, codes. Every other text field may carry
 * one level of HTML entities the reader decodes (and core/export/xml-feed.ts writes one back).
 */
export const AS_WRITTEN_FIELDS: ReadonlySet<string> = new Set(['id', 'item_group_id', 'link', 'image_link', 'additional_image_link', 'availability', 'price', 'sale_price', 'condition', 'quantity', 'sell_on_google_quantity', 'gtin', 'mpn']);
/** Per-item fields a variant has as its own fields, never among its columns. */
const VARIANT_FIELDS = new Set(['id', 'item_group_id', 'price', 'image_link', 'quantity', 'sell_on_google_quantity']);

export interface GoogleItem {
  line: number;
  /** Field name without the `g:` prefix → text (already XML/CSV unescaped). Grouped fields are named `shipping(country:price)`. */
  fields: Map<string, string>;
  /** `g:variant_option` name/value pairs (XML feeds that state their options). */
  options?: VariantOption[];
}

/** How a feed names its columns: CSV headers as written; XML fields by their names. */
export interface GoogleColumns {
  /** The header a field was read from (what an export to this format writes it back under). */
  header(field: string): string;
  /** Whether the feed has the field at all for this item (a CSV column; an XML element). */
  has(field: string, item: GoogleItem): boolean;
}

const XML_COLUMNS: GoogleColumns = { header: (field) => field, has: (field, item) => item.fields.has(field) };

export function googleItemToDraft(item: GoogleItem, ctx: MapContext, columns: GoogleColumns, warnings: Warnings, decodeText: boolean): Draft {
  const raw = (name: string): string => item.fields.get(name) ?? '';
  const f = (name: string): string => raw(name).trim();
  const text = (name: string): string => (decodeText ? decodeEntities(f(name)) : f(name));
  const draft = newDraft('google', ctx);
  draft.sourceId = f('id') || null;
  draft.sku = f('id') || null;
  draft.title = text('title');
  draft.description = decodeText ? decodeEntities(raw('description')) : raw('description');
  applyPrice(draft, f('price'), columns.header('price'));
  const stockField = item.fields.has('quantity') ? 'quantity' : 'sell_on_google_quantity';
  draft.quantity = readStock(f(stockField), columns.header(stockField), item.line, warnings, draft.kept.columns);
  draft.images = [f('image_link'), ...splitList(f('additional_image_link'))].filter((u) => u !== '');
  const availability = f('availability');
  draft.status = AVAILABILITY[availability.toLowerCase()] ?? 'active';
  if (availability !== '' && availability !== AVAILABILITY_WORD[draft.status]) draft.kept.status = availability;
  draft.condition = f('condition') || null;
  draft.brand = text('brand') || null;
  const productType = text('product_type');
  const googleCategory = text('google_product_category');
  draft.category = productType || googleCategory || null;
  // Google's taxonomy is an attribute of its own even when it is also the category (a feed without
  // product_type): an export writes it back to google_product_category, not only to product_type.
  if (googleCategory) setAttributeFrom(draft, 'Google product category', columns.header('google_product_category'), googleCategory);
  for (const [name, value] of item.fields) {
    if (FIELDS.has(name) || value.trim() === '') continue;
    const column = columns.header(name);
    if (name.includes('(')) {
      // A grouped field (shipping(country:service:price)): a source column, not an attribute.
      draft.kept.columns[column] = value;
    } else if (name === 'sale_price' && !readable(value, draft.currency)) {
      warnings.add(item.line, column, `Sale price "${value.trim()}" is not a price; kept as written.`);
      draft.kept.columns[column] = value;
    } else if ((name === 'gtin' || name === 'mpn') && isExcelMangledNumber(value)) {
      warnings.add(item.line, column, `"${value.trim()}" was damaged by Excel (scientific notation drops digits): kept as written, but not used as an identifier. Re-export the file, or format the column as Text before saving.`);
      draft.kept.columns[column] = value;
    } else {
      setAttributeFrom(draft, (NAMED_ATTRIBUTES[name] ?? name).slice(0, 100), column, decodeText ? decodeEntities(value.trim()) : value.trim());
    }
  }
  markUnknown(draft, {
    sku: columns.has('id', item),
    description: columns.has('description', item),
    priceMinor: columns.has('price', item),
    quantity: columns.has('quantity', item) || columns.has('sell_on_google_quantity', item),
    tags: false,
    materials: false,
    images: columns.has('image_link', item),
    category: columns.has('product_type', item) || columns.has('google_product_category', item),
    brand: columns.has('brand', item),
    condition: columns.has('condition', item),
  });
  return draft;
}

function readable(price: string, currency: string): boolean {
  try {
    return parsePrice(price, 'sale_price', { currency }) !== null;
  } catch (err) {
    if (err instanceof RowError) return false;
    throw err;
  }
}

interface GroupItem {
  item: GoogleItem;
  draft: Draft;
}

interface Group {
  items: GroupItem[];
  warnings: Warnings;
}

/** Streams items; returns grouped ones at the end. Shared by CSV and XML. */
export async function* assembleGoogleItems(items: AsyncIterable<GoogleItem | MappedRecord>, ctx: MapContext, decodeText: boolean, columns: GoogleColumns = XML_COLUMNS): AsyncGenerator<MappedRecord> {
  const groups = new Map<string, Group>();
  for await (const item of items) {
    if ('kind' in item) {
      yield item;
      continue;
    }
    const warnings = new Warnings();
    let draft: Draft;
    try {
      draft = googleItemToDraft(item, ctx, columns, warnings, decodeText);
    } catch (err) {
      yield rowErrorRecord(err, [item.line]);
      continue;
    }
    const groupId = (item.fields.get('item_group_id') ?? '').trim();
    if (!groupId) {
      yield finish(draft, [item.line], warnings.list);
      continue;
    }
    let group = groups.get(groupId);
    if (!group) {
      group = { items: [], warnings: new Warnings() };
      groups.set(groupId, group);
    }
    group.warnings.list.push(...warnings.list);
    group.items.push({ item, draft });
  }
  for (const [groupId, group] of groups) yield groupListing(groupId, group, columns, decodeText);
}

/**
 * A group's listing is its first item (keyed by the group id); each item is a variant with its own
 * id, price, stock, image and options (variant_option pairs, else the option fields that differ
 * between items), and keeps as its own columns the fields that differ from the first item's.
 */
function groupListing(groupId: string, group: Group, columns: GoogleColumns, decodeText: boolean): MappedRecord {
  const first = group.items[0]!;
  const listing = first.draft;
  const stated = group.items.some(({ item }) => (item.options?.length ?? 0) > 0);
  const optionValue = (item: GoogleItem, field: string): string => (item.fields.get(field) ?? '').trim();
  const varying = stated ? [] : GOOGLE_OPTION_FIELDS.filter(([field]) => group.items.some(({ item }) => optionValue(item, field) !== optionValue(first.item, field)));
  for (const [field] of varying) {
    delete listing.attributes[field];
    delete listing.kept.attributeColumns[field];
  }
  const skus = group.items.map(({ draft }) => draft.sku);
  listing.sourceId = groupId;
  listing.sku = null;
  if (group.items.every(({ draft }) => draft.status === 'sold_out')) listing.status = 'sold_out';
  else if (listing.status === 'sold_out') listing.status = 'active';
  if (listing.kept.status !== undefined && AVAILABILITY[listing.kept.status.toLowerCase()] !== listing.status) delete listing.kept.status;
  const listingAvailability = listing.kept.status ?? AVAILABILITY_WORD[listing.status] ?? '';
  const skip = new Set([...VARIANT_FIELDS, ...varying.map(([field]) => field)]);
  listing.variants = group.items.map(({ item, draft }, index): NewVariant => {
    const own: Record<string, string> = {};
    for (const [name, value] of item.fields) {
      if (skip.has(name) || value.trim() === '') continue;
      const base = name === 'availability' ? listingAvailability : first.item.fields.get(name);
      // An item's own text is decoded as its listing's is (`Symbol &amp; Text - S`), so a feed written back reads the same.
      if (value !== base) own[columns.header(name)] = decodeText && !name.includes('(') && !AS_WRITTEN_FIELDS.has(name) ? decodeEntities(value) : value;
    }
    Object.assign(own, unreadStock(draft, columns));
    const options = stated ? (item.options ?? []) : varying.map(([field, name]) => ({ name, value: optionValue(item, field) })).filter((o) => o.value !== '');
    return { sku: skus[index] ?? null, options, priceMinor: draft.priceMinor, quantity: draft.quantity, image: draft.images[0] ?? null, ...(Object.keys(own).length > 0 ? { columns: own } : {}) };
  });
  const stock = listing.variants.map((v) => v.quantity).filter((q): q is number => q !== null);
  listing.quantity = stock.length > 0 ? stock.reduce((a, b) => a + b, 0) : null;
  return finish(listing, group.items.map(({ item }) => item.line).sort((a, b) => a - b), group.warnings.list);
}

/** A stock cell readStock could not read is kept among the item's draft columns: it is the variant's own. */
function unreadStock(draft: Draft, columns: GoogleColumns): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of ['quantity', 'sell_on_google_quantity']) {
    const header = columns.header(field);
    const value = draft.kept.columns[header];
    if (value !== undefined) out[header] = value;
  }
  return out;
}

export async function* mapGoogleMerchantTable(rows: AsyncIterable<TableRow>, ctx: MapContext): AsyncGenerator<MappedRecord> {
  const names = ctx.header.map((h) => Columns.key(h).replace(/^g:/, '').replace(/\s+/g, '_'));
  const headers = new Map<string, string>();
  names.forEach((name, i) => {
    if (!headers.has(name)) headers.set(name, ctx.header[i]!);
  });
  const columns: GoogleColumns = { header: (field) => headers.get(field) ?? field, has: (field) => headers.has(field) };
  async function* items(): AsyncGenerator<GoogleItem | MappedRecord> {
    for await (const row of rows) {
      if (row.problem) {
        yield { kind: 'rejected', lines: [row.line], problem: row.problem };
        continue;
      }
      const fields = new Map<string, string>();
      let options: VariantOption[] = [];
      names.forEach((name, i) => {
        const value = row.cells[i] ?? '';
        if (value === '') return;
        if (/^variant_option(\(|$)/.test(name)) options = parseVariantOptions(value);
        // Two headers for one field (`color` and `g:color`): the second keeps its own header.
        else fields.set(fields.has(name) ? ctx.header[i]! : name, value);
      });
      yield { line: row.line, fields, ...(options.length > 0 ? { options } : {}) };
    }
  }
  yield* assembleGoogleItems(items(), ctx, true, columns);
}

/** `variant_option(name:value)` cells, as the XML's `<g:variant_option>` pairs: `color:Black,length:16inch`. */
function parseVariantOptions(text: string): VariantOption[] {
  return text
    .split(',')
    .filter((pair) => pair.includes(':'))
    .map((pair) => ({ name: pair.slice(0, pair.indexOf(':')).trim(), value: pair.slice(pair.indexOf(':') + 1).trim() }))
    .filter((option) => option.name !== '' && option.value !== '');
}
