import { SaxesParser } from 'saxes';
import { XmlFeedRepair } from '../../../core/import/xml-feed-repair.js';
import type { NewListing } from '../../../core/catalog/insert-listings.js';
import { decodeFile } from '../../../core/import/decode-text.js';
import { sniffTextKind } from '../../../core/import/detect-dialect.js';
import { Columns } from '../../../core/import/listing-draft.js';
import type { MappedRecord } from '../../../core/import/mapped-record.js';
import { openTable } from '../../../core/import/read-table.js';
import { isUnquotedAmazonReport } from '../../../core/import/amazon-report-quotes.js';
import { decodeEntities, normaliseStatus } from '../../../core/import/values.js';

/**
 * The "no cell lost" check: every non-empty cell of every data row of a file must be found in the
 * listing its row went into — a mapped field, an attribute, a kept source column, a variant (its
 * SKU, options, price, stock, image, own columns) or an image's columns. Rows of rejected records
 * are exempt (the report lists them); a row in no record at all is lost whole.
 *
 * "Found" is an exact match after collapsing white space (and decoding one level of HTML
 * entities, as readers do in text fields); a grouped kept value holds its leaves; a number
 * (price, stock) matches a numeric field in whole or minor units; a list cell (`a, b`, `u1|u2`,
 * `Size=S;M|Color=Red`) matches when each of its parts does. XML feeds are checked element by
 * element (each leaf of a grouped element, variant options, `<link href>`; a repeated element as
 * one comma-separated list).
 */

export interface LostCell {
  line: number;
  column: string;
  value: string;
}

export interface NoCellLostOptions {
  /**
   * Column keys (Columns.key) whose cells on a variation row say only that it is one (Amazon
   * `parent_child` = child, eBay `Relationship` = Variation): the listing's variants hold that.
   */
  structural?: RegExp;
}

/** Columns whose word is read into the listing's status (it holds the word as one of its five). */
const STATUS_COLUMN = /status|availability|state|action|ステータス/;

interface SourceRow {
  line: number;
  cells: { column: string; value: string }[];
}

export async function lostCells(path: string, records: readonly MappedRecord[], options: NoCellLostOptions = {}): Promise<LostCell[]> {
  const byLine = new Map<number, MappedRecord>();
  for (const record of records) for (const line of record.lines) byLine.set(line, record);
  const found = new Map<MappedRecord, Found>();
  const lost: LostCell[] = [];
  for await (const row of sourceRows(path)) {
    const record = byLine.get(row.line);
    if (record === undefined) {
      lost.push({ line: row.line, column: '(whole row)', value: row.cells.map((c) => c.value).join(' | ').slice(0, 200) });
      continue;
    }
    if (record.kind === 'rejected') continue;
    let holder = found.get(record);
    if (!holder) {
      holder = new Found(record.listing);
      found.set(record, holder);
    }
    const isVariantRow = record.listing.variants.length > 0;
    for (const { column, value } of row.cells) {
      // Blank, or blank once its entities are read (`&nbsp;` lines: a real feed's whole description).
      if (value.trim() === '' || decodeEntities(value).trim() === '') continue;
      if (isVariantRow && options.structural?.test(Columns.key(column))) continue;
      if (STATUS_COLUMN.test(Columns.key(column)) && normaliseStatus(value) === record.listing.status) continue;
      if (!holder.has(value)) lost.push({ line: row.line, column, value: value.slice(0, 200) });
    }
  }
  return lost;
}

/** Everything one listing holds, as normalised text and numbers. */
class Found {
  private readonly texts = new Set<string>();
  private readonly numbers: number[] = [];
  /** Kept values of grouped fields (Google `shipping(country:price)`): a leaf is found inside. */
  private readonly grouped: string[] = [];

  constructor(listing: NewListing) {
    const text = (value: string | null | undefined): void => {
      if (value !== null && value !== undefined && value.trim() !== '') this.texts.add(squash(value));
    };
    const number = (value: number | null): void => {
      if (value !== null) this.numbers.push(value);
    };
    for (const value of [listing.title, listing.description, listing.sku, listing.sourceId, listing.brand, listing.category, listing.condition, listing.currency, ...listing.tags, ...listing.materials, ...listing.images, ...Object.values(listing.attributes)]) text(value);
    number(listing.priceMinor);
    number(listing.quantity);
    const source = listing.source;
    if (source) {
      text(source.status);
      for (const [column, value] of Object.entries(source.columns)) {
        text(value);
        if (column.includes('(')) this.grouped.push(value);
      }
      for (const columns of Object.values(source.imageColumns ?? {})) for (const value of Object.values(columns)) text(value);
    }
    for (const variant of listing.variants) {
      text(variant.sku);
      text(variant.image);
      for (const option of variant.options) {
        text(option.name);
        text(option.value);
      }
      for (const [column, value] of Object.entries(variant.columns ?? {})) {
        text(value);
        if (column.includes('(')) this.grouped.push(value);
      }
      number(variant.priceMinor);
      number(variant.quantity);
    }
  }

