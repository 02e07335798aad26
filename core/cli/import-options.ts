import { currencyCodeSchema, IMPORT_DIALECTS, matchBySchema, type ColumnMapping, type ImportDialect, type MappableField, type MatchBy, type PreviewColumn } from '../../common/import-types.js';

/** `listsmith import` options: parsed and checked here, each error one line that says what to write instead. */

export const IMPORT_USAGE = `  listsmith import <file> [--dialect D] [--map "Column=field,…"] [--match key|title] [--currency CODE] [--db PATH] [--json]
      --map       read columns as listing fields: a header (or a column number, from 1) = a field
                  (title, sku, price, …, ignore, attribute:NAME), e.g. --map "Product name=title,7=price"
      --match     title: rows without an id or SKU update the stored listing with the same title
                  (default key: they are added as new listings)
      --currency  the currency of prices the file does not state (ISO 4217, e.g. --currency EUR)`;

export class ImportUsageError extends Error {}

export interface ImportCliOptions {
  dialect?: ImportDialect;
  /** --map pairs as written, resolved against the file's columns once it is open. */
  map: ColumnMapEntry[];
  matchBy: MatchBy;
  currency?: string;
}

export interface ColumnMapEntry {
  /** A header as written, or a column number from 1. */
  column: string;
  field: string;
}

export function parseImportOptions(values: { dialect?: string; map?: string; match?: string; currency?: string }): ImportCliOptions {
  const options: ImportCliOptions = { map: [], matchBy: 'key' };
  if (values.dialect !== undefined) {
    if (!(IMPORT_DIALECTS as readonly string[]).includes(values.dialect)) throw new ImportUsageError(`Unknown --dialect "${values.dialect}". One of: ${IMPORT_DIALECTS.join(', ')}.`);
    options.dialect = values.dialect as ImportDialect;
  }
  if (values.map !== undefined) options.map = parseColumnMap(values.map);
  if (values.match !== undefined) {
    const match = matchBySchema.safeParse(values.match);
    if (!match.success) throw new ImportUsageError(`--match must be key (rows without an id or SKU are new listings) or title (they update the stored listing with the same title), not "${values.match}".`);
    options.matchBy = match.data;
  }
  if (values.currency !== undefined) {
    const code = currencyCodeSchema.safeParse(values.currency.trim().toUpperCase());
    if (!code.success) throw new ImportUsageError(`--currency: ${code.error.issues[0]?.message ?? 'not a currency code'}.`);
    options.currency = code.data;
  }
  return options;
}

/** Splits on commas outside double quotes: `"Price, EUR"=price,Title=title`. */
function splitPairs(spec: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of spec) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

export function parseColumnMap(spec: string): ColumnMapEntry[] {
  const entries = splitPairs(spec).map((pair) => {
    // The last "=": eBay headers carry "=" (Action(SiteID=US|…)), field names never do.
    const at = pair.lastIndexOf('=');
    const column = pair.slice(0, Math.max(0, at)).trim().replace(/^"(.*)"$/, '$1');
    const field = pair.slice(at + 1).trim();
    if (at < 0 || column === '' || field === '') {
      throw new ImportUsageError(`--map "${pair}": write Column=field, e.g. --map "Product name=title,Cost=price" (a column number from 1 works too).`);
    }
    return { column, field };
  });
  if (entries.length === 0) throw new ImportUsageError('--map is empty: write Column=field, e.g. --map "Product name=title,Cost=price".');
  return entries;
}

const headerKey = (header: string): string => header.replace(/^\*/, '').trim().toLowerCase().replace(/\s+/g, ' ');

function columnIndex(entry: ColumnMapEntry, columns: readonly Pick<PreviewColumn, 'index' | 'header'>[]): number {
  const exact = columns.find((c) => c.header === entry.column) ?? columns.find((c) => headerKey(c.header) === headerKey(entry.column));
  if (exact) return exact.index;
  if (/^\d{1,4}$/.test(entry.column)) {
    const number = Number(entry.column);
    if (number >= 1 && number <= columns.length) return number - 1;
    throw new ImportUsageError(`--map: there is no column ${number}; the file has ${columns.length} (1 to ${columns.length}).`);
  }
  const shown = columns.slice(0, 12).map((c) => `"${c.header}"`).join(', ');
  throw new ImportUsageError(`--map: the file has no column "${entry.column}". Its columns: ${shown}${columns.length > 12 ? `, … (${columns.length} in all)` : ''}; a column number from 1 works too.`);
}

/** The --map pairs as a ColumnMapping over the file's columns; `fields` are what its format can read a column as. */
export function resolveColumnMap(entries: readonly ColumnMapEntry[], columns: readonly Pick<PreviewColumn, 'index' | 'header'>[], fields: readonly MappableField[], formatLabel: string): ColumnMapping {
  if (fields.length === 0) throw new ImportUsageError(`--map: ${formatLabel} has no columns to map; leave --map out.`);
  const mapping: ColumnMapping = {};
  for (const entry of entries) {
    const valid = (fields as readonly string[]).includes(entry.field) || /^attribute:.{1,100}$/.test(entry.field);
    if (!valid) throw new ImportUsageError(`--map: "${entry.field}" is not a field ${formatLabel} columns can be read as. Valid fields: ${fields.join(', ')}, attribute:NAME.`);
    const index = columnIndex(entry, columns);
    if (String(index) in mapping) throw new ImportUsageError(`--map names column "${columns[index]?.header ?? index + 1}" twice.`);
    mapping[String(index)] = entry.field as MappableField;
  }
  return mapping;
}
