import { FALLBACK_CURRENCY, type ColumnMapping, type ImportDialect, type ImportPreview, type MappableField, type MatchBy, type PreviewColumn, type PreviewListing, type RowProblem, type TitleMatchCount } from '../../common/import-types.js';
import type { Marketplace } from '../../common/listing.js';
import { mappableFieldsOf, MAPPING_HELP } from './column-overrides.js';
import { currencyHintOf } from './currency-hint.js';
import type { MappedRecord } from './mapped-record.js';
import { openImportSourceDetailed } from './open-import-source.js';
import { isStored, TitleMatcher, type TitleLookup } from './title-matches.js';
import { templateLabels } from './template-labels.js';

/**
 * What the wizard shows before anything is written: detection, columns with samples and what each
 * is read into, the first listings exactly as they will be imported, the problems met so far, the
 * currency the file suggests and, for a file without ids or SKUs, how many of its listings share
 * their title with a stored listing. Reads only the head of the file (PREVIEW_LISTINGS listings or
 * PREVIEW_BYTES, whichever comes first), except for the title count on small files.
 */

export const PREVIEW_LISTINGS = 20;
export const PREVIEW_BYTES = 4 * 1024 * 1024;
/**
 * A file up to this size without ids or SKUs is read to the end to count title matches (about a
 * second per 10 MB on a slow machine: files without keys are small home-made sheets and shop
 * downloads); a larger one is counted over the previewed listings, and the preview says so.
 */
export const TITLE_COUNT_FILE_BYTES = 16 * 1024 * 1024;
const MAX_PROBLEMS = 200;
/** Data rows read for the currency hint (eBay reports name the site on every row). */
const HINT_ROWS = 50;

export interface PreviewOptions {
  fileId: string;
  fileName: string;
  sizeBytes: number;
  dialect?: ImportDialect;
  mapping?: ColumnMapping;
  marketplace?: Marketplace;
  /** ISO 4217 code for listings whose file states no currency (default USD). */
  defaultCurrency?: string;
  /** How the import will match listings without id or SKU (default 'key': they are new). */
  matchBy?: MatchBy;
  /** Looks titles up in the catalog (the title count is left out without it). */
  titleMatches?: TitleLookup;
}

type ListingRecord = Extract<MappedRecord, { kind: 'listing' }>;

const hasKey = (record: ListingRecord): boolean => record.listing.sourceId !== null || record.listing.sku !== null;

export async function previewImport(path: string, options: PreviewOptions): Promise<ImportPreview> {
  const matchBy = options.matchBy ?? 'key';
  const { source, details, tap } = await openImportSourceDetailed(path, {
    fileName: options.fileName,
    dialect: options.dialect,
    mapping: options.mapping,
    marketplace: options.marketplace,
    defaultCurrency: options.defaultCurrency,
    allowUnmappedTitle: true,
  });
  const samples: string[][] = details.header.map(() => []);
  const headRows: string[][] = [];
  tap((row) => {
    if (headRows.length < HINT_ROWS) headRows.push(row.cells);
    row.cells.forEach((value, i) => {
      const list = samples[i];
      const text = value.trim();
      if (list && list.length < 3 && text !== '') list.push(text.length > 200 ? `${text.slice(0, 200)}…` : text);
    });
  });
  const records: ListingRecord[] = [];
  const problems: RowProblem[] = [];
  const warnings: RowProblem[] = [...details.notes];
  if (source.dialect === 'generic_csv' && details.columnFields.length > 0 && !details.columnFields.includes('title') && !details.columnFields.includes('description')) {
    problems.push({ line: details.headerLine ?? 1, column: null, message: `No column is read as the title, so every row would be rejected. ${MAPPING_HELP}` });
  }
  const iterator = source.records[Symbol.asyncIterator]();
  let titleMatch: TitleMatchCount | null = null;
  try {
    while (records.length < PREVIEW_LISTINGS && source.bytesRead() <= PREVIEW_BYTES) {
      const next = await iterator.next();
      if (next.done) break;
      const record = next.value;
      if (record.kind === 'rejected') {
        if (problems.length < MAX_PROBLEMS) problems.push(record.problem);
        continue;
      }
      for (const w of record.warnings) if (warnings.length < MAX_PROBLEMS) warnings.push(w);
      records.push(record);
    }
    if (options.titleMatches && records.length > 0 && !records.some(hasKey)) {
      titleMatch = await countTitleMatches(records, iterator, options.titleMatches, options.sizeBytes <= TITLE_COUNT_FILE_BYTES);
    }
  } finally {
    await iterator.return?.();
  }
  const titles = titleMatch === null || matchBy !== 'title' ? null : new TitleMatcher(options.titleMatches!);
  const matched = new Set(titles === null ? [] : records.filter((r) => isStored(titles.match(r.listing))));
  const listings: PreviewListing[] = records.map((record) => previewListing(record, matched.has(record)));
  return {
    fileId: options.fileId,
    fileName: options.fileName,
    sizeBytes: options.sizeBytes,
    encoding: source.encoding,
    encodingNote: source.encodingNote,
    containerNote: source.containerNote,
    dialect: source.dialect,
    confidence: details.confidence,
    candidates: details.candidates,
    delimiter: details.delimiter,
    headerLine: details.headerLine,
    rowUnit: source.rowUnit ?? 'line',
    columns: previewColumns(details.header, details.columnFields, details.chosenColumns, samples, records, templateLabels(details.preamble, details.header.length)),
    listings,
    defaultCurrency: options.defaultCurrency ?? FALLBACK_CURRENCY,
    currencyInFile: listings.length > 0 && listings.every((l) => l.currencyFromFile),
    currencyHint: currencyHintOf({ dialect: source.dialect, header: details.header, preamble: details.preamble, rows: headRows }),
    mappableFields: mappableFieldsOf(source.dialect),
    matchBy,
    titleMatch,
    problems,
    warnings,
  };
}

