import type { RowProblem } from '../../../common/import-types.js';
import type { NewVariant } from '../../catalog/insert-listings.js';
import { englishHeaders, headerLocale } from '../canonical-headers.js';
import { cell, Columns, extraCellsWarning, finish, keepColumns, markUnknown, newDraft, rowErrorRecord, setAttributeFrom, takePriceCurrency, Warnings, type Draft, type MapContext } from '../listing-draft.js';
import type { MappedRecord } from '../mapped-record.js';
import type { TableRow } from '../read-table.js';
import { readPrice } from '../price-cell.js';
import { readStock } from '../stock-cell.js';
import { decodeEntities, normaliseStatus, RowError, splitList } from '../values.js';
import { splitWooList, unescapeWooNewlines } from '../woocommerce-text.js';

/**
 * WooCommerce product CSV, from an admin in any of the languages canonical-headers.ts knows
 * (`ID,Тип,Артикул,Имя,…` reads as `ID,Type,SKU,Name,…`). Simple, grouped and external products
 * are listings of their own; a `variable` parent and its `variation` rows (Parent = `id:NN` or the
 * parent's SKU) become one listing with variants. Parents and variations are held until the end
 * of the file (WooCommerce exports them far apart); everything else streams. The export has no
 * currency column (prices are in the shop's currency): listings take the import's default unless
 * a price names one.
 *
 * Identity: the product's ID when the row has one, and its SKU. Every cell Listsmith does not read
 * is kept exactly as written under the file's own header: a product's (`Sale price`, `Short
 * description`, `Meta: …`, `Weight (kg)`…) with the listing, a variation's (its ID, name, sale
 * price…) with its variant. A file in another language records it as the listing's `layout`
 * (`fr_FR`), so an export can write its headers back in that language (localizedHeader).
 */

interface Attribute {
  name: string;
  nameColumn: number;
  value: string;
  valueColumn: number;
}

interface Pending {
  id: string;
  sku: string;
  /** The product's row as read. */
  cells: readonly string[];
  draft: Draft;
  lines: number[];
  warnings: Warnings;
  errors: RowProblem[];
  /** A variable parent's attributes: those its variations vary by are their options, the rest item attributes. */
  attributes: Attribute[];
}

interface Variation {
  parentRef: string;
  row: TableRow;
  warnings: Warnings;
  variant: NewVariant;
}

