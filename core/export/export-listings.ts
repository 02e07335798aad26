import { once } from 'node:events';
import { createWriteStream, rmSync } from 'node:fs';
import type { ExportPreview, Scope } from '../../common/contract.js';
import type { ExportFormat, ExportSummary, RowProblem } from '../../common/import-types.js';
import { EXPORT_FORMAT_LABELS } from '../../common/import-types.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { csvField, defuseText, numberCell, tsvField } from './cells.js';
import { EXPORT_TARGETS } from './formats/index.js';
import { ColumnPlanner, prepareListing, ProblemList, toPreview } from './plan.js';
import { CHUNK_SIZE, ListingReader, scopeIds } from './read-scope.js';
import type { Column, ExportTarget, OutputRow } from './target.js';

export interface ExportProgress {
  phase: 'checking' | 'writing';
  done: number;
  total: number;
  ratePerSecond: number | null;
  etaSeconds: number | null;
}

export interface ExportOptions {
  format: ExportFormat;
  scope: Scope;
  outPath: string;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

export class ExportCancelledError extends Error {
  constructor() {
    super('The export was cancelled; its partial file was deleted.');
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
  columns: Column[];
  notes: RowProblem[];
  skipped: ProblemList;
  changed: ProblemList;
  exported: number;
}

/** Pass 1: validates every listing and decides the columns (see ColumnPlanner). */
async function plan(catalog: Catalog, target: ExportTarget, scope: Scope, options: { signal?: AbortSignal; onProgress?: (p: ExportProgress) => void; maxListed?: number }): Promise<PlanResult> {
  const ids = scopeIds(catalog, scope);
  const reader = new ListingReader(catalog.db);
  const planner = new ColumnPlanner(target);
  const skipped = new ProblemList(options.maxListed);
  const changed = new ProblemList(options.maxListed);
  const progress = progressReporter('checking', ids.length, options.onProgress);
  for (let from = 0; from < ids.length; from += CHUNK_SIZE) {
    if (options.signal?.aborted) throw new ExportCancelledError();
    for (const listing of reader.read(ids, from)) {
      const prepared = prepareListing(target, planner.columnsByKey, listing);
      if (!prepared.ok) {
        skipped.add(listing, prepared.column, prepared.reason);
        continue;
      }
      for (const change of prepared.changes) changed.add(listing, change.column, change.message);
      planner.add(prepared.rows);
    }
    await progress(Math.min(from + CHUNK_SIZE, ids.length));
  }
  const { columns, notes } = target.kind === 'jsonl' ? { columns: [], notes: [] } : planner.result(MARKETPLACE_NAME[target.format]);
  if (target.kind === 'tsv' && planner.exported > 0) {
    notes.push({ line: 0, column: null, message: 'Tabs and line breaks inside values become spaces: a Google TSV feed cannot hold them.' });
  }
  return { ids, columns, notes, skipped, changed, exported: planner.exported };
}

/** What an export would write: listings in, skipped (and why), values changed to fit, columns left out. */
export async function previewExport(catalog: Catalog, options: { format: ExportFormat; scope: Scope; signal?: AbortSignal }): Promise<ExportPreview> {
  const target = EXPORT_TARGETS[options.format];
  return inReadTransaction(catalog, async () => {
    const result = await plan(catalog, target, options.scope, options);
    return toPreview(result.exported, result.skipped, result.changed, result.notes);
  });
}

/**
 * Writes the export in two passes over one read snapshot: pass 1 validates and decides the
 * columns (never-blank rule), pass 2 streams the file chunk by chunk with backpressure. Listings
 * that cannot be valid for the format are skipped and counted, never silently cut. A cancel (or
 * an error) deletes the partial file.
 */
export async function exportListings(catalog: Catalog, options: ExportOptions): Promise<ExportSummary> {
  const target = EXPORT_TARGETS[options.format];
  const stream = createWriteStream(options.outPath);
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  const write = async (text: string): Promise<void> => {
    if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed]);
  };
  try {
    const summary = await inReadTransaction(catalog, async () => {
      const planned = await plan(catalog, target, options.scope, { ...options, maxListed: MAX_SUMMARY_PROBLEMS });
      if (target.bom) await write('\uFEFF');
      const encodeRow = rowEncoder(target, planned.columns);
      if (target.kind !== 'jsonl') await write(encodeRow.header());

      const reader = new ListingReader(catalog.db);
      const columnsByKey = new Map(target.columns.map((column) => [column.key, column]));
      const progress = progressReporter('writing', planned.ids.length, options.onProgress);
      let written = 0;
      for (let from = 0; from < planned.ids.length; from += CHUNK_SIZE) {
        if (options.signal?.aborted) throw new ExportCancelledError();
        let text = '';
        for (const listing of reader.read(planned.ids, from)) {
          const prepared = prepareListing(target, columnsByKey, listing);
          if (!prepared.ok) continue;
          text += target.kind === 'jsonl' ? `${JSON.stringify(prepared.listing)}\n` : prepared.rows.map(encodeRow.row).join('');
          written++;
        }
        await write(text);
        await progress(Math.min(from + CHUNK_SIZE, planned.ids.length));
      }
      return {
        format: options.format,
        rows: written,
        skipped: planned.skipped.count,
        problems: [...planned.notes, ...planned.skipped.items, ...planned.changed.items].slice(0, MAX_SUMMARY_PROBLEMS),
        path: options.outPath,
      } satisfies ExportSummary;
    });
    stream.end();
    await Promise.race([once(stream, 'finish'), failed]);
    return summary;
  } catch (error) {
    stream.destroy();
    await once(stream, 'close').catch(() => undefined);
    rmSync(options.outPath, { force: true });
    throw error;
  }
}

function rowEncoder(target: ExportTarget, columns: readonly Column[]): { header: () => string; row: (row: OutputRow) => string } {
  const field = target.kind === 'tsv' ? tsvField : csvField;
  const separator = target.kind === 'tsv' ? '\t' : ',';
  const end = target.kind === 'tsv' ? '\n' : '\r\n';
  return {
    header: () => columns.map((column) => field(column.header)).join(separator) + end,
    row: (row) => {
      let line = '';
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i]!;
        const value = row.cells[column.key];
        // null cannot reach a written column (the planner left such columns out); undefined is "not applicable".
        const text = value === null || value === undefined ? '' : column.type === 'number' ? numberCell(value) : field(defuseText(String(value)));
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