  has(cell: string): boolean {
    // Readers decode one level of HTML entities in text fields (`Women&#39;s`); kept cells are as written.
    if (this.texts.has(squash(cell)) || this.texts.has(squash(decodeEntities(cell)))) return true;
    if (this.grouped.some((value) => value.includes(cell.trim()))) return true;
    const amount = numberIn(cell);
    if (amount !== null && this.numbers.some((n) => [1, 10, 100, 1000].some((scale) => Math.abs(amount * scale - n) < 1e-6))) return true;
    // A list of escaped values (`3&quot; Pot,4&quot; Pot`) is split after decoding: `;` ends an entity.
    const decoded = decodeEntities(cell);
    if (decoded !== cell && this.has(decoded)) return true;
    // Lists: `u1|u2`, `a, b`, then `Size=S;M|Color=Red`, then `color:Black,length:16inch`.
    return LIST_SEPARATORS.some((separator) => {
      const parts = cell.split(separator).filter((part) => part.trim() !== '');
      return parts.length > 1 && parts.every((part) => this.has(part));
    });
  }
}

const LIST_SEPARATORS = [/\s*[|;,]\s*/, /\s*[|;,=]\s*/, /\s*[|;,=:]\s*/];

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The amount in a price or stock cell ("$1,499.99", "12.00 USD", "3", "12,50 EUR"), or null. */
function numberIn(cell: string): number | null {
  const match = /^[^\d-]{0,4}(-?\d[\d,. ]*)[^\d]{0,4}$/.exec(cell.trim());
  if (!match) return null;
  let digits = match[1]!.replace(/ /g, '');
  if (/,\d{1,2}$/.test(digits) && !digits.includes('.')) digits = digits.replace(',', '.');
  digits = digits.replace(/,/g, '');
  const value = Number(digits);
  return Number.isFinite(value) ? value : null;
}

async function* sourceRows(path: string): AsyncGenerator<SourceRow> {
  const text = await decodeFile(path);
  if (sniffTextKind(text.head) === 'xml') {
    yield* xmlItems(text.chunks());
    return;
  }
  // Amazon's reports are written without CSV quoting: their cells are read as the importer reads them.
  const table = await openTable(text, { quotes: !isUnquotedAmazonReport(text.head) });
  for await (const row of table.rows) {
    yield { line: row.line, cells: row.cells.map((value, i) => ({ column: table.header[i] ?? `Column ${i + 1}`, value })) };
  }
}

/** A feed's items: every leaf element's text (and `href`), by the item's number (the reader's rowUnit is 'item'). */
async function* xmlItems(chunks: AsyncIterable<string>): AsyncGenerator<SourceRow> {
  const parser = new SaxesParser({ position: true });
  const ready: SourceRow[] = [];
  let depth = 0;
  let item: { depth: number; row: SourceRow } | null = null;
  let items = 0;
  const path: { name: string; text: string; leaf: boolean }[] = [];
  parser.on('opentag', (tag) => {
    depth++;
    const name = tag.name.replace(/^.*:/, '').toLowerCase();
    if (item === null) {
      if (name === 'item' || name === 'entry') item = { depth, row: { line: ++items, cells: [] } };
      return;
    }
    const parent = path[path.length - 1];
    if (parent) parent.leaf = false;
    path.push({ name, text: '', leaf: true });
    const href = tag.attributes['href'];
    if (typeof href === 'string') item.row.cells.push({ column: `${name}@href`, value: href });
  });
  const onText = (t: string): void => {
    const top = path[path.length - 1];
    if (top) top.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (item !== null) {
      if (depth === item.depth) {
        ready.push(item.row);
        item = null;
      } else {
        const element = path.pop()!;
        const repeated = path.length === 0 ? item.row.cells.find((c) => c.column === element.name) : undefined;
        // A repeated field of the item is one list, as Google's TSV writes it (`u1,u2`); empty
        // ones (`<g:additional_image_link/>`, a real feed's padding) add nothing.
        const value = element.text.trim();
        if (element.leaf && repeated) {
          if (value !== '') repeated.value = repeated.value.trim() === '' ? value : `${repeated.value},${value}`;
        } else if (element.leaf) item.row.cells.push({ column: element.name, value: element.text });
      }
    }
    depth--;
  });
  parser.on('error', () => {});
  // What the seller's feed says, its two known slips repaired as the importer does (a raw "&", a
  // CDATA closed with "]]"; tested on their own in xml-feed-repair.test.ts): without it a broken
  // feed's lost items would be "expected" lost too.
  const repair = new XmlFeedRepair();
  for await (const chunk of chunks) {
    parser.write(repair.push(chunk));
    yield* ready.splice(0);
  }
  parser.write(repair.end());
  parser.close();
  yield* ready.splice(0);
}
