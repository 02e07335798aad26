import { addAttributes, applyPrice, applyQuantity, cell, Columns, mapEachRow, newDraft, type MapContext } from '../listing-draft.js';
import type { MappedRecord } from '../mapped-record.js';
import type { TableRow } from '../read-table.js';
import { decodeEntities, normaliseStatus, parseDate } from '../values.js';

/** Amazon "All Listings Report" (tab separated: item-name, seller-sku, price, asin1, status…). */

const CONDITIONS: Record<string, string> = { '1': 'Used - Like New', '2': 'Used - Very Good', '3': 'Used - Good', '4': 'Used - Acceptable', '5': 'Collectible - Like New', '11': 'New' };

export async function* mapAmazonAllListings(rows: AsyncIterable<TableRow>, ctx: MapContext): AsyncGenerator<MappedRecord> {
  const c = new Columns(ctx.header);
  const col = {
    title: c.find('item-name'),
    description: c.find('item-description'),
    listingId: c.find('listing-id'),
    sku: c.find('seller-sku'),
    price: c.find('price'),
    quantity: c.find('quantity'),
    openDate: c.find('open-date'),
    image: c.find('image-url'),
    asin: c.find('asin1'),
    condition: c.find('item-condition'),
    status: c.find('status'),
    fulfillment: c.find('fulfillment-channel'),
  };
  const keep = [c.find('listing-id'), c.find('product-id'), c.find('product-id-type'), c.find('item-note'), col.fulfillment].filter((i) => i >= 0);
  // The report has no currency column (the marketplace's own currency is not in the file): the default applies.
  yield* mapEachRow(rows, (row, warnings) => {
    const cells = row.cells;
    const draft = newDraft('amazon', ctx);
    draft.title = decodeEntities(cell(cells, col.title));
    draft.description = cells[col.description] ?? '';
    draft.sourceId = cell(cells, col.asin) || cell(cells, col.listingId) || null;
    draft.sku = cell(cells, col.sku) || null;
    applyPrice(draft, cell(cells, col.price), 'price');
    applyQuantity(draft, cell(cells, col.quantity), 'quantity', row.line, warnings);
    const image = cell(cells, col.image);
    if (image) draft.images = [image];
    const condition = cell(cells, col.condition);
    draft.condition = CONDITIONS[condition] ?? (condition || null);
    draft.status = normaliseStatus(cell(cells, col.status)) ?? 'active';
    const opened = parseDate(cell(cells, col.openDate).replace(/\s+[A-Z]{3,4}$/, ''));
    if (opened !== null) draft.createdAt = opened;
    addAttributes(draft, cells, keep, ctx.header, row.line, warnings);
    return draft;
  });
}
