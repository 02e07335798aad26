import type { ImportDialect, RowProblem, RowUnit, TextEncoding } from '../../common/import-types.js';
import type { NewListing } from '../catalog/insert-listings.js';

/**
 * What the import parsers hand to the writer: one listing (possibly assembled from several file
 * rows — Shopify handle groups, WooCommerce parent + variations) or one rejected row. Every data
 * row of the file appears in exactly one record, so the report can account for each: a listing's
 * first line is its own row, the others are its variant or image rows. A variant row that cannot
 * be read is a `rejected` record of its own (that variant only is lost, with its reason).
 */
export type MappedRecord =
  | {
      kind: 'listing';
      lines: number[];
      listing: NewListing;
      warnings: RowProblem[];
      /** The file states the listing's currency (false: the import's default). Sources built in memory leave it out. */
      currencyFromFile?: boolean;
      /** Parts of the listing's own rows that were not imported (a bad variant on the product's row), shown as errors. */
      errors?: RowProblem[];
    }
  | { kind: 'rejected'; lines: number[]; problem: RowProblem };

/** A parsed import source: what it is, and its records as a stream (bounded memory at 1M rows). */
export interface ImportSource {
  dialect: ImportDialect;
  encoding: TextEncoding;
  encodingNote: string | null;
  /** Which sheet of an Excel workbook or which file of a ZIP archive was read (null: a plain file). */
  containerNote: string | null;
  records: AsyncIterable<MappedRecord>;
  /** Bytes of the file consumed so far (for progress). */
  bytesRead(): number;
  totalBytes: number;
  /** Data rows seen so far (grows while records are read). */
  dataRows(): number;
  /** What records' `lines` count: a table's lines, or an XML feed's or JSON array's items (absent: lines). */
  rowUnit?: RowUnit;
  /** What the reader noticed about the file as a whole (a duplicate header, a skipped instruction row): the report's first warnings. */
  notes?: readonly RowProblem[];
  /** The currency of listings whose file states none, and who decided it (sources built in memory: USD, fallback). */
  defaultCurrency?: { code: string; origin: 'chosen' | 'hint' | 'fallback' };
}
