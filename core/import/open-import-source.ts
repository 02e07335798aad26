import { currencyCodeSchema, FALLBACK_CURRENCY, type ColumnMapping, type ImportDialect, type MappableField, type RowProblem, type RowUnit } from '../../common/import-types.js';
import type { Marketplace } from '../../common/listing.js';
import { ContractError } from '../../common/result.js';
import { Columns } from './listing-draft.js';
import { scatteredFirstCells } from './scattered-keys.js';
import { applyColumnOverrides, formatColumnFields, MAPPING_HELP } from './column-overrides.js';
import { decodeFile, type DecodedText } from './decode-text.js';
import { amazonOfferTemplateMessage, amazonOtherReportMessage } from './amazon-other-report.js';
import { isUnquotedAmazonReport } from './amazon-report-quotes.js';
import { ebayOrdersReportMessage } from './ebay-orders-report.js';
import { storeSalesFileMessage } from './store-sales-file.js';
import { detectTableDialect, sniffTextKind, type DialectScore } from './detect-dialect.js';
import { mapAmazonAllListings } from './dialects/amazon-all-listings.js';
import { mapAmazonFlatFile } from './dialects/amazon-flat-file.js';
import { mapEbayReport } from './dialects/ebay-report.js';
import { mapEbaySellerHub } from './dialects/ebay-seller-hub.js';
import { mapEtsyApi } from './dialects/etsy-api.js';
import { mapEtsy } from './dialects/etsy.js';
import { guessMapping, mapGenericCsv } from './dialects/generic-csv.js';
import { mapGoogleMerchantXml } from './dialects/google-merchant-xml.js';
import { mapGoogleMerchantTable } from './dialects/google-merchant.js';
import { mapJsonArray, mapJsonLines } from './dialects/json.js';
import { mapShopify } from './dialects/shopify.js';
import { mapWix } from './dialects/wix.js';
import { mapWooCommerce } from './dialects/woocommerce.js';
import type { MapContext, TableMapper } from './listing-draft.js';
import type { ImportSource, MappedRecord } from './mapped-record.js';
import { peekRows } from './peek-rows.js';
import { openTable, type TableRow } from './read-table.js';

/**
 * The import entry point: decode → (table | JSON | XML) → dialect mapper → MappedRecords, streamed
 * in bounded memory. Auto-detects the dialect unless one is given.
 */

export interface OpenImportOptions {
  fileName: string;
  /** Left out: detected (a mapping then applies to the detected format). */
  dialect?: ImportDialect;
  /**
   * The seller's column mapping: for generic_csv laid over the guessed one, for a marketplace
   * format overrides of how it reads those columns (column-overrides.ts).
   */
  mapping?: ColumnMapping;
  marketplace?: Marketplace;
  /** ISO 4217 code for listings whose file states no currency (default USD). */
  defaultCurrency?: string;
  /** Who picked defaultCurrency: the seller (default), or a hint read from the file that the seller or the CLI accepted. */
  currencyOrigin?: 'chosen' | 'hint';
  /** Preview only: a generic CSV with no title column opens anyway (its rows are rejected), so the seller can map one. */
  allowUnmappedTitle?: boolean;
  now?: number;
}

const TABLE_MAPPERS: Partial<Record<ImportDialect, TableMapper>> = {
  shopify: mapShopify,
  etsy: mapEtsy,
  etsy_api: mapEtsyApi,
  wix: mapWix,
  ebay_seller_hub: mapEbaySellerHub,
  ebay_report: mapEbayReport,
  amazon_flat_file: mapAmazonFlatFile,
  amazon_all_listings: mapAmazonAllListings,
  woocommerce: mapWooCommerce,
  google_merchant: mapGoogleMerchantTable,
  generic_csv: mapGenericCsv,
};

/** Below this, a table is offered as generic_csv (map the columns yourself). */
export const MIN_CONFIDENCE = 0.6;
/** Data rows read ahead for format detection. */
const DETECTION_SAMPLE_ROWS = 20;

export interface ImportSourceDetails {
  candidates: DialectScore[];
  confidence: number;
  delimiter: string | null;
  headerLine: number | null;
  header: string[];
  /** Rows above the header (Amazon's TemplateType row, eBay #INFO rows). */
  preamble: string[][];
  /** Per column: the field it is read into (null: none, kept with the listing as written; `ignore`: not read). */
  columnFields: (MappableField | null)[];
  /** Per column: the seller mapped it. */
  chosenColumns: boolean[];
  /** Non-data rows skipped (template instruction rows). */
  notes: RowProblem[];
}

export interface DetailedSource {
  source: ImportSource;
  details: ImportSourceDetails;
  /** Called with every raw table row as it is read (preview samples). */
  tap(listener: (row: TableRow) => void): void;
}

export async function openImportSource(path: string, options: OpenImportOptions): Promise<ImportSource> {
  return (await openImportSourceDetailed(path, options)).source;
}

