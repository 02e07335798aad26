import { ContractError } from '../../../common/result.js';
import { MARKETPLACES, type Marketplace } from '../../../common/listing.js';
import type { NewVariant } from '../../catalog/insert-listings.js';
import { decodeColumns, decodeListingSource } from '../../catalog/listing-source.js';
import type { DecodedText } from '../decode-text.js';
import { finish, newDraft, rejected, rowErrorRecord, takePriceCurrency, Warnings, type Draft, type MapContext } from '../listing-draft.js';
import type { MappedRecord } from '../mapped-record.js';
import { decodeEntities, normaliseStatus, parseDate, parsePrice, parseQuantity, RowError, splitList } from '../values.js';

/**
 * JSON (an array of objects, or an object holding one: `{ "listings": [...] }`) and JSON Lines.
 * Both stream: the array is split element by element, never parsed whole. Listsmith's own JSONL
 * export uses the `Listing` field names and round-trips exactly (priceMinor, variants, attributes,
 * status, marketplace, dates); other objects go through key guessing (name/title, price, qty…).
 */

type Obj = Record<string, unknown>;

function str(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

const looseKey = (key: string): string => key.toLowerCase().replace(/[\s_-]+/g, '');
/** Each object's keys by their loose form, built once: a row asks for a dozen absent fields. */
const looseKeys = new WeakMap<Obj, Map<string, string>>();

/** The object's key that holds the first of `keys` with a value (exact, else loosely spelled). */
function pickKey(obj: Obj, ...keys: string[]): string | undefined {
  for (const key of keys) {
    if (key in obj && obj[key] !== null && obj[key] !== undefined && obj[key] !== '') return key;
  }
  let lower = looseKeys.get(obj);
  if (!lower) looseKeys.set(obj, (lower = new Map(Object.keys(obj).map((k) => [looseKey(k), k]))));
  for (const key of keys) {
    const real = lower.get(looseKey(key));
    if (real !== undefined && obj[real] !== null && obj[real] !== undefined && obj[real] !== '') return real;
  }
  return undefined;
}

/**
 * Reads an object's fields and remembers which keys it read: the others are kept with the listing
 * (or variant) as written, so a store's own JSON (Shopify's products.json: handle, compare_at_price,
 * grams…) loses nothing.
 */
class Reader {
  readonly used = new Set<string>();
  constructor(readonly obj: Obj) {}
  pick(...keys: string[]): unknown {
    const key = pickKey(this.obj, ...keys);
    if (key === undefined) return undefined;
    this.used.add(key);
    return this.obj[key];
  }
  /** Keys read another way (or on purpose not kept). */
  use(...keys: string[]): void {
    for (const key of keys) if (key in this.obj) this.used.add(key);
  }
  /** The keys no field read, with a value: text as it is, anything else as JSON. */
  unread(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(this.obj)) {
      if (this.used.has(key) || value === null || value === undefined || value === '') continue;
      if (typeof value === 'object' && Object.keys(value).length === 0) continue;
      out[key] = typeof value === 'string' ? value : JSON.stringify(value);
    }
    return out;
  }
}

function strings(v: unknown): string[] {
  if (Array.isArray(v)) {
    return v
      .map((x) => (typeof x === 'object' && x !== null ? str((x as Obj)['src'] ?? (x as Obj)['url'] ?? (x as Obj)['name']) : str(x)))
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }
  return splitList(str(v));
}

function minor(v: unknown, column: string, currency: string): number | null {
  if (typeof v === 'number' && Number.isInteger(v) && column === 'priceMinor') {
    if (v < 0) throw new RowError(`Price is negative (${v}) — fix it in the file`, column);
    return v;
  }
  const parsed = parsePrice(str(v), column, { currency });
  return parsed?.minor ?? null;
}

function pickInner(obj: Obj, ...keys: string[]): unknown {
  const key = pickKey(obj, ...keys);
  return key === undefined ? undefined : obj[key];
}

