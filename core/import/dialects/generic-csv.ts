import type { ColumnMapping, MappableField } from '../../../common/import-types.js';
import type { SourceField } from '../../../common/listing.js';
import { applyPrice, applyQuantity, cell, Columns, extraCellsWarning, finish, identifier, keepColumns, markUnknown, newDraft, rejected, rowErrorRecord, setAttributeFrom, Warnings, type Draft, type MapContext } from '../listing-draft.js';
import type { MappedRecord } from '../mapped-record.js';
import type { TableRow } from '../read-table.js';
import { currencyNamedBy, decodeEntities, isIdentifierHeader, normaliseStatus, splitList } from '../values.js';
import { ownCells } from '../variant-cells.js';

/**
 * Any other table (Depop template, datasets, home-made sheets): the user's ColumnMapping, or a
 * best guess from the header names. Rows sharing a `variantGroup` value next to each other become
 * one listing with variants; without a group column, so do title-less rows under a row with the
 * same id. A cell no field takes (an ignored column, a second column mapped to a
 * one-value field such as the title) is kept with the listing exactly as written; a variant row's
 * cells that differ from its listing's row are kept with its variant.
 */

const GUESSES: [RegExp, MappableField][] = [
  // `post_title`, `post_content`, `tax:product_cat`…: WordPress's own names, which WooCommerce import/export plugins (WebToffee's) write.
  [/^(title|name|product ?name|item ?name|listing ?title|product ?title|post ?title|titolo|titre|titel)$/, 'title'],
  // eBay's `Custom label (SKU)`; not Google's and Meta's `custom_label_0`…`_4`, a grouping label shared by many items.
  [/^(sku|item ?sku|seller ?sku|custom ?label( ?\(?sku\)?)?|product ?code|article ?(number|no)|style ?code)$/, 'sku'],
  // `uniq_id`: the scraped-catalog datasets sellers start from (Flipkart's, Amazon UK's) key their rows by it.
  // `vehicle_id`: the id of a Meta vehicle catalog's rows.
  [/^(id|product ?id|listing ?id|item ?id|item ?number|source ?id|external ?id|uniq ?id|unique ?id|vehicle ?id)$/, 'sourceId'],
  [/^(price|regular ?price|unit ?price|selling ?price|list ?price|current ?price|retail ?price|amount|price ?\(.*\)|prezzo|prix|preis)$/, 'price'],
  [/^(currency|currency ?code)$/, 'currency'],
  [/^(qty|quantity|stock|inventory|available|stock ?qty|quantity ?available|available ?quantity|quantità)$/, 'quantity'],
  [/^(description|body|body ?\(?html\)?|details|desc|product ?description|long ?description|post ?content|descrizione)$/, 'description'],
  [/^(tags?|keywords?|hashtags?|search ?terms|tax:product ?tag)$/, 'tags'],
  [/^(materials?)$/, 'materials'],
  [/^((main ?|hero ?|hosted ?)?(image|img|photo|picture|pic)s?( ?\d+)?( ?(urls?|links?|src|hero ?url))?|picture ?(hero|\d+) ?url|image ?(url|link|src) ?\d*|(main|additional) ?image ?(url|link)?)$/, 'images'],
  // Meta catalogs' flattened JSON paths: `image[0].url`…`image[19].url`.
  [/^image\[\d+\]\.url$/, 'images'],
  [/^(category|categories|product ?category|category ?path|type|product ?type|tax:product ?cat)$/, 'category'],
  [/^(brand|product ?brand|vendor|manufacturer|make)$/, 'brand'],
  [/^(condition|item ?condition)$/, 'condition'],
  [/^(status|state|availability|post ?status)$/, 'status'],
  [/^(parent|parent ?sku|group|item ?group ?id|variant ?group|handle)$/, 'variantGroup'],
  [/^(option|variant|variation|attribute) ?(1 ?name|name ?1)$/, 'optionName1'],
  [/^(option|variant|variation|attribute) ?(1 ?values?|values? ?1)$/, 'optionValue1'],
  [/^(option|variant|variation|attribute) ?(2 ?name|name ?2)$/, 'optionName2'],
  [/^(option|variant|variation|attribute) ?(2 ?values?|values? ?2)$/, 'optionValue2'],
];

/**
 * Headers that name a field only when no column names it better: `actual_price` and `mrp` are the
 * regular price of the Indian catalogs sellers import (Amazon.in, Flipkart), beside a
 * `discounted_price`; a file with a `price` column means that one.
 */
