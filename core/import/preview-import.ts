import { FALLBACK_CURRENCY, type ColumnMapping, type ImportDialect, type ImportPreview, type MappableField, type PreviewColumn, type PreviewListing, type RowProblem } from '../../common/import-types.js';
import type { Marketplace } from '../../common/listing.js';
import { guessMapping } from './dialects/generic-csv.js';
import { openImportSourceDetailed } from './open-import-source.js';

/**
 * What the wizard shows before anything is written: detection, columns with samples, the first
 * listings exactly as they will be imported, and the problems met so far. Reads only the head of
 * the file (PREVIEW_LISTINGS listings or PREVIEW_BYTES, whichever comes first).
 */

export const PREVIEW_LISTINGS = 20;
export const PREVIEW_BYTES = 4 * 1024 * 1024;
const MAX_PROBLEMS = 200;

export interface PreviewOptions {
  fileId: string;
  fileName: string;
  sizeBytes: number;
  dialect?: ImportDialect;
  mapping?: ColumnMapping;
  marketplace?: Marketplace;
  /** ISO 4217 code for listings whose file states no currency (default USD). */
  defaultCurrency?: string;
}

export async function previewImport(path: string, options: PreviewOptions): Promise<ImportPreview> {
  const { source, details, tap } = await openImportSourceDetailed(path, {
    fileName: options.fileName,
    dialect: options.dialect,
    mapping: options.mapping,
    marketplace: options.marketplace,
    defaultCurrency: options.defaultCurrency,
  });
  const samples: string[][] = details.header.map(() => []);
  tap((row) => {
    row.cells.forEach((value, i) => {
      const list = samples[i];
      const text = value.trim();
      if (list && list.length < 3 && text !== '') list.push(text.length > 200 ? `${text.slice(0, 200)}…` : text);
    });
  });
  const listings: PreviewListing[] = [];
  const problems: RowProblem[] = [];
  const warnings: RowProblem[] = [...details.notes];
  const iterator = source.records[Symbol.asyncIterator]();
  try {
    while (listings.length < PREVIEW_LISTINGS && source.bytesRead() <= PREVIEW_BYTES) {
      const next = await iterator.next();
      if (next.done) break;
      const record = next.value;
      if (record.kind === 'rejected') {
        if (problems.length < MAX_PROBLEMS) problems.push(record.problem);
        continue;
      }
      for (const w of record.warnings) if (warnings.length < MAX_PROBLEMS) warnings.push(w);
      const l = record.listing;
      listings.push({
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
      });
    }
  } finally {
    await iterator.return?.();
  }
  const mapping = details.mapping ?? (source.dialect === 'generic_csv' ? guessMapping(details.header) : null);
  const columns: PreviewColumn[] = details.header.map((header, index) => ({
    index,
    header,
    mappedTo: mapping ? ((mapping[String(index)] ?? null) as MappableField | null) : null,
    samples: samples[index] ?? [],
  }));
  return {
    fileId: options.fileId,
    fileName: options.fileName,
    sizeBytes: options.sizeBytes,
    encoding: source.encoding,
    encodingNote: source.encodingNote,
    dialect: source.dialect,
    confidence: details.confidence,
    candidates: details.candidates,
    delimiter: details.delimiter,
    headerLine: details.headerLine,
    columns,
    listings,
    defaultCurrency: options.defaultCurrency ?? FALLBACK_CURRENCY,
    currencyInFile: listings.length > 0 && listings.every((l) => l.currencyFromFile),
    problems,
    warnings,
  };
}
