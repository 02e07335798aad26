import { conditionFromReport } from '../amazon-condition.js';
import { applyFbaOffer, fbaOfferColumns, isUnknownCondition } from '../amazon-fba-inventory.js';
import { parseOpenDate } from '../amazon-open-date.js';
import { REPORT_STATUS, reportStatus } from '../amazon-report-status.js';
import { addAttributes, applyPrice, cell, Columns, keepColumns, mapEachRow, markUnknown, newDraft, setAttributeFrom, type MapContext } from '../listing-draft.js';
import type { MappedRecord } from '../mapped-record.js';
import type { TableRow } from '../read-table.js';
import { readStock } from '../stock-cell.js';
import { decodeEntities } from '../values.js';

/**
 * Amazon "All Listings Report" (tab separated: item-name, seller-sku, price, asin1, status…; in
 * Japanese on amazon.co.jp: 商品名, 出品者SKU, 価格, ASIN 1, ステータス…). The
 * seller SKU is the listing's identity (Amazon's key); the ASIN is an attribute written back to
 * `asin1`. Cells read into fields in a lossy way (the open date, the condition number, a status
 * word Listsmith only approximates) are also kept as written, and so is every column not read.
 *
 * Amazon's FBA inventory report (sku, fnsku, asin, product-name, condition, your-price, then each
 * offer's stock) is read here too: the same SKUs, titles and prices under other names, its stock
 * and status from its offer columns (amazon-fba-inventory.ts), which are kept as written.
 */

/** Report columns read as attributes (column keys), in English and as amazon.co.jp names them. */
export const REPORT_ATTRIBUTES = /^(listing-id|product-id|product-id-type|item-note|fulfillment-channel|出品id|商品id|商品idタイプ|コンディション説明|フルフィルメント・チャンネル)$/;
/** The report's ASIN column (the FBA inventory report's `asin`). */
export const REPORT_ASIN = ['asin1', 'ASIN 1', 'asin'];
/** The report's open date column. */
export const REPORT_OPEN_DATE = ['open-date', '出品日'];

export async function* mapAmazonAllListings(rows: AsyncIterable<TableRow>, ctx: MapContext): AsyncGenerator<MappedRecord> {
  const header = ctx.header;
  const c = new Columns(header);
  // amazon.co.jp names the columns in Japanese (its report is Shift_JIS): 商品名 is item-name, and so on.
  const col = {
    title: c.find('item-name', '商品名', 'product-name'),
    description: c.find('item-description'),
    sku: c.find('seller-sku', '出品者SKU', 'sku'),
    price: c.find('price', '価格', 'your-price'),
    quantity: c.find('quantity', '数量'),
    openDate: c.find(...REPORT_OPEN_DATE),
    image: c.find('image-url'),
    asin: c.find(...REPORT_ASIN),
    condition: c.find('item-condition', 'コンディション', 'condition'),
    status: c.find(...REPORT_STATUS),
  };
  // The FBA inventory report has no quantity column: each offer has its own stock.
  const offers = col.quantity < 0 ? fbaOfferColumns(header) : null;
  const attributes = c.matching(REPORT_ATTRIBUTES);
  const untouched = c.unused();
  // The report has no currency column (the marketplace's own currency is not in the file): the default applies.
  yield* mapEachRow(rows, (row, warnings) => {
    const cells = row.cells;
    const draft = newDraft('amazon', ctx);
    draft.title = decodeEntities(cell(cells, col.title));
    draft.description = cells[col.description] ?? '';
    draft.sku = cell(cells, col.sku) || null;
    draft.sourceId = draft.sku;
    const asin = cell(cells, col.asin);
    if (asin) setAttributeFrom(draft, 'ASIN', header[col.asin]!, asin);
    applyPrice(draft, cell(cells, col.price), 'price');
    draft.quantity = readStock(cell(cells, col.quantity), 'quantity', row.line, warnings, draft.kept.columns);
    const image = cell(cells, col.image);
    if (image) draft.images = [image];
    const condition = cell(cells, col.condition);
    // `Unknown` (FBA report): Amazon knows no condition for the SKU; the cell is kept as written.
    draft.condition = condition && !isUnknownCondition(condition) ? conditionFromReport(condition) : null;
    const status = reportStatus(cell(cells, col.status));
    draft.status = status.status;
    if (status.kept !== undefined) draft.kept.status = status.kept;
    if (offers !== null) applyFbaOffer(draft, cells, header, offers, row.line, warnings, col.status < 0);
    const opened = parseOpenDate(cell(cells, col.openDate));
    if (opened !== null) draft.createdAt = opened;
    keepColumns(draft.kept.columns, cells, header, [col.openDate, col.condition]);
    addAttributes(draft, cells, attributes, header, row.line, warnings);
    keepColumns(draft.kept.columns, cells, header, untouched);
    markUnknown(draft, {
      sku: col.sku,
      description: col.description,
      priceMinor: col.price,
      quantity: col.quantity >= 0 || offers !== null,
      tags: false,
      materials: false,
      images: col.image,
      category: false,
      brand: false,
      condition: col.condition,
    });
    return draft;
  });
}
