import type { ListingStatus } from '../../../common/listing.js';
import type { NewVariant } from '../../catalog/insert-listings.js';
import { addAttributes, applyPrice, applyQuantity, cell, Columns, extraCellsWarning, finish, newDraft, rowErrorRecord, takePriceCurrency, Warnings, type Draft, type MapContext } from '../listing-draft.js';
import type { MappedRecord } from '../mapped-record.js';
import type { TableRow } from '../read-table.js';
import { decodeEntities, parsePrice, splitList } from '../values.js';

/**
 * WooCommerce product CSV. Simple, grouped and external products are listings of their own; a
 * `variable` parent and its `variation` rows (Parent = `id:NN` or the parent's SKU) become one
 * listing with variants. Variable parents and variations are held until the end of the file
 * (WooCommerce exports them far apart); everything else streams. The export has no currency column
 * (prices are in the shop's currency): listings take the import's default unless a price names one.
 */

const PUBLISHED: Record<string, ListingStatus> = { '1': 'active', '0': 'inactive', '-1': 'draft' };

interface Pending {
  id: string;
  sku: string;
  draft: Draft;
  lines: number[];
  warnings: Warnings;
  optionNames: string[];
  variantOptions: { name: string; value: string }[];
}

export async function* mapWooCommerce(rows: AsyncIterable<TableRow>, ctx: MapContext): AsyncGenerator<MappedRecord> {
  const c = new Columns(ctx.header);
  const col = {
    id: c.find('ID'),
    type: c.find('Type'),
    sku: c.find('SKU'),
    name: c.find('Name'),
    published: c.find('Published'),
    short: c.find('Short description'),
    description: c.find('Description'),
    salePrice: c.find('Sale price'),
    regularPrice: c.find('Regular price'),
    categories: c.find('Categories'),
    tags: c.find('Tags'),
    images: c.find('Images'),
    parent: c.find('Parent'),
    stock: c.find('Stock'),
    inStock: c.find('In stock?'),
  };
  const attrs: { name: number; value: number }[] = [];
  for (let n = 1; n <= 50; n++) {
    const name = c.find(`Attribute ${n} name`);
    if (name < 0) break;
    attrs.push({ name, value: c.find(`Attribute ${n} value(s)`) });
  }
  const keep = ['Grouped products', 'Upsells', 'Cross-sells', 'External URL', 'Button text', 'Tax status', 'Tax class', 'Shipping class'].map((h) => c.find(h)).concat(c.matching(/^(weight|length|width|height) \(/)).filter((i) => i >= 0);
  const parents: Pending[] = [];
  const variations: { parentRef: string; pending: Pending }[] = [];

  const build = (row: TableRow, warnings: Warnings): Draft => {
    const cells = row.cells;
    const draft = newDraft('woocommerce', ctx);
    draft.sourceId = cell(cells, col.id) || null;
    draft.sku = cell(cells, col.sku) || null;
    draft.title = decodeEntities(cell(cells, col.name));
    draft.description = (cells[col.description] ?? '').trim() !== '' ? (cells[col.description] ?? '') : (cells[col.short] ?? '');
    if (cell(cells, col.short) && cell(cells, col.description)) draft.attributes['Short description'] = cells[col.short] ?? '';
    applyPrice(draft, cell(cells, col.regularPrice), 'Regular price');
    const sale = parsePrice(cell(cells, col.salePrice), 'Sale price', { currency: draft.currency });
    if (sale) {
      draft.attributes['Sale price'] = cell(cells, col.salePrice);
      if (draft.priceMinor === null) {
        draft.priceMinor = sale.minor;
        takePriceCurrency(draft, sale);
      }
    }
    applyQuantity(draft, cell(cells, col.stock), 'Stock', row.line, warnings);
    const categories = splitList(cell(cells, col.categories));
    draft.category = categories[0] ?? null;
    if (categories.length > 1) draft.attributes['Categories'] = categories.join(', ');
    draft.tags = splitList(cell(cells, col.tags));
    draft.images = splitList(cell(cells, col.images));
    const status = PUBLISHED[cell(cells, col.published)] ?? 'active';
    draft.status = status === 'active' && cell(cells, col.inStock) === '0' && draft.quantity === 0 ? 'sold_out' : status;
    const type = cell(cells, col.type);
    if (type) draft.attributes['Product type'] = type;
    addAttributes(draft, cells, keep, ctx.header, row.line, warnings);
    return draft;
  };

  for await (const row of rows) {
    if (row.problem) {
      yield { kind: 'rejected', lines: [row.line], problem: row.problem };
      continue;
    }
    const warnings = new Warnings();
    extraCellsWarning(row, warnings);
    let draft: Draft;
    try {
      draft = build(row, warnings);
    } catch (err) {
      yield rowErrorRecord(err, [row.line]);
      continue;
    }
    const cells = row.cells;
    const types = splitList(cell(cells, col.type).toLowerCase());
    const pending: Pending = { id: cell(cells, col.id), sku: cell(cells, col.sku), draft, lines: [row.line], warnings, optionNames: attrs.map((a) => cell(cells, a.name)), variantOptions: [] };
    if (types.includes('variable')) {
      parents.push(pending);
    } else if (types.includes('variation') && cell(cells, col.parent) !== '') {
      pending.variantOptions = attrs.map((a, k) => ({ name: cell(cells, a.name) || `Attribute ${k + 1}`, value: cell(cells, a.value) })).filter((o) => o.value !== '');
      variations.push({ parentRef: cell(cells, col.parent), pending });
    } else {
      for (const a of attrs) {
        const name = cell(cells, a.name);
        const value = cell(cells, a.value);
        if (name && value) draft.attributes[name] = value;
      }
      yield finish(draft, pending.lines, warnings.list);
    }
  }

  const byId = new Map<string, Pending>();
  const bySku = new Map<string, Pending>();
  for (const p of parents) {
    if (p.id && !byId.has(p.id)) byId.set(p.id, p);
    if (p.sku && !bySku.has(p.sku)) bySku.set(p.sku, p);
  }
  const orphans: Pending[] = [];
  for (const { parentRef, pending } of variations) {
    const m = /^id:(\d+)$/i.exec(parentRef);
    const parent = m ? byId.get(m[1]!) : (bySku.get(parentRef) ?? byId.get(parentRef));
    if (!parent) {
      pending.warnings.add(pending.lines[0] ?? 0, 'Parent', `Parent "${parentRef}" is not in the file; the variation was imported as a listing of its own.`);
      orphans.push(pending);
      continue;
    }
    const v = pending.draft;
    const variant: NewVariant = { sku: v.sku, options: pending.variantOptions, priceMinor: v.priceMinor, quantity: v.quantity, image: v.images[0] ?? null };
    parent.draft.variants.push(variant);
    parent.lines.push(...pending.lines);
    parent.warnings.list.push(...pending.warnings.list);
  }
  for (const p of [...parents, ...orphans]) {
    const d = p.draft;
    if (d.variants.length > 0) {
      d.priceMinor ??= d.variants.find((v) => v.priceMinor !== null)?.priceMinor ?? null;
      const q = d.variants.map((v) => v.quantity).filter((x): x is number => x !== null);
      if (d.quantity === null && q.length > 0) d.quantity = q.reduce((a, b) => a + b, 0);
    }
    p.lines.sort((a, b) => a - b);
    yield finish(d, p.lines, p.warnings.list);
  }
}
