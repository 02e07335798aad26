import { once } from 'node:events';
import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { ExportPreview, Scope } from '../../common/contract.js';
import type { ExportFile, ExportFormat, ExportSummary, RowProblem } from '../../common/import-types.js';
import { EXPORT_FORMAT_LABELS } from '../../common/import-types.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { csvField, defuseText, numberCell, tsvField, tsvText } from './cells.js';
import { EXPORT_TARGETS } from './formats/index.js';
import { xmlFeedEncoder } from './xml-feed.js';
import { FilePlanner, partitionKey, prepareListing, ProblemList, toPreview, type KeyClaims, type PlannedFile } from './plan.js';
import { CHUNK_SIZE, ListingReader, scopeIds } from '../catalog/read-scope.js';
import type { Column, ExportSettings, ExportTarget, OutputRow } from './target.js';

export interface ExportProgress {
  phase: 'checking' | 'writing';
  done: number;
  total: number;
  ratePerSecond: number | null;
  etaSeconds: number | null;
}

/** Where one file of an export goes. */
export interface FileDestination {
  path: string;
  fileName: string;
  fileId?: string;
}

export interface ExportOptions extends ExportSettings {
  format: ExportFormat;
  scope: Scope;
  /** The first file. */
  outPath: string;
  /** Its name as shown (default: outPath's). */
  outName?: string;
  outFileId?: string;
  /**
   * Where each further file goes, given its name (the first file's name + `suffix`, e.g.
   * `-2-without-vendor`). Default: beside outPath.
   */
  placeFile?: (fileName: string, suffix: string) => FileDestination;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

export class ExportCancelledError extends Error {
  constructor() {
    super('The export was cancelled; its partial files were deleted.');
  }
}

const PROGRESS_INTERVAL_MS = 250;
/** Problems an export summary keeps (the counts are exact). */
const MAX_SUMMARY_PROBLEMS = 1_000;

const MARKETPLACE_NAME: Record<ExportFormat, string> = {
  shopify: 'Shopify',
  shopify_legacy: 'Shopify',
  etsy: 'Etsy',
  ebay_seller_hub: 'eBay',
  amazon_flat_file: 'Amazon',
  woocommerce: 'WooCommerce',
  google_merchant: 'Google Merchant Center',
  google_merchant_xml: 'Google Merchant Center',
  jsonl: 'import',
};

/** Runs `body` in one read transaction (one consistent catalog state for both passes). */
async function inReadTransaction<T>(catalog: Catalog, body: () => Promise<T>): Promise<T> {
  const own = !catalog.db.inTransaction;
  if (own) catalog.db.exec('BEGIN');
  try {
    return await body();
  } finally {
    if (own && catalog.db.inTransaction) catalog.db.exec('COMMIT');
  }
}

interface PlanResult {
  ids: ArrayLike<number>;
  files: PlannedFile[];
  notes: RowProblem[];
  skipped: ProblemList;
  changed: ProblemList;
  exported: number;
  ebaySiteChoice: ExportPreview['ebaySiteChoice'];
}

interface PlanOptions extends ExportSettings {
  signal?: AbortSignal;
  onProgress?: (p: ExportProgress) => void;
  maxListed?: number;
}

/** Pass 1: validates every listing and decides the files and their columns (see FilePlanner). */
async function plan(catalog: Catalog, format: ExportTarget, scope: Scope, options: PlanOptions): Promise<PlanResult> {
  const ids = scopeIds(catalog, scope);
  const reader = new ListingReader(catalog.db);
  const planner = new FilePlanner();
  const skipped = new ProblemList(options.maxListed);
  const changed = new ProblemList(options.maxListed);
  const formatNotes = format.notes?.() ?? null;
  const progress = progressReporter('checking', ids.length, options.onProgress);
  const claims: KeyClaims = new Map();
  for (let from = 0; from < ids.length; from += CHUNK_SIZE) {
    if (options.signal?.aborted) throw new ExportCancelledError();
    for (const listing of reader.read(ids, from)) {
      const prepared = prepareListing(format, listing, options, claims);
      if (!prepared.ok) {
        skipped.add(listing, prepared.column, prepared.reason);
        continue;
      }
      for (const change of prepared.changes) changed.add(listing, change.column, change.message);
      formatNotes?.add(prepared.listing, options);
      planner.add(prepared);
    }
    await progress(Math.min(from + CHUNK_SIZE, ids.length));
  }
  const planned = format.kind === 'jsonl' ? [wholeFile(format, planner.exported, 'every field')] : planner.files(MARKETPLACE_NAME[format.format]);
  // Nothing to export still writes the format's header (a template to fill).
  const files = planned.length > 0 ? planned : [wholeFile(format, 0, 'the header only')];
  const notes: RowProblem[] = [];
  if (files.length > 1) {
    notes.push({ line: 0, column: null, message: `${files.length} files: ${files.map((file, i) => `${i === 0 ? 'the main file' : `file ${i + 1}`} (${file.note})`).join('; ')}.` });
  }
  notes.push(...(formatNotes?.notes() ?? []));
  if (format.kind === 'tsv' && planner.exported > 0) {
    notes.push({ line: 0, column: null, message: 'Tabs and line breaks inside values become spaces: a Google TSV feed cannot hold them.' });
  }
  return { ids, files, notes, skipped, changed, exported: planner.exported, ebaySiteChoice: formatNotes?.ebaySiteChoice?.(options) ?? null };
}

/** The one file of a format that never splits (JSON Lines), or of an export with no listings (every column: a template to fill). */
function wholeFile(target: ExportTarget, listings: number, what: string): PlannedFile {
  const columns = [...target.columns];
  return { keys: ['|'], target, lacking: [], listings, columns, suffix: '', note: `${listings.toLocaleString('en-US')} ${listings === 1 ? 'listing' : 'listings'}, ${what}` };
}

/** What an export would write: listings in, skipped (and why), values changed to fit, the files and why. */
export async function previewExport(catalog: Catalog, options: { format: ExportFormat; scope: Scope; signal?: AbortSignal } & ExportSettings): Promise<ExportPreview> {
  const format = EXPORT_TARGETS[options.format];
  return inReadTransaction(catalog, async () => {
    const result = await plan(catalog, format, options.scope, options);
    const base = exportFileName(options.format);
    const files = result.files.map((file) => ({ fileName: withSuffix(base, file.suffix), rows: file.listings, note: file.note }));
    return toPreview(result.exported, result.skipped, result.changed, result.notes, files, result.ebaySiteChoice);
  });
}

/** `listsmith-shopify-2026-12-04.csv` + `-2-without-vendor` → `listsmith-shopify-2026-12-04-2-without-vendor.csv`. */
export function withSuffix(fileName: string, suffix: string): string {
  const extension = extname(fileName);
  return `${fileName.slice(0, fileName.length - extension.length)}${suffix}${extension}`;
}

/** One open output file with backpressure. */
class OutputFile {
  private readonly stream: WriteStream;
  private readonly failed: Promise<never>;

