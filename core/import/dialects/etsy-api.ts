import { applyPrice, applyQuantity, cell, Columns, keepColumns, mapEachRow, markUnknown, newDraft, setAttributeFrom, type MapContext } from '../listing-draft.js';
import type { MappedRecord } from '../mapped-record.js';
import type { TableRow } from '../read-table.js';
import { decodeEntities, normaliseStatus, parseDate, parsePythonList, splitList } from '../values.js';

/**
 * A pandas dump of Etsy API listings: a leading unnamed index column, tags/materials as Python
 * lists (`['a', 'b']`), titles and descriptions HTML-entity encoded (`Women&#39;s`; the API's
 * text fields are plain text, so decoding them is lossless). Etsy's item properties are
 * attributes; every other column (views, favourites, url, shop section, the index…) is kept with
 * the listing exactly as written.
 */

/** Etsy's own item properties (who made it, when, size and weight…): attributes under their columns. */
const ITEM_PROPERTIES = /^(who_made|when_made|is_supply|style|item_weight|item_weight_unit|item_length|item_width|item_height|item_dimensions_unit|is_customizable|is_digital|is_vintage|is_personalizable|recipient|occasion)$/;

function list(text: string): string[] {
  const parsed = parsePythonList(text);
  return (parsed ?? splitList(text)).map((t) => decodeEntities(t).trim()).filter((t) => t !== '');
}

/**
 * Tags and materials: a Python list from the API, or (a dump re-exported as Etsy's CSV) a comma
 * list with Etsy's `_` for spaces; Etsy allows no `_` in either.
 */
function etsyList(text: string): string[] {
  return parsePythonList(text) === null ? list(text).map((t) => t.replaceAll('_', ' ')) : list(text);
}

export async function* mapEtsyApi(rows: AsyncIterable<TableRow>, ctx: MapContext): AsyncGenerator<MappedRecord> {
  const header = ctx.header;
  const c = new Columns(header);
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
  const properties = c.matching(ITEM_PROPERTIES);
  const kept = c.unused();
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
    // Several SKUs (one per inventory offering): the first is the listing's, the cell is kept as written.
    if (skus.length > 1) keepColumns(draft.kept.columns, cells, header, [col.sku]);
    draft.tags = etsyList(cell(cells, col.tags));
    draft.materials = etsyList(cell(cells, col.materials));
    draft.images = list(cell(cells, col.images));
    const taxonomy = list(cell(cells, col.taxonomy));
    draft.category = taxonomy.length > 0 ? taxonomy.join(' > ') : null;
    const state = cell(cells, col.state);
    draft.status = normaliseStatus(state) ?? 'active';
    // Etsy's states are more than five (`edit`, `expired`, `removed`…): the word itself is kept.
    if (state !== '' && state !== draft.status) draft.kept.status = state;
    if (state !== '' && normaliseStatus(state) === null) warnings.add(row.line, header[col.state] ?? 'state', `State "${state}" is not one Listsmith knows; imported as active and kept as written.`);
    draft.createdAt = parseDate(cell(cells, col.created)) ?? ctx.now;
    draft.updatedAt = parseDate(cell(cells, col.modified)) ?? draft.createdAt;
    for (const i of properties) {
      const value = cell(cells, i);
      if (value === '') continue;
      // `style` is a Python list too.
      setAttributeFrom(draft, header[i]!, header[i]!, value.startsWith('[') ? list(value).join(', ') : value);
    }
    keepColumns(draft.kept.columns, cells, header, kept);
    markUnknown(draft, {
      sku: col.sku,
      description: col.description,
      priceMinor: col.price,
      quantity: col.quantity,
      tags: col.tags,
      materials: col.materials,
      images: col.images,
      category: col.taxonomy,
      brand: false,
      condition: false,
    });
    return draft;
  });
}
