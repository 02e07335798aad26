import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Scope } from '../../common/contract.js';
import { openCatalog, type Catalog } from '../../core/catalog/open-catalog.js';
import { checkpoint } from '../../core/edit/checkpoint-later.js';
import { deleteListings } from '../../core/edit/delete-listings.js';
import { redoLast, undoLast } from '../../core/edit/undo.js';

export interface DeleteBenchResult {
  /** listings.delete of `delete_listings` listings until committed (snapshots written, rows gone). */
  delete100k_ms: number;
  /** The WAL checkpoint the writer runs right after answering. */
  delete100k_checkpoint_ms: number;
  /** Its undo: every listing back under its id. */
  delete_undo100k_ms: number;
  delete_undo100k_checkpoint_ms: number;
  /** Its redo: taken out again. */
  delete_redo100k_ms: number;
  delete_listings: number;
}

/**
 * Deleting `count` listings, its undo and its redo, in-process on a writer connection — on a COPY
 * of `catalogPath` (the cached catalog is never modified). With a catalog of `count` listings or
 * fewer that is the whole catalog (removing the demo catalog); in a larger one the listings are
 * spread evenly over it (every n-th id), the expensive case, as in edit-bench.ts. After each step
 * the counters and the search index are checked against the rows (untimed): a fast delete that
 * leaves them wrong is a failure, not a number.
 */
export async function measureDelete(catalogPath: string, count = 100_000): Promise<DeleteBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'listsmith-delete-bench-'));
  try {
    const copy = join(dir, 'catalog.sqlite');
    const source = new Database(catalogPath, { readonly: true, fileMustExist: true });
    try {
      await source.backup(copy);
    } finally {
      source.close();
    }
    const catalog = openCatalog(copy, { role: 'writer' });
    try {
      const total = catalog.db.prepare('SELECT count(*) FROM listings').pluck().get() as number;
      const scope: Scope = total <= count ? { kind: 'all' } : { kind: 'ids', ids: spreadIds(catalog, count) };

      const [deleteMs, result] = timed(() => deleteListings(catalog, scope));
      const [deleteCheckpointMs] = timed(() => checkpoint(catalog.db));
      assertConsistent(catalog, total - result.deleted, 'delete');
      const [undoMs, undone] = timed(() => undoLast(catalog));
      const [undoCheckpointMs] = timed(() => checkpoint(catalog.db));
      if (undone.putBack !== result.deleted) throw new Error(`delete bench: undo put back ${undone.putBack} of ${result.deleted} listings`);
      assertConsistent(catalog, total, 'undo');
      const [redoMs, redone] = timed(() => redoLast(catalog));
      if (redone.removed !== result.deleted) throw new Error(`delete bench: redo removed ${redone.removed} of ${result.deleted} listings`);
      assertConsistent(catalog, total - result.deleted, 'redo');
      return {
        delete100k_ms: Math.round(deleteMs),
        delete100k_checkpoint_ms: Math.round(deleteCheckpointMs),
        delete_undo100k_ms: Math.round(undoMs),
        delete_undo100k_checkpoint_ms: Math.round(undoCheckpointMs),
        delete_redo100k_ms: Math.round(redoMs),
        delete_listings: result.deleted,
      };
    } finally {
      catalog.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
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
  const step = all.length / count;
  return Array.from({ length: count }, (_, i) => all[Math.floor(i * step)]!);
}

/** The trigger-kept counters equal a recount, and the full-text index is whole. */
function assertConsistent(catalog: Catalog, listings: number, after: string): void {
  const value = (sql: string): number => catalog.db.prepare(sql).pluck().get() as number;
  const counted = value('SELECT coalesce(sum(n), 0) FROM listing_counts');
  const scored = value('SELECT coalesce(sum(n), 0) FROM score_counts');
  const withQuality = value('SELECT count(*) FROM listings WHERE quality_score IS NOT NULL');
  const offers = value('SELECT count(*) FROM listing_offers');
  if (value('SELECT count(*) FROM listings') !== listings || counted !== listings || offers !== listings || scored !== withQuality) {
    throw new Error(`delete bench: after ${after}, ${listings} listings expected; counters say ${counted}, offers ${offers}, scores ${scored} of ${withQuality}`);
  }
  catalog.db.prepare("INSERT INTO listings_fts (listings_fts, rank) VALUES ('integrity-check', 1)").run();
}
