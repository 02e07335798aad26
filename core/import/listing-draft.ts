import type { ColumnMapping, ImportDialect, RowProblem } from '../../common/import-types.js';
import type { ListingSource, ListingStatus, Marketplace, SourceField } from '../../common/listing.js';
import type { NewListing, NewVariant } from '../catalog/insert-listings.js';
import type { MappedRecord } from './mapped-record.js';
import type { TableRow } from './read-table.js';
import { isExcelMangledNumber, isIdentifierHeader, parsePrice, parseQuantity, RowError, type ParsedPrice } from './values.js';

/** Shared plumbing of the dialect mappers: a mutable listing, column lookup, the final checks. */

export type Draft = { -readonly [K in keyof NewListing]: NewListing[K] } & {
  variants: NewVariant[];
  tags: string[];
  materials: string[];
  images: string[];
  attributes: Record<string, string>;
  /** The file states `currency` (else it is the import's default); finish() moves it onto the record. */
  currencyFromFile: boolean;
  /** What the file holds beyond Listsmith's fields; finish() stores it as the listing's `source`. */
  kept: KeptSource;
  /** Warnings found while reading a cell ("1.299": which reading), for finish() to put on the listing's line. */
  notes?: { column: string; message: string }[];
};

/** The draft side of ListingSource: filled while mapping, tidied by finish(). */
export interface KeptSource {
  dialect: ImportDialect;
  layout?: string;
  /** Untouched source columns: header → the cell exactly as in the file. */
  columns: Record<string, string>;
  attributeColumns: Record<string, string>;
  imageColumns: Record<string, Record<string, string>>;
  /** Fields the file has no column for. */
  unknown: Set<SourceField>;
  status?: string;
}

export interface MapContext {
  header: readonly string[];
  preamble: readonly (readonly string[])[];
  now: number;
  fileName: string;
  marketplace?: Marketplace;
  mapping?: ColumnMapping;
  /** The currency of listings whose file states none (the seller's choice in the wizard, or USD). */
  defaultCurrency: string;
  /** The dialect being read (recorded in every listing's source). */
  dialect: ImportDialect;
  /** Keys whose rows come in several runs → how many (Shopify handles, see scattered-keys.ts). */
  scatteredKeys?: () => Promise<ReadonlyMap<string, number>>;
}

export type TableMapper = (rows: AsyncIterable<TableRow>, ctx: MapContext) => AsyncGenerator<MappedRecord>;

/** Title limits per marketplace (reference/marketplaces.md); over → a warning, not a rejection. */
export const TITLE_LIMITS: Partial<Record<Marketplace, number>> = { ebay: 80, etsy: 140, amazon: 200, google: 150 };

/** A blank listing; `fileCurrency` is the currency the file states for it ('' or null: none, so the default). */
export function newDraft(marketplace: Marketplace, ctx: Pick<MapContext, 'now' | 'defaultCurrency' | 'dialect'>, fileCurrency: string | null = null): Draft {
  const now = ctx.now;
  return {
    marketplace,
    sourceId: null,
    sku: null,
    title: '',
    description: '',
    priceMinor: null,
    currency: fileCurrency || ctx.defaultCurrency,
    currencyFromFile: Boolean(fileCurrency),
    quantity: null,
    tags: [],
    materials: [],
    images: [],
    category: null,
    brand: null,
    condition: null,
    attributes: {},
    variants: [],
    status: 'active' as ListingStatus,
    createdAt: now,
    updatedAt: now,
    kept: { dialect: ctx.dialect, columns: {}, attributeColumns: {}, imageColumns: {}, unknown: new Set() },
  };
}

/**
 * Marks the fields the file has no column for as unknown (not empty): `present` maps a field to
 * whether its column exists (a column index ≥ 0, or true).
 */
export function markUnknown(draft: Draft, present: Partial<Record<SourceField, number | boolean>>): void {
  for (const [field, column] of Object.entries(present) as [SourceField, number | boolean][]) {
    if (column === false || (typeof column === 'number' && column < 0)) draft.kept.unknown.add(field);
  }
}

/** Keeps the non-empty cells of `indexes` as untouched source columns, exactly as written. */
export function keepColumns(target: Record<string, string>, cells: readonly string[], header: readonly string[], indexes: Iterable<number>): void {
  for (const i of indexes) {
    const name = header[i];
    const value = cells[i];
    if (name === undefined || value === undefined || value.trim() === '') continue;
    if (!(name in target)) target[name] = value;
  }
}

/** An attribute read from a source column: the export to the same format writes it back there. */
export function setAttributeFrom(draft: Draft, name: string, column: string, value: string): void {
  draft.attributes[name] = value;
  draft.kept.attributeColumns[name] = column;
}

