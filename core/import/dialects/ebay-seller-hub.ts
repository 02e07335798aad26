import type { ListingStatus } from '../../../common/listing.js';
import type { NewVariant } from '../../catalog/insert-listings.js';
import { addEbaySpecifics, EBAY_SPECIFIC_COLUMN } from '../ebay-item-specifics.js';
import { namesMissingVariations, orderOptions, parseVariationDimensions, parseVariationOptions, shownVariationPrice, type VariationDimension } from '../ebay-variations.js';
import { cell, Columns, extraCellsWarning, finish, identifier, keepColumns, markUnknown, newDraft, rejected, rowErrorRecord, setAttributeFrom, takePriceCurrency, Warnings, type Draft, type MapContext } from '../listing-draft.js';
import type { MappedRecord } from '../mapped-record.js';
import type { TableRow } from '../read-table.js';
import { readStock } from '../stock-cell.js';
import { decodeEntities, parsePrice, RowError, splitList } from '../values.js';
import { ownCells } from '../variant-cells.js';

/**
 * eBay Seller Hub upload / File Exchange / category template: `Action(SiteID=US|…|Currency=USD…)`
 * first column, `*` on required columns, `C:Brand` item specifics (sometimes with a leading space)
 * → attributes, `Condition ID` numbers → condition names (anything else is kept as text with a
 * warning; the cell itself is kept as written either way).
 *
 * Multi-variation listings: the listing's row (`RelationshipDetails` = `Size=S;M;L|Color=Red;Blue`)
 * is followed by its variation rows (`Relationship` = `Variation`, `RelationshipDetails` =
 * `Size=S|Color=Red`, own SKU, price and quantity): one listing with variants.
 *
 * Seller Hub's "edit price and quantity" download (`#INFO,…,Template= eBay-active-revise-price-
 * quantity-download_US`, then `Action,Category name,Item number,Title,Listing site,Currency,Start
 * price,…`) has a bare Action header: each row names its currency in `Currency` (it wins over the
 * header's), its site in `Listing site` (kept as written), and variation rows leave the item number
 * and title blank.
 *
 * The site the file was made for is in the Action header; it is kept as the listing's
 * `source.layout` (the whole header, e.g. `*Action(SiteID=UK|Country=GB|Currency=GBP|Version=1193)`)
 * so an export to this format writes the same site back, and the row's Action cell is kept under
 * that header.
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

/** Sports, non-sport and CCG card singles: eBay names conditions 2750 and 4000 there "Graded" and "Ungraded". */
const TRADING_CARD_CATEGORIES = new Set(['261328', '183050', '183454']);
const TRADING_CARD_CONDITIONS: Record<string, string> = { '2750': 'Graded', '4000': 'Ungraded' };

/** The name of an eBay condition ID (`3000` → Used) in the listing's category, or undefined for a number eBay does not have. */
export function ebayConditionName(id: string, categoryId: string): string | undefined {
  const number = id.trim().replace(/\.0$/, '');
  return (TRADING_CARD_CATEGORIES.has(categoryId.trim()) ? TRADING_CARD_CONDITIONS[number] : undefined) ?? EBAY_CONDITIONS[number];
}

const ACTION_STATUS: Record<string, ListingStatus> = { add: 'active', verifyadd: 'active', revise: 'active', relist: 'active', draft: 'draft', end: 'inactive' };

/**
 * A row's status from its Action cell. A blank cell or a word that is no eBay action (a row shifted
 * under the header put a team name there) is a draft: eBay would not list that row, and an export
 * writes such a listing as a Draft, so reading it as active changed it on the way round. A file
 * without an Action column (a listings download) lists live items.
 */
function statusOfAction(cells: readonly string[], action: number, line: number, header: string, warnings: Warnings): ListingStatus {
  if (action < 0) return 'active';
  const word = cell(cells, action);
  const status = ACTION_STATUS[word.toLowerCase()];
  if (status !== undefined) return status;
  if (word !== '') warnings.add(line, header, `Action "${word}" is not an eBay action (Add, Revise, Relist, Draft, End); read as a draft and kept as written.`);
  return 'draft';
}

export function ebayActionCurrency(firstHeader: string): string | null {
  const m = /Currency=([A-Z]{3})/i.exec(firstHeader);
  return m ? m[1]!.toUpperCase() : null;
}

/** A listing row waiting for the variation rows under it. */
interface Pending {
  row: TableRow;
  draft: Draft;
  warnings: Warnings;
  lines: number[];
  dimensions: VariationDimension[];
  /** The listing row's own price (variations without one take it). */
  ownPrice: number | null;
}

/** Attributes an eBay export writes in its own columns, under these headers. */
const OWN_COLUMN_ATTRIBUTES: ReadonlySet<string> = new Set(['Format', 'Category ID']);

