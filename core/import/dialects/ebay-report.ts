import type { NewVariant } from '../../catalog/insert-listings.js';
import { addEbaySpecifics, EBAY_SPECIFIC_COLUMN } from '../ebay-item-specifics.js';
import { listsEveryOption, orderOptions, parseVariationDimensions, parseVariationOptions, namesMissingVariations, shownVariationPrice, type VariationDimension } from '../ebay-variations.js';
import { cell, Columns, extraCellsWarning, finish, keepColumns, markUnknown, newDraft, rowErrorRecord, rejected, takePriceCurrency, Warnings, type Draft, type MapContext } from '../listing-draft.js';
import type { MappedRecord } from '../mapped-record.js';
import type { TableRow } from '../read-table.js';
import { readStock } from '../stock-cell.js';
import { decodeEntities, parsePrice, RowError, splitList, type ParsedPrice } from '../values.js';
import { ownCells } from '../variant-cells.js';
import { ebayConditionName } from './ebay-seller-hub.js';

/**
 * eBay listing reports: Seller Hub "All active listings" (`Item number,Title,Variation details,
 * Custom label (SKU),Available quantity,Format,Currency,Start price,…,Current price,Sold quantity,
 * Watchers,…,Listing site,P:UPC,…`), the legacy File Exchange "Active listings" download (`Item ID,
 * Custom Label,…,Price,…,Item Title,…,Site Listed,…,Variation Details,…,Condition ID`) and the slim
 * `Title,Item number,Quantity` / `ItemId,Title,Description` downloads.
 *
 * A multi-variation item is its listing row (`Variation details` names every value:
 * `Color=Red;Blue`) followed by one row per variation with the same item number (`Color=Red`, its
 * own SKU and stock, Start price set and Current price blank): such a run of rows is one listing
 * with variants. Report-only columns (dates, watchers, sold counts, category numbers, listing
 * site…) are kept with the listing exactly as written, never made item specifics; item specifics
 * (`P:UPC`, `C:Brand`, `CD:Grade - (ID: 27502)`) become attributes written back to their columns.
 */

interface RowPrice {
  parsed: ParsedPrice;
  /** The column it was read from (Current price, else Start price). */
  column: number;
}