  constructor(readonly destination: FileDestination) {
    this.stream = createWriteStream(destination.path);
    this.failed = new Promise<never>((_, reject) => this.stream.once('error', reject));
    this.failed.catch(() => undefined);
  }

  async write(text: string): Promise<void> {
    if (text !== '' && !this.stream.write(text)) await Promise.race([once(this.stream, 'drain'), this.failed]);
  }

  async close(): Promise<void> {
    this.stream.end();
    await Promise.race([once(this.stream, 'finish'), this.failed]);
  }

  async discard(): Promise<void> {
    this.stream.destroy();
    await once(this.stream, 'close').catch(() => undefined);
    rmSync(this.destination.path, { force: true });
  }
}

/**
 * Writes the export in two passes over one read snapshot: pass 1 validates and decides the files
 * and their columns (never-blank rule), pass 2 streams every file chunk by chunk with
 * backpressure, each listing to the file of its layout and lacking columns. Listings that cannot
 * be valid for the format are skipped and counted, never silently cut. A cancel (or an error)
 * deletes every partial file.
 */
export async function exportListings(catalog: Catalog, options: ExportOptions): Promise<ExportSummary> {
  const format = EXPORT_TARGETS[options.format];
  const outputs: OutputFile[] = [];
  try {
    return await inReadTransaction(catalog, async () => {
      const planned = await plan(catalog, format, options.scope, { ...options, maxListed: MAX_SUMMARY_PROBLEMS });
      const firstName = options.outName ?? basename(options.outPath);
      const place = options.placeFile ?? ((fileName: string) => ({ path: join(dirname(options.outPath), fileName), fileName }));
      const outputsByKey = new Map<string, OpenFile>();
      const files: OpenFile[] = [];
      for (const [index, file] of planned.files.entries()) {
        const destination: FileDestination =
          index === 0 ? { path: options.outPath, fileName: firstName, ...(options.outFileId ? { fileId: options.outFileId } : {}) } : place(withSuffix(firstName, file.suffix), file.suffix);
        const output = new OutputFile(destination);
        outputs.push(output);
        const encode = rowEncoder(file.target, file.columns);
        if (file.target.bom) await output.write('\uFEFF');
        if (file.target.kind !== 'jsonl') await output.write(encode.header());
        const open: OpenFile = { output, file, encode, written: 0, pending: '' };
        files.push(open);
        for (const key of file.keys) outputsByKey.set(key, open);
      }

      const reader = new ListingReader(catalog.db);
      const progress = progressReporter('writing', planned.ids.length, options.onProgress);
      const claims: KeyClaims = new Map();
      let written = 0;
      for (let from = 0; from < planned.ids.length; from += CHUNK_SIZE) {
        if (options.signal?.aborted) throw new ExportCancelledError();
        for (const listing of reader.read(planned.ids, from)) {
          const prepared = prepareListing(format, listing, options, claims);
          if (!prepared.ok) continue;
          const open = outputsByKey.get(format.kind === 'jsonl' ? '|' : partitionKey(prepared));
          if (!open) throw new Error(`Listing #${listing.id} changed between the two passes of the export; export again.`);
          open.pending += format.kind === 'jsonl' ? `${JSON.stringify(prepared.listing)}\n` : prepared.rows.map(open.encode.row).join('');
          open.written++;
          written++;
        }
        for (const open of files) {
          await open.output.write(open.pending);
          open.pending = '';
        }
        await progress(Math.min(from + CHUNK_SIZE, planned.ids.length));
      }
      const results: ExportFile[] = [];
      for (const { output, file, encode, written: rows } of files) {
        if (encode.footer) await output.write(encode.footer());
        await output.close();
        results.push({ ...output.destination, rows, note: file.note });
      }
      return {
        format: options.format,
        rows: written,
        skipped: planned.skipped.count,
        problems: [...planned.notes, ...planned.skipped.items, ...planned.changed.items].slice(0, MAX_SUMMARY_PROBLEMS),
        path: results[0]?.path ?? options.outPath,
        files: results,
      } satisfies ExportSummary;
    });
  } catch (error) {
    for (const output of outputs) await output.discard();
    throw error;
  }
}

interface OpenFile {
  output: OutputFile;
  file: PlannedFile;
  encode: RowEncoder;
  written: number;
  /** This chunk's text for the file, written once per chunk. */
  pending: string;
}

interface RowEncoder {
  header: () => string;
  row: (row: OutputRow) => string;
  /** Closes the document (an XML feed's root), written after the last row. */
  footer?: () => string;
}

function rowEncoder(target: ExportTarget, columns: readonly Column[]): RowEncoder {
  if (target.kind === 'xml') return xmlFeedEncoder(columns);
  const field = target.kind === 'tsv' ? tsvField : csvField;
  // A text cell: guarded against formulas (the TSV's after its line breaks become spaces) and quoted as the format quotes.
  const encode = target.kind === 'tsv' ? tsvText : (value: string): string => csvField(defuseText(value));
  const separator = target.kind === 'tsv' ? '\t' : ',';
  const end = target.kind === 'tsv' ? '\n' : '\r\n';
  return {
    header: () => columns.map((column) => field(column.header)).join(separator) + end,
    row: (row) => {
      let line = '';
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i]!;
        const value = row.cells[column.key];
        // A lacking (null) cell only reaches a written column on a row where a blank keeps the value.
        const text = value === null || value === undefined || value === '' ? '' : column.type === 'number' && row.verbatim?.has(column.key) !== true ? numberCell(value) : encode(String(value));
        line += i === 0 ? text : separator + text;
      }
      return line + end;
    },
  };
}

function progressReporter(phase: ExportProgress['phase'], total: number, onProgress?: (p: ExportProgress) => void): (done: number) => Promise<void> {
  const started = Date.now();
  let last = 0;
  return async (done) => {
    const now = Date.now();
    if (done < total && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    const elapsed = (now - started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : null;
    onProgress?.({ phase, done, total, ratePerSecond: rate === null ? null : Math.round(rate), etaSeconds: rate ? Math.round((total - done) / rate) : null });
    // Let a cancel message reach this thread between chunks.
    await new Promise((resolve) => setImmediate(resolve));
  };
}

/** E.g. listsmith-shopify-2026-11-22.csv */
export function exportFileName(format: ExportFormat, at = new Date()): string {
  const day = at.toISOString().slice(0, 10);
  return `listsmith-${format.replace(/_/g, '-')}-${day}.${EXPORT_TARGETS[format].extension}`;
}

export { EXPORT_FORMAT_LABELS };