const FALLBACK_GUESSES: [RegExp, MappableField][] = [[/^(actual ?price|original ?price|mrp)$/, 'price']];

/** A price header that names its currency after the word (`price_eur`, `Price GBP`, `price in €`). */
const PRICE_IN_CURRENCY = /^((?:regular |unit |selling |list |current |retail )?price) (?:in )?(\S+)$/;

/**
 * The field a header names: as written, as a price in a named currency, or without a leading
 * `item` / `product` / `listing` (a store's own export: `item_description`, `item_images`, `item_stock`).
 */
function guessField(key: string): MappableField | null {
  for (const [pattern, field] of GUESSES) if (pattern.test(key)) return field;
  const priced = PRICE_IN_CURRENCY.exec(key);
  if (priced && currencyNamedBy(priced[2]!) !== null) return 'price';
  const bare = /^(?:item|product|listing) (.+)$/.exec(key)?.[1];
  if (bare !== undefined) for (const [pattern, field] of GUESSES) if (pattern.test(bare)) return field;
  return null;
}

/** Best-guess mapping from header names (what the wizard shows before the user edits it). */
export function guessMapping(header: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<MappableField>();
  const seen = new Set<string>();
  header.forEach((name, i) => {
    const own = Columns.key(name);
    seen.add(own);
    // A second column of the same name ("Tags (2)", numbered by read-table): kept as written, not read.
    const numbered = / \(\d+\)$/.exec(own);
    if (numbered && seen.has(own.slice(0, numbered.index))) {
      mapping[String(i)] = 'ignore';
      return;
    }
    // A note in brackets is not the name (Squarespace's `Product ID [Non Editable]`).
    const key = own.replace(/ \(\d+\)$/, '').replace(/\s*\[[^\]]*\]$/, '').replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');
    if (/^column \d+$/.test(key)) {
      mapping[String(i)] = 'ignore';
      return;
    }
    const field = guessField(key);
    // Only images and tags may take several columns; the first wins for the rest.
    if (field !== null && (!taken.has(field) || field === 'images' || field === 'tags')) {
      mapping[String(i)] = field;
      taken.add(field);
      return;
    }
    mapping[String(i)] = `attribute:${name.slice(0, 100)}`;
  });
  header.forEach((name, i) => {
    if (!mapping[String(i)]?.startsWith('attribute:')) return;
    const key = Columns.key(name).replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');
    const field = FALLBACK_GUESSES.find(([pattern]) => pattern.test(key))?.[1];
    if (field !== undefined && !taken.has(field)) {
      mapping[String(i)] = field;
      taken.add(field);
    }
  });
  return mapping;
}

interface Group {
  key: string;
  /** Grouped by the id column (no group column): the first row's variant, until a row joins. */
  alone?: { sku: string | null; options: { name: string; value: string }[] };
  draft: Draft;
  /** The listing's own row: a variant row keeps the cells where it differs. */
  cells: readonly string[];
  lines: number[];
  warnings: Warnings;
}

/** Each option's name and value fields. */
const OPTION_FIELDS = [
  ['optionName1', 'optionValue1'],
  ['optionName2', 'optionValue2'],
] as const;

/** Which listing field each mappable field fills, for markUnknown. */
const FIELD_OF: Partial<Record<MappableField, SourceField>> = {
  sku: 'sku',
  description: 'description',
  price: 'priceMinor',
  quantity: 'quantity',
  tags: 'tags',
  materials: 'materials',
  images: 'images',
  category: 'category',
  brand: 'brand',
  condition: 'condition',
};

/** Fields a variant row gives its variant (or, for images, its listing): not kept as its own cells. */
const VARIANT_FIELDS = new Set<MappableField>(['sku', 'price', 'currency', 'quantity', 'images', 'variantGroup', 'optionName1', 'optionName2', 'optionValue1', 'optionValue2']);

