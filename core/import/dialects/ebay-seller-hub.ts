import type { ListingStatus } from '../../../common/listing.js';
import { addAttributes, applyPrice, applyQuantity, cell, Columns, identifier, mapEachRow, newDraft, type MapContext } from '../listing-draft.js';
import type { MappedRecord } from '../mapped-record.js';
import type { TableRow } from '../read-table.js';
import { decodeEntities, splitList } from '../values.js';

/**
 * eBay Seller Hub upload / category template: `Action(SiteID=US|…|Currency=USD…)` first column,
 * `*` on required columns, `C:Brand` item specifics (sometimes with a leading space) → attributes,
 * `Condition ID` numbers → condition names (anything else is kept as text with a warning).
 */

export const EBAY_CONDITIONS: Record<string, string> = {
  '1000': 'New',
  '1500': 'New other',
  '1750': 'New with defects',
  '2000': 'Certified refurbished',
  '2010': 'Excellent - Refurbished',
  '2020': 'Very Good - Refurbished',
  '2030': 'Good - Refurbished',
  '2500': 'Seller refurbished',
  '2750': 'Like New',
  '2990': 'Pre-owned - Excellent',
  '3000': 'Used',
  '3010': 'Pre-owned - Fair',
  '4000': 'Very Good',
  '5000': 'Good',
  '6000': 'Acceptable',
  '7000': 'For parts or not working',
};

const ACTION_STATUS: Record<string, ListingStatus> = { add: 'active', verifyadd: 'active', revise: 'active', relist: 'active', draft: 'draft', end: 'inactive' };

export function ebayActionCurrency(firstHeader: string): string | null {
  const m = /Currency=([A-Z]{3})/i.exec(firstHeader);
  return m ? m[1]!.toUpperCase() : null;
}

export async function* mapEbaySellerHub(rows: AsyncIterable<TableRow>, ctx: MapContext): AsyncGenerator<MappedRecord> {
  const c = new Columns(ctx.header);
  const action = ctx.header.findIndex((h) => /^\*?action\(/i.test(h.trim()) || /^\*?action$/i.test(h.trim()));
  const currency = ebayActionCurrency(ctx.header[action] ?? '');
  const col = {
    itemId: c.find('Item number', 'ItemID', 'Item ID'),
    sku: c.find('Custom label (SKU)', 'CustomLabel', 'SKU'),
    category: c.find('Category ID', 'Category', 'CategoryID'),
    categoryName: c.find('Category name'),
    title: c.find('Title'),
    subtitle: c.find('Subtitle'),
    upc: c.find('UPC', 'C:UPC', 'Product:UPC'),
    ean: c.find('EAN', 'Product:EAN'),
    price: c.find('Price', 'Start price', 'StartPrice', 'Buy It Now price'),
    quantity: c.find('Quantity', 'Available quantity'),
    photos: c.find('Item photo URL', 'PicURL', 'Picture URL'),
    condition: c.find('Condition ID', 'ConditionID', 'Condition'),
    conditionDescription: c.find('Condition description', 'ConditionDescription'),
    description: c.find('Description'),
    format: c.find('Format'),
    duration: c.find('Duration'),
  };
  const specifics = c.matching(/^c:/);
  const specificName = (h: string): string => h.trim().replace(/^\*?C:\s*/i, '');
  yield* mapEachRow(rows, (row, warnings) => {
    const cells = row.cells;
    const draft = newDraft('ebay', ctx, currency);
    draft.sourceId = cell(cells, col.itemId) || null;
    draft.sku = cell(cells, col.sku) || null;
    draft.title = decodeEntities(cell(cells, col.title));
    draft.description = cells[col.description] ?? '';
    draft.category = cell(cells, col.categoryName) || cell(cells, col.category) || null;
    applyPrice(draft, cell(cells, col.price), ctx.header[col.price] ?? 'Price');
    applyQuantity(draft, cell(cells, col.quantity), ctx.header[col.quantity] ?? 'Quantity', row.line, warnings);
    draft.images = splitList(cell(cells, col.photos), /\|/);
    const condition = cell(cells, col.condition);
    if (condition !== '') {
      const name = EBAY_CONDITIONS[condition.replace(/\.0$/, '')];
      if (name) {
        draft.condition = name;
      } else {
        draft.condition = condition;
        warnings.add(row.line, ctx.header[col.condition] ?? 'Condition ID', `Condition ID "${condition}" is not an eBay condition number (e.g. 1000 = New, 3000 = Used); kept as text — eBay will reject it on upload.`);
      }
    }
    const act = cell(cells, action).toLowerCase();
    draft.status = ACTION_STATUS[act] ?? 'active';
    const upc = identifier(cells, col.upc, ctx.header, row.line, warnings);
    if (upc) draft.attributes['UPC'] = upc;
    const ean = identifier(cells, col.ean, ctx.header, row.line, warnings);
    if (ean) draft.attributes['EAN'] = ean;
    for (const [k, i] of [['Subtitle', col.subtitle], ['Format', col.format], ['Duration', col.duration], ['Condition description', col.conditionDescription], ['Category ID', col.categoryName >= 0 ? col.category : -1]] as const) {
      const v = cell(cells, i);
      if (v) draft.attributes[k] = v;
    }
    addAttributes(draft, cells, specifics, ctx.header, row.line, warnings, specificName);
    return draft;
  });
}
