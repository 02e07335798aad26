import type { NewVariant } from '../../catalog/insert-listings.js';
import { applyPrice, cell, Columns, extraCellsWarning, finish, keepColumns, markUnknown, newDraft, rejected, rowErrorRecord, Warnings, type Draft, type MapContext } from '../listing-draft.js';
import type { MappedRecord } from '../mapped-record.js';
import type { TableRow } from '../read-table.js';
import { readStock } from '../stock-cell.js';
import { decodeEntities, parsePrice, RowError, splitList } from '../values.js';
import { ownCells } from '../variant-cells.js';

/**
 * Wix Stores products export (`catalog_products.csv`: handleId, fieldType, name, …, surcharge,
 * productOptionName1…). A `Product` row is the listing: its name, description, base price, the
 * option names and their choices. The `Variant` rows under it (same handleId) are its variants:
 * the option values in `productOptionDescriptionN`, a `surcharge` added to the base price, their
 * own SKU, stock and weight. Images are Wix media names (`ec1c18_…~mv2.jpg`, `;`-separated), read as
 * static.wixstatic.com URLs. The file states no currency. Every cell not read is kept as written.
 */

const MEDIA_URL = 'https://static.wixstatic.com/media/';

interface Group {
  handle: string;
  draft: Draft;
  cells: readonly string[];
  lines: number[];
  warnings: Warnings;
  variants: NewVariant[];
  /** The base price, in minor units (variant price = base + surcharge). */
  base: number | null;
}

