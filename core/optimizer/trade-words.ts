/**
 * Words that are right in listings though no English dictionary has them: trade shorthand, sizes
 * and units. The spelling check accepts them in any case, so "gsm" is never "gym" and "tshirt"
 * never "shirt". Brand and catalog words come from elsewhere (brand.ts, catalog-vocabulary.ts).
 */

/** Listing and retail shorthand, codes and product words sellers write as one word. */
const TRADE_TERMS: ReadonlySet<string> = new Set([
  // Identifiers and catalog codes
  'sku', 'skus', 'upc', 'ean', 'gtin', 'mpn', 'isbn', 'asin', 'jan', 'oem', 'odm', 'moq', 'msrp', 'rrp', 'srp',
  // Condition shorthand
  'nwt', 'nwot', 'nwob', 'nib', 'nip', 'bnwt', 'bnwot', 'bnib', 'euc', 'guc', 'vguc', 'ooak', 'nos', 'htf', 'vtg', 'preowned', 'preloved', 'unworn',
  // Garments and product words written as one word
  'tshirt', 'tshirts', 'teeshirt', 'teeshirts', 'sweatpants', 'tanktop', 'tanktops', 'onesie', 'onesies', 'bodysuit', 'bodysuits',
  'crewneck', 'vneck', 'quarterzip', 'snapback', 'tumbler', 'tumblers', 'svg', 'png', 'dxf', 'pdf', 'diy', 'usb',
  // Fabric and paper weights, print terms
  'gsm', 'dtg', 'dtf', 'sublimation', 'cmyk', 'dpi', 'ppi',
]);

/** Units that follow a number (written apart from it: "500 ml", "10 oz"). */
const UNITS: ReadonlySet<string> = new Set([
  'mm', 'cm', 'm', 'km', 'in', 'inch', 'inches', 'ft', 'yd', 'yds', 'mi', 'ml', 'cl', 'dl', 'l', 'ltr', 'floz', 'oz', 'lb', 'lbs',
  'g', 'gr', 'kg', 'mg', 'ct', 'cts', 'pcs', 'pc', 'pk', 'mah', 'wh', 'kwh', 'w', 'kw', 'v', 'hz', 'khz', 'mhz', 'ghz', 'gb', 'tb', 'mb', 'ah',
]);

/** Clothing sizes: S, M, L, XS, XXL, 3XL, 4X, XXXL… */
const SIZE = /^(?:\d?x{0,4}[sl]|m|\d?x|os|osfa|osfm)$/i;

/**
 * Prefixes written with a hyphen ("pre-owned", "non-slip", "multi-color"): right as the first part
 * of a hyphenated word, whatever the dictionary says about them alone.
 */
export const HYPHEN_PREFIXES: ReadonlySet<string> = new Set([
  'pre', 'non', 'semi', 'multi', 'anti', 'co', 're', 'un', 'mid', 'post', 'ultra', 'eco', 'self', 'bi', 'tri', 'mini', 'micro', 'over', 'under', 'up', 'de', 'ex', 'pro',
]);

/** True when `word` (any case) is trade shorthand, a unit or a clothing size. */
export function isTradeWord(word: string): boolean {
  const lower = word.toLowerCase();
  return TRADE_TERMS.has(lower) || UNITS.has(lower) || SIZE.test(lower);
}
