/**
 * Cell encoding for spreadsheet formats.
 *
 * CSV injection (OWASP): a text cell whose first character is = + - @ TAB CR LF or NUL could be
 * run as a formula by Excel/Sheets/LibreOffice; it gets a leading apostrophe, which spreadsheets
 * show as "text". Numeric columns are validated as numbers and written as they are (a negative
 * quantity stays -3, never '-3).
 */
// eslint-disable-next-line no-control-regex
const FORMULA_START = /^[=+\-@\t\r\n\u0000]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function defuseText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function isFormulaLike(value: string): boolean {
  return FORMULA_START.test(value);
}

export function numberCell(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (!PLAIN_NUMBER.test(text)) throw new Error(`Not a plain number: ${JSON.stringify(text)}`);
  return text;
}

export function isPlainNumber(value: string | number): boolean {
  return PLAIN_NUMBER.test(typeof value === 'number' ? String(value) : value);
}

/** RFC 4180: quote when the cell holds a comma, quote or line break; double the quotes. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Google's TSV feed: tabs and line breaks inside a value would split it (a data source with quoted
 * fields off, or a Google Sheet, cannot hold them), so they become spaces (the check step lists
 * this as a change). Quoted fields are on by default (support.google.com/merchants/answer/14998273):
 * Google then reads a value starting with a quote as a quoted one (`"Vintage" lamp` loses its
 * quotes), and a quote inside a value must be doubled within quotes. So a value holding a quote is
 * written quoted with its quotes doubled, as RFC 4180 does: `"12"" record"` reads back `12" record`.
 */
export function tsvField(text: string): string {
  const flat = text.replace(/[\t\r\n]+/g, ' ');
  return flat.includes('"') ? `"${flat.replace(/"/g, '""')}"` : flat;
}

/**
 * A TSV value: its line breaks become spaces first, then the formula guard looks at what is
 * written. A description that starts with a blank line ("\n\nJahrgang…", a Meta catalog's) starts
 * with a space in the feed: guarding it before would have written `' Jahrgang…`, an apostrophe
 * Google shows and a re-import keeps, since it no longer stands before a line break.
 */
export function tsvText(text: string): string {
  return tsvField(defuseText(text.replace(/[\t\r\n]+/g, ' ')));
}
