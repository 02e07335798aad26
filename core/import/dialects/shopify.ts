import type { RowProblem } from '../../../common/import-types.js';
import type { NewVariant } from '../../catalog/insert-listings.js';
import { addAttributes, applyQuantity, cell, Columns, extraCellsWarning, finish, keepColumns, markUnknown, newDraft, rejected, setAttributeFrom, takePriceCurrency, Warnings, type Draft, type MapContext } from '../listing-draft.js';
import type { MappedRecord } from '../mapped-record.js';
import type { TableRow } from '../read-table.js';
import { withoutShopifyDigitGuard } from '../shopify-digit-guard.js';
import { decodeEntities, isExcelMangledNumber, normaliseStatus, parsePrice, RowError, splitList, type ParsedPrice } from '../values.js';

/**
 * Shopify products CSV, both header generations (2019–2023 `Handle,Body (HTML),Variant Price…` and
 * 2024/25 `URL handle,Description,Price…`). Rows sharing a handle are one product: the first
 * carries the product's fields (and its first variant and image), the others a variant, an extra
 * image, or both. They are usually adjacent; a product whose rows come in several runs (counted
 * beforehand, `ctx.scatteredKeys`) is held open until its last run. The file has no currency column (prices are in the store's currency), so
 * listings take the import's default unless a price names its own ("€12", "12.00 EUR").
 *
 * Every cell Listsmith does not read is kept where it belongs, exactly as written: product columns
 * (metafield-less extras, `Included / Poland`, `Option1 Linked To`…) with the listing; a variant's
 * columns (`Variant Grams`, `Variant Compare At Price`, `Cost per item`, `Price / Brazil`…) with
 * that variant, or with the listing when the product has a single variant; an image's
 * (`Image Alt Text`) with that image.
 */

/** Columns that describe one variant (its row), in both header generations. */
const VARIANT_COLUMN = /^(variant .+|option\d value|unit price .+|(price|compare at price|compare-at price) \/ .+|cost per item|sku|barcode|price|compare-at price|charge tax|tax code|inventory tracker|inventory quantity|inventory policy|continue selling when out of stock|weight value \(grams\)|weight unit for display|requires shipping|fulfillment service)$/;
/** Columns that describe one image (its row). */
const IMAGE_COLUMN = /^(image src|image position|image alt text|product image url)$/;

type Level = 'product' | 'variant' | 'image';

function levelOf(header: string): Level {
  const key = Columns.key(header);
  if (IMAGE_COLUMN.test(key)) return 'image';
  return VARIANT_COLUMN.test(key) ? 'variant' : 'product';
}

interface ImageRow {
  position: number;
  order: number;
  url: string;
}

interface Group {
  handle: string;
  /** The product's first row: later rows' product cells that differ from it are their own. */
  firstCells: readonly string[];
  lines: number[];
  draft: Draft;
  warnings: Warnings;
  errors: RowProblem[];
  optionNames: string[];
  images: ImageRow[];
  variants: NewVariant[];
  /** Lines where each run of the product's rows starts (more than one: its rows are not together). */
  runStarts: number[];
}

