/**
 * eBay's sales downloads (Seller Hub "Orders" / "Sold" reports, the older File Exchange sold-items
 * download, the Payments "Transaction report"): one row per sale, fee or payout, with its buyer, order number and sale price, not one per listing.
 * Their `Item Number` and `Item Title` columns look enough like a listing report that a reader
 * could take each sale for a listing, so such a file is refused whole, saying what it is and
 * which download holds the listings.
 *
 * Recognised by its header, which eBay writes on the first line, after a blank one, or after the
 * transaction report's notes (`Notes`, `Seller,<name>`, `Start date,…`): `Sales
 * Record Number` (every generation, any case; the German site's `Verkaufsprotokollnummer`), or
 * `Order Number` beside a buyer column.
 */

/** How many lines from the top the header may be on (a blank line above it; the payments transaction report has a dozen lines of notes). */
const HEADER_LINES = 25;

const RECORD_NUMBER = new Set(['sales record number', 'verkaufsprotokollnummer']);
const BUYER = new Set(['buyer username', 'buyer name', 'buyer user id', 'user id', 'mitgliedsname des käufers']);

/** The refusal for an eBay sales report, or null when the file's header is not one. */
export function ebayOrdersReportMessage(fileName: string, head: string): string | null {
  const lines = head.replace(/^\uFEFF/, '').split(/\r?\n/, HEADER_LINES);
  for (const line of lines) {
    const cells = line.split(/[,;\t]/).map((cell) => cell.trim().replace(/^"|"$/g, '').trim());
    const keys = cells.map((cell) => cell.toLowerCase().replace(/\s+/g, ' '));
    const recordNumber = keys.some((key) => RECORD_NUMBER.has(key));
    const order = keys.includes('order number') && keys.some((key) => BUYER.has(key));
    if (!recordNumber && !order) continue;
    const named = cells.filter((cell) => cell !== '').slice(0, 3).join(', ');
    return `"${fileName}" is an eBay sales report (${named}…): one row per order or payment, with its buyer, not your listings. Nothing was imported. To bring in your listings, download them in Seller Hub → Reports → Downloads as "All active listings" and import that file.`;
  }
  return null;
}