export async function* mapWooCommerce(rows: AsyncIterable<TableRow>, ctx: MapContext): AsyncGenerator<MappedRecord> {
  const header = ctx.header;
  const c = new Columns(englishHeaders('woocommerce', header));
  // Each field also by WooCommerce's own key (`regular_price`, `stock_quantity`…): its importer maps
  // a header it does not know as a label to the key of that name, and script-written files use them.
  const col = {
    id: c.find('ID'),
    type: c.find('Type'),
    sku: c.find('SKU'),
    name: c.find('Name'),
    published: c.find('Published'),
    description: c.find('Description'),
    regularPrice: c.find('Regular price', 'regular_price'),
    categories: c.find('Categories', 'category_ids'),
    tags: c.find('Tags', 'tag_ids'),
    images: c.find('Images'),
    parent: c.find('Parent', 'parent_id'),
    stock: c.find('Stock', 'stock_quantity'),
    brands: c.find('Brands'),
  };
  // WooCommerce writes Type second, after ID: a seller who blanked that header still has it there.
  if (col.type < 0 && col.id === 0 && /^Column 2$/.test(header[1] ?? '')) {
    col.type = 1;
    c.use([1]);
  }
  // Read for a fallback or a status, and still kept as written: they say more than Listsmith holds.
  const short = c.find('Short description', 'short_description');
  const inStock = c.find('In stock?');
  const attrs: { name: number; value: number }[] = [];
  for (let n = 1; n <= 50; n++) {
    const name = c.find(`Attribute ${n} name`);
    const value = c.find(`Attribute ${n} value(s)`);
    if (name < 0 && value < 0) break;
    attrs.push({ name, value });
  }
  const kept = [...c.unused(), short, inStock].filter((i) => i >= 0).sort((a, b) => a - b);
  // The admin language of the headers (`fr_FR`): an export can write the seller's headers back in it.
  const locale = headerLocale('woocommerce', header);
  const name = (index: number, fallback: string): string => header[index] ?? fallback;

  const parents: Pending[] = [];
  const variations: Variation[] = [];

  for await (const row of rows) {
    if (row.problem) {
      yield { kind: 'rejected', lines: [row.line], problem: row.problem };
      continue;
    }
    const cells = row.cells;
    const warnings = new Warnings();
    extraCellsWarning(row, warnings);
    const types = splitList(cell(cells, col.type).toLowerCase());
    const parentRef = cell(cells, col.parent);
    if (types.includes('variation') && parentRef !== '' && parentRef !== '0') {
      try {
        variations.push({ parentRef, row, warnings, variant: readVariation(row, warnings) });
      } catch (err) {
        // A variation that cannot be read is that variation only.
        yield rowErrorRecord(err, [row.line]);
      }
      continue;
    }
    const pending = readListing(row, warnings);
    if (types.includes('variable')) {
      parents.push(pending);
      continue;
    }
    for (const attribute of pending.attributes) keepAttribute(pending.draft, attribute, cells);
    yield done(pending);
  }

  const byId = new Map<string, Pending>();
  const bySku = new Map<string, Pending>();
  for (const p of parents) {
    if (p.id && !byId.has(p.id)) byId.set(p.id, p);
    if (p.sku && !bySku.has(p.sku)) bySku.set(p.sku, p);
  }
  const orphans: Pending[] = [];
  for (const { parentRef, row, warnings, variant } of variations) {
    const m = /^id:(\d+)$/i.exec(parentRef);
    const parent = m ? byId.get(m[1]!) : (bySku.get(parentRef) ?? byId.get(parentRef));
    if (!parent) {
      warnings.add(row.line, name(col.parent, 'Parent'), `Parent "${parentRef}" is not in the file; the variation was imported as a listing of its own.`);
      const orphan = readListing(row, warnings);
      for (const attribute of orphan.attributes) keepAttribute(orphan.draft, attribute, row.cells);
      orphans.push(orphan);
      continue;
    }
    parent.draft.variants.push(withParentOptionNames(variant, row.cells, parent));
    parent.lines.push(row.line);
    parent.warnings.list.push(...warnings.list);
  }
  for (const p of parents) {
    for (const attribute of p.attributes) {
      const values = new Set(p.draft.variants.flatMap((v) => v.options.filter((o) => o.name === attribute.name).map((o) => o.value)));
      // An attribute the variations vary by is their options; the others describe the item.
      if (values.size === 0) keepAttribute(p.draft, attribute, p.cells);
      // Values the variations do not have (offered, or typed differently): the cell is kept as written.
      else if (!sameValues(splitWooList(attribute.value), values)) keepColumns(p.draft.kept.columns, p.cells, header, [attribute.valueColumn]);
    }
    const d = p.draft;
    if (d.variants.length > 0) {
      d.priceMinor ??= d.variants.find((v) => v.priceMinor !== null)?.priceMinor ?? null;
      const q = d.variants.map((v) => v.quantity).filter((x): x is number => x !== null);
      if (d.quantity === null && q.length > 0) d.quantity = q.reduce((a, b) => a + b, 0);
    }
    // The product's own row first, then its variations in file order.
    p.lines = [p.lines[0]!, ...p.lines.slice(1).sort((a, b) => a - b)];
    yield done(p);
  }
  for (const p of orphans) yield done(p);

  function done(p: Pending): MappedRecord {
    const record = finish(p.draft, p.lines, p.warnings.list);
    if (record.kind === 'listing' && p.errors.length > 0) record.errors = p.errors;
    return record;
  }

  /** A product row (simple, grouped, external, variable parent, or a variation without its parent). */
  function readListing(row: TableRow, warnings: Warnings): Pending {
    const cells = row.cells;
    const errors: RowProblem[] = [];
    const draft = newDraft('woocommerce', ctx);
    if (locale !== null) draft.kept.layout = locale;
    draft.sourceId = cell(cells, col.id) || null;
    draft.sku = cell(cells, col.sku) || null;
    draft.title = decodeEntities(cell(cells, col.name));
    const description = cell(cells, col.description) !== '' ? cells[col.description]! : cell(cells, short) !== '' ? cells[short]! : '';
    draft.description = unescapeWooNewlines(description);
    try {
      const price = readPrice(cell(cells, col.regularPrice), name(col.regularPrice, 'Regular price'), draft.currency, row.line, warnings);
      if (price) {
        draft.priceMinor = price.minor;
        takePriceCurrency(draft, price);
      }
    } catch (err) {
      if (!(err instanceof RowError)) throw err;
      // The product is imported without its price (unknown: an export leaves the store's price alone); the cell is kept as written.
      errors.push({ line: row.line, column: err.column, message: `${err.message}. The product was imported without a price; the cell is kept as written.` });
      keepColumns(draft.kept.columns, cells, header, [col.regularPrice]);
      draft.kept.unknown.add('priceMinor');
    }
    draft.quantity = readStock(cell(cells, col.stock), name(col.stock, 'Stock'), row.line, warnings, draft.kept.columns);
    const categories = splitWooList(cell(cells, col.categories));
    draft.category = categories[0] ?? null;
    // Several categories (or one with a comma in it): the cell goes back as written.
    if (categories.length > 1 || cell(cells, col.categories).includes('\\,')) setAttributeFrom(draft, 'Categories', name(col.categories, 'Categories'), cell(cells, col.categories));
    draft.tags = splitWooList(cell(cells, col.tags));
    draft.images = splitWooList(cell(cells, col.images));
    draft.brand = cell(cells, col.brands) || null;
    readStatus(draft, cells, row.line, warnings);
    const type = cell(cells, col.type);
    if (type) setAttributeFrom(draft, 'Product type', name(col.type, 'Type'), type);
    keepColumns(draft.kept.columns, cells, header, kept);
    // A Parent cell on a product row (`0`) says it has none; kept as written.
    keepColumns(draft.kept.columns, cells, header, [col.parent]);
    markUnknown(draft, {
      sku: col.sku,
      description: col.description >= 0 || short >= 0,
      priceMinor: col.regularPrice,
      quantity: col.stock,
      tags: col.tags,
      materials: false,
      images: col.images,
      category: col.categories,
      brand: col.brands,
      condition: false,
    });
    const attributes = attrs.map(({ name: n, value: v }) => ({ name: cell(cells, n), nameColumn: n, value: cell(cells, v), valueColumn: v })).filter((a) => a.name !== '' || a.value !== '');
    return { id: cell(cells, col.id), sku: cell(cells, col.sku), cells, draft, lines: [row.line], warnings, errors, attributes };
  }

  /** Published: 1 publish, 0 private, -1 draft, 2 pending; the word is kept when the status only approximates it. */
  function readStatus(draft: Draft, cells: readonly string[], line: number, warnings: Warnings): void {
    const word = cell(cells, col.published);
    const status = normaliseStatus(word);
    if (word !== '' && status === null) warnings.add(line, name(col.published, 'Published'), `Published "${word}" is not a value WooCommerce writes (1, 0, -1, 2); imported as published and kept as written.`);
    draft.status = status ?? 'active';
    if (draft.status === 'active' && cell(cells, inStock) === '0' && (draft.quantity === null || draft.quantity <= 0)) draft.status = 'sold_out';
    if (word !== '' && word !== '1') draft.kept.status = word;
  }

  /** An item attribute (name + values) of a product row, kept under its value column; the name column as written. */
  function keepAttribute(draft: Draft, attribute: Attribute, cells: readonly string[]): void {
    if (attribute.name !== '' && attribute.value !== '' && !(attribute.name in draft.attributes)) {
      setAttributeFrom(draft, attribute.name, name(attribute.valueColumn, 'Attribute value(s)'), attribute.value);
      keepColumns(draft.kept.columns, cells, header, [attribute.nameColumn]);
      return;
    }
    // Half an attribute (a name without values, or values without a name): both cells as written.
    keepColumns(draft.kept.columns, cells, header, [attribute.nameColumn, attribute.valueColumn]);
  }

  /**
   * A variation row that leaves an attribute's name blank (hand-made files do; WooCommerce's
   * importer takes it from the parent) gets the parent's name for that attribute, not the
   * placeholder `Attribute N` its own row could give it.
   */
  function withParentOptionNames(variant: NewVariant, cells: readonly string[], parent: Pending): NewVariant {
    const renamed = new Map<string, string>();
    attrs.forEach((a, k) => {
      if (cell(cells, a.name) !== '' || cell(cells, a.value) === '') return;
      const named = parent.attributes.find((attribute) => attribute.nameColumn === a.name)?.name ?? '';
      if (named !== '') renamed.set(unnamedAttribute(k), named);
    });
    if (renamed.size === 0) return variant;
    return { ...variant, options: variant.options.map((o) => ({ ...o, name: renamed.get(o.name) ?? o.name })) };
  }

  /** A variation row: SKU, options, price, stock, image; every other cell kept with the variant. */
  function readVariation(row: TableRow, warnings: Warnings): NewVariant {
    const cells = row.cells;
    const price = readPrice(cell(cells, col.regularPrice), name(col.regularPrice, 'Regular price'), ctx.defaultCurrency, row.line, warnings);
    const columns: Record<string, string> = {};
    const quantity = readStock(cell(cells, col.stock), name(col.stock, 'Stock'), row.line, warnings, columns);
    // WooCommerce's exporter writes a comma inside a variation's value as `\,` ("1\,5 kg"); its importer reads it back as one value.
    const options = attrs
      .map((a, k) => ({ name: cell(cells, a.name) || unnamedAttribute(k), value: cell(cells, a.value).replaceAll('\\,', ',') }))
      .filter((o) => o.value !== '');
    const images = splitWooList(cell(cells, col.images));
    keepColumns(columns, cells, header, [...kept, col.id, col.name, col.published, col.description, col.categories, col.tags, col.brands]);
    // A variation has one image; a cell listing several is kept as written.
    if (images.length > 1) keepColumns(columns, cells, header, [col.images]);
    const variant: NewVariant = { sku: cell(cells, col.sku) || null, options, priceMinor: price?.minor ?? null, quantity, image: images[0] ?? null };
    if (Object.keys(columns).length > 0) variant.columns = columns;
    return variant;
  }
}

/** The name a variation's option gets when its row and its parent leave the attribute unnamed. */
function unnamedAttribute(index: number): string {
  return `Attribute ${index + 1}`;
}

function sameValues(listed: readonly string[], values: ReadonlySet<string>): boolean {
  return listed.length === values.size && listed.every((value) => values.has(value));
}