export async function* mapShopify(rows: AsyncIterable<TableRow>, ctx: MapContext): AsyncGenerator<MappedRecord> {
  const header = ctx.header;
  const c = new Columns(header);
  const col = {
    handle: c.find('Handle', 'URL handle'),
    title: c.find('Title'),
    body: c.find('Body (HTML)', 'Description', 'Body HTML'),
    vendor: c.find('Vendor'),
    // 2021–22 exports name them Standardized Product Type (today's Product Category) and Custom
    // Product Type (today's Type).
    category: c.find('Product Category', 'Standardized Product Type'),
    type: c.find('Type', 'Custom Product Type'),
    tags: c.find('Tags'),
    published: c.find('Published', 'Published on online store'),
    status: c.find('Status'),
    optionName: [1, 2, 3].map((n) => c.find(`Option${n} Name`)),
    optionValue: [1, 2, 3].map((n) => c.find(`Option${n} Value`)),
    sku: c.find('Variant SKU', 'SKU'),
    qty: c.find('Variant Inventory Qty', 'Inventory quantity', 'Variant Inventory Quantity'),
    price: c.find('Variant Price', 'Price'),
    image: c.find('Image Src', 'Product image URL'),
    imagePosition: c.find('Image Position'),
    variantImage: c.find('Variant Image', 'Variant image URL'),
    seoTitle: c.find('SEO Title'),
    seoDescription: c.find('SEO Description'),
  };
  // Item attributes (metafields such as colour or age group, Google Shopping fields), kept under their columns.
  const attributeColumns = c.matching(/\(product\.metafields\.|^google shopping \/|^gift card$/);
  const metafieldName = (h: string): string => h.replace(/\s*\(product\.metafields\.[^)]*\)\s*$/, '').trim() || h;
  // Published only decides the status when the file has no Status column; beside one it is the
  // online store's visibility, which Listsmith does not model: kept as written.
  const keepPublished = col.status >= 0 && col.published >= 0;
  const unused = c.unused().concat(keepPublished ? [col.published] : []).sort((a, b) => a - b);
  const productColumns = unused.filter((i) => levelOf(header[i]!) === 'product');
  const variantColumns = unused.filter((i) => levelOf(header[i]!) === 'variant');
  const imageColumns = unused.filter((i) => levelOf(header[i]!) === 'image');
  const barcodeColumns = variantColumns.filter((i) => /barcode/i.test(header[i]!));
  /** Product-level columns a later row may fill differently (its own then). */
  const productLevel = header.map((_, i) => i).filter((i) => levelOf(header[i]!) === 'product' && i !== col.handle);
  const variantLevel = header.map((_, i) => i).filter((i) => levelOf(header[i]!) === 'variant');
  const layout = layoutOf(header, col);
  const name = (index: number, fallback: string): string => header[index] ?? fallback;

  let group = null as Group | null;
  /** The row just before, when it could not be read (it may be a product's first row). */
  let unreadable = null as RowProblem | null;
  /** A product whose first row could not be read: its other rows are rejected with that reason, not "no title". */
  let orphaned = null as { handle: string; problem: RowProblem } | null;
  /** Products whose rows come in several runs (ctx.scatteredKeys), held open until their last run. */
  const held = new Map<string, Group>();
  /** Runs of each scattered handle read so far. */
  const runsSeen = new Map<string, number>();
  const scattered = (await ctx.scatteredKeys?.()) ?? new Map<string, number>();

  for await (const row of rows) {
    if (row.problem) {
      unreadable = row.problem;
      yield { kind: 'rejected', lines: [row.line], problem: row.problem };
      continue;
    }
    const previousUnreadable = unreadable;
    unreadable = null;
    const cells = row.cells;
    const title = decodeEntities(cell(cells, col.title));
    let handle = cell(cells, col.handle);
    if (handle === '' && title !== '') handle = title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
    if (handle === '') {
      if (group) {
        // A continuation row without its handle: part of the product above.
        handle = group.handle;
      } else {
        yield rejected(row.line, 'The row has no handle and no title, so it belongs to no product.', name(col.handle, 'Handle'));
        continue;
      }
    }
    if (group && group.handle !== handle) {
      yield* close(group);
      group = null;
    }
    if (group === null && scattered.has(handle)) {
      runsSeen.set(handle, (runsSeen.get(handle) ?? 0) + 1);
      const waiting = held.get(handle);
      if (waiting && title === '') {
        // More rows of a product listed further up: read as if they were next to it.
        held.delete(handle);
        waiting.runStarts.push(row.line);
        group = waiting;
      } else if (waiting) {
        // The handle's product row again, with its own title: the product above is done, and this
        // row is read as a listing of its own (the import merges the two and names both lines).
        held.delete(handle);
        yield flush(waiting);
      }
    }
    if (group === null && title === '') {
      const lost: RowProblem | null = orphaned?.handle === handle ? orphaned.problem : previousUnreadable;
      if (lost !== null) {
        // The product's first row is an unreadable one above: say so instead of "the title is missing".
        orphaned = { handle, problem: lost };
        yield rejected(row.line, `This row continues the product "${handle}", whose first row (line ${lost.line}) could not be read: ${lost.message}`, lost.column);
        continue;
      }
    }
    orphaned = null;
    const isFirst = group === null;
    const g = group ?? startGroup(row, handle, title);
    group = g;
    extraCellsWarning(row, g.warnings);

    // The row's own cells beyond the product's: what a later row fills differently from the first.
    const own: Record<string, string> = {};
    if (!isFirst) {
      for (const i of productLevel) {
        const value = cells[i] ?? '';
        if (value.trim() !== '' && value !== g.firstCells[i]) own[header[i]!] = value;
      }
    }
    const image = cell(cells, col.image);
    // Image cells on a row without an image (alt text written before the photo was uploaded):
    // no image to keep them with, so they stay with the row's variant, or else the product.
    if (image === '') keepColumns(own, cells, header, [...imageColumns, col.imagePosition]);
    const hasVariant = variantLevel.some((i) => cell(cells, i) !== '');
    let variant: NewVariant | null = null;
    let price: ParsedPrice | null = null;
    if (hasVariant) {
      try {
        ({ variant, price } = readVariant(cells, row.line, g, own));
      } catch (err) {
        if (!(err instanceof RowError)) throw err;
        const problem = { line: row.line, column: err.column, message: `${err.message}. This variant was not imported; the rest of the product was.` };
        if (isFirst || image !== '') {
          // The row also carries the product or an image: it stays the product's, the variant is reported.
          g.errors.push(problem);
        } else {
          yield { kind: 'rejected', lines: [row.line], problem };
          continue;
        }
      }
    }
    g.lines.push(row.line);
    if (image !== '') {
      const position = Number(cell(cells, col.imagePosition));
      const positioned = Number.isFinite(position) && position > 0;
      g.images.push({ position: positioned ? position : 1e9, order: g.images.length, url: image });
      const imageOwn: Record<string, string> = {};
      // A position that is not one (a shifted row) orders nothing: kept as written.
      keepColumns(imageOwn, cells, header, positioned ? imageColumns : [...imageColumns, col.imagePosition]);
      if (!variant) Object.assign(imageOwn, own);
      if (Object.keys(imageOwn).length > 0) g.draft.kept.imageColumns[image] ??= imageOwn;
    } else if (!variant) {
      // Neither a variant nor an image (a hand-made continuation row): its cells stay with the product.
      for (const [column, value] of Object.entries(own)) g.draft.kept.columns[column] ??= value;
    }
    if (variant) g.variants.push(variant);
    if (price !== null && !g.draft.currencyFromFile) takePriceCurrency(g.draft, price);
  }
  if (group) yield* close(group);
  // Runs the quick pass counted that never came (it reads keys more simply than this reader).
  yield* [...held.values()].sort((a, b) => a.runStarts[0]! - b.runStarts[0]!).map(flush);

  /** A run of the product's rows has ended: it is done unless more of its rows come further down. */
  function* close(g: Group): Generator<MappedRecord> {
    if ((runsSeen.get(g.handle) ?? 1) < (scattered.get(g.handle) ?? 1)) held.set(g.handle, g);
    else yield flush(g);
  }

  function startGroup(row: TableRow, handle: string, title: string): Group {
    const cells = row.cells;
    const warnings = new Warnings();
    const draft = newDraft('shopify', ctx);
    draft.kept.layout = layout;
    draft.sourceId = handle;
    draft.title = title;
    draft.description = cell(cells, col.body) === '' ? '' : (cells[col.body] ?? '');
    draft.brand = cell(cells, col.vendor) || null;
    draft.category = cell(cells, col.category) || cell(cells, col.type) || null;
    if (cell(cells, col.category) && cell(cells, col.type)) setAttributeFrom(draft, 'Type', name(col.type, 'Type'), cell(cells, col.type));
    draft.tags = splitList(cell(cells, col.tags));
    readStatus(draft, cells, row.line, warnings);
    if (cell(cells, col.seoTitle)) setAttributeFrom(draft, 'SEO title', name(col.seoTitle, 'SEO Title'), cell(cells, col.seoTitle));
    if (cell(cells, col.seoDescription)) setAttributeFrom(draft, 'SEO description', name(col.seoDescription, 'SEO Description'), cell(cells, col.seoDescription));
    addAttributes(draft, cells, attributeColumns, header, row.line, warnings, metafieldName);
    keepColumns(draft.kept.columns, cells, header, productColumns);
    markUnknown(draft, {
      sku: col.sku,
      description: col.body,
      priceMinor: col.price,
      quantity: col.qty,
      tags: col.tags,
      materials: false,
      images: col.image >= 0 || col.variantImage >= 0,
      category: col.category >= 0 || col.type >= 0,
      brand: col.vendor,
      condition: false,
    });
    return { handle, firstCells: cells, lines: [], draft, warnings, errors: [], optionNames: col.optionName.map((i) => cell(cells, i)), images: [], variants: [], runStarts: [row.line] };
  }

  function readStatus(draft: Draft, cells: readonly string[], line: number, warnings: Warnings): void {
    const word = cell(cells, col.status);
    const published = cell(cells, col.published).toLowerCase();
    const fromPublished = published === 'false' ? 'draft' : 'active';
    const status = normaliseStatus(word);
    draft.status = status ?? fromPublished;
    if (word === '') return;
    // `unlisted` is inactive here; the word itself goes back to Shopify while the status is unchanged.
    if (word !== draft.status) draft.kept.status = word;
    if (status === null) warnings.add(line, name(col.status, 'Status'), `Status "${word}" is not one Listsmith knows; imported as ${draft.status === 'draft' ? 'a draft' : 'active'} (from Published) and kept as written.`);
  }

  /** A variant row: options, SKU, price, stock, image, and its other variant cells kept as written. */
  function readVariant(cells: readonly string[], line: number, g: Group, own: Record<string, string>): { variant: NewVariant; price: ParsedPrice | null } {
    const options: { name: string; value: string }[] = [];
    col.optionValue.forEach((i, k) => {
      const value = cell(cells, i);
      const optionName = g.optionNames[k] || `Option ${k + 1}`;
      if (value !== '' && !(optionName === 'Title' && value === 'Default Title')) options.push({ name: optionName, value });
    });
    // Amounts without a currency of their own are read in the product's (so "1200" JPY stays 1200).
    const price = parsePrice(cell(cells, col.price), name(col.price, 'Price'), { currency: g.draft.currency });
    const variant: NewVariant = { sku: withoutShopifyDigitGuard(cell(cells, col.sku)) || null, options, priceMinor: price?.minor ?? null, quantity: null, image: cell(cells, col.variantImage) || null };
    applyQuantity(variant, cell(cells, col.qty), name(col.qty, 'Inventory quantity'), line, g.warnings);
    const columns: Record<string, string> = { ...own };
    keepColumns(columns, cells, header, variantColumns);
    for (const i of barcodeColumns) {
      const value = cells[i] ?? '';
      if (isExcelMangledNumber(value)) g.warnings.add(line, header[i]!, `"${value.trim()}" was damaged by Excel (scientific notation drops digits); kept as written. Re-export the file, or format the column as Text before saving.`);
    }
    if (Object.keys(columns).length > 0) variant.columns = columns;
    return { variant, price };
  }

  function flush(g: Group): MappedRecord {
    const draft = g.draft;
    if (g.runStarts.length > 1) {
      const later = g.runStarts.slice(1);
      g.warnings.add(g.runStarts[0]!, null, `The rows of "${g.handle}" are not together in the file: more of them start on line${later.length > 1 ? 's' : ''} ${later.join(', ')}. They were read as one product: a handle names one product.`);
    }
    draft.images = g.images.sort((a, b) => a.position - b.position || a.order - b.order).map((i) => i.url);
    // Options make variants, even one (`Color: black, Length: 22`); Shopify's `Title: Default Title` is none.
    if (!g.variants.some((v) => v.options.length > 0)) {
      const v = g.variants[0];
      if (v) {
        draft.sku = v.sku;
        draft.priceMinor = v.priceMinor;
        draft.quantity = v.quantity;
        if (v.image && !draft.images.includes(v.image)) draft.images.push(v.image);
        // A single variant's columns are the product's own.
        for (const [column, value] of Object.entries(v.columns ?? {})) draft.kept.columns[column] ??= value;
      }
      if (g.variants.length > 1) {
        g.warnings.add(g.lines[0] ?? 0, null, `${g.variants.length} variant rows have no option values; only the first was kept as the product's price and stock.`);
      }
    } else {
      draft.variants = g.variants;
      draft.priceMinor = g.variants.find((v) => v.priceMinor !== null)?.priceMinor ?? null;
      const quantities = g.variants.map((v) => v.quantity).filter((q): q is number => q !== null);
      draft.quantity = quantities.length > 0 ? quantities.reduce((a, b) => a + b, 0) : null;
    }
    const record = finish(draft, g.lines, g.warnings.list);
    if (record.kind === 'listing' && g.errors.length > 0) record.errors = g.errors;
    return record;
  }
}

/** Which header generation the file is: exports write the same one back. */
function layoutOf(header: readonly string[], col: { handle: number; body: number; price: number }): 'legacy' | 'current' | undefined {
  const key = (index: number): string => (index < 0 ? '' : Columns.key(header[index] ?? ''));
  if (key(col.handle) === 'handle' || key(col.body) === 'body (html)' || key(col.price) === 'variant price') return 'legacy';
  if (key(col.handle) === 'url handle' || key(col.body) === 'description' || key(col.price) === 'price') return 'current';
  return undefined;
}
