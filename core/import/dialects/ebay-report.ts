import { addAttributes, applyPrice, applyQuantity, cell, Columns, mapEachRow, newDraft, type MapContext } from '../listing-draft.js';
import type { MappedRecord } from '../mapped-record.js';
import type { TableRow } from '../read-table.js';
import { decodeEntities } from '../values.js';

/**
 * eBay listing reports: the Seller Hub "active listings" report (`Item number,Title,Variation
 * details,Custom label (SKU),Available quantity,Format,Currency,Start price,…`) and the slimmer
 * `Title,Item number,Quantity` / `ItemId,Title,Description` downloads.
 */
export async function* mapEbayReport(rows: AsyncIterable<TableRow>, ctx: MapContext): AsyncGenerator<MappedRecord> {
  const c = new Columns(ctx.header);
  const col = {
    itemId: c.find('Item number', 'ItemId', 'Item ID', 'eBay item number'),
    title: c.find('Title', 'Item title'),
    description: c.find('Description'),
    sku: c.find('Custom label (SKU)', 'Custom label', 'SKU'),
    quantity: c.find('Available quantity', 'Quantity', 'Quantity available'),
    currency: c.find('Currency'),
    price: c.find('Current price', 'Start price', 'Price', 'Buy It Now price'),
    condition: c.find('Condition'),
    category: c.find('eBay category 1 name', 'Category name', 'Category'),
    image: c.find('Picture URL', 'Item photo URL', 'Image URL'),
    variation: c.find('Variation details'),
  };
  const used = new Set<number>(Object.values(col));
  const extra = ctx.header.map((_, i) => i).filter((i) => !used.has(i));
  yield* mapEachRow(rows, (row, warnings) => {
    const cells = row.cells;
    const draft = newDraft('ebay', ctx, cell(cells, col.currency));
    draft.sourceId = cell(cells, col.itemId) || null;
    draft.title = decodeEntities(cell(cells, col.title));
    draft.description = cells[col.description] ?? '';
    draft.sku = cell(cells, col.sku) || null;
    applyPrice(draft, cell(cells, col.price), ctx.header[col.price] ?? 'Price');
    applyQuantity(draft, cell(cells, col.quantity), ctx.header[col.quantity] ?? 'Quantity', row.line, warnings);
    draft.condition = cell(cells, col.condition) || null;
    draft.category = cell(cells, col.category) || null;
    const image = cell(cells, col.image);
    if (image) draft.images = image.split('|').map((u) => u.trim());
    const variation = cell(cells, col.variation);
    if (variation) draft.attributes['Variation details'] = variation;
    addAttributes(draft, cells, extra, ctx.header, row.line, warnings);
    return draft;
  });
}
