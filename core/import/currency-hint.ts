import { EBAY_SITES, ebaySiteByName, type EbaySiteCode } from '../../common/ebay-sites.js';
import type { CurrencyHint, ImportDialect } from '../../common/import-types.js';
import { AMAZON_MARKETPLACE_REGIONS, REGION_ALIASES, REGION_CURRENCY } from './currency-hint-data.js';
import { Columns } from './listing-draft.js';
import { currencyNamedBy, parsePrice } from './values.js';

/**
 * The currency a file suggests without writing it next to its prices: the Amazon marketplace of a
 * flat file, the eBay site of an upload or a report, the one country a Shopify export's market
 * columns name, a price column's header that names its currency ("Price (₹)"), a Google feed's
 * shipping costs ("US:::5.99 USD") when its prices are bare numbers. The wizard pre-fills it ("From the file: …") and the CLI uses it when the seller
 * gives no --currency; prices that state their own currency never take it.
 */

export interface HintInput {
  dialect: ImportDialect;
  /** The header as the file has it. */
  header: readonly string[];
  /** Rows above the header (Amazon's TemplateType row, eBay #INFO rows). */
  preamble: readonly (readonly string[])[];
  /** The first data rows' cells (site columns of eBay reports). */
  rows: readonly (readonly string[])[];
}

const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const regionName = (region: string): string => regionNames.of(region) ?? region;

/** Lower-case English country name → region, for the regions whose currency is known. */
const REGION_BY_NAME: ReadonlyMap<string, string> = new Map([
  ...Object.keys(REGION_CURRENCY).map((region) => [regionName(region).toLowerCase(), region] as const),
  ...Object.entries(REGION_ALIASES),
]);

function hintFor(region: string | undefined, reason: (name: string) => string): CurrencyHint | null {
  const code = region === undefined ? undefined : REGION_CURRENCY[region];
  return code === undefined ? null : { code, reason: reason(regionName(region!)) };
}

function amazonHint(preamble: HintInput['preamble']): CurrencyHint | null {
  for (const row of preamble) {
    for (const cell of row) {
      const id = /primaryMarketplaceId=(?:amzn1\.mp\.o\.)?([A-Z0-9]+)/.exec(cell)?.[1];
      if (id !== undefined) return hintFor(AMAZON_MARKETPLACE_REGIONS[id], (name) => `Amazon marketplace: ${name}`);
    }
  }
  return null;
}

function ebayUploadHint(header: HintInput['header']): CurrencyHint | null {
  const action = header.find((h) => /^\*?action\(/i.test(h.trim()));
  if (action === undefined) return null;
  const code = /\bCurrency=([A-Z]{3})\b/i.exec(action)?.[1]?.toUpperCase();
  if (code !== undefined && KNOWN_CURRENCIES.has(code)) return { code, reason: `eBay upload header: Currency=${code}` };
  const name = /\bSiteID=([^|)]+)/i.exec(action)?.[1];
  const site = name === undefined ? null : ebaySiteByName(name);
  return site === null ? null : { code: EBAY_SITES[site].currency, reason: `${EBAY_SITES[site].label} (SiteID=${name!.trim()} in the header)` };
}

function ebayReportHint(header: HintInput['header'], rows: HintInput['rows']): CurrencyHint | null {
  const keys = header.map((h) => Columns.key(h));
  const column = ['listing site', 'site listed', 'site'].map((name) => keys.indexOf(name)).find((i) => i >= 0);
  if (column === undefined) return null;
  const sites = new Set<EbaySiteCode>();
  for (const row of rows) {
    const text = row[column]?.trim() ?? '';
    if (text === '') continue;
    const site = ebaySiteByName(text);
    // A site Listsmith does not know could be in any currency: no hint rather than a wrong one.
    if (site === null) return null;
    sites.add(site);
  }
  const currencies = new Set([...sites].map((s) => EBAY_SITES[s].currency));
  const first = [...sites][0];
  if (currencies.size !== 1 || first === undefined) return null;
  const label = sites.size === 1 ? EBAY_SITES[first].label : [...sites].map((s) => EBAY_SITES[s].label).join(', ');
  return { code: EBAY_SITES[first].currency, reason: `${label} (column ${header[column]})` };
}

/** `Price / Poland`, `Included / Poland`, `Compare At Price / Poland`: the markets a Shopify export names. */
function shopifyHint(header: HintInput['header']): CurrencyHint | null {
  const markets = new Set<string>();
  for (const h of header) {
    const market = /^(?:included|price|compare[ -]at price)\s*\/\s*(.+)$/i.exec(h.trim())?.[1]?.trim();
    if (market !== undefined && market !== '') markets.add(market);
  }
  // Markets named after something else ("International", a brand) say nothing about a currency.
  const regions = [...markets].map((m) => REGION_BY_NAME.get(m.toLowerCase())).filter((r): r is string => r !== undefined);
  const currencies = new Set(regions.map((r) => REGION_CURRENCY[r]));
  if (currencies.size !== 1) return primaryMarketHint(header);
  return hintFor(regions[0], (name) => `Shopify market: ${name}`);
}

