import { AS_WRITTEN_FIELDS } from '../import/dialects/google-merchant.js';
import type { Column, OutputRow } from './target.js';

/**
 * Google Merchant RSS 2.0 feed (`<rss><channel><item><g:…>`), the format Google recommends and the
 * one that holds what a TSV cannot: line breaks, tabs, any text. One `<item>` per row; each written
 * column is a `g:` element, written back the way core/import/dialects/google-merchant-xml.ts reads
 * it, so a feed Listsmith writes reads back as the same listings:
 *
 * - a grouped column in Google's TSV notation (`shipping(country:service:price)` = `US:Std:0 USD`,
 *   repeats joined by commas) becomes nested elements, one group per repeat;
 * - `additional_image_link` (one cell, comma-joined) becomes one element per URL;
 * - `title (plain)`, `link (plain)` are the feed's own plain `<title>`, `<link>` beside the `g:` ones;
 * - text fields the reader decodes one level of HTML entities from (feeds that escaped twice,
 *   `&amp;quot;`) get their `&` written as `&amp;` first, so a literal `&amp;` in a description
 *   survives; identifiers, links, prices and grouped fields are read as written and written so.
 */

/** Fields the reader takes as written (no extra entity level): ids, links, numbers, codes. */
const AS_WRITTEN = AS_WRITTEN_FIELDS;

/** `title (plain)`, `link (plain)`: a feed's own plain element beside the `g:` one of that name. */
const PLAIN = /^([a-z_][\w.-]*) \(plain\)$/i;

export function xmlFeedEncoder(columns: readonly Column[]): { header: () => string; row: (row: OutputRow) => string; footer: () => string } {
  return {
    header: () =>
      '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">\n<channel>\n<title>Listsmith export</title>\n<link>https://listsmith.app/</link>\n<description>Products exported by Listsmith</description>\n',
    row: (row) => {
      let item = '<item>\n';
      for (const column of columns) {
        const value = row.cells[column.key];
        // An empty element says "known to be empty": the reader takes a missing one as unknown.
        if (value === null || value === undefined) continue;
        item += value === '' ? `  <g:${elementName(column.header)}></g:${elementName(column.header)}>\n` : elements(column.header, String(value));
      }
      return `${item}</item>\n`;
    },
    footer: () => '</channel>\n</rss>\n',
  };
}

function elements(header: string, value: string): string {
  const plain = PLAIN.exec(header)?.[1]?.toLowerCase();
  if (plain !== undefined) return `  <${plain}>${escape(entityLevel(value))}</${plain}>\n`;
  const grouped = /^([A-Za-z_][\w.-]*)\(([^)]*)\)$/.exec(header);
  if (grouped) {
    const name = elementName(grouped[1]!);
    const subs = grouped[2]!.split(':').map(elementName);
    return groupRepeats(value, subs.length)
      .map((parts) => {
        const inner = subs.map((sub, i) => (parts[i] !== undefined && parts[i] !== '' ? `<g:${sub}>${escape(parts[i]!)}</g:${sub}>` : '')).join('');
        return `  <g:${name}>${inner}</g:${name}>\n`;
      })
      .join('');
  }
  const name = elementName(header);
  if (name === 'additional_image_link') {
    return value
      .split(',')
      .map((url) => url.trim())
      .filter((url) => url !== '')
      .map((url) => `  <g:${name}>${escape(url)}</g:${name}>\n`)
      .join('');
  }
  return `  <g:${name}>${escape(AS_WRITTEN.has(name) ? value : entityLevel(value))}</g:${name}>\n`;
}

/**
 * A grouped cell's repeats and their parts. The notation joins repeats with `,` and parts with `:`,
 * which free text may hold too (a structured_description): when the value does not split into
 * repeats of exactly `size` parts, it is one repeat whose last part takes the rest.
 */
function groupRepeats(value: string, size: number): string[][] {
  const repeats = value.split(',').map((repeat) => repeat.split(':'));
  if (repeats.every((parts) => parts.length === size)) return repeats;
  const parts = value.split(':');
  return [[...parts.slice(0, size - 1), parts.slice(size - 1).join(':')]];
}

/**
 * The reader's field name is the element's local name in lower case; anything else becomes `_`,
 * but for the brackets of a Meta catalog's JSON-path columns (`style[0]`, `video[0].url`), written
 * as XmlConvert escapes them (`_x005b_`, `_x005d_`) so that the reader gets the column back.
 */
function elementName(header: string): string {
  const name = header
    .trim()
    .replace(/^g:/i, '')
    .toLowerCase()
    .replace(/\[/g, '_x005b_')
    .replace(/\]/g, '_x005d_')
    .replace(/[^a-z0-9_.-]/g, '_');
  return /^[a-z_]/.test(name) ? name : `_${name}`;
}

/** One level of HTML entities, undone by the reader's decode of text fields. */
function entityLevel(text: string): string {
  return text.replace(/&/g, '&amp;');
}

function escape(text: string): string {
  // XML 1.0 cannot carry C0 controls other than tab and line breaks.
  // A carriage return is written as a reference: XML parsers turn a literal CR LF into LF.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}
