import { decodeHTML } from 'entities';
import { currencyDigits } from '../../common/edit/currency-digits.js';
import { FALLBACK_CURRENCY } from '../../common/import-types.js';
import type { ListingStatus } from '../../common/listing.js';

/**
 * Cell-level value parsing shared by every dialect. Money is parsed with string math (never
 * floats): "1.234,56" → 123456 minor units.
 */

/** A problem that makes one row unusable: the mapper turns it into a rejected record. */
export class RowError extends Error {
  readonly column: string | null;
  constructor(message: string, column: string | null = null) {
    super(message);
    this.name = 'RowError';
    this.column = column;
  }
}

/**
 * Minor units of a currency (JPY 0, USD 2, KWD 3): the ICU data the edits, the exports and the
 * renderer's price formatting use, so an imported "5000" HUF is shown and exported as 5000.
 */
export function minorDigits(currency: string): number {
  return currencyDigits(currency.toUpperCase());
}

/** Symbols that name one currency, longest first ("US$" before "$"). */
const SYMBOLS: [string, string][] = [
  ['US$', 'USD'],
  ['CA$', 'CAD'],
  ['AU$', 'AUD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['SG$', 'SGD'],
  ['MX$', 'MXN'],
  ['NT$', 'TWD'],
  ['CN¥', 'CNY'],
  ['JP¥', 'JPY'],
  ['C$', 'CAD'],
  ['A$', 'AUD'],
  ['S$', 'SGD'],
  ['R$', 'BRL'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₺', 'TRY'],
  ['₪', 'ILS'],
  ['₱', 'PHP'],
  ['฿', 'THB'],
  ['zł', 'PLN'],
  ['Kč', 'CZK'],
];

/**
 * The one currency a short label names on its own: an ISO code ("EUR") or a symbol only one
 * currency writes ("₹", "R$"); null for anything else, "$" and "¥" included.
 */
export function currencyNamedBy(label: string): string | null {
  const text = label.trim();
  if (isCurrencyCode(text)) return text.toUpperCase();
  return SYMBOLS.find(([symbol]) => symbol === text)?.[1] ?? null;
}

/**
 * Symbols several currencies write: "$12" says "dollars", not which. They read as the import's
 * currency when that is one of them (a Canadian store's "$12" is CAD), else as the first.
 */
const SHARED_SYMBOLS: [string, readonly string[]][] = [
  ['$', ['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'MXN', 'TWD', 'ARS', 'CLP', 'COP']],
  ['¥', ['JPY', 'CNY']],
];

/** ISO 4217 codes ICU knows: "12 pcs" or "12 lei" names no currency ("lei" is RON). */
const CURRENCY_CODES = new Set(Intl.supportedValuesOf('currency'));

function isCurrencyCode(word: string): boolean {
  return /^[A-Za-z]{3}$/.test(word) && CURRENCY_CODES.has(word.toUpperCase());
}

export interface ParsedPrice {
  minor: number;
  /** Currency written next to the amount ("12.00 USD", "€12", "$12"), if any. */
  currency: string | null;
  /** The currency comes from a symbol several currencies share ("$", "¥"): a hint, not a statement. */
  sharedSymbol: boolean;
  /** A word next to the amount that names no one currency ("15 000 Fcfa"): read past with `unitWords`. */
  unit?: string;
  /** "1.299": read one way, the other possible; the caller warns with this text (`ambiguous: 'warn'`). */
  ambiguous?: string;
}

/**
 * Parses a price cell. `currency` is what the listing is priced in when the cell names none (it
 * decides the minor units: "1200" JPY is 1200, "1200" EUR 120000). `decimalComma` says the file is
 * from a locale that writes "12,50" (only decides the ambiguous "1,234" / "1.234" cases). Returns
 * null for an empty cell; throws RowError for a negative or unreadable amount. `unitWords`: a word
 * beside the amount that is no currency code or symbol ("15 000 Fcfa", "lei") is read past and
 * returned as `unit` (the amount is then in `currency`: the caller says so), instead of an error.
 */
export function parsePrice(
  raw: string,
  column: string,
  opts: { currency?: string; decimalComma?: boolean; unitWords?: boolean; ambiguous?: 'warn' } = {},
): ParsedPrice | null {
  let text = raw.trim();
  if (text === '') return null;
  let currency: string | null = null;
  let sharedSymbol = false;
  let unit: string | undefined;
  // Most cells are a bare amount: only look for a code or a symbol when something else is there.
  if (/[^\d.,\s\u00a0\u202f'()+-]/.test(text)) {
    // A code is a word of its own: "12.00 USD", "USD12", not the end of "12 Fcfa".
    const code = /^([A-Za-z]{3})(?![A-Za-z])\s*(.+)$/.exec(text) ?? /^(.+?)(?<![A-Za-z])\s*([A-Za-z]{3})$/.exec(text);
    if (code) {
      const [a, b] = [code[1]!, code[2]!];
      if (isCurrencyCode(a) && /\d/.test(b)) {
        currency = a.toUpperCase();
        text = b;
      } else if (isCurrencyCode(b) && /\d/.test(a)) {
        currency = b.toUpperCase();
        text = a;
      }
    }
    for (const [symbol, iso] of SYMBOLS) {
      if (text.includes(symbol)) {
        currency ??= iso;
        text = text.replace(symbol, '');
      }
    }
    for (const [symbol, currencies] of SHARED_SYMBOLS) {
      if (!text.includes(symbol)) continue;
      text = text.replace(symbol, '');
      if (currency !== null) continue;
      const given = opts.currency?.toUpperCase();
      currency = given !== undefined && currencies.includes(given) ? given : currencies[0]!;
      sharedSymbol = true;
    }
  }
  if (opts.unitWords && currency === null) {
    const word = /^(\p{L}[\p{L}.]{0,7})\s*(?=[\d(+-])/u.exec(text) ?? /(?<=[\d)])\s*(\p{L}[\p{L}.]{0,7})$/u.exec(text);
    if (word) {
      unit = word[1]!;
      text = text.slice(0, word.index) + text.slice(word.index + word[0].length);
    }
  }
  text = text.replace(/[\s\u00a0\u202f']/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.startsWith('-')) {
    negative = true;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) {
    throw new RowError(`Price "${raw.trim()}" is not a number — fix it in the file`, column);
  }
  const digits = minorDigits(currency ?? opts.currency ?? FALLBACK_CURRENCY);
  let ambiguous: string | undefined;
  let thousandsPoint = false;
  let intPart: string;
  let fracPart = '';
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalSep = lastDot > lastComma ? '.' : ',';
    const thousandsSep = decimalSep === '.' ? ',' : '.';
    const [i, f = ''] = text.replaceAll(thousandsSep, '').split(decimalSep);
    intPart = i ?? '';
    fracPart = f;
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const parts = text.split(sep);
    const groupsOfThree = parts.length > 1 && parts.slice(1).every((p) => p.length === 3) && (parts[0] ?? '').length <= 3 && (parts[0] ?? '') !== '0';
    const oneGroup = groupsOfThree && parts.length === 2;
    let isThousands = groupsOfThree && (parts.length > 2 || (sep === ',' ? !opts.decimalComma : opts.decimalComma === true));
    if (oneGroup && opts.decimalComma === undefined) {
      // "1.299", "1,299": nothing says which separator the file uses. A comma stays a thousands
      // separator (1299, as English files write it). A point stays the decimal point where the
      // currency holds the amount exactly ("12.500" EUR is 12.50: systems that pad to three decimals
      // write it so); where it cannot ("1.299" EUR, "1.200" JPY) it is a thousands separator, never
      // a rounding. Either way the row says what else it could mean.
      const [whole, group] = [parts[0]!, parts[1]!];
      const exactDecimal = digits > 0 && /^0*$/.test(group.slice(digits));
      if (sep === '.') isThousands = digits < 3 && !exactDecimal;
      thousandsPoint = sep === '.' && isThousands && digits > 0;
      const code = (currency ?? opts.currency ?? FALLBACK_CURRENCY).toUpperCase();
      const read = isThousands ? `${whole}${group}` : `${whole}.${group}`;
      const other = isThousands ? `${whole}.${group}` : `${whole}${group}`;
      if (digits > 0) {
        ambiguous =
          `Price "${raw.trim()}" was read as ${read} ${code} ("${sep}" as ${isThousands ? 'a thousands separator' : 'the decimal point'}); ` +
          (isThousands && !exactDecimal ? `it could also mean ${other}, which ${code} (${digits} decimals) cannot hold without rounding. Check it.` : `it could also mean ${other} ${code}. Check it.`);
      }
    }
    if (isThousands) {
      intPart = parts.join('');
    } else if (parts.length === 2) {
      intPart = parts[0]!;
      fracPart = parts[1]!;
    } else {
      throw new RowError(`Price "${raw.trim()}" is not a number — fix it in the file`, column);
    }
  } else {
    intPart = text;
  }
  if (!/^\d*$/.test(intPart) || !/^\d*$/.test(fracPart)) {
    throw new RowError(`Price "${raw.trim()}" is not a number — fix it in the file`, column);
  }
  // A third decimal in a 2-decimal currency ("0.999" EUR) is not rounded away: the seller says what
  // they meant. (Cents in a currency without minor units, "39.90" read as JPY, still round half up.)
  if (digits > 0 && /[1-9]/.test(fracPart.slice(digits))) {
    const code = (currency ?? opts.currency ?? FALLBACK_CURRENCY).toUpperCase();
    throw new RowError(`Price "${raw.trim()}" has ${fracPart.replace(/0+$/, '').length} decimals and ${code} has ${digits}; it was not rounded — fix it in the file`, column);
  }
  // A point read as a thousands separator is the one reading that can cost 1000× ("19.999" USD):
  // a reader that cannot say so on the row refuses the cell. The others ("1,299", "12.500") stand.
  if (thousandsPoint && opts.ambiguous !== 'warn') {
    throw new RowError(`${ambiguous!.replace(/ Check it\.$/, '')} — write it without the separator, or with decimals (1299.00), in the file`, column);
  }
  const minor = toMinor(intPart, fracPart, digits);
  if (negative && minor !== 0) throw new RowError(`Price is negative (${raw.trim()}) — fix it in the file`, column);
  if (!Number.isSafeInteger(minor)) throw new RowError(`Price "${raw.trim()}" is too large`, column);
  return { minor, currency, sharedSymbol, ...(unit === undefined ? {} : { unit }), ...(ambiguous === undefined ? {} : { ambiguous }) };
}

/** "12" + "345" at 2 digits → 1235 (half up), all in strings/integers. */
function toMinor(intPart: string, fracPart: string, digits: number): number {
  const padded = (fracPart + '0'.repeat(digits)).slice(0, digits);
  const roundUp = fracPart.length > digits && Number(fracPart[digits]) >= 5;
  const whole = Number((intPart.replace(/^0+(?=\d)/, '') || '0') + padded);
  return whole + (roundUp ? 1 : 0);
}

/**
 * Parses a quantity cell: "10", "10.0", "1,000". Empty → null. Negative stock is real (oversold:
 * Shopify's inventory policy `continue`, WooCommerce backorders): the value with a warning. Text
 * that is not a number → null plus a warning. Never throws.
 */
export function parseQuantity(raw: string, _column: string): { value: number | null; warning: string | null } {
  const text = raw.trim().replace(/[\s\u00a0]/g, '');
  if (text === '') return { value: null, warning: null };
  const m = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.0+)?$/.exec(text);
  if (!m) return { value: null, warning: `Quantity "${raw.trim()}" is not a whole number; left empty` };
  const value = Number(m[2]!.replaceAll(',', ''));
  if (m[1] === '-' && value !== 0) return { value: -value, warning: `Stock is negative (${raw.trim()}): more were sold than were in stock. Imported as is.` };
  return { value, warning: null };
}

/** Decodes HTML entities (`Women&#39;s` → `Women's`), one level only. */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTML(text) : text;
}

/** Excel turns long numbers into `3.65275E+11`: the digits after the 6th are gone for good. */
export function isExcelMangledNumber(text: string): boolean {
  return /^\s*-?\d(?:[.,]\d+)?E\+?\d+\s*$/i.test(text);
}

/** Headers of identifier columns where a scientific-notation value means Excel damaged it. */
export function isIdentifierHeader(header: string): boolean {
  return /barcode|gtin|\bupc\b|\bean\b|isbn|\bmpn\b|external_product_id|product id\b|item number|itemid|listing[-_ ]id|\bid$/i.test(header);
}

/** Splits a comma (or semicolon) separated list, trimming and dropping empties. */
export function splitList(text: string, separator: RegExp = /,/): string[] {
  return text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * Parses a Python list repr as pandas writes it: `['a', "b's"]`. Returns null when the text is
 * not such a list (callers then fall back to comma splitting).
 */
export function parsePythonList(text: string): string[] | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) return null;
  const out: string[] = [];
  let i = 1;
  const end = trimmed.length - 1;
  while (i < end) {
    const ch = trimmed[i]!;
    if (ch === ' ' || ch === ',') {
      i++;
      continue;
    }
    if (ch !== "'" && ch !== '"') return null;
    let value = '';
    i++;
    while (i < end && trimmed[i] !== ch) {
      if (trimmed[i] === '\\' && i + 1 < end) {
        const next = trimmed[i + 1]!;
        value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
        i += 2;
      } else {
        value += trimmed[i];
        i++;
      }
    }
    if (i >= end) return null;
    i++;
    out.push(value);
  }
  return out;
}

/** WooCommerce's `Published` numbers (its exporter's get_column_value_published). */
const PUBLISHED_NUMBERS: Readonly<Record<string, ListingStatus>> = { '1': 'active', '0': 'inactive', '-1': 'draft', '2': 'draft' };

/**
 * Maps a marketplace's status word to Listsmith's; null when unknown. Numbers are WooCommerce's
 * `Published` (1 publish, 0 private, -1 draft, 2 pending review); Shopify's `unlisted` (live, but
 * hidden from search and collections) is the closest of the five, inactive.
 */
export function normaliseStatus(raw: string): ListingStatus | null {
  const trimmed = raw.trim();
  if (/^-?\d+$/.test(trimmed)) return PUBLISHED_NUMBERS[trimmed] ?? null;
  const text = trimmed.toLowerCase().replace(/[\s-]+/g, '_');
  if (text === '') return null;
  if (['active', 'published', 'publish', 'live', 'in_stock', 'instock', 'add', 'verifyadd', 'revise', 'relist', 'preorder', 'backorder', 'true', 'visible', 'open'].includes(text)) return 'active';
  if (['draft', 'incomplete', 'pending', 'unpublished', 'false', 'edit'].includes(text)) return 'draft';
  if (['inactive', 'expired', 'ended', 'end', 'paused', 'hidden', 'closed', 'private', 'unlisted', 'disabled'].includes(text)) return 'inactive';
  if (['sold_out', 'soldout', 'out_of_stock', 'outofstock', 'sold'].includes(text)) return 'sold_out';
  if (['archived', 'removed', 'deleted', 'delete', 'trash'].includes(text)) return 'archived';
  return null;
}

/** Epoch seconds or milliseconds or an ISO date → epoch ms; null if unreadable. */
export function parseDate(raw: string): number | null {
  const text = raw.trim();
  if (text === '') return null;
  if (/^\d+(\.0+)?$/.test(text)) {
    const n = Number(text.split('.')[0]);
    if (n > 1e12) return n;
    if (n > 1e8) return n * 1000;
    return null;
  }
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

export function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}
