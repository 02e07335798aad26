import { MAPPABLE_FIELDS, type ColumnMapping, type ImportDialect, type MappableField, type RowProblem } from '../../common/import-types.js';
import type { ListingSource } from '../../common/listing.js';
import { ContractError } from '../../common/result.js';
import type { NewListing } from '../catalog/insert-listings.js';
import { englishHeader } from './canonical-headers.js';
import { DIALECT_FIELD_COLUMNS, type ColumnField, type DialectFieldColumns, type FieldHeaders } from './dialect-field-columns.js';
import { Columns } from './listing-draft.js';
import type { MappedRecord } from './mapped-record.js';
import type { TableRow } from './read-table.js';

/**
 * A seller's column mapping over a marketplace format. The format's reader is left as it is: an
 * override renames the column to the header the reader takes that field from (the column that
 * held the field before is hidden, so it is kept untouched with the listing), `ignore` hides the
 * column, and `attribute:<name>` hides it and lifts its cell into that attribute. `restore` then
 * puts the file's own headers back into every record, so what is kept and every problem name the
 * columns as the file does.
 */

/** What the reader sees instead of a hidden column's header: no reader looks it up or pattern-matches it. */
const hiddenName = (index: number): string => `\u0001hidden-${index}`;

/** Where a mapping can be fixed, for messages: the CLI option and the wizard's table. */
export const MAPPING_HELP = 'Map the columns with --map "Column=field" on the command line, or in the Columns table of the import wizard.';

const fieldTable = (dialect: ImportDialect): DialectFieldColumns | null => DIALECT_FIELD_COLUMNS[dialect] ?? null;
const headersOf = (entry: FieldHeaders): readonly string[] => ('many' in entry ? [...entry.many, ...(entry.also ?? [])] : entry);

/**
 * A header as the format's reader compares it: translated headers read as English (a French
 * WooCommerce `Nom` is `Name`), and Google's `g:image_link`, `image link` and `image_link` are one.
 */
function keyFor(dialect: ImportDialect): (header: string) => string {
  if (dialect === 'google_merchant') return (h) => Columns.key(h).replace(/^g:/, '').replace(/\s+/g, '_');
  return (h) => Columns.key(englishHeader(dialect, h));
}

/** The fields a column of `dialect` can be mapped to ([] for formats without columns). `attribute:<name>` is always accepted too. */
export function mappableFieldsOf(dialect: ImportDialect): MappableField[] {
  if (dialect === 'generic_csv') return [...MAPPABLE_FIELDS];
  const table = fieldTable(dialect);
  if (!table) return [];
  return [...MAPPABLE_FIELDS.filter((field) => field !== 'ignore' && field in table), 'ignore'];
}

/** Per column, the field the format's reader takes from it (null: none of the mappable fields). */
export function formatColumnFields(dialect: ImportDialect, header: readonly string[]): (MappableField | null)[] {
  const fields: (MappableField | null)[] = header.map(() => null);
  const table = fieldTable(dialect);
  if (!table) return fields;
  const key = keyFor(dialect);
  const keys = header.map(key);
  for (const [field, entry] of Object.entries(table) as [ColumnField, FieldHeaders][]) {
    if ('many' in entry) {
      const names = new Set(headersOf(entry).map(key));
      keys.forEach((k, i) => {
        if (names.has(k) && fields[i] === null) fields[i] = field;
      });
      continue;
    }
    // As Columns.find: the first header in the reader's order that the file has, its first column.
    for (const name of entry) {
      const i = keys.indexOf(key(name));
      if (i >= 0) {
        if (fields[i] === null) fields[i] = field;
        break;
      }
    }
  }
  return fields;
}

export interface ColumnOverrides {
  /** The header the format's reader is given. */
  header: string[];
  /** Per column: the field it is read into after the overrides (null: none; `ignore`: hidden). */
  fields: (MappableField | null)[];
  /** Per column: set by the seller. */
  chosen: boolean[];
  /** Remembers a row's hidden cells until its record comes out (call before the reader sees the row). */
  noteRow(row: TableRow): void;
  /** Puts the file's own headers back into a record the reader produced, and its hidden cells. */
  restore(record: MappedRecord): MappedRecord;
}