function sourceFrom(text: DecodedText, dialect: ImportDialect, records: AsyncIterable<MappedRecord>, dataRows: () => number, currency: ImportSource['defaultCurrency'], notes: readonly RowProblem[] = [], rowUnit: RowUnit = 'line'): ImportSource {
  return {
    rowUnit,
    defaultCurrency: currency,
    notes,
    dialect,
    encoding: text.encoding,
    encodingNote: text.encodingNote,
    containerNote: text.containerNote,
    records,
    bytesRead: () => text.bytesRead(),
    totalBytes: text.totalBytes,
    dataRows,
  };
}

/**
 * Why no columns were found. A header that does name columns (commas, tabs…) over rows that do not
 * line up with it is a file whose cells hold line breaks without quotes: rows fall apart, and
 * importing the pieces would make listings of them (a real hand-edited Shopify file did).
 */
function noColumnsMessage(fileName: string, head: string): string {
  const header = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const named = Math.max(...[',', '\t', ';', '|'].map((separator) => header.split(separator).length));
  if (named >= 3) {
    return `"${fileName}" has a header of ${named} columns, but its rows do not line up with it: a cell with line breaks that is not in quotes splits a row into pieces. Nothing was imported. Export the file again from your shop, or open it in a spreadsheet and save it as CSV.`;
  }
  return `Listsmith could not find columns in "${fileName}" (no comma, tab, semicolon or | separators on the first lines). Is it a CSV export?`;
}

/** The contract checks the code at the boundary; this covers direct callers (CLI, tests). */
function defaultCurrencyOf(options: OpenImportOptions): string {
  if (options.defaultCurrency === undefined) return FALLBACK_CURRENCY;
  const checked = currencyCodeSchema.safeParse(options.defaultCurrency);
  if (!checked.success) throw new ContractError('invalid_input', `Default currency: ${checked.error.issues[0]?.message ?? 'not a currency code'}.`);
  return checked.data;
}

export async function openImportSourceDetailed(path: string, options: OpenImportOptions): Promise<DetailedSource> {
  const defaultCurrency = defaultCurrencyOf(options);
  const currency = { code: defaultCurrency, origin: options.defaultCurrency === undefined ? ('fallback' as const) : (options.currencyOrigin ?? 'chosen') };
  const text = await decodeFile(path, options.fileName);
  const now = options.now ?? Date.now();
  const kind = sniffTextKind(text.head);
  const listeners: ((row: TableRow) => void)[] = [];
  const baseCtx = { now, fileName: options.fileName, marketplace: options.marketplace, mapping: options.mapping, defaultCurrency };
  const noTable = { delimiter: null, headerLine: null, header: [], preamble: [], columnFields: [], chosenColumns: [], notes: [] };

  const wantsText = options.dialect === 'json' || options.dialect === 'jsonl' || (options.dialect === 'google_merchant' && kind === 'xml');
  if (kind !== 'table' && (options.dialect === undefined || wantsText)) {
    if (kind === 'xml') {
      const ctx: MapContext = { ...baseCtx, header: [], preamble: [], dialect: 'google_merchant' };
      const counter = { items: 0, notes: [] as RowProblem[] };
      const records = mapGoogleMerchantXml(text, ctx, counter);
      const candidates = [{ dialect: 'google_merchant' as const, confidence: 0.9 }];
      // The feed's notes come as it is read: the same array, filled by the reader.
      return { source: sourceFrom(text, 'google_merchant', records, () => counter.items, currency, counter.notes, 'item'), details: { ...noTable, candidates, confidence: 0.9 }, tap: () => {} };
    }
    const dialect: ImportDialect = options.dialect === 'json' || options.dialect === 'jsonl' ? options.dialect : kind === 'jsonl' ? 'jsonl' : 'json';
    const ctx: MapContext = { ...baseCtx, header: [], preamble: [], dialect };
    const counter = { rows: 0 };
    const records = dialect === 'jsonl' ? mapJsonLines(text, ctx, counter) : mapJsonArray(text, ctx, counter);
    const candidates = [{ dialect, confidence: 0.95 }];
    // A JSON array's objects need not stand on lines of their own (`[{…},{…}]`): they are counted as items.
    return { source: sourceFrom(text, dialect, records, () => counter.rows, currency, [], dialect === 'json' ? 'item' : 'line'), details: { ...noTable, candidates, confidence: 0.95 }, tap: () => {} };
  }
  if (options.dialect === 'json' || options.dialect === 'jsonl') {
    throw new ContractError('invalid_input', `"${options.fileName}" is not JSON (it does not start with [ or {). Pick the matching format, or let Listsmith detect it.`);
  }

  // An eBay orders or transaction report lists sales, not listings: refused whole, whatever the format picked.
  const orders = ebayOrdersReportMessage(options.fileName, text.head);
  if (orders !== null) throw new ContractError('invalid_input', orders);
  // So are Amazon's orders, settlement and title-less Inventory reports.
  const amazonReport = amazonOtherReportMessage(options.fileName, text.head);
  if (amazonReport !== null) throw new ContractError('invalid_input', amazonReport);
  // And other shops' orders and customers downloads.
  const salesFile = storeSalesFileMessage(options.fileName, text.head);
  if (salesFile !== null) throw new ContractError('invalid_input', salesFile);
  const table = await openTable(text, { quotes: !isUnquotedAmazonReport(text.head) });
  if (table.header.length === 0) {
    throw new ContractError('invalid_input', `"${options.fileName}" has no header row. Export your listings again and pick the new file.`);
  }
  if (table.header.length === 1 && !options.dialect && !options.mapping) {
    throw new ContractError('invalid_input', noColumnsMessage(options.fileName, text.head));
  }
  const offerTemplate = amazonOfferTemplateMessage(options.fileName, table.header, table.preamble);
  if (offerTemplate !== null) throw new ContractError('invalid_input', offerTemplate);
  // A few data rows for detection (WooCommerce's product types), then handed on to the reader.
  const peeked = await peekRows(table.rows, DETECTION_SAMPLE_ROWS);
  const candidates = detectTableDialect(
    table.header,
    table.preamble,
    peeked.head.filter((row) => row.problem === null).map((row) => row.cells),
  );
  const best = candidates[0]!;
  const dialect: ImportDialect = options.dialect ?? (best.confidence >= MIN_CONFIDENCE ? best.dialect : 'generic_csv');
  const mapper = TABLE_MAPPERS[dialect];
  if (!mapper) throw new ContractError('invalid_input', `"${options.fileName}" is a table, not ${dialect.toUpperCase()}. Pick another format.`);
  const columns = readColumns(dialect, table.header, options);
  const ctx: MapContext = { ...baseCtx, header: columns.readerHeader, preamble: table.preamble, mapping: columns.mapping, dialect };
  if (dialect === 'shopify' && /^(url )?handle$/.test(Columns.key(columns.readerHeader[0] ?? ''))) {
    // Shopify files are read by handle group: one quick pass finds the handles whose rows are not together.
    ctx.scatteredKeys = async () => scatteredFirstCells((await decodeFile(path, options.fileName)).chunks(), table.delimiter);
  }
  async function* tapped(): AsyncGenerator<TableRow> {
    for await (const row of peeked.rows) {
      for (const l of listeners) l(row);
      columns.noteRow?.(row);
      yield row;
    }
  }
  const mapped = mapper(tapped(), ctx);
  const records = columns.restore ? restored(mapped, columns.restore) : mapped;
  const confidence = candidates.find((c) => c.dialect === dialect)?.confidence ?? (options.dialect ? 1 : best.confidence);
  return {
    source: sourceFrom(text, dialect, records, table.rowCount, currency, table.notes),
    details: {
      candidates,
      confidence,
      delimiter: table.delimiter,
      headerLine: table.headerLine,
      header: table.header,
      preamble: table.preamble.map((row) => [...row]),
      columnFields: columns.fields,
      chosenColumns: columns.chosen,
      notes: table.notes,
    },
    tap: (listener) => listeners.push(listener),
  };
}

