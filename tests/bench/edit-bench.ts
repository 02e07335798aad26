import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BulkEdit } from '../../common/edit-types.js';
import { listingFromRows, type ListingRow } from '../../core/catalog/listing-codec.js';
import { qualityOf } from '../../core/catalog/listing-quality.js';
import { openCatalog, type Catalog } from '../../core/catalog/open-catalog.js';
import { applyBulkEdit } from '../../core/edit/bulk-edit.js';
import { checkpoint } from '../../core/edit/checkpoint-later.js';
import { undoLast } from '../../core/edit/undo.js';

export interface EditBenchResult {
  /** bulk.apply until committed and visible to readers. */
  bulk_edit100k_ms: number;
  /** The WAL checkpoint the writer runs right after answering (checkpoint-later.ts). */
  bulk_edit100k_checkpoint_ms: number;
  bulk_undo100k_ms: number;
  bulk_undo100k_checkpoint_ms: number;
  /** Listings the bulk edit changed (and undo restored): the number the times are for. */
  bulk_edit_listings: number;
}

const PLUS_TEN_PERCENT: BulkEdit = { kind: 'price', op: 'percent', amount: 10, rounding: 'none' };

/**
 * Bulk price +10 % on `count` listings and its undo, in-process on a writer connection opened the
 * way the writer thread opens it — on a COPY of `catalogPath` (the cached catalog is never
 * modified). The listings are spread evenly over the catalog (every n-th id), like the matches of
 * a marketplace or status filter — the expensive case: nearly every one sits on its own table
 * page, where one import's contiguous ids would share pages. Listings not scored yet are scored
 * first, untimed: in the app the writer scores them in the background, so edits meet scored rows.
 * Each time is until the transaction committed; the WAL checkpoint the writer runs right after
 * answering is timed on its own.
 */
export async function measureBulkEdit(catalogPath: string, count = 100_000): Promise<EditBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'listsmith-edit-bench-'));
  try {
    const copy = join(dir, 'catalog.sqlite');
    await copyCatalog(catalogPath, copy);
    const catalog = openCatalog(copy, { role: 'writer' });
    try {
      const ids = spreadIds(catalog, count);
      scoreUnscored(catalog, ids);
      const pricesBefore = priceSum(catalog, ids);

      const [editMs, result] = timed(() => applyBulkEdit(catalog, { kind: 'ids', ids }, PLUS_TEN_PERCENT));
      const [editCheckpointMs] = timed(() => checkpoint(catalog.db));
      const [undoMs, undone] = timed(() => undoLast(catalog));
      const [undoCheckpointMs] = timed(() => checkpoint(catalog.db));

      if (undone.changed !== result.changed || undone.conflicts !== 0 || priceSum(catalog, ids) !== pricesBefore) {
        throw new Error(`edit bench: undo did not restore the prices (changed ${result.changed}, restored ${undone.changed}, conflicts ${undone.conflicts})`);
      }
      return {
        bulk_edit100k_ms: Math.round(editMs),
        bulk_edit100k_checkpoint_ms: Math.round(editCheckpointMs),
        bulk_undo100k_ms: Math.round(undoMs),
        bulk_undo100k_checkpoint_ms: Math.round(undoCheckpointMs),
        bulk_edit_listings: result.changed,
      };
    } finally {
      catalog.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * SQLite's online backup, page for page (same layout as the source), from a read-only connection:
 * a consistent copy even if a host that had the catalog open is still shutting down.
 */
async function copyCatalog(from: string, to: string): Promise<void> {
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(to);
  } finally {
    source.close();
  }
}

function timed<T>(run: () => T): [number, T] {
  const started = performance.now();
  const value = run();
  return [performance.now() - started, value];
}

/** `count` ids spread evenly over the catalog. */
function spreadIds(catalog: Catalog, count: number): number[] {
  const all = catalog.db.prepare('SELECT id FROM listings ORDER BY id').pluck().all() as number[];
  if (all.length <= count) return all;
  const step = all.length / count;
  return Array.from({ length: count }, (_, i) => all[Math.floor(i * step)]!);
}

function scoreUnscored(catalog: Catalog, ids: readonly number[]): void {
  const { db } = catalog;
  const read = db.prepare('SELECT * FROM listing_rows WHERE id = ? AND quality_score IS NULL');
  const write = db.prepare('UPDATE listings SET quality_score = ?, error_count = ?, failing_rules = ? WHERE id = ?');
  db.transaction(() => {
    for (const id of ids) {
      const row = read.get(id) as ListingRow | undefined;
      if (!row) continue;
      const quality = qualityOf(listingFromRows(row, []));
      write.run(quality.qualityScore, quality.errorCount, quality.failingRules, id);
    }
  })();
}

function priceSum(catalog: Catalog, ids: readonly number[]): number {
  const read = catalog.db.prepare('SELECT coalesce(price_minor, 0) FROM listing_offers WHERE id = ?').pluck();
  let sum = 0;
  for (const id of ids) sum += read.get(id) as number;
  return sum;
}
