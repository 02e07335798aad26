import type BetterSqlite3 from 'better-sqlite3';

/**
 * Runs a large write with SQLite's automatic WAL checkpoint suspended. By default the commit that
 * pushes the WAL past 1,000 pages also copies every page back into the database file before it
 * returns: ~1 s after a 100k-row bulk edit on a 1M catalog, spent before the seller sees the
 * result. Suspended, the commit returns as soon as the change is durable in the WAL (readers see
 * it at once); the caller then runs `checkpoint` after answering. Should that never happen, the
 * setting is restored here, so the next commit on this connection checkpoints as usual.
 */
export function withCheckpointDeferred<T>(db: BetterSqlite3.Database, write: () => T): T {
  const previous = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  try {
    return write();
  } finally {
    db.pragma(`wal_autocheckpoint = ${previous}`);
  }
}

/** Copies committed WAL pages into the database file, as far as open readers allow (never blocks them). */
export function checkpoint(db: BetterSqlite3.Database): void {
  db.pragma('wal_checkpoint(PASSIVE)');
}