export function objectToDraft(obj: Obj, line: number, ctx: MapContext, warnings: Warnings): Draft {
  const r = new Reader(obj);
  const pick = r.pick.bind(r);
  // Listsmith's own JSONL: every key is a field; its catalog `id` is on purpose not read.
  const own = 'sourceId' in obj;
  r.use('marketplace', 'attributes', 'createdAt', 'created_at', 'updatedAt', 'updated_at', 'source', 'variants', 'priceMinor', 'sourceId', ...(own ? ['id'] : []));
  const marketplaceRaw = str(obj['marketplace']);
  const marketplace: Marketplace = (MARKETPLACES as readonly string[]).includes(marketplaceRaw) ? (marketplaceRaw as Marketplace) : (ctx.marketplace ?? 'other');
  const price = pick('price', 'regular_price', 'amount');
  // A money object ({ "amount": "12.00", "currency_code": "EUR" }) may carry the currency instead.
  const priceObject = typeof price === 'object' && price !== null ? (price as Obj) : null;
  const fileCurrency = str(pick('currency', 'currency_code')) || (priceObject ? str(pickInner(priceObject, 'currency', 'currency_code', 'currencyCode')) : '');
  const draft = newDraft(marketplace, ctx, fileCurrency.trim().toUpperCase() || null);
  draft.title = decodeEntities(str(pick('title', 'name', 'productName', 'item_name')).trim());
  draft.description = str(pick('description', 'body_html', 'body', 'details'));
  draft.sku = str(pick('sku', 'seller_sku', 'item_sku')).trim() || null;
  // Listsmith's own JSONL carries `sourceId` (possibly null) beside its catalog `id`: the catalog id
  // is not a marketplace id, so it must not become one (a re-import would duplicate the listing).
  draft.sourceId =
    'sourceId' in obj
      ? str(obj['sourceId']).trim() || null
      : str(pick('source_id', 'listing_id', 'id', 'handle')).trim() || null;
  if ('priceMinor' in obj) draft.priceMinor = obj['priceMinor'] === null ? null : minor(obj['priceMinor'], 'priceMinor', draft.currency);
  else if (price !== undefined) {
    const parsed = parsePrice(priceObject ? str(priceObject['amount']) : str(price), 'price', { currency: draft.currency });
    if (parsed) {
      draft.priceMinor = parsed.minor;
      takePriceCurrency(draft, parsed);
    }
  }
  const qty = pick('quantity', 'qty', 'stock', 'inventory');
  if (qty !== undefined) {
    const { value, warning } = parseQuantity(str(qty), 'quantity');
    if (warning) warnings.add(line, 'quantity', warning);
    draft.quantity = value;
  }
  draft.tags = strings(pick('tags', 'keywords'));
  draft.materials = strings(pick('materials'));
  const images = pick('images', 'image', 'image_urls', 'photos');
  draft.images = strings(images);
  // Image objects with more than their URL (alt text, position): kept whole, as written.
  if (Array.isArray(images) && images.some((image) => typeof image === 'object' && image !== null && Object.keys(image).some((key) => !['src', 'url', 'name'].includes(key)))) {
    draft.kept.columns[pickKey(obj, 'images', 'image', 'image_urls', 'photos')!] = JSON.stringify(images);
  }
  draft.category = str(pick('category', 'product_type', 'taxonomy')).trim() || null;
  draft.brand = str(pick('brand', 'vendor', 'manufacturer')).trim() || null;
  draft.condition = str(pick('condition')).trim() || null;
  const status = str(pick('status', 'state'));
  if (status) draft.status = normaliseStatus(status) ?? 'active';
  const attributes = obj['attributes'];
  if (attributes && typeof attributes === 'object' && !Array.isArray(attributes)) {
    for (const [k, v] of Object.entries(attributes as Obj)) if (str(v) !== '') draft.attributes[k] = str(v);
  }
  const created = obj['createdAt'] ?? obj['created_at'];
  const updated = obj['updatedAt'] ?? obj['updated_at'];
  draft.createdAt = (typeof created === 'number' ? created : parseDate(str(created))) ?? ctx.now;
  draft.updatedAt = (typeof updated === 'number' ? updated : parseDate(str(updated))) ?? draft.createdAt;
  // A store's option list ({ name, values }) names its variants' option1, option2…
  const optionList = Array.isArray(obj['options']) ? (obj['options'] as unknown[]) : [];
  const optionNames = optionList.map((o) => (typeof o === 'object' && o !== null ? str((o as Obj)['name']) : ''));
  if (optionList.length > 0 && optionNames.every((name) => name !== '')) r.use('options');
  keepOwnSource(draft, obj['source']);
  const variants = obj['variants'];
  if (Array.isArray(variants)) {
    draft.variants = variants
      .filter((v): v is Obj => typeof v === 'object' && v !== null)
      .map((v): NewVariant => {
        const vr = new Reader(v);
        vr.use('sku', 'options', 'option1', 'option2', 'option3', 'option1_name', 'option2_name', 'option3_name', 'priceMinor', 'price', 'quantity', 'inventory_quantity', 'image', 'columns', ...(own ? ['id'] : []));
        let options: { name: string; value: string }[] = [];
        if (Array.isArray(v['options'])) {
          options = (v['options'] as unknown[]).filter((o): o is Obj => typeof o === 'object' && o !== null).map((o) => ({ name: str(o['name']), value: str(o['value']) }));
        } else {
          for (const n of [1, 2, 3]) {
            const value = str(v[`option${n}`]);
            if (value) options.push({ name: str(v[`option${n}_name`]) || optionNames[n - 1] || `Option ${n}`, value });
          }
        }
        const priceValue = 'priceMinor' in v ? v['priceMinor'] : v['price'];
        const quantity = v['quantity'] ?? v['inventory_quantity'];
        const columns = { ...vr.unread(), ...variantColumns(v['columns']).columns };
        return {
          sku: str(v['sku']).trim() || null,
          options,
          priceMinor: priceValue === null || priceValue === undefined ? null : minor(priceValue, 'priceMinor' in v ? 'priceMinor' : 'price', draft.currency),
          quantity: quantity === null || quantity === undefined ? null : parseQuantity(str(quantity), 'quantity').value,
          image: str(v['image']).trim() || null,
          ...(Object.keys(columns).length > 0 ? { columns } : {}),
        };
      });
  }
  for (const [key, value] of Object.entries(r.unread())) draft.kept.columns[key] ??= value;
  return draft;
}

