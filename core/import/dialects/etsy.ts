import { englishHeaders, headerLocale } from '../canonical-headers.js';
import { applyPrice, applyQuantity, cell, Columns, combinations, keepColumns, mapEachRow, markUnknown, newDraft, setAttributeFrom, type MapContext } from '../listing-draft.js';
import type { MappedRecord } from '../mapped-record.js';
import type { TableRow } from '../read-table.js';
import { decodeEntities, splitList } from '../values.js';

/**
 * Etsy "Download CSV" (English headers, or the shop's language: Italian TITOLO/PREZZO/IMMAGINE1…,
 * French TITRE/PRIX/"IMAGE 1", read through etsy-header-translations.ts) and the seller-made
 * bulk-create input file (lower-case `title,description,price,…`). Tags use `_` for
 * spaces. Variation values become variants (all combinations; Etsy's CSV has no per-variant price).
 * The download has no listing id, brand, category or condition: those are unknown, not empty.
 * Etsy's item properties (who made it, when, supply or finished item…) are attributes; any other
 * column is kept with the listing exactly as written.
 */

/**
 * No more combinations than two properties of 70 values each (Etsy refuses more than 70 option
 * values, as upload tools document). A lower cap cut real listings (a French shop's 60 letters ×
 * 4 sizes = 240), and their export then wrote only the values of the variants kept.
 */
const MAX_VARIANTS = 70 * 70;

/** Etsy's own item properties: attributes under their columns. */
const ITEM_PROPERTIES = /^(who_made|when_made|is_supply|recipient|occasion|style)$/;

export async function* mapEtsy(rows: AsyncIterable<TableRow>, ctx: MapContext): AsyncGenerator<MappedRecord> {
  const header = ctx.header;
  // Looked up by their English names; the file's own headers stay what kept columns are stored under.
  const english = englishHeaders('etsy', header);
  const c = new Columns(english);
  const localized = headerLocale('etsy', header) !== null;
  const col = {
    title: c.find('TITLE'),
    description: c.find('DESCRIPTION'),
    price: c.find('PRICE'),
    currency: c.find('CURRENCY_CODE', 'CURRENCY'),
    quantity: c.find('QUANTITY'),
    tags: c.find('TAGS'),
    materials: c.find('MATERIALS'),
    sku: c.find('SKU'),
    listingId: c.find('LISTING_ID', 'LISTING ID'),
  };
  const imageColumns = c.matching(/^image\s?\d{1,2}$|^image_location$/);
  const variation = [1, 2, 3].map((n) => ({
    type: c.find(`VARIATION ${n} TYPE`),
    name: c.find(`VARIATION ${n} NAME`),
    values: c.find(`VARIATION ${n} VALUES`),
  }));
  const properties = c.matching(ITEM_PROPERTIES);
  const kept = c.unused();

  yield* mapEachRow(rows, (row, warnings) => {
    const cells = row.cells;
    const draft = newDraft('etsy', ctx, cell(cells, col.currency));
    draft.title = decodeEntities(cell(cells, col.title));
    draft.description = cells[col.description] ?? '';
    applyPrice(draft, cell(cells, col.price), header[col.price] ?? 'Price', { decimalComma: localized });
    applyQuantity(draft, cell(cells, col.quantity), header[col.quantity] ?? 'Quantity', row.line, warnings);
    draft.tags = splitList(cell(cells, col.tags)).map((t) => t.replaceAll('_', ' '));
    draft.materials = splitList(cell(cells, col.materials)).map((t) => t.replaceAll('_', ' '));
    draft.images = imageColumns.map((i) => cell(cells, i)).filter((u) => u !== '');
    draft.sourceId = cell(cells, col.listingId) || null;
    const options = variation
      // Etsy escapes variation text as it does titles (`4&quot; Pot`): the seller's values are `4" Pot`.
      .map((v) => ({ type: v.type, name: decodeEntities(cell(cells, v.name) || cell(cells, v.type)), values: splitList(cell(cells, v.values)).map(decodeEntities) }))
      .filter((o) => o.values.length > 0);
    const sku = cell(cells, col.sku);
    // One SKU per variant, in Etsy's order (not the combinations'): the cell goes back as written.
    // Without variations there is one SKU, commas and all (`NO-TAPE,-1-OZ-GLUE` from a Shopify store).
    if (sku.includes(',') && options.length > 0) setAttributeFrom(draft, 'Variant SKUs', header[col.sku] ?? 'SKU', sku);
    else draft.sku = sku || null;
    if (options.length > 0) {
      const combos = combinations(options, MAX_VARIANTS);
      const total = options.reduce((n, o) => n * o.values.length, 1);
      if (total > MAX_VARIANTS) warnings.add(row.line, null, `${total} variation combinations; the first ${MAX_VARIANTS} were imported.`);
      draft.variants = combos.map((options) => ({ sku: null, options, priceMinor: null, quantity: null, image: null }));
    }
    // Etsy's property type (`Custom Property`, `Color`) beside the name the seller gave it, under
    // the English header the export writes it back under (a French download's `TYPE VARIATION 1`
    // as `VARIATION 1 TYPE`), so that the file exported and read again finds it unchanged.
    for (const option of options) if (cell(cells, option.type) !== option.name) keepColumns(draft.kept.columns, cells, english, [option.type]);
    for (const i of properties) if (cell(cells, i) !== '') setAttributeFrom(draft, header[i]!, header[i]!, cell(cells, i));
    keepColumns(draft.kept.columns, cells, header, kept);
    markUnknown(draft, {
      sku: col.sku,
      description: col.description,
      priceMinor: col.price,
      quantity: col.quantity,
      tags: col.tags,
      materials: col.materials,
      images: imageColumns.length > 0,
      category: false,
      brand: false,
      condition: false,
    });
    return draft;
  });
}