export async function* mapEbaySellerHub(rows: AsyncIterable<TableRow>, ctx: MapContext): AsyncGenerator<MappedRecord> {
  const header = ctx.header;
  const c = new Columns(header);
  const action = header.findIndex((h) => /^\*?action(\(|$)/i.test(h.trim()));
  const actionHeader = header[action]?.trim();
  const currency = ebayActionCurrency(actionHeader ?? '');
  const col = {
    itemId: c.find('Item number', 'ItemID', 'Item ID'),
    sku: c.find('Custom label (SKU)', 'CustomLabel', 'SKU'),
    category: c.find('Category ID', 'Category', 'CategoryID'),
    categoryName: c.find('Category name'),
    title: c.find('Title'),
    subtitle: c.find('Subtitle'),
    upc: c.find('UPC'),
    ean: c.find('EAN'),
    price: c.find('Price', 'Start price', 'StartPrice', 'Buy It Now price'),
    quantity: c.find('Quantity', 'Available quantity'),
    photos: c.find('Item photo URL', 'PicURL', 'Picture URL'),
    condition: c.find('Condition ID', 'ConditionID', 'Condition'),
    conditionDescription: c.find('Condition description', 'ConditionDescription'),
    description: c.find('Description'),
    format: c.find('Format'),
    duration: c.find('Duration'),
    relationship: c.find('Relationship'),
    relationshipDetails: c.find('RelationshipDetails', 'Relationship details'),
    // Seller Hub's price and quantity download names each item's currency in a column (its Action header names no site).
    currency: c.find('Currency'),
  };
  const specifics = c.matching(EBAY_SPECIFIC_COLUMN);
  // The Action column stays unclaimed: its cell is kept as written (Draft, Add, VerifyAdd…).
  const untouched = c.unused();
  const headerOf = (index: number, fallback: string): string => header[index] ?? fallback;

  const listingOf = (row: TableRow, warnings: Warnings): Draft => {
    const cells = row.cells;
    const draft = newDraft('ebay', ctx, cell(cells, col.currency).toUpperCase() || currency);
    if (actionHeader !== undefined) draft.kept.layout = actionHeader;
    draft.sourceId = cell(cells, col.itemId) || null;
    draft.sku = cell(cells, col.sku) || null;
    draft.title = decodeEntities(cell(cells, col.title));
    draft.description = cells[col.description] ?? '';
    draft.category = cell(cells, col.categoryName) || cell(cells, col.category) || null;
    const price = parsePrice(cell(cells, col.price), headerOf(col.price, 'Price'), { currency: draft.currency });
    if (price) {
      draft.priceMinor = price.minor;
      takePriceCurrency(draft, price);
    }
    draft.quantity = readStock(cell(cells, col.quantity), headerOf(col.quantity, 'Quantity'), row.line, warnings, draft.kept.columns);
    draft.images = splitList(cell(cells, col.photos), /\|/);
    const condition = cell(cells, col.condition);
    if (condition !== '') {
      const name = ebayConditionName(condition, cell(cells, col.category));
      if (name) {
        draft.condition = name;
      } else {
        draft.condition = condition;
        warnings.add(row.line, headerOf(col.condition, 'Condition ID'), `Condition ID "${condition}" is not an eBay condition number (e.g. 1000 = New, 3000 = Used); kept as text — eBay will reject it on upload.`);
      }
      // The number itself round-trips: an export to eBay writes the ID the file had, in its own
      // `Condition ID` column, so File Exchange's `*ConditionID` is kept under that name.
      if (/^\*?\s*conditionid$/i.test(headerOf(col.condition, '').trim())) draft.kept.columns['Condition ID'] = cells[col.condition] ?? condition;
      else keepColumns(draft.kept.columns, cells, header, [col.condition]);
    }
    draft.status = statusOfAction(cells, action, row.line, headerOf(action, 'Action'), warnings);
    for (const [name, index] of [['UPC', col.upc], ['EAN', col.ean]] as const) {
      const value = identifier(cells, index, header, row.line, warnings);
      if (value) setAttributeFrom(draft, name, headerOf(index, name), value);
      else keepColumns(draft.kept.columns, cells, header, [index]);
    }
    for (const [name, index] of [['Subtitle', col.subtitle], ['Format', col.format], ['Duration', col.duration], ['Condition description', col.conditionDescription], ['Category ID', col.categoryName >= 0 ? col.category : -1]] as const) {
      const value = cell(cells, index);
      // Format and Category ID go out in the upload's own columns (`*Format` of a File Exchange
      // template comes back as `Format`): remember that header, or a re-import of our export differs.
      if (value) setAttributeFrom(draft, name, OWN_COLUMN_ATTRIBUTES.has(name) ? name : headerOf(index, name), value);
    }
    addEbaySpecifics(draft, cells, specifics, header, row.line, warnings);
    keepColumns(draft.kept.columns, cells, header, untouched);
    markUnknown(draft, {
      sku: col.sku,
      description: col.description,
      priceMinor: col.price,
      quantity: col.quantity,
      tags: false,
      materials: false,
      images: col.photos,
      category: Math.max(col.category, col.categoryName),
      brand: false,
      condition: col.condition,
    });
    return draft;
  };

  const variantOf = (row: TableRow, listing: Pending): NewVariant => {
    const cells = row.cells;
    const price = parsePrice(cell(cells, col.price), headerOf(col.price, 'Price'), { currency: listing.draft.currency });
    const unreadable: Record<string, string> = {};
    const quantity = readStock(cell(cells, col.quantity), headerOf(col.quantity, 'Quantity'), row.line, listing.warnings, unreadable);
    const photos = splitList(cell(cells, col.photos), /\|/).filter((part) => /^https?:\/\//i.test(part));
    const image = photos[0] ?? null;
    // A picture cell that is exactly the variant's image is that field; anything more is kept as written.
    const skip = new Set([col.sku, col.price, col.quantity, col.relationship, col.relationshipDetails, cell(cells, col.photos) === image ? col.photos : -1]);
    const columns = { ...ownCells(cells, listing.row.cells, header, skip), ...unreadable };
    return {
      sku: cell(cells, col.sku) || null,
      options: orderOptions(parseVariationOptions(cell(cells, col.relationshipDetails)), listing.dimensions),
      priceMinor: price?.minor ?? listing.ownPrice,
      quantity,
      image,
      ...(Object.keys(columns).length > 0 ? { columns } : {}),
    };
  };

  const flush = (listing: Pending): MappedRecord => {
    const { draft, warnings, lines } = listing;
    if (draft.variants.length > 0) {
      draft.priceMinor ??= shownVariationPrice(draft.variants);
      const stock = draft.variants.map((v) => v.quantity).filter((q): q is number => q !== null);
      if (draft.quantity === null && stock.length > 0) draft.quantity = stock.reduce((a, b) => a + b, 0);
    }
    // A listing row that announced variations none (or not all) of which followed: its details are kept as written.
    if (draft.variants.length === 0 || namesMissingVariations(listing.dimensions, draft.variants)) {
      keepColumns(draft.kept.columns, listing.row.cells, header, [col.relationshipDetails]);
    }
    return finish(draft, lines, warnings.list);
  };

  let pending: Pending | null = null;
  /** The line of the last listing row, when it could not be read (its variation rows cannot be either). */
  let unreadListing: number | null = null;
  for await (const row of rows) {
    if (row.problem) {
      yield { kind: 'rejected', lines: [row.line], problem: row.problem };
      continue;
    }
    const isVariation = cell(row.cells, col.relationship).toLowerCase() === 'variation';
    // Variation rows belong to the listing row above them when it announces variations.
    if (isVariation && pending && pending.dimensions.length > 0) {
      extraCellsWarning(row, pending.warnings);
      try {
        pending.draft.variants.push(variantOf(row, pending));
        pending.lines.push(row.line);
      } catch (err) {
        if (!(err instanceof RowError)) throw err;
        yield rejected(row.line, `Variation ${cell(row.cells, col.relationshipDetails) || row.line}: ${err.message}`, err.column);
      }
      continue;
    }
    if (isVariation && unreadListing !== null) {
      yield rejected(row.line, `This variation's listing row (line ${unreadListing}) could not be read, so the variation was not imported either. Fix line ${unreadListing} and import again.`, headerOf(col.relationship, 'Relationship'));
      continue;
    }
    if (pending) {
      yield flush(pending);
      pending = null;
    }
    unreadListing = null;
    const warnings = new Warnings();
    extraCellsWarning(row, warnings);
    if (isVariation) {
      if (cell(row.cells, col.title) === '') {
        yield rejected(row.line, 'This variation row has no listing row above it (the row with the title, without "Variation" in Relationship), so it belongs to no listing. Put it under its listing and import again.', headerOf(col.relationship, 'Relationship'));
        continue;
      }
      warnings.add(row.line, headerOf(col.relationship, 'Relationship'), 'This variation row has no listing row above it; imported as a listing of its own.');
    }
    let draft: Draft;
    try {
      draft = listingOf(row, warnings);
    } catch (err) {
      yield rowErrorRecord(err, [row.line]);
      if (!isVariation) unreadListing = row.line;
      continue;
    }
    if (isVariation) {
      keepColumns(draft.kept.columns, row.cells, header, [col.relationship, col.relationshipDetails]);
      yield finish(draft, [row.line], warnings.list);
      continue;
    }
    pending = { row, draft, warnings, lines: [row.line], dimensions: parseVariationDimensions(cell(row.cells, col.relationshipDetails)), ownPrice: draft.priceMinor };
  }
  if (pending) yield flush(pending);
}
