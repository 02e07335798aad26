import { cell, Columns, type Draft, type Warnings } from './listing-draft.js';
import { readStock } from './stock-cell.js';

/**
 * Amazon's FBA inventory report ("Manage FBA Inventory", GET_FBA_MYI_ALL_INVENTORY_DATA): one row
 * per seller SKU — sku, fnsku, asin, product-name, condition, your-price — and the SKU's two
 * offers: `mfn-listing-exists` / `mfn-fulfillable-quantity` (shipped by the seller) and
 * `afn-listing-exists` / `afn-fulfillable-quantity` (shipped by Amazon), then Amazon's warehouse
 * counts. The All Listings reader reads it (the seller SKU is the identity in both), keeping these
 * cells as written; its stock and status are read from them here, by the flat-file reader too, so
 * a flat file written for such a listing (which carries the cells back) reads back the same.
 */

interface OfferColumns {
  mfnExists: number;
  mfnQuantity: number;
  afnExists: number;
  afnQuantity: number;
}

/** The report's offer columns, or null when the file has not both `…-listing-exists` columns. */
export function fbaOfferColumns(header: readonly string[]): OfferColumns | null {
  // Looked up apart from the reader's Columns: these cells stay kept as written.
  const at = (name: string): number => header.findIndex((h) => Columns.key(h) === name);
  const columns = { mfnExists: at('mfn-listing-exists'), mfnQuantity: at('mfn-fulfillable-quantity'), afnExists: at('afn-listing-exists'), afnQuantity: at('afn-fulfillable-quantity') };
  return columns.mfnExists >= 0 && columns.afnExists >= 0 ? columns : null;
}

/**
 * The row's offer: the seller's own when `mfn-listing-exists` says Yes (its stock the seller's),
 * else Amazon's when `afn-listing-exists` does (its stock what Amazon can ship), else none — a SKU
 * Amazon still stores units of (condition `Unknown`, no price) that has no offer on either channel.
 */
export function fbaOfferChannel(cells: readonly string[], columns: OfferColumns): 'merchant' | 'amazon' | null {
  const yes = (i: number): boolean => cell(cells, i).toLowerCase() === 'yes';
  if (yes(columns.mfnExists)) return 'merchant';
  return yes(columns.afnExists) ? 'amazon' : null;
}

/**
 * Reads the row's stock and status from its offer cells: the stock of the offer it has (none: no
 * quantity), and Inactive when it has no offer. `readStatus`: the file has no status of its own.
 */
export function applyFbaOffer(draft: Draft, cells: readonly string[], header: readonly string[], columns: OfferColumns, line: number, warnings: Warnings, readStatus: boolean): void {
  const channel = fbaOfferChannel(cells, columns);
  if (channel === null) {
    if (readStatus) draft.status = 'inactive';
    return;
  }
  const index = channel === 'merchant' ? columns.mfnQuantity : columns.afnQuantity;
  if (index >= 0) draft.quantity = readStock(cell(cells, index), header[index]!, line, warnings, draft.kept.columns);
}

/** Amazon's own word for an offer whose condition it does not know (the FBA report's SKUs without an offer). */
export function isUnknownCondition(value: string): boolean {
  return /^unknown$/i.test(value.trim());
}