function previewListing(record: ListingRecord, matchedByTitle: boolean): PreviewListing {
  const l = record.listing;
  return {
    line: record.lines[0] ?? 0,
    title: l.title,
    sku: l.sku,
    priceMinor: l.priceMinor,
    currency: l.currency,
    currencyFromFile: record.currencyFromFile === true,
    quantity: l.quantity,
    tags: [...l.tags],
    images: l.images.length,
    variants: l.variants.length,
    marketplace: l.marketplace,
    matchedByTitle,
  };
}

/**
 * Counts the listings that would update a stored listing matched by title (title-matches.ts): the previewed ones, and with
 * `wholeFile` the rest of the file too (listings that turn out to have a key are not counted:
 * they match by key).
 */
async function countTitleMatches(previewed: readonly ListingRecord[], rest: AsyncIterator<MappedRecord>, lookup: TitleLookup, wholeFile: boolean): Promise<TitleMatchCount> {
  const titles = new TitleMatcher(lookup);
  let matching = 0;
  let checked = 0;
  const count = (record: ListingRecord): void => {
    if (hasKey(record)) return;
    checked++;
    if (isStored(titles.match(record.listing))) matching++;
  };
  previewed.forEach(count);
  if (!wholeFile) return { matching, checked, scope: 'preview' };
  for (let next = await rest.next(); !next.done; next = await rest.next()) {
    if (next.value.kind === 'listing') count(next.value);
  }
  return { matching, checked, scope: 'file' };
}

/**
 * Each column with what it is read into. A column the format reads as none of the mappable fields
 * but turns into an attribute (eBay report columns, Shopify metafields) shows as that attribute.
 */
function previewColumns(header: readonly string[], fields: readonly (MappableField | null)[], chosen: readonly boolean[], samples: string[][], records: readonly ListingRecord[], labels: readonly string[] | null): PreviewColumn[] {
  const attributeOf = new Map<string, string>();
  for (const record of records) {
    for (const [name, column] of Object.entries(record.listing.source?.attributeColumns ?? {})) if (!attributeOf.has(column)) attributeOf.set(column, name);
  }
  return header.map((name, index) => {
    const attribute = attributeOf.get(name);
    const field = fields[index] ?? (attribute === undefined ? null : (`attribute:${attribute}` as MappableField));
    const label = labels?.[index];
    return { index, header: name, ...(label && label !== name ? { label } : {}), mappedTo: field, chosen: chosen[index] ?? false, samples: samples[index] ?? [] };
  });
}
