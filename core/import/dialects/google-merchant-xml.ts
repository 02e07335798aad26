import { SaxesParser } from 'saxes';
import { ContractError } from '../../../common/result.js';
import type { DecodedText } from '../decode-text.js';
import type { MapContext } from '../listing-draft.js';
import type { MappedRecord } from '../mapped-record.js';
import { assembleGoogleItems, type GoogleItem } from './google-merchant.js';

/**
 * Google Merchant Atom (`<feed><entry><g:price>`) and RSS (`<rss><channel><item>`) feeds, streamed
 * with saxes. The XML layer is decoded by the parser; feeds that escaped their text twice
 * (`&amp;quot;`) get exactly one more level decoded (`26&quot;` → `26"`), never more.
 */

const ITEM = new Set(['entry', 'item']);
const ROOTS = new Set(['feed', 'rss', 'channel', 'rdf']);

function local(name: string): string {
  const i = name.indexOf(':');
  return (i >= 0 ? name.slice(i + 1) : name).toLowerCase();
}

export interface XmlCounter {
  items: number;
}

export async function* mapGoogleMerchantXml(text: DecodedText, ctx: MapContext, counter: XmlCounter): AsyncGenerator<MappedRecord> {
  async function* items(): AsyncGenerator<GoogleItem | MappedRecord> {
    const parser = new SaxesParser({ position: true });
    const ready: (GoogleItem | MappedRecord)[] = [];
    let depth = 0;
    let rootChecked = false;
    let current: { line: number; fields: Map<string, string>; fieldName: string | null; buffer: string; prefixed: boolean; depth: number } | null = null;
    let xmlError: string | null = null;
    parser.on('error', (err) => {
      // Undefined HTML entities (&nbsp;) and similar: keep going, remember the first.
      xmlError ??= err.message;
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
        if (ITEM.has(name)) current = { line: parser.line, fields: new Map(), fieldName: null, buffer: '', prefixed: false, depth };
        return;
      }
      if (depth === current.depth + 1) {
        current.fieldName = name;
        current.prefixed = tag.name.includes(':');
        current.buffer = '';
        const href = tag.attributes['href'];
        if (name === 'link' && typeof href === 'string' && !current.fields.has('link')) current.fields.set('link', href);
      }
    });
    const onText = (t: string): void => {
      if (current?.fieldName) current.buffer += t;
    };
    parser.on('text', onText);
    parser.on('cdata', onText);
    parser.on('closetag', (tag) => {
      if (current) {
        if (depth === current.depth + 1 && current.fieldName) {
          const value = current.buffer;
          // g:title wins over a plain <title>; the first of repeated fields wins (additional images join).
          const name = current.fieldName;
          if (name === 'additional_image_link' && current.fields.has(name)) current.fields.set(name, `${current.fields.get(name)},${value.trim()}`);
          else if (!current.fields.has(name) || current.prefixed) current.fields.set(name, value);
          current.fieldName = null;
        } else if (depth === current.depth && ITEM.has(local(tag.name))) {
          counter.items++;
          ready.push({ line: current.line, fields: current.fields });
          current = null;
        }
      }
      depth--;
    });
    for await (const chunk of text.chunks()) {
      parser.write(chunk);
      if (ready.length > 0) {
        yield* ready;
        ready.length = 0;
      }
    }
    parser.close();
    yield* ready;
    if (!rootChecked) throw new ContractError('invalid_input', `"${ctx.fileName}" is not a readable XML product feed.`);
    if (counter.items === 0 && xmlError) throw new ContractError('invalid_input', `"${ctx.fileName}" could not be read as XML: ${xmlError}`);
  }
  yield* assembleGoogleItems(items(), ctx, true);
}
