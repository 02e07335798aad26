/**
 * Shop downloads that hold orders, customers or stock, not listings: Shopify's orders export (one row per
 * line item, `Name` = order number, `Lineitem name`, billing and shipping addresses), customers
 * export and inventory export (one row per variant and location: stock without prices, read as a
 * table it gave a variant per location and listings with no price) and translations export, Etsy's Sold Orders and Sold Order Items, and the order exports of WooCommerce plugins
 * and other stores (an order id beside a buyer, billing or shipping column). Read as a generic
 * table, each sale became a "listing" titled after the product sold, with the buyer's address kept
 * beside it, and a product sold twice came in twice. Such a file is refused whole, saying what it
 * is and which download holds the listings. (eBay's and Amazon's own reports: ebay-orders-report.ts,
 * amazon-other-report.ts.)
 *
 * Recognised by its header, on the first non-blank line.
 */

const ORDER_KEYS = new Set(['order id', 'order number', 'order no', 'order #', 'order_id', 'order_number', 'orderid']);
const BUYER_KEYS = new Set([
  'buyer', 'buyer user id', 'buyer name', 'buyer email', 'customer', 'customer email', 'customer name', 'customer id',
  'billing name', 'billing first name', 'billing last name', 'billing email', 'billing address', 'billing address 1',
  'shipping name', 'shipping first name', 'shipping address', 'shipping address 1', 'ship name', 'ship address1',
  'full name', 'email', 'billing_first_name', 'billing_email', 'shipping_first_name',
]);
const SHOPIFY_PRODUCTS = 'In Shopify admin, open Products → Export, choose "All products" and "CSV for Excel, Numbers, or other spreadsheet programs", and import that file';
const ETSY_LISTINGS = 'On Etsy, open Shop Manager → Settings → Options → Download Data → "Download CSV" under Currently for sale listings, and import that file';
const ANY_LISTINGS = "Export your products (not orders) from your shop's admin and import that file";

/** The refusal for an orders or customers download, or null when the file's header is not one. */
export function storeSalesFileMessage(fileName: string, head: string): string | null {
  const line = head.replace(/^\uFEFF/, '').split(/\r?\n/, 10).find((candidate) => candidate.trim() !== '') ?? '';
  const cells = line.split(/[,;\t]/).map((cell) => cell.trim().replace(/^"|"$/g, '').trim());
  const keys = new Set(cells.map((cell) => cell.toLowerCase().replace(/\s+/g, ' ')));
  const named = cells.filter((cell) => cell !== '').slice(0, 3).join(', ');
  const has = (...wanted: string[]): boolean => wanted.every((key) => keys.has(key));

  if (has('name', 'financial status', 'lineitem name')) {
    return `"${fileName}" is a Shopify orders export (${named}…): one row per item ordered, with its buyer, not your products. Nothing was imported. ${SHOPIFY_PRODUCTS}.`;
  }
  if (has('first name', 'last name', 'email', 'accepts email marketing')) {
    return `"${fileName}" is a Shopify customers export (${named}…), not your products. Nothing was imported. ${SHOPIFY_PRODUCTS}.`;
  }
  if (has('handle', 'location') && ['on hand', 'on hand (current)', 'available', 'available (not editable)'].some((key) => keys.has(key))) {
    return `"${fileName}" is a Shopify inventory export (${named}…): stock per variant and location, without prices, descriptions or photos. Nothing was imported. ${SHOPIFY_PRODUCTS}: it has the same products with their prices and stock.`;
  }
  if (has('type', 'identification', 'field', 'locale', 'default content')) {
    return `"${fileName}" is a Shopify translations export (${named}…): one row per translated text, not your products. Nothing was imported. ${SHOPIFY_PRODUCTS}.`;
  }
  if (keys.has('sale date') && (keys.has('order id') || keys.has('buyer') || keys.has('buyer user id'))) {
    return `"${fileName}" is an Etsy sold-orders download (${named}…): one row per sale, with its buyer, not your listings. Nothing was imported. ${ETSY_LISTINGS}.`;
  }
  const orderKey = [...keys].some((key) => ORDER_KEYS.has(key));
  const buyerKey = [...keys].some((key) => BUYER_KEYS.has(key));
  if (orderKey && buyerKey) {
    return `"${fileName}" looks like an orders export (${named}…): an order number beside buyer columns, one row per sale rather than per listing. Nothing was imported. ${ANY_LISTINGS}.`;
  }
  return null;
}