/** Listsmith's own JSONL carries each listing's `source` (kept columns…): read back as it was. */
function keepOwnSource(draft: Draft, value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  const source = decodeListingSource(JSON.stringify(value));
  if (!source) return;
  draft.kept = {
    dialect: source.dialect as Draft['kept']['dialect'],
    ...(source.layout === undefined ? {} : { layout: source.layout }),
    columns: source.columns,
    attributeColumns: source.attributeColumns ?? {},
    imageColumns: source.imageColumns ?? {},
    unknown: new Set(source.unknown ?? []),
    ...(source.status === undefined ? {} : { status: source.status }),
  };
}

function variantColumns(value: unknown): { columns?: Record<string, string> } {
  const columns = typeof value === 'object' && value !== null ? decodeColumns(JSON.stringify(value)) : undefined;
  return columns ? { columns } : {};
}

function toRecord(text: string, line: number, ctx: MapContext): MappedRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return rejected(line, `Not valid JSON: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return rejected(line, 'Expected an object ({ … }) describing one listing.');
  const warnings = new Warnings();
  try {
    return finish(objectToDraft(value as Obj, line, ctx, warnings), [line], warnings.list);
  } catch (err) {
    return rowErrorRecord(err, [line]);
  }
}

export interface JsonCounter {
  rows: number;
}

export async function* mapJsonLines(text: DecodedText, ctx: MapContext, counter: JsonCounter): AsyncGenerator<MappedRecord> {
  let rest = '';
  let line = 1;
  for await (const chunk of text.chunks()) {
    rest += chunk;
    // Walk the lines by position and cut the unread tail once per chunk, not once per line.
    let start = 0;
    for (let nl = rest.indexOf('\n'); nl !== -1; nl = rest.indexOf('\n', start)) {
      const piece = rest.slice(start, nl > start && rest.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
      start = nl + 1;
      if (piece.trim() !== '') {
        counter.rows++;
        yield toRecord(piece, line, ctx);
      }
      line++;
    }
    rest = rest.slice(start);
  }
  if (rest.trim() !== '') {
    counter.rows++;
    yield toRecord(rest, line, ctx);
  }
}

/** Streams the elements of the first array in the document (top level, or `{ "listings": [...] }`). */
export async function* mapJsonArray(text: DecodedText, ctx: MapContext, counter: JsonCounter): AsyncGenerator<MappedRecord> {
  let depth = 0;
  let itemsDepth = -1;
  let inString = false;
  let escaped = false;
  let capture: string[] | null = null;
  let captureStart = 0;
  let sawArray = false;
  for await (const chunk of text.chunks()) {
    const out: MappedRecord[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
        continue;
      }
      if (ch === '"') {
        inString = true;
        continue;
      }
      if (ch === '{' || ch === '[') {
        if (ch === '[' && itemsDepth === -1) {
          itemsDepth = depth + 1;
          sawArray = true;
        } else if (depth === itemsDepth && capture === null) {
          capture = [];
          captureStart = i;
        }
        depth++;
      } else if (ch === '}' || ch === ']') {
        depth--;
        if (capture !== null && depth === itemsDepth) {
          capture.push(chunk.slice(captureStart, i + 1));
          counter.rows++;
          // The object's number in the array (the source's rowUnit is 'item'): `[{…},{…}]` is often one line.
          out.push(toRecord(capture.join(''), counter.rows, ctx));
          capture = null;
        }
        if (depth < itemsDepth) itemsDepth = -2;
      }
    }
    if (capture !== null) {
      capture.push(chunk.slice(captureStart));
      captureStart = 0;
    }
    yield* out;
  }
  if (!sawArray) {
    throw new ContractError('invalid_input', `"${ctx.fileName}" is JSON but holds no list of listings. Expected [ {…}, {…} ] or { "listings": [ … ] }, or one object per line (JSON Lines).`);
  }
}