/** Case-insensitive header lookup; ignores a leading `*` (eBay required columns) and spaces. */
export class Columns {
  private readonly index = new Map<string, number>();
  /** Columns a mapper looked up (find/matching): the rest are kept untouched (unused()). */
  private readonly used = new Set<number>();
  constructor(readonly header: readonly string[]) {
    header.forEach((name, i) => {
      const key = Columns.key(name);
      if (!this.index.has(key)) this.index.set(key, i);
    });
  }
  static key(name: string): string {
    return name.replace(/^\*/, '').trim().toLowerCase().replace(/\s+/g, ' ');
  }
  /** First column matching any alias, or -1. */
  find(...aliases: string[]): number {
    for (const alias of aliases) {
      const i = this.index.get(Columns.key(alias));
      if (i !== undefined) {
        this.used.add(i);
        return i;
      }
    }
    return -1;
  }
  /** Column indexes no find()/matching()/use() has claimed, in file order. */
  unused(): number[] {
    return this.header.map((_, i) => i).filter((i) => !this.used.has(i));
  }
  /** Claims columns found another way (so unused() leaves them out). */
  use(indexes: Iterable<number>): void {
    for (const i of indexes) if (i >= 0) this.used.add(i);
  }
  /** All columns whose key matches. */
  matching(pattern: RegExp): number[] {
    const out: number[] = [];
    this.header.forEach((name, i) => {
      if (pattern.test(Columns.key(name))) out.push(i);
    });
    this.use(out);
    return out;
  }
}

export function cell(cells: readonly string[], index: number): string {
  return index < 0 ? '' : (cells[index] ?? '').trim();
}

/** Collects per-row warnings with the row's line. */
export class Warnings {
  readonly list: RowProblem[] = [];
  add(line: number, column: string | null, message: string): void {
    this.list.push({ line, column, message });
  }
}

/**
 * Reads an identifier cell (barcode, GTIN, UPC…). Excel's `3.65275E+11` lost digits: warn and
 * return null (a wrong barcode is worse than none — the marketplace would match another product);
 * callers keep the cell as written among the listing's source columns.
 */
export function identifier(cells: readonly string[], index: number, header: readonly string[], line: number, warnings: Warnings): string | null {
  const value = cell(cells, index);
  if (value === '') return null;
  if (isExcelMangledNumber(value)) {
    warnings.add(
      line,
      header[index] ?? null,
      `"${value}" was damaged by Excel (scientific notation drops digits): kept as written, but not used as an identifier. Re-export the file, or format the column as Text before saving.`,
    );
    return null;
  }
  return value;
}

/**
 * The cell of column `i` to read as an attribute, or null: empty, or an Excel-damaged identifier
 * (warned about, then kept as an untouched column: the file's text is not lost).
 */
export function attributeCell(draft: Draft, cells: readonly string[], i: number, header: readonly string[], line: number, warnings: Warnings): string | null {
  const name = header[i];
  if (name === undefined) return null;
  const value = isIdentifierHeader(name) ? identifier(cells, i, header, line, warnings) : cell(cells, i);
  if (value === null) keepColumns(draft.kept.columns, cells, header, [i]);
  return value || null;
}

/** Adds every non-empty cell of `indexes` as an attribute named by its header (attributeCell), remembering its column. */
export function addAttributes(draft: Draft, cells: readonly string[], indexes: Iterable<number>, header: readonly string[], line: number, warnings: Warnings, rename?: (header: string) => string): void {
  for (const i of indexes) {
    const value = attributeCell(draft, cells, i, header, line, warnings);
    if (value === null) continue;
    const name = header[i]!;
    const key = (rename ? rename(name) : name).slice(0, 100);
    if (!(key in draft.attributes)) setAttributeFrom(draft, key, name, value);
  }
}

export function rejected(line: number | number[], message: string, column: string | null = null): MappedRecord {
  const lines = Array.isArray(line) ? line : [line];
  return { kind: 'rejected', lines, problem: { line: lines[0] ?? 0, column, message } };
}

export function rowErrorRecord(err: unknown, lines: number[]): MappedRecord {
  if (err instanceof RowError) return rejected(lines, err.message, err.column);
  throw err;
}

/** Extra cells past the header become a warning on the row. */
export function extraCellsWarning(row: TableRow, warnings: Warnings): void {
  if (row.extraCells.length > 0) {
    const shown = row.extraCells.slice(0, 2).map((c) => `"${c.slice(0, 40)}"`).join(', ');
    warnings.add(row.line, null, `The row has ${row.extraCells.length} more filled cell(s) than the header has columns (${shown}); they were ignored. Check that the columns line up.`);
  }
}

