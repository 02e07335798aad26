import type { ListingStatus } from '../../../common/listing.js';
import { applyPrice, Columns, finish, newDraft, rowErrorRecord, Warnings, type Draft, type MapContext } from '../listing-draft.js';
import type { MappedRecord } from '../mapped-record.js';
import type { TableRow } from '../read-table.js';
import { decodeEntities, isExcelMangledNumber, parsePrice, splitList } from '../values.js';

/**
 * Google Merchant Center feeds, CSV/TSV here and Atom/RSS XML in google-merchant-xml.ts; both go
 * through `googleItemToDraft`. Prices are "12.00 USD". Items sharing an item_group_id become one
 * listing with variants (held until the end of the file: feeds need not keep them together).
 */

const AVAILABILITY: Record<string, ListingStatus> = {
  in_stock: 'active',
  'in stock': 'active',
  preorder: 'active',
  backorder: 'active',
  out_of_stock: 'sold_out',
  'out of stock': 'sold_out',
};
const OPTION_FIELDS: [string, string][] = [
  ['color', 'Color'],
  ['size', 'Size'],
  ['material', 'Material'],
  ['pattern', 'Pattern'],
  ['age_group', 'Age group'],
  ['gender', 'Gender'],
];
const HANDLED = new Set(['id', 'title', 'description', 'link', 'image_link', 'additional_image_link', 'availability', 'price', 'sale_price', 'condition', 'brand', 'gtin', 'mpn', 'google_product_category', 'product_type', 'item_group_id', 'quantity', 'sell_on_google_quantity']);

export interface GoogleItem {
  line: number;
  /** Field name without the `g:` prefix → text (already XML/CSV unescaped). */
  fields: Map<string, string>;
}

export function googleItemToDraft(item: GoogleItem, ctx: MapContext, warnings: Warnings, decodeText: boolean): Draft {
  const f = (name: string): string => (item.fields.get(name) ?? '').trim();
  const text = (name: string): string => (decodeText ? decodeEntities(f(name)) : f(name));
  const draft = newDraft('google', ctx);
  draft.sourceId = f('id') || null;
  draft.sku = f('id') || null;
  draft.title = text('title');
  draft.description = decodeText ? decodeEntities(item.fields.get('description') ?? '') : (item.fields.get('description') ?? '');
  applyPrice(draft, f('price'), 'price');
  const sale = parsePrice(f('sale_price'), 'sale_price', { currency: draft.currency });
  if (sale) draft.attributes['Sale price'] = f('sale_price');
  const quantity = f('quantity') || f('sell_on_google_quantity');
  if (/^\d+$/.test(quantity)) draft.quantity = Number(quantity);
  draft.images = [f('image_link'), ...splitList(f('additional_image_link'))].filter((u) => u !== '');
  draft.status = AVAILABILITY[f('availability').toLowerCase()] ?? 'active';
  draft.condition = f('condition') || null;
  draft.brand = text('brand') || null;
  const productType = text('product_type');
  const googleCategory = text('google_product_category');
  draft.category = productType || googleCategory || null;
  if (productType && googleCategory) draft.attributes['Google product category'] = googleCategory;
  for (const id of ['gtin', 'mpn']) {
    const value = f(id);
    if (!value) continue;
    if (isExcelMangledNumber(value)) {
      warnings.add(item.line, id, `"${value}" was damaged by Excel (scientific notation drops digits), so it was not imported. Re-export the file, or format the column as Text before saving.`);
    } else {
      draft.attributes[id.toUpperCase()] = value;
    }
  }
  if (f('link')) draft.attributes['Link'] = f('link');
  for (const [name, value] of item.fields) {
    if (HANDLED.has(name) || value.trim() === '') continue;
    draft.attributes[name.slice(0, 100)] = decodeText ? decodeEntities(value.trim()) : value.trim();
  }
  return draft;
}

interface Group {
  drafts: { draft: Draft; line: number; options: { name: string; value: string }[] }[];
  warnings: Warnings;
}

/** Streams items; returns grouped ones at the end. Shared by CSV and XML. */
export async function* assembleGoogleItems(items: AsyncIterable<GoogleItem | MappedRecord>, ctx: MapContext, decodeText: boolean): AsyncGenerator<MappedRecord> {
  const groups = new Map<string, Group>();
  for await (const item of items) {
    if ('kind' in item) {
      yield item;
      continue;
    }
    const warnings = new Warnings();
    let draft: Draft;
    try {
      draft = googleItemToDraft(item, ctx, warnings, decodeText);
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
      group = { drafts: [], warnings: new Warnings() };
      groups.set(groupId, group);
    }
    group.warnings.list.push(...warnings.list);
    const options = OPTION_FIELDS.map(([key, name]) => ({ name, value: (item.fields.get(key) ?? '').trim() })).filter((o) => o.value !== '');
    group.drafts.push({ draft, line: item.line, options });
  }
  for (const [groupId, group] of groups) {
    const first = group.drafts[0]!;
    const listing = first.draft;
    // Only options that differ between items are variant options.
    const varying = new Set<string>();
    for (const d of group.drafts) for (const o of d.options) if (group.drafts.some((e) => e.options.find((x) => x.name === o.name)?.value !== o.value)) varying.add(o.name);
    listing.variants = group.drafts.map((d) => ({
      sku: d.draft.sku,
      options: d.options.filter((o) => varying.has(o.name)),
      priceMinor: d.draft.priceMinor,
      quantity: d.draft.quantity,
      image: d.draft.images[0] ?? null,
    }));
    listing.sourceId = groupId;
    listing.sku = null;
    for (const d of group.drafts.slice(1)) for (const img of d.draft.images) if (!listing.images.includes(img)) listing.images.push(img);
    if (group.drafts.every((d) => d.draft.status === 'sold_out')) listing.status = 'sold_out';
    else if (listing.status === 'sold_out') listing.status = 'active';
    for (const name of varying) delete listing.attributes[name.toLowerCase().replace(' ', '_')];
    yield finish(listing, group.drafts.map((d) => d.line).sort((a, b) => a - b), group.warnings.list);
  }
}

export async function* mapGoogleMerchantTable(rows: AsyncIterable<TableRow>, ctx: MapContext): AsyncGenerator<MappedRecord> {
  const names = ctx.header.map((h) => Columns.key(h).replace(/^g:/, '').replace(/\s+/g, '_'));
  async function* items(): AsyncGenerator<GoogleItem | MappedRecord> {
    for await (const row of rows) {
      if (row.problem) {
        yield { kind: 'rejected', lines: [row.line], problem: row.problem };
        continue;
      }
      const fields = new Map<string, string>();
      names.forEach((name, i) => {
        const value = row.cells[i] ?? '';
        if (value !== '' && !fields.has(name)) fields.set(name, value);
      });
      yield { line: row.line, fields };
    }
  }
  yield* assembleGoogleItems(items(), ctx, true);
}
