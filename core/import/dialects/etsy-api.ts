import { addAttributes, applyPrice, applyQuantity, cell, Columns, mapEachRow, newDraft, type MapContext } from '../listing-draft.js';
import type { MappedRecord } from '../mapped-record.js';
import type { TableRow } from '../read-table.js';
import { decodeEntities, normaliseStatus, parseDate, parsePythonList, splitList } from '../values.js';

/**
 * A pandas dump of Etsy API listings: a leading unnamed index column, tags/materials as Python
 * lists (`['a', 'b']`), titles and descriptions HTML-entity encoded (`Women&#39;s`; the API's
 * text fields are plain text, so decoding them is lossless).
 */

const KEEP = ['who_made', 'when_made', 'is_supply', 'style', 'taxonomy_id', 'shop_section_id', 'url', 'views', 'num_favorers', 'item_weight', 'item_weight_unit', 'item_length', 'item_width', 'item_height', 'item_dimensions_unit', 'is_customizable', 'is_digital', 'is_vintage', 'language', 'processing_min', 'processing_max', 'shipping_template_id'];

function list(text: string): string[] {
  const parsed = parsePythonList(text);
  return (parsed ?? splitList(text)).map((t) => decodeEntities(t).trim()).filter((t) => t !== '');
}

export async function* mapEtsyApi(rows: AsyncIterable<TableRow>, ctx: MapContext): AsyncGenerator<MappedRecord> {
  const c = new Columns(ctx.header);
  const col = {
    id: c.find('listing_id'),
    state: c.find('state'),
    title: c.find('title'),
    description: c.find('description'),
    price: c.find('price'),
    currency: c.find('currency_code'),
    quantity: c.find('quantity'),
    sku: c.find('sku'),
    tags: c.find('tags'),
    materials: c.find('materials'),
    taxonomy: c.find('taxonomy_path'),
    created: c.find('original_creation_tsz', 'creation_tsz'),
    modified: c.find('last_modified_tsz'),
    images: c.find('images', 'image_urls', 'Images'),
  };
  const keep = KEEP.map((k) => c.find(k)).filter((i) => i >= 0);
  yield* mapEachRow(rows, (row, warnings) => {
    const cells = row.cells;
    const draft = newDraft('etsy', ctx, cell(cells, col.currency));
    draft.sourceId = cell(cells, col.id).replace(/\.0$/, '') || null;
    draft.title = decodeEntities(cell(cells, col.title));
    draft.description = decodeEntities(cells[col.description] ?? '');
    applyPrice(draft, cell(cells, col.price), 'price');
    applyQuantity(draft, cell(cells, col.quantity), 'quantity', row.line, warnings);
    const skus = list(cell(cells, col.sku));
    draft.sku = skus[0] ?? null;
    draft.tags = list(cell(cells, col.tags));
    draft.materials = list(cell(cells, col.materials));
    draft.images = list(cell(cells, col.images));
    const taxonomy = list(cell(cells, col.taxonomy));
    draft.category = taxonomy.length > 0 ? taxonomy.join(' > ') : null;
    draft.status = normaliseStatus(cell(cells, col.state)) ?? 'active';
    draft.createdAt = parseDate(cell(cells, col.created)) ?? ctx.now;
    draft.updatedAt = parseDate(cell(cells, col.modified)) ?? draft.createdAt;
    addAttributes(draft, cells, keep, ctx.header, row.line, warnings, (h) => h);
    const style = draft.attributes['style'];
    if (style) draft.attributes['style'] = list(style).join(', ');
    return draft;
  });
}