function checkedOverrides(dialect: ImportDialect, header: readonly string[], overrides: ColumnMapping): [number, MappableField][] {
  const table = fieldTable(dialect);
  if (!table) throw new ContractError('invalid_input', `A ${dialect.toUpperCase()} file has no columns to map; leave the mapping out.`);
  const allowed = mappableFieldsOf(dialect);
  const entries = Object.entries(overrides).map(([index, field]) => [Number(index), field as MappableField] as [number, MappableField]);
  const single = new Map<MappableField, number>();
  for (const [index, field] of entries) {
    if (!(index >= 0 && index < header.length)) {
      throw new ContractError('invalid_input', `The mapping names column ${index + 1}, but the file has ${header.length} columns. ${MAPPING_HELP}`);
    }
    if (!field.startsWith('attribute:') && !allowed.includes(field)) {
      throw new ContractError('invalid_input', `This format cannot read a column as "${field}". It reads: ${allowed.join(', ')}, or attribute:NAME.`);
    }
    const entry = table[field as ColumnField];
    if (entry && !('many' in entry)) {
      const other = single.get(field);
      if (other !== undefined) throw new ContractError('invalid_input', `Two columns are mapped to ${field} ("${header[other]}" and "${header[index]}"); a listing has one. ${MAPPING_HELP}`);
      single.set(field, index);
    }
  }
  return entries.sort((a, b) => a[0] - b[0]);
}

/** Applies a seller's overrides for a marketplace format (see the file comment). */
export function applyColumnOverrides(dialect: ImportDialect, header: readonly string[], overrides: ColumnMapping): ColumnOverrides {
  const entries = checkedOverrides(dialect, header, overrides);
  const table = fieldTable(dialect)!;
  const key = keyFor(dialect);
  const own = formatColumnFields(dialect, header);
  const renamed = [...header];
  const fields = [...own];
  const chosen = header.map(() => false);
  /** Reader-side header → the file's header, for problems and kept columns. */
  const fileHeaderOf = new Map<string, string>();
  /** Hidden column's stand-in → attribute name, for `attribute:<name>` overrides. */
  const liftTo = new Map<string, string>();
  const hide = (index: number): void => {
    renamed[index] = hiddenName(index);
    fileHeaderOf.set(renamed[index], header[index]!);
    fields[index] = 'ignore';
  };
  // Hide first: a column the seller moved away from its field frees that field's header.
  for (const [index, field] of entries) {
    chosen[index] = true;
    if (field !== own[index]) hide(index);
    if (field.startsWith('attribute:')) {
      liftTo.set(renamed[index]!, field.slice('attribute:'.length));
      fields[index] = field;
    }
  }
  const present = (): Set<string> => new Set(renamed.map(key));
  for (const [index, field] of entries) {
    if (field === 'ignore' || field.startsWith('attribute:') || field === own[index]) continue;
    const entry = table[field as ColumnField]!;
    let target: string;
    if ('many' in entry) {
      const taken = present();
      // main_product_image_locator stands for main_image_url: a file with it has its main image.
      const free = entry.many.find((name, i) => !taken.has(key(name)) && !(i === 0 && (entry.also ?? []).some((alias) => taken.has(key(alias)))));
      if (free === undefined) throw new ContractError('invalid_input', `This format reads at most ${entry.many.length} ${field} columns; "${header[index]}" would be one more. ${MAPPING_HELP}`);
      target = free;
    } else {
      // The column the reader takes the field from gives its header to this one and is hidden, so
      // it is kept as written (when the seller moved it elsewhere, the first loop hid it already).
      const holder = own.indexOf(field);
      if (holder >= 0) {
        target = header[holder]!;
        if (!chosen[holder]) hide(holder);
      } else {
        target = headersOf(entry)[0]!;
        // Another column already has that header but is not read for the field (a later duplicate): hide it.
        const clash = renamed.findIndex((h, i) => i !== index && key(h) === key(target));
        if (clash >= 0) hide(clash);
      }
    }
    renamed[index] = target;
    fields[index] = field;
    fileHeaderOf.set(target, header[index]!);
  }
  const hidden = renamed.map((name, index) => (isHidden(name) ? index : -1)).filter((index) => index >= 0);
  // Readers hold rows until a listing is complete (Shopify groups, Amazon children): the hidden
  // cells of each row wait here, a few strings per row, until its record comes out.
  const pending = new Map<number, string[]>();
  return {
    header: renamed,
    fields,
    chosen,
    noteRow: (row) => {
      if (hidden.length > 0) pending.set(row.line, hidden.map((index) => row.cells[index] ?? ''));
    },
    restore: (record) => {
      const own = pending.get(record.lines[0] ?? -1);
      for (const line of record.lines) pending.delete(line);
      const ownCells = own === undefined ? [] : hidden.map((index, k) => ({ stand: renamed[index]!, value: own[k] ?? '' }));
      return restoreHeaders(record, { dialect, fileHeaderOf, liftTo, ownCells });
    },
  };
}