/** Final checks: title required, title length vs the marketplace limit, images de-duplicated. */
export function finish(draft: Draft, lines: number[], warnings: RowProblem[]): MappedRecord {
  const line = lines[0] ?? 0;
  draft.title = draft.title.replace(/[\r\n]+/g, ' ').trim();
  if (draft.title === '') return rejected(lines, 'The title is missing — every listing needs a title. Fill it in the file and import again.', 'title');
  const limit = TITLE_LIMITS[draft.marketplace];
  if (limit !== undefined && [...draft.title].length > limit) {
    warnings.push({ line, column: 'title', message: `Title is ${[...draft.title].length} characters; ${draft.marketplace} allows ${limit}. Imported as is — shorten it before listing.` });
  }
  draft.images = [...new Set(draft.images.filter((u) => u !== ''))];
  draft.tags = [...new Set(draft.tags)];
  draft.materials = [...new Set(draft.materials)];
  draft.currency = draft.currency.toUpperCase();
  // The provenance travels beside the listing, not in it: the listing is what gets stored.
  const { currencyFromFile, kept, notes = [], ...listing } = draft;
  for (const note of notes) warnings.push({ line, column: note.column, message: note.message });
  const source = sourceOf(kept, listing.images);
  return { kind: 'listing', lines, listing: source ? { ...listing, source } : listing, warnings, currencyFromFile };
}

/** The listing's source, or undefined when the file held nothing beyond Listsmith's fields. */
function sourceOf(kept: KeptSource, images: readonly string[]): ListingSource | undefined {
  const source: ListingSource = { dialect: kept.dialect, columns: kept.columns };
  if (kept.layout !== undefined) source.layout = kept.layout;
  if (Object.keys(kept.attributeColumns).length > 0) source.attributeColumns = kept.attributeColumns;
  const imageColumns = Object.fromEntries(Object.entries(kept.imageColumns).filter(([url, columns]) => images.includes(url) && Object.keys(columns).length > 0));
  if (Object.keys(imageColumns).length > 0) source.imageColumns = imageColumns;
  if (kept.unknown.size > 0) source.unknown = [...kept.unknown].sort();
  if (kept.status !== undefined) source.status = kept.status;
  return Object.keys(source).length === 2 && Object.keys(source.columns).length === 0 ? undefined : source;
}

/** Cartesian product of option lists, capped. */
export function combinations(options: { name: string; values: string[] }[], cap: number): { name: string; value: string }[][] {
  let out: { name: string; value: string }[][] = [[]];
  for (const option of options) {
    const next: { name: string; value: string }[][] = [];
    for (const prefix of out) {
      for (const value of option.values) {
        if (next.length >= cap) break;
        next.push([...prefix, { name: option.name, value }]);
      }
    }
    out = next;
  }
  return out.filter((combo) => combo.length > 0);
}

/** For dialects where one row is one listing: problems, RowErrors and final checks handled here. */
export async function* mapEachRow(rows: AsyncIterable<TableRow>, build: (row: TableRow, warnings: Warnings) => Draft | MappedRecord | null): AsyncGenerator<MappedRecord> {
  for await (const row of rows) {
    if (row.problem) {
      yield { kind: 'rejected', lines: [row.line], problem: row.problem };
      continue;
    }
    const warnings = new Warnings();
    extraCellsWarning(row, warnings);
    let result: Draft | MappedRecord | null;
    try {
      result = build(row, warnings);
    } catch (err) {
      yield rowErrorRecord(err, [row.line]);
      continue;
    }
    if (result === null) continue;
    if ('kind' in result) yield result;
    else yield finish(result, [row.line], warnings.list);
  }
}

/** Sets price/currency from a cell (RowError on negative/unreadable). */
export function applyPrice(draft: Draft, raw: string, column: string, opts: { decimalComma?: boolean } = {}): void {
  const parsed = parsePrice(raw, column, { currency: draft.currency, decimalComma: opts.decimalComma, ambiguous: 'warn' });
  if (parsed === null) return;
  if (parsed.ambiguous !== undefined) (draft.notes ??= []).push({ column, message: parsed.ambiguous });
  draft.priceMinor = parsed.minor;
  takePriceCurrency(draft, parsed);
}

/**
 * A price that names its currency ("12.00 EUR", "€12") sets the listing's: the amount was read in
 * that currency's minor units. A shared symbol ("$") only picks the dollar when the file states no
 * currency elsewhere, and does not count as the file stating one (the seller still chooses which).
 */
export function takePriceCurrency(draft: Draft, parsed: ParsedPrice): void {
  if (parsed.currency === null) return;
  if (parsed.sharedSymbol && draft.currencyFromFile) return;
  draft.currency = parsed.currency;
  if (!parsed.sharedSymbol) draft.currencyFromFile = true;
}

export function applyQuantity(target: { quantity: number | null }, raw: string, column: string, line: number, warnings: Warnings): void {
  const { value, warning } = parseQuantity(raw, column);
  if (warning) warnings.add(line, column, warning);
  if (value !== null) target.quantity = value;
}
