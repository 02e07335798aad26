import { SaxesParser } from 'saxes';
import type { VariantOption } from '../../../common/listing.js';
import { ContractError } from '../../../common/result.js';
import type { RowProblem } from '../../../common/import-types.js';
import { XmlFeedRepair } from '../xml-feed-repair.js';
import type { DecodedText } from '../decode-text.js';
import type { MapContext } from '../listing-draft.js';
import type { MappedRecord } from '../mapped-record.js';
import { assembleGoogleItems, type GoogleItem } from './google-merchant.js';

/**
 * Google Merchant Atom (`<feed><entry><g:price>`) and RSS (`<rss><channel><item>`) feeds, streamed
 * with saxes. The XML layer is decoded by the parser; feeds that escaped their text twice
 * (`&amp;quot;`) get exactly one more level decoded (`26&quot;` → `26"`), never more.
 *
 * Every element of an item is kept: a repeated field's values are joined with commas (as Google's
 * TSV writes them), a grouped one (`<g:shipping><g:country>US</g:country>…`) becomes
 * `shipping(country:service:price)` = `US:Standard:0.00 USD`, Google's own TSV notation, and
 * `<g:variant_option>` name/value pairs are the item's variant options. `<g:title>` wins over a
 * plain `<title>`; the plain one is kept as `title (plain)`.
 */

const ITEM = new Set(['entry', 'item']);
const ROOTS = new Set(['feed', 'rss', 'channel', 'rdf']);

/**
 * An element's field name: its local name in lower case. `_x005b_` / `_x005d_` (XmlConvert's
 * escapes, which Listsmith's XML export writes for the brackets of a Meta catalog's JSON-path
 * columns: `style[0]` → `<g:style_x005b_0_x005d_>`) are the brackets again.
 */
function local(name: string): string {
  const i = name.indexOf(':');
  return (i >= 0 ? name.slice(i + 1) : name).toLowerCase().replace(/_x005b_/g, '[').replace(/_x005d_/g, ']');
}

export interface XmlCounter {
  items: number;
  /** What the reader noticed about the feed as a whole, as it found it (the report's warnings). */
  notes: RowProblem[];
}

interface SubField {
  name: string;
  text: string;
}

/** One item's elements while it is read. */
class ItemFields {
  private readonly prefixed = new Map<string, string[]>();
  private readonly plain = new Map<string, string[]>();
  private readonly grouped = new Map<string, SubField[][]>();
  readonly options: VariantOption[] = [];

  add(name: string, prefixed: boolean, value: string): void {
    const target = prefixed ? this.prefixed : this.plain;
    target.set(name, [...(target.get(name) ?? []), value]);
  }

  addGroup(name: string, subs: SubField[]): void {
    if (name === 'variant_option') {
      const optionName = subs.find((s) => s.name === 'name')?.text ?? '';
      const value = subs.find((s) => s.name === 'value')?.text ?? '';
      if (optionName !== '' && value !== '') {
        this.options.push({ name: optionName, value });
        return;
      }
    }
    this.grouped.set(name, [...(this.grouped.get(name) ?? []), subs]);
  }

  fields(): Map<string, string> {
    const out = new Map<string, string>();
    const join = (values: string[]): string => (values.length === 1 ? values[0]! : values.map((v) => v.trim()).join(','));
    for (const [name, values] of this.prefixed) out.set(name, join(values));
    for (const [name, values] of this.plain) out.set(out.has(name) ? `${name} (plain)` : name, join(values));
    for (const [name, repeats] of this.grouped) {
      const names = [...new Set(repeats.flatMap((subs) => subs.map((s) => s.name)))];
      const value = repeats.map((subs) => names.map((n) => subs.find((s) => s.name === n)?.text ?? '').join(':')).join(',');
      out.set(`${name}(${names.join(':')})`, value);
    }
    return out;
  }
}

interface OpenItem {
  depth: number;
  fields: ItemFields;
  field: { name: string; prefixed: boolean; buffer: string; subs: SubField[] | null } | null;
  sub: SubField | null;
}

