/**
 * Shopify's product export writes a SKU made only of digits with a leading apostrophe
 * (`'8720892119308`, `'0112`, `'100`), so that a spreadsheet keeps it as text instead of turning it
 * into a number (`8.72089E+12`) or dropping its leading zeros. Every 2023+ admin export seen does it
 * (no all-digit SKU appears without one), and Shopify reads it back without the apostrophe; the
 * SKU is the digits. An apostrophe before anything else is the seller's own.
 */
export function withoutShopifyDigitGuard(cell: string): string {
  return /^'\d+$/.test(cell) ? cell.slice(1) : cell;
}