interface ColumnReading {
  /** The header the dialect's reader is given. */
  readerHeader: readonly string[];
  /** generic_csv's whole mapping. */
  mapping?: ColumnMapping;
  fields: (MappableField | null)[];
  chosen: boolean[];
  /** Sees every row before the reader (the overrides remember hidden cells). */
  noteRow?: (row: TableRow) => void;
  restore?: (record: MappedRecord) => MappedRecord;
}

/** How the dialect reads each column, with the seller's mapping applied. */
function readColumns(dialect: ImportDialect, header: string[], options: OpenImportOptions): ColumnReading {
  const chosenMapping = options.mapping ?? {};
  if (dialect === 'generic_csv') {
    const mapping: ColumnMapping = { ...guessMapping(header), ...chosenMapping };
    const fields = header.map((_, i) => (mapping[String(i)] ?? 'ignore') as MappableField);
    if (!options.allowUnmappedTitle && !fields.includes('title') && !fields.includes('description')) {
      throw new ContractError(
        'invalid_input',
        `Listsmith does not recognise the columns of "${options.fileName}" (${header.slice(0, 5).join(', ')}…) and none looks like a title. Say which column holds the title, price and so on: ${MAPPING_HELP}`,
      );
    }
    return { readerHeader: header, mapping, fields, chosen: header.map((_, i) => String(i) in chosenMapping) };
  }
  if (Object.keys(chosenMapping).length === 0) return { readerHeader: header, fields: formatColumnFields(dialect, header), chosen: header.map(() => false) };
  const overrides = applyColumnOverrides(dialect, header, chosenMapping);
  return { readerHeader: overrides.header, fields: overrides.fields, chosen: overrides.chosen, noteRow: overrides.noteRow, restore: overrides.restore };
}

async function* restored(records: AsyncIterable<MappedRecord>, restore: (record: MappedRecord) => MappedRecord): AsyncGenerator<MappedRecord> {
  for await (const record of records) yield restore(record);
}