function renameProblem(problem: RowProblem, fileHeaderOf: ReadonlyMap<string, string>): RowProblem {
  const column = problem.column === null ? null : (fileHeaderOf.get(problem.column) ?? problem.column);
  return column === problem.column ? problem : { ...problem, column };
}

const isHidden = (name: string): boolean => name.startsWith('\u0001hidden-');

interface Restore {
  dialect: ImportDialect;
  /** Reader-side header → the file's header. */
  fileHeaderOf: ReadonlyMap<string, string>;
  /** Hidden column's stand-in → attribute name (`attribute:<name>` overrides). */
  liftTo: ReadonlyMap<string, string>;
  /** The hidden cells of the listing's own row, exactly as in the file. */
  ownCells: readonly { stand: string; value: string }[];
}

function restoreHeaders(record: MappedRecord, { dialect, fileHeaderOf, liftTo, ownCells }: Restore): MappedRecord {
  if (fileHeaderOf.size === 0) return record;
  if (record.kind === 'rejected') return { ...record, problem: renameProblem(record.problem, fileHeaderOf) };
  const listing = record.listing;
  const source: ListingSource = listing.source ? { ...listing.source, columns: {} } : { dialect, columns: {} };
  const attributes = { ...listing.attributes };
  const attributeColumns: Record<string, string> = {};
  // What the reader kept or made an attribute of, under the file's own headers; a hidden column it
  // turned into an attribute (readers that keep unknown columns as item specifics) is a kept column.
  for (const [name, value] of Object.entries(listing.source?.columns ?? {})) source.columns[fileHeaderOf.get(name) ?? name] = value;
  for (const [name, column] of Object.entries(listing.source?.attributeColumns ?? {})) attributeColumns[name] = fileHeaderOf.get(column) ?? column;
  for (const [name, value] of Object.entries(listing.attributes)) {
    const column = listing.source?.attributeColumns?.[name] ?? name;
    if (!isHidden(column)) continue;
    delete attributes[name];
    delete attributeColumns[name];
    const fileHeader = fileHeaderOf.get(column) ?? column;
    if (!(fileHeader in source.columns)) source.columns[fileHeader] = value;
  }
  // The listing's own row: a hidden cell is kept as written, or becomes the attribute the seller named.
  for (const { stand, value } of ownCells) {
    const fileHeader = fileHeaderOf.get(stand) ?? stand;
    const attribute = liftTo.get(stand);
    if (attribute !== undefined) {
      delete source.columns[fileHeader];
      if (value.trim() === '' || attribute in attributes) continue;
      attributes[attribute] = value.trim();
      attributeColumns[attribute] = fileHeader;
    } else if (value.trim() !== '' && !(fileHeader in source.columns)) {
      source.columns[fileHeader] = value;
    }
  }
  if (Object.keys(attributeColumns).length > 0) source.attributeColumns = attributeColumns;
  else delete source.attributeColumns;
  if (source.imageColumns) {
    source.imageColumns = Object.fromEntries(Object.entries(source.imageColumns).map(([url, columns]) => [url, renameKeys(columns, fileHeaderOf)]));
  }
  const variants = listing.variants.map((variant) => (variant.columns ? { ...variant, columns: renameKeys(variant.columns, fileHeaderOf) } : variant));
  const restored: NewListing = { ...listing, attributes, variants };
  if (Object.keys(source).length === 2 && Object.keys(source.columns).length === 0) delete restored.source;
  else restored.source = source;
  return {
    ...record,
    listing: restored,
    warnings: record.warnings.map((w) => renameProblem(w, fileHeaderOf)),
    ...(record.errors ? { errors: record.errors.map((e) => renameProblem(e, fileHeaderOf)) } : {}),
  };
}

function renameKeys(columns: Record<string, string>, fileHeaderOf: ReadonlyMap<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(columns).map(([name, value]) => [fileHeaderOf.get(name) ?? name, value]));
}