export async function* mapWix(rows: AsyncIterable<TableRow>, ctx: MapContext): AsyncGenerator<MappedRecord> {
  const header = ctx.header;
  const c = new Columns(header);
  const col = {
    handle: c.find('handleId'),
    type: c.find('fieldType'),
    name: c.find('name'),
    description: c.find('description'),
    images: c.find('productImageUrl'),
    collection: c.find('collection'),
    sku: c.find('sku'),
    price: c.find('price'),
    surcharge: c.find('surcharge'),
    inventory: c.find('inventory'),
    visible: c.find('visible'),
    brand: c.find('brand'),
  };
  const optionName = [1, 2, 3, 4, 5, 6].map((n) => c.find(`productOptionName${n}`));
  const optionValue = [1, 2, 3, 4, 5, 6].map((n) => c.find(`productOptionDescription${n}`));
  // What a variant row's own fields come from: not kept again as its own cells.
  const variantRead = new Set([col.handle, col.type, col.sku, col.inventory, ...optionValue].filter((i) => i >= 0));
  const untouched = c.unused();
  let group: Group | null = null;

  for await (const row of rows) {
    if (row.problem) {
      yield { kind: 'rejected', lines: [row.line], problem: row.problem };
      continue;
    }
    const cells = row.cells;
    const handle = cell(cells, col.handle);
    const type = cell(cells, col.type).toLowerCase();
    if (type === 'variant') {
      if (group === null || group.handle !== handle) {
        yield rejected(row.line, `This variant row's product (handleId "${handle}") is not the Product row above it, so it belongs to no listing. Keep a product's Variant rows right under its Product row.`, header[col.handle] ?? 'handleId');
        continue;
      }
      try {
        group.variants.push(readVariant(row, group));
        group.lines.push(row.line);
      } catch (err) {
        yield rowErrorRecord(err, [row.line]);
      }
      continue;
    }
    if (group) yield close(group);
    group = null;
    const warnings = new Warnings();
    extraCellsWarning(row, warnings);
    try {
      group = startProduct(row, handle, warnings);
    } catch (err) {
      yield rowErrorRecord(err, [row.line]);
    }
  }
  if (group) yield close(group);

  /** Untracked stock is a word: InStock (how many is not known), OutOfStock (none). Kept as written. */
  function readInventory(raw: string, line: number, warnings: Warnings, kept: Record<string, string>): number | null {
    const column = header[col.inventory] ?? 'inventory';
    const word = raw.toLowerCase().replace(/[\s_]/g, '');
    if (word !== 'instock' && word !== 'outofstock') return readStock(raw, column, line, warnings, kept);
    kept[column] = raw;
    return word === 'outofstock' ? 0 : null;
  }

  function startProduct(row: TableRow, handle: string, warnings: Warnings): Group {
    const cells = row.cells;
    const draft = newDraft('other', ctx);
    draft.sourceId = handle || null;
    draft.title = decodeEntities(cell(cells, col.name));
    draft.description = cells[col.description] ?? '';
    draft.sku = cell(cells, col.sku) || null;
    applyPrice(draft, cell(cells, col.price), header[col.price] ?? 'price');
    draft.quantity = readInventory(cell(cells, col.inventory), row.line, warnings, draft.kept.columns);
    draft.images = splitList(cell(cells, col.images), /;/).map((image) => (/^[a-z]+:\/\//i.test(image) ? image : MEDIA_URL + image));
    draft.category = cell(cells, col.collection) || null;
    draft.brand = cell(cells, col.brand) || null;
    const visible = cell(cells, col.visible).toLowerCase();
    if (visible === 'false') draft.status = 'inactive';
    // The media names and the visible word are kept as written: a Wix file gets them back.
    keepColumns(draft.kept.columns, cells, header, [col.images, col.visible, col.type, ...optionName, ...optionValue, ...untouched]);
    markUnknown(draft, {
      sku: col.sku,
      description: col.description,
      priceMinor: col.price,
      quantity: col.inventory,
      tags: false,
      materials: false,
      images: col.images,
      category: col.collection,
      brand: col.brand,
      condition: false,
    });
    return { handle, draft, cells, lines: [row.line], warnings, variants: [], base: draft.priceMinor };
  }

  function readVariant(row: TableRow, g: Group): NewVariant {
    const cells = row.cells;
    const options = optionValue.flatMap((index, k) => {
      const value = cell(cells, index);
      if (value === '') return [];
      return [{ name: cell(g.cells, optionName[k]!) || `Option ${k + 1}`, value }];
    });
    const surchargeCell = cell(cells, col.surcharge);
    // A surcharge may be negative (a smaller size for less): the amount is read without its sign.
    const negative = surchargeCell.startsWith('-');
    const surcharge = surchargeCell === '' ? null : parsePrice(negative ? surchargeCell.slice(1) : surchargeCell, header[col.surcharge] ?? 'surcharge', { currency: g.draft.currency });
    if (surcharge === null && surchargeCell !== '') throw new RowError(`Surcharge "${surchargeCell}" is not an amount`, header[col.surcharge] ?? 'surcharge');
    const priceMinor = g.base === null ? null : g.base + (negative ? -1 : 1) * (surcharge?.minor ?? 0);
    const kept: Record<string, string> = {};
    const quantity = readInventory(cell(cells, col.inventory), row.line, g.warnings, kept);
    const columns = { ...ownCells(cells, g.cells, header, variantRead), ...kept };
    return { sku: cell(cells, col.sku) || null, options, priceMinor, quantity, image: null, ...(Object.keys(columns).length > 0 ? { columns } : {}) };
  }

  function close(g: Group): MappedRecord {
    const draft = g.draft;
    if (g.variants.length === 1 && g.variants[0]!.options.length === 0) {
      // One variant without options is the product itself: its SKU and stock, its own cells kept.
      const v = g.variants[0]!;
      draft.sku ??= v.sku;
      if (v.quantity !== null) draft.quantity = v.quantity;
      for (const [column, value] of Object.entries(v.columns ?? {})) draft.kept.columns[column] ??= value;
    } else if (g.variants.length > 0) {
      draft.variants = g.variants;
      // The product row's own stock cell (often 0 beside stocked variants) stays as written.
      keepColumns(draft.kept.columns, g.cells, header, [col.inventory]);
      const quantities = g.variants.map((v) => v.quantity).filter((q): q is number => q !== null);
      if (quantities.length > 0) draft.quantity = quantities.reduce((a, b) => a + b, 0);
    }
    return finish(draft, g.lines, g.warnings.list);
  }
}
