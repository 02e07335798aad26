import type BetterSqlite3 from 'better-sqlite3';

/**
 * The grid's sort and filter indexes. Inserting into nine B-trees at random positions is a third
 * of the cost of a large load; building them afterwards (one sort each) is several times cheaper.
 */
export const DEFERRABLE_INDEXES = [
  'listings_title',
  'listings_sku',
  'listing_offers_price',
  'listing_offers_quantity',
  'listing_offers_updated',
  'listings_marketplace',
  'listings_status',
  'listings_score',
  'listings_errors',
] as const;

/** Below this many new rows the drop/rebuild costs more than it saves. */
export const MIN_ROWS_TO_DEFER = 50_000;

/**
 * Runs a large load with the sort indexes dropped, then rebuilds them, when the load at least
 * doubles the catalog. The dropped definitions are recorded in `pending_indexes` in the same
 * transaction as the drop, so a crash mid-load is repaired by `restorePendingIndexes` on the
 * next writer open. Meanwhile readers still get correct (slower, unindexed) sorts.
 */
export function withSortIndexesDeferred<T>(db: BetterSqlite3.Database, newRows: number, load: () => T): T {
  const existing = db.prepare('SELECT count(*) FROM listings').pluck().get() as number;
  if (newRows < MIN_ROWS_TO_DEFER || existing > newRows) return load();

  dropSortIndexes(db);
  try {
    return load();
  } finally {
    restorePendingIndexes(db);
  }
}

function dropSortIndexes(db: BetterSqlite3.Database): void {
  const definition = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?").pluck();
  const record = db.prepare('INSERT OR REPLACE INTO pending_indexes (name, sql) VALUES (?, ?)');
  db.transaction(() => {
    for (const name of DEFERRABLE_INDEXES) {
      const sql = definition.get(name) as string | undefined;
      if (sql === undefined) continue;
      record.run(name, sql);
      db.exec(`DROP INDEX ${name}`);
    }
  }).immediate();
}

/** Recreates every index a bulk load dropped; a no-op when none is pending. */
export function restorePendingIndexes(db: BetterSqlite3.Database): void {
  const pending = db.prepare('SELECT name, sql FROM pending_indexes').all() as { name: string; sql: string }[];
  if (pending.length === 0) return;
  const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?").pluck();
  const forget = db.prepare('DELETE FROM pending_indexes WHERE name = ?');
  // One transaction per index keeps the WAL to the size of one index, not all seven.
  for (const { name, sql } of pending) {
    db.transaction(() => {
      if (exists.get(name) === undefined) db.exec(sql);
      forget.run(name);
    }).immediate();
  }
}
