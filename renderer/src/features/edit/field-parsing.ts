import { MAX_PRICE_MINOR } from '../../../../common/edit-types.js';
import { currencyDigits, normalizeCurrencyCode } from '../../../../common/edit/currency-digits.js';

/* ----------------------------------------------------------------------------------------------
 * What the seller types into the editors, read as values (pure, unit-tested): prices in major
 * units of the listing's currency, quantities, chip lists and image addresses. Shared by the
 * detail pane's editor (drafts) and the grid's inline editor.
 * -------------------------------------------------------------------------------------------- */

// ---- prices and quantities -----------------------------------------------------------------------

/** Minor units → the editor's plain major-unit text: 1299 USD → "12.99", 1234 JPY → "1234"; null → "". */
export function formatPriceInput(minor: number | null, currency: string): string {
  if (minor === null || !Number.isFinite(minor)) return '';
  const digits = currencyDigits(currency);
  const negative = minor < 0;
  const abs = Math.abs(Math.trunc(minor));
  if (digits === 0) return `${negative ? '-' : ''}${abs}`;
  const scale = 10 ** digits;
  const whole = Math.floor(abs / scale);
  const fraction = String(abs % scale).padStart(digits, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * The price the seller typed (major units) → minor units. Accepts "12.99", "12,99", "1,234.50",
 * "1.234,50", "1 234,50"; '' → null (no price). Refuses negatives, letters and more decimals than
 * the currency has (¥ has none).
 */
export function parsePriceInput(text: string, currency: string): Parsed<number | null> {
  let s = text.replace(/[\s\u00a0\u202f']/g, '');
  if (s === '') return { ok: true, value: null };
  if (s.startsWith('-')) return { ok: false, message: 'A price cannot be negative.' };
  if (s.startsWith('+')) s = s.slice(1);
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return { ok: false, message: 'Type the price as a number, e.g. 12.99.' };
  const digits = currencyDigits(currency);
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimal: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0) decimal = s.indexOf('.') === lastDot ? '.' : null;
  else if (lastComma >= 0) {
    // One comma: "12,5" is a decimal comma; "1,234" (three digits after, in a currency without
    // three decimals) is a thousands separator. Several commas: thousands separators.
    const after = s.length - lastComma - 1;
    decimal = s.indexOf(',') === lastComma && !(after === 3 && digits !== 3) ? ',' : null;
  }
  let whole = s;
  let fraction = '';
  if (decimal !== null) {
    const at = s.lastIndexOf(decimal);
    whole = s.slice(0, at);
    fraction = s.slice(at + 1);
  }
  const thousands = decimal === '.' ? ',' : decimal === ',' ? '.' : /[.,]/g;
  whole = whole.split(thousands).join('');
  if (typeof thousands === 'string' && whole.includes(decimal ?? '')) return { ok: false, message: 'Type the price as a number, e.g. 12.99.' };
  if (!/^[0-9]*$/.test(whole) || !/^[0-9]*$/.test(fraction)) return { ok: false, message: 'Type the price as a number, e.g. 12.99.' };
  const code = normalizeCurrencyCode(currency) || 'This currency';
  if (fraction.length > digits) {
    return {
      ok: false,
      message: digits === 0 ? `${code} prices have no decimals: type a whole number.` : `${code} prices have at most ${digits} decimals.`,
    };
  }
  const minor = Number(whole === '' ? '0' : whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor) || minor > MAX_PRICE_MINOR) return { ok: false, message: 'That price is too large.' };
  return { ok: true, value: minor };
}

/** A quantity as typed → a whole number ≥ 0; '' → null (unknown). */
export function parseQuantityInput(text: string): Parsed<number | null> {
  const s = text.replace(/[\s\u00a0\u202f,']/g, '');
  if (s === '') return { ok: true, value: null };
  if (/^-/.test(s)) return { ok: false, message: 'A quantity cannot be negative.' };
  if (!/^\+?[0-9]+$/.test(s)) return { ok: false, message: 'Quantity is a whole number of items, e.g. 3.' };
  const n = Number(s);
  if (!Number.isSafeInteger(n) || n > 1_000_000_000) return { ok: false, message: 'That quantity is too large.' };
  return { ok: true, value: n };
}

// ---- chips and image addresses ---------------------------------------------------------------

/**
 * Adds what the seller typed to a chip list: commas and line breaks separate items, blanks are
 * dropped, and an item already in the list (ignoring case) is not added twice.
 */
export function addItems(list: readonly string[], typed: string): { list: string[]; added: string[]; duplicates: string[] } {
  const next = [...list];
  const seen = new Set(list.map((t) => t.toLocaleLowerCase()));
  const added: string[] = [];
  const duplicates: string[] = [];
  for (const raw of typed.split(/[,\n\r]+/)) {
    const item = raw.trim().replace(/\s+/g, ' ');
    if (item === '') continue;
    const key = item.toLocaleLowerCase();
    if (seen.has(key)) {
      duplicates.push(item);
      continue;
    }
    seen.add(key);
    next.push(item);
    added.push(item);
  }
  return { list: next, added, duplicates };
}

/** What an image URL field accepts: http(s) addresses and inline data:image URLs. */
export function checkImageUrl(text: string): Parsed<string> {
  const url = text.trim();
  if (url === '') return { ok: false, message: 'Paste the address of an image.' };
  if (url.length > 4_000) return { ok: false, message: 'That address is too long (at most 4,000 characters).' };
  if (/^data:image\//i.test(url)) return { ok: true, value: url };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, message: 'That is not a web address: it should start with https://.' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { ok: false, message: 'Image addresses start with https://.' };
  return { ok: true, value: url };
}
