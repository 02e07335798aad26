import { conditionFromReport } from '../amazon-condition.js';
import { parseOpenDate } from '../amazon-open-date.js';
import { addAttributes, applyPrice, cell, Columns, keepColumns, mapEachRow, markUnknown, newDraft, setAttributeFrom, type MapContext } from '../listing-draft.js';
import type { MappedRecord } from '../mapped-record.js';
import type { TableRow } from '../read-table.js';
import { readStock } from '../stock-cell.js';
import { decodeEntities, normaliseStatus } from '../values.js';

/**
 * Amazon "All Listings Report" (tab separated: item-name, seller-sku, price, asin1, status…; in
 * Japanese on amazon.co.jp: 商品名, 出品者SKU, 価格, ASIN 1, ステータス…). The
 * seller SKU is the listing's identity (Amazon's key); the ASIN is an attribute written back to
 * `asin1`. Cells read into fields in a lossy way (the open date, the condition number, a status
 * word Listsmith only approximates) are also kept as written, and so is every column not read.
 */

/** Report columns read as attributes (column keys), in English and as amazon.co.jp names them. */
export const REPORT_ATTRIBUTES = /^(listing-id|product-id|product-id-type|item-note|fulfillment-channel|出品id|商品id|商品idタイプ|コンディション説明|フルフィルメント・チャンネル)$/;
/** The report's ASIN column. */
export const REPORT_ASIN = ['asin1', 'ASIN 1'];
/** The report's open date column. */
export const REPORT_OPEN_DATE = ['open-date', '出品日'];

export async function* mapAmazonAllListings(rows: AsyncIterable<TableRow>, ctx: MapContext): AsyncGenerator<MappedRecord> {
  const header = ctx.header;
  const c = new Columns(header);
  // amazon.co.jp names the columns in Japanese (its report is Shift_JIS): 商品名 is item-name, and so on.
  const col = {
    title: c.find('item-name', '商品名'),
    description: c.find('item-description'),
    sku: c.find('seller-sku', '出品者SKU'),
    price: c.find('price', '価格'),
    quantity: c.find('quantity', '数量'),
    openDate: c.find(...REPORT_OPEN_DATE),
    image: c.find('image-url'),
    asin: c.find(...REPORT_ASIN),
    condition: c.find('item-condition', 'コンディション'),
    status: c.find('status', 'ステータス'),
  };
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
    draft.condition = condition ? conditionFromReport(condition) : null;
    const status = cell(cells, col.status);
    draft.status = normaliseStatus(status) ?? 'active';
    if (status !== '' && status.toLowerCase() !== draft.status) draft.kept.status = status;
    const opened = parseOpenDate(cell(cells, col.openDate));
    if (opened !== null) draft.createdAt = opened;
    keepColumns(draft.kept.columns, cells, header, [col.openDate, col.condition]);
    addAttributes(draft, cells, attributes, header, row.line, warnings);
    keepColumns(draft.kept.columns, cells, header, untouched);
    markUnknown(draft, {
      sku: col.sku,
      description: col.description,
      priceMinor: col.price,
      quantity: col.quantity,
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