export async function* mapGoogleMerchantXml(text: DecodedText, ctx: MapContext, counter: XmlCounter): AsyncGenerator<MappedRecord> {
  async function* items(): AsyncGenerator<GoogleItem | MappedRecord> {
    const parser = new SaxesParser({ position: true });
    const ready: (GoogleItem | MappedRecord)[] = [];
    let depth = 0;
    let rootChecked = false;
    let current: OpenItem | null = null;
    let xmlError: string | null = null;
    let truncated = false;
    parser.on('error', (err) => {
      // Undefined HTML entities (&nbsp;) and similar: keep going, remember the first.
      xmlError ??= err.message;
      if (/unclosed tag|unexpected end/.test(err.message)) truncated = true;
    });
    parser.on('opentag', (tag) => {
      depth++;
      const name = local(tag.name);
      if (!rootChecked) {
        rootChecked = true;
        if (!ROOTS.has(name)) {
          throw new ContractError('invalid_input', `"${ctx.fileName}" is an XML file but not a product feed (it starts with <${tag.name}>). Listsmith reads Google Merchant Atom/RSS feeds; for other XML, export a CSV instead.`);
        }
      }
      if (current === null) {
        if (ITEM.has(name)) current = { depth, fields: new ItemFields(), field: null, sub: null };
        return;
      }
      if (depth === current.depth + 1) {
        current.field = { name, prefixed: tag.name.includes(':'), buffer: '', subs: null };
        const href = tag.attributes['href'];
        if (name === 'link' && typeof href === 'string') current.field.buffer = href;
      } else if (depth === current.depth + 2 && current.field) {
        current.sub = { name, text: '' };
      }
    });
    const onText = (t: string): void => {
      if (current?.sub) current.sub.text += t;
      else if (current?.field) current.field.buffer += t;
    };
    parser.on('text', onText);
    parser.on('cdata', onText);
    parser.on('closetag', (tag) => {
      if (current) {
        if (depth === current.depth + 2 && current.field && current.sub) {
          current.field.subs = [...(current.field.subs ?? []), { name: current.sub.name, text: current.sub.text.trim() }];
          current.sub = null;
        } else if (depth === current.depth + 1 && current.field) {
          const { name, prefixed, buffer, subs } = current.field;
          if (subs) current.fields.addGroup(name, subs);
          else current.fields.add(name, prefixed, buffer);
          current.field = null;
        } else if (depth === current.depth && ITEM.has(local(tag.name))) {
          counter.items++;
          const options = current.fields.options;
          // Items are numbered, not placed by line: a feed written by a script is often one line.
          ready.push({ line: counter.items, fields: current.fields.fields(), ...(options.length > 0 ? { options } : {}) });
          current = null;
        }
      }
      depth--;
    });
    const repair = new XmlFeedRepair();
    for await (const chunk of text.chunks()) {
      parser.write(repair.push(chunk));
      if (ready.length > 0) {
        yield* ready;
        ready.length = 0;
      }
    }
    parser.write(repair.end());
    parser.close();
    yield* ready;
    if (!rootChecked) throw new ContractError('invalid_input', `"${ctx.fileName}" is not a readable XML product feed.`);
    if (counter.items === 0 && xmlError) throw new ContractError('invalid_input', `"${ctx.fileName}" could not be read as XML: ${xmlError}`);
    const { bareAmpersands, unclosedCdata } = repair;
    if (bareAmpersands.count > 0) {
      const count = bareAmpersands.count === 1 ? 'One "&"' : `${bareAmpersands.count.toLocaleString('en-US')} "&" characters`;
      counter.notes.push({ line: bareAmpersands.firstLine ?? 0, column: null, message: `${count} in the feed start no entity (such as "&width=990" in a link): read as the text "&". XML writes it "&amp;"; a strict reader would have stopped there.` });
    }
    if (unclosedCdata.count > 0) {
      const count = unclosedCdata.count === 1 ? 'One CDATA section' : `${unclosedCdata.count.toLocaleString('en-US')} CDATA sections`;
      counter.notes.push({ line: unclosedCdata.firstLine ?? 0, column: null, message: `${count} in the feed end with "]]" instead of "]]>" (before their element's closing tag): read as ended there. A strict reader would have taken the rest of the feed for that text.` });
    }
    // Items read and then the feed broke (a tag never closed): whatever came after is not in it.
    if (counter.items > 0 && (depth > 0 || truncated)) {
      const read = counter.items === 1 ? 'one item was' : `${counter.items.toLocaleString('en-US')} items were`;
      counter.notes.push({ line: 0, column: null, message: `The feed is not well-formed XML (${xmlError ?? 'it ends inside an element'}): ${read} read, and any after that point are missing. Fix the feed and import again.` });
    }
  }
  yield* assembleGoogleItems(items(), ctx, true);
}