export async function* mapGenericCsv(rows: AsyncIterable<TableRow>, ctx: MapContext): AsyncGenerator<MappedRecord> {
  const mapping = ctx.mapping ?? guessMapping(ctx.header);
  const fields = ctx.header.map((_, i) => mapping[String(i)] ?? 'ignore');
  const has = (field: MappableField): boolean => fields.includes(field);
  const marketplace = ctx.marketplace ?? 'other';
  const titleFromDescription = !has('title') && has('description');
  const currencyColumn = fields.indexOf('currency');
  const wide = ctx.header.length > 3;
  const present = Object.fromEntries(Object.entries(FIELD_OF).map(([field, target]) => [target, has(field as MappableField)])) as Record<SourceField, boolean>;
  const variantColumns = new Set(fields.flatMap((field, i) => (VARIANT_FIELDS.has(field as MappableField) ? [i] : [])));
  let group: Group | null = null;
  // Without a group column, a title-less row under a row with the same id is one of its variants
  // (Squarespace-style exports, hand-made sheets): the id column groups, for title-less rows only.
  const groupsById = !has('variantGroup') && has('sourceId');

  const build = (row: TableRow, warnings: Warnings): { draft: Draft; groupKey: string; variant: { sku: string | null; options: { name: string; value: string }[] } } => {
    const cells = row.cells;
    // The row's currency first: it decides how its price reads ("1200" JPY is 1200, not 12.00).
    const currency = cell(cells, currencyColumn);
    const draft = newDraft(marketplace, ctx, /^[A-Za-z]{3}$/.test(currency) ? currency.toUpperCase() : null);
    let groupKey = '';
    const options: { name: string; value: string }[] = [];
    const optionNames: string[] = ['', ''];
    const optionValues: string[] = ['', ''];
    let rawStatus = '';
    /** Cells no field took (ignored columns, a second title…): kept as written. */
    const unread: number[] = [];
    fields.forEach((field, i) => {
      const header = ctx.header[i] ?? `Column ${i + 1}`;
      const value = cell(cells, i);
      if (value === '') return;
      if (field === 'ignore') {
        unread.push(i);
        return;
      }
      switch (field) {
        case 'title':
          if (draft.title === '') draft.title = decodeEntities(value);
          else unread.push(i);
          break;
        case 'description':
          if (draft.description === '') draft.description = cells[i] ?? '';
          else unread.push(i);
          break;
        case 'sku':
          if (draft.sku === null) draft.sku = value;
          else unread.push(i);
          break;
        case 'sourceId':
          if (draft.sourceId === null) draft.sourceId = identifier(cells, i, ctx.header, row.line, warnings);
          if (draft.sourceId === null || draft.sourceId !== value) unread.push(i);
          break;
        case 'price':
          if (draft.priceMinor === null) applyPrice(draft, value, header);
          else unread.push(i);
          break;
        case 'currency':
          // Read before the other columns (above); a second currency column is kept as written.
          if (i !== currencyColumn) unread.push(i);
          break;
        case 'quantity':
          if (draft.quantity === null) applyQuantity(draft, value, header, row.line, warnings);
          if (draft.quantity === null || String(draft.quantity) !== value.replace(/[\s,]|\.0+$/g, '')) unread.push(i);
          break;
        case 'tags':
          draft.tags.push(...splitList(value, /[,;#|]/));
          break;
        case 'materials':
          draft.materials.push(...splitList(value));
          break;
        case 'images':
          draft.images.push(...splitList(value, /[,|]\s*(?=https?:|\/\/)|\s*\|\s*|\s+(?=https?:\/\/)/));
          break;
        case 'category':
          if (draft.category === null) draft.category = value;
          else unread.push(i);
          break;
        case 'brand':
          if (draft.brand === null) draft.brand = value;
          else unread.push(i);
          break;
        case 'condition':
          if (draft.condition === null) draft.condition = value;
          else unread.push(i);
          break;
        case 'status':
          if (rawStatus === '') rawStatus = value;
          else unread.push(i);
          break;
        case 'variantGroup':
          if (groupKey === '') groupKey = value;
          else unread.push(i);
          break;
        case 'optionName1':
        case 'optionName2':
          optionNames[field === 'optionName1' ? 0 : 1] = value;
          break;
        case 'optionValue1':
        case 'optionValue2':
          optionValues[field === 'optionValue1' ? 0 : 1] = value;
          break;
        default: {
          const name = field.slice('attribute:'.length) || header;
          const v = isIdentifierHeader(name) ? identifier(cells, i, ctx.header, row.line, warnings) : value;
          if (v !== null && !(name in draft.attributes)) setAttributeFrom(draft, name, header, v);
          else unread.push(i);
        }
      }
    });
    keepColumns(draft.kept.columns, cells, ctx.header, unread);
    markUnknown(draft, present);
    if (rawStatus) {
      const status = normaliseStatus(rawStatus);
      if (status) draft.status = status;
      else warnings.add(row.line, 'status', `Status "${rawStatus}" is not one Listsmith knows; imported as Active and kept as written.`);
      if (rawStatus !== draft.status) draft.kept.status = rawStatus;
    }
    if (titleFromDescription && draft.title === '' && draft.description.trim() !== '') {
      const firstLine = draft.description.trim().split(/\r?\n/)[0]!.trim();
      draft.title = [...firstLine].slice(0, 80).join('');
      warnings.add(row.line, null, 'No title column: the first line of the description was used as the title.');
    }
    optionValues.forEach((value, k) => {
      if (value) options.push({ name: optionNames[k] || `Option ${k + 1}`, value });
    });
    return { draft, groupKey, variant: { sku: draft.sku, options } };
  };

  for await (const row of rows) {
    if (row.problem) {
      yield { kind: 'rejected', lines: [row.line], problem: row.problem };
      continue;
    }
    const filled = row.cells.filter((c) => c.trim() !== '').length;
    if (wide && filled === 1 && row.cells[0]?.trim() !== '' && row.cells.slice(1).every((c) => c.trim() === '') && row.extraCells.length === 0) {
      yield rejected(row.line, `Only the first of ${ctx.header.length} columns is filled ("${(row.cells[0] ?? '').trim().slice(0, 40)}"). Is this part of a multi-line cell whose quotes are missing? Put the cell in "quotes" and import again.`);
      continue;
    }
    const warnings = new Warnings();
    extraCellsWarning(row, warnings);
    let built: ReturnType<typeof build>;
    try {
      built = build(row, warnings);
    } catch (err) {
      yield rowErrorRecord(err, [row.line]);
      continue;
    }
    const { draft, variant } = built;
    const byId = groupsById && draft.sourceId !== null;
    const groupKey = byId ? draft.sourceId! : built.groupKey;
    if (group && groupKey !== '' && group.key === groupKey && (!byId || draft.title === '')) {
      if (group.alone) {
        const first = group.draft;
        first.variants.push({ sku: group.alone.sku, options: group.alone.options, priceMinor: first.priceMinor, quantity: first.quantity, image: first.images[0] ?? null });
        delete group.alone;
      }
      const columns = ownCells(row.cells, group.cells, ctx.header, variantColumns);
      // A variant row may leave the option names to its listing's row.
      const listingCells = group.cells;
      const options = OPTION_FIELDS.flatMap(([nameField, valueField], k) => {
        const value = cell(row.cells, fields.lastIndexOf(valueField));
        const name = cell(row.cells, fields.lastIndexOf(nameField)) || cell(listingCells, fields.lastIndexOf(nameField)) || `Option ${k + 1}`;
        return value === '' ? [] : [{ name, value }];
      });
      group.draft.variants.push({ sku: variant.sku, options, priceMinor: draft.priceMinor, quantity: draft.quantity, image: draft.images[0] ?? null, ...(columns ? { columns } : {}) });
      for (const image of draft.images) if (!group.draft.images.includes(image)) group.draft.images.push(image);
      group.lines.push(row.line);
      group.warnings.list.push(...warnings.list);
      continue;
    }
    if (group) {
      yield finishGroup(group);
      group = null;
    }
    if (byId) {
      group = { key: groupKey, alone: variant, draft, cells: row.cells, lines: [row.line], warnings };
      continue;
    }
    if (groupKey !== '') {
      draft.sourceId ??= groupKey;
      draft.variants.push({ sku: variant.sku, options: variant.options, priceMinor: draft.priceMinor, quantity: draft.quantity, image: draft.images[0] ?? null });
      group = { key: groupKey, draft, cells: row.cells, lines: [row.line], warnings };
      continue;
    }
    if (variant.options.length > 0) draft.variants.push({ sku: variant.sku, options: variant.options, priceMinor: null, quantity: null, image: null });
    yield finish(draft, [row.line], warnings.list);
  }
  if (group) yield finishGroup(group);
}

function finishGroup(group: Group): MappedRecord {
  const d = group.draft;
  if (group.alone) {
    // No row joined: the row is a listing of its own, read as any other.
    if (group.alone.options.length > 0) d.variants.push({ sku: group.alone.sku, options: group.alone.options, priceMinor: null, quantity: null, image: null });
    return finish(d, group.lines, group.warnings.list);
  }
  if (d.variants.length === 1 && d.variants[0]!.options.length === 0) d.variants = [];
  else {
    d.sku = null;
    const q = d.variants.map((v) => v.quantity).filter((x): x is number => x !== null);
    d.quantity = q.length > 0 ? q.reduce((a, b) => a + b, 0) : null;
  }
  return finish(d, group.lines, group.warnings.list);
}