/**
 * Markets of several currencies: Shopify's export writes `Included / <primary market>` first, with
 * no price columns (its prices are the Variant Price), then each other market's Included, Price and
 * Compare At Price (help.shopify.com, "Shopify Markets CSV columns"; the Dutch store's export in
 * tests/real-files: `Included / Netherlands`, then Australie … United States). Its country's
 * currency is only a suggestion: since 2023-10 a primary market may sell in another currency.
 */
function primaryMarketHint(header: HintInput['header']): CurrencyHint | null {
  const first = header.map((h) => /^included\s*\/\s*(.+)$/i.exec(h.trim())?.[1]?.trim()).find((m) => m !== undefined && m !== '');
  if (first === undefined) return null;
  const priced = header.some((h) => /^(?:price|compare[ -]at price)\s*\/\s*(.+)$/i.exec(h.trim())?.[1]?.trim().toLowerCase() === first.toLowerCase());
  const hint = priced ? null : hintFor(REGION_BY_NAME.get(first.toLowerCase()), (name) => `Shopify primary market: ${name}`);
  return hint === null ? null : { ...hint, toConfirm: true };
}

/** A price column's header in the languages the importer reads ("Price", "Preis", "Prix", "Цена"…). */
const PRICE_WORD = /(?<!\p{L})(price|preis|prix|precio|prezzo|pre[çc]o|prijs|pris|cena|hinta|fiyat|mrp|цена|ціна|السعر|価格|价格|가격)/iu;

/**
 * `Price (₹)`, `Preis [EUR]`, `Prix en EUR`, `Price, €`: a price column whose header names one
 * currency (a seller's own sheet or a shop system's export). Every such header must agree.
 */
function priceHeaderHint(header: HintInput['header']): CurrencyHint | null {
  const named = new Map<string, string>();
  for (const raw of header) {
    // `price_eur`: a script's name for the column, its words joined by underscores.
    const h = raw.replace(/_/g, ' ');
    if (!PRICE_WORD.test(h)) continue;
    const label = /[([]([^)\]]+)[)\]]/.exec(h)?.[1] ?? /(?:^|[\s,;:/-])(?:in|en)?\s*(\S+)\s*$/iu.exec(h.replace(PRICE_WORD, ' '))?.[1];
    const code = label === undefined ? null : currencyNamedBy(label);
    if (code !== null && !named.has(code)) named.set(code, raw.trim());
  }
  const only = [...named][0];
  if (named.size !== 1 || only === undefined) return null;
  return { code: only[0], reason: `column "${only[1]}"` };
}

/** The currency a price cell writes beside its amount ("12.00 USD", "€12"); null: none, one "$" or "¥" shares, or no price. */
function statedCurrency(cell: string): string | null {
  try {
    const price = parsePrice(cell, 'price');
    return price === null || price.sharedSymbol ? null : price.currency;
  } catch {
    return null;
  }
}

/**
 * A Google feed's `shipping` column (`shipping(country:service:price)` in Google's own TSV): each
 * entry `country:region:service:price`, several in a cell separated by commas, the price with its
 * currency ("US:::5.99 USD", "AE:::AED 15"). Its currency is the feed's when the prices are bare
 * numbers ("10.99"): a price that states a currency (even another) speaks for itself, so then no
 * hint. Every stated shipping currency in the first rows must agree.
 */
function googleShippingHint(header: HintInput['header'], rows: HintInput['rows']): CurrencyHint | null {
  // Named as the feed reader names them: `g:price`, `Sale Price` are price and sale_price.
  const keys = header.map((h) => Columns.key(h).replace(/^g:/, '').replace(/\s+/g, '_'));
  const prices = keys.flatMap((key, i) => (key === 'price' || key === 'sale_price' ? [i] : []));
  const shipping = keys.flatMap((key, i) => (/^shipping(\(.*\))?$/.test(key) ? [i] : []));
  if (shipping.length === 0) return null;
  if (rows.some((row) => prices.some((i) => statedCurrency(row[i] ?? '') !== null))) return null;
  const found = new Map<string, string>();
  for (const row of rows) {
    for (const i of shipping) {
      // A comma before the next entry's country code ("US:::5.99 USD,CA:::7.50 CAD"), not a decimal comma.
      for (const entry of (row[i] ?? '').split(/,(?=\s*[A-Za-z]{2}:)/)) {
        const code = statedCurrency(entry.slice(entry.lastIndexOf(':') + 1));
        if (code !== null && !found.has(code)) found.set(code, entry.trim());
      }
    }
  }
  const only = [...found][0];
  if (found.size !== 1 || only === undefined) return null;
  return { code: only[0], reason: `shipping cost "${only[1]}"` };
}

function dialectHint(input: HintInput): CurrencyHint | null {
  switch (input.dialect) {
    case 'amazon_flat_file':
      return amazonHint(input.preamble);
    case 'ebay_seller_hub':
      return ebayUploadHint(input.header);
    case 'ebay_report':
      return ebayReportHint(input.header, input.rows);
    case 'shopify':
      return shopifyHint(input.header);
    case 'google_merchant':
      return googleShippingHint(input.header, input.rows);
    default:
      return null;
  }
}

export function currencyHintOf(input: HintInput): CurrencyHint | null {
  return dialectHint(input) ?? priceHeaderHint(input.header);
}