export async function* mapEbayReport(rows: AsyncIterable<TableRow>, ctx: MapContext): AsyncGenerator<MappedRecord> {
  const header = ctx.header;
  const c = new Columns(header);
  const col = {
    itemId: c.find('Item number', 'ItemId', 'Item ID', 'eBay item number'),
    title: c.find('Title', 'Item title'),
    description: c.find('Description'),
    sku: c.find('Custom label (SKU)', 'Custom label', 'SKU'),
    quantity: c.find('Available quantity', 'Quantity', 'Quantity available'),
    currency: c.find('Currency'),
    price: c.find('Current price', 'Price', 'Buy It Now price'),
    startPrice: c.find('Start price'),
    condition: c.find('Condition'),
    category: c.find('eBay category 1 name', 'Category leaf name', 'Category name', 'Category'),
    image: c.find('Picture URL', 'Item photo URL', 'Image URL'),
    variation: c.find('Variation details'),
  };
  // Kept as written (not claimed); it names the condition only when the report has no Condition column.
  const conditionId = header.findIndex((h) => Columns.key(h) === 'condition id');
  // Names a card category's conditions (Graded / Ungraded) where only the ID is given; kept as written too.
  const categoryNumber = header.findIndex((h) => ['ebay category 1 number', 'category number'].includes(Columns.key(h)));
  const specifics = c.matching(EBAY_SPECIFIC_COLUMN);
  const untouched = c.unused();
  const headerOf = (index: number, fallback: string): string => header[index] ?? fallback;

  /** Current price, else Start price (variation rows leave Current price blank). */
  const readPrice = (cells: readonly string[], currency: string): RowPrice | null => {
    for (const column of [col.price, col.startPrice]) {
      const parsed = parsePrice(cell(cells, column), headerOf(column, 'Price'), { currency });
      if (parsed) return { parsed, column };
    }
    return null;
  };

  const listingOf = (row: TableRow, warnings: Warnings): Draft => {
    const cells = row.cells;
    const draft = newDraft('ebay', ctx, cell(cells, col.currency));
    draft.sourceId = cell(cells, col.itemId) || null;
    draft.sku = cell(cells, col.sku) || null;
    draft.title = decodeEntities(cell(cells, col.title));
    draft.description = cells[col.description] ?? '';
    const price = readPrice(cells, draft.currency);
    if (price) {
      draft.priceMinor = price.parsed.minor;
      takePriceCurrency(draft, price.parsed);
      // The start price of a listing priced by its current price is its own fact: kept.
      if (price.column !== col.startPrice) keepColumns(draft.kept.columns, cells, header, [col.startPrice]);
    }
    draft.quantity = readStock(cell(cells, col.quantity), headerOf(col.quantity, 'Quantity'), row.line, warnings, draft.kept.columns);
    draft.condition = cell(cells, col.condition) || ebayConditionName(cell(cells, conditionId), cell(cells, categoryNumber)) || null;
    draft.category = cell(cells, col.category) || null;
    draft.images = splitList(cell(cells, col.image), /\|/);
    addEbaySpecifics(draft, cells, specifics, header, row.line, warnings);
    keepColumns(draft.kept.columns, cells, header, untouched);
    markUnknown(draft, {
      sku: col.sku,
      description: col.description,
      priceMinor: Math.max(col.price, col.startPrice),
      quantity: col.quantity,
      tags: false,
      materials: false,
      images: col.image,
      category: col.category,
      brand: false,
      condition: Math.max(col.condition, conditionId),
    });
    return draft;
  };

  const variantOf = (row: TableRow, listingRow: TableRow, dimensions: readonly VariationDimension[], currency: string, warnings: Warnings): NewVariant => {
    const cells = row.cells;
    const price = readPrice(cells, currency);
    const unreadable: Record<string, string> = {};
    const quantity = readStock(cell(cells, col.quantity), headerOf(col.quantity, 'Quantity'), row.line, warnings, unreadable);
    const skip = new Set([col.itemId, col.sku, col.quantity, col.variation, price?.column ?? -1]);
    const columns = { ...ownCells(cells, listingRow.cells, header, skip), ...unreadable };
    return {
      sku: cell(cells, col.sku) || null,
      options: orderOptions(parseVariationOptions(cell(cells, col.variation)), dimensions),
      priceMinor: price?.parsed.minor ?? null,
      quantity,
      image: null,
      ...(Object.keys(columns).length > 0 ? { columns } : {}),
    };
  };

  /** One item: its rows (same item number, adjacent) → one listing, its variation rows → variants. */
  function* assemble(group: TableRow[]): Generator<MappedRecord> {
    const first = group[0]!;
    const warnings = new Warnings();
    extraCellsWarning(first, warnings);
    let draft: Draft;
    try {
      draft = listingOf(first, warnings);
    } catch (err) {
      yield rowErrorRecord(err, [first.line]);
      for (const row of group.slice(1)) {
        yield rejected(row.line, `This variation's listing row (line ${first.line}) could not be read, so the variation was not imported either. Fix line ${first.line} and import again.`, headerOf(col.variation, 'Variation details'));
      }
      return;
    }
    if (group.length === 1) {
      keepColumns(draft.kept.columns, first.cells, header, [col.variation]);
      yield finish(draft, [first.line], warnings.list);
      return;
    }
    const rest = group.slice(1);
    const listed = parseVariationDimensions(cell(first.cells, col.variation));
    const firstIsListing = listed.length === 0 || listsEveryOption(listed, rest.map((row) => parseVariationOptions(cell(row.cells, col.variation))));
    const variationRows = firstIsListing ? rest : group;
    if (!firstIsListing) {
      warnings.add(first.line, headerOf(col.variation, 'Variation details'), `Item ${draft.sourceId ?? ''} has no row of its own in the report (its first row names one variation, not all of them): the listing was made from its ${group.length} variation rows.`);
      draft.sku = null;
      draft.priceMinor = null;
      draft.quantity = null;
    }
    const dimensions = firstIsListing && listed.length > 0 ? listed : dimensionsOf(variationRows.map((row) => parseVariationOptions(cell(row.cells, col.variation))));
    const ownPrice = draft.priceMinor;
    const lines = firstIsListing ? [first.line] : [];
    const variants: NewVariant[] = [];
    for (const row of variationRows) {
      if (row !== first) extraCellsWarning(row, warnings);
      try {
        const variant = variantOf(row, first, dimensions, draft.currency, warnings);
        variants.push({ ...variant, priceMinor: variant.priceMinor ?? ownPrice });
        lines.push(row.line);
      } catch (err) {
        if (!(err instanceof RowError)) throw err;
        yield rejected(row.line, `Variation ${cell(row.cells, col.variation) || row.line} of item ${draft.sourceId ?? ''}: ${err.message}`, err.column);
      }
    }
    if (variants.length === 0) {
      if (firstIsListing) yield finish(draft, lines, warnings.list);
      return;
    }
    draft.variants = variants;
    // The listing row names values no variation row of the report has (eBay leaves some out): the
    // cell is kept as written, or those values would be lost.
    if (firstIsListing && namesMissingVariations(listed, variants)) keepColumns(draft.kept.columns, first.cells, header, [col.variation]);
    draft.priceMinor ??= shownVariationPrice(variants);
    const stock = variants.map((v) => v.quantity).filter((q): q is number => q !== null);
    if (draft.quantity === null && stock.length > 0) draft.quantity = stock.reduce((a, b) => a + b, 0);
    yield finish(draft, lines, warnings.list);
  }

  let group: TableRow[] = [];
  for await (const row of rows) {
    if (row.problem) {
      yield { kind: 'rejected', lines: [row.line], problem: row.problem };
      continue;
    }
    const id = cell(row.cells, col.itemId);
    if (group.length > 0 && id !== '' && id === cell(group[0]!.cells, col.itemId)) {
      group.push(row);
      continue;
    }
    if (group.length > 0) yield* assemble(group);
    group = [row];
  }
  if (group.length > 0) yield* assemble(group);
}

/** The dimensions of variations whose listing row is missing: names in order of appearance. */
function dimensionsOf(variations: readonly { name: string; value: string }[][]): VariationDimension[] {
  const dimensions: VariationDimension[] = [];
  for (const options of variations) {
    for (const option of options) {
      const dimension = dimensions.find((d) => d.name === option.name);
      if (!dimension) dimensions.push({ name: option.name, values: [option.value] });
      else if (!dimension.values.includes(option.value)) dimension.values.push(option.value);
    }
  }
  return dimensions;
}
