import type BetterSqlite3 from 'better-sqlite3';

export type CatalogRole = 'writer' | 'reader';

interface PragmaSetting {
  name: string;
  set: string;
  /** What reading the pragma back must return once the setting took effect. */
  expect: string | number;
  why: string;
}

const SHARED: readonly PragmaSetting[] = [
  { name: 'journal_mode', set: 'WAL', expect: 'wal', why: 'readers must not block the writer' },
  { name: 'synchronous', set: 'NORMAL', expect: 1, why: 'safe with WAL and much faster than FULL' },
  { name: 'foreign_keys', set: 'ON', expect: 1, why: 'variants must die with their listing' },
  { name: 'busy_timeout', set: '5000', expect: 5000, why: 'wait for a lock instead of failing at once' },
  // Without it, INSERT OR REPLACE deletes rows without firing delete triggers, which would
  // leave listing_counts and the full-text index wrong.
  { name: 'recursive_triggers', set: 'ON', expect: 1, why: 'REPLACE must fire delete triggers' },
];

const WRITER: readonly PragmaSetting[] = [
  // 64 MiB page cache: bulk inserts touch eight indexes; the 2 MiB default thrashes at 1M rows.
  { name: 'cache_size', set: '-65536', expect: -65536, why: 'bulk inserts touch many index pages' },
  // A write to a table with triggers keeps a statement journal of every page it touches; past
  // 64 KiB SQLite spills it to a temp file, per statement. An insert into listings touches more
  // than that (a dozen indexes), so the file cost more than the whole row write: 30k imported
  // listings took 2.5 s with temp files, 1.2 s with this (tests/bench/import-bench.ts).
  { name: 'temp_store', set: 'MEMORY', expect: 2, why: "trigger writes' statement journals must not spill to temp files" },
];

const READER: readonly PragmaSetting[] = [
  { name: 'cache_size', set: '-32768', expect: -32768, why: 'grid pages and snapshots re-read hot index pages' },
  { name: 'query_only', set: 'ON', expect: 1, why: 'a reader must never write' },
];

/**
 * Sets every connection pragma and reads each one back: a pragma SQLite silently ignores (an
 * in-memory database refusing WAL, a locked file) fails loudly here instead of degrading later.
 */
export function applyConnectionPragmas(db: BetterSqlite3.Database, role: CatalogRole): void {
  for (const pragma of [...SHARED, ...(role === 'writer' ? WRITER : READER)]) {
    db.pragma(`${pragma.name} = ${pragma.set}`);
    const actual = db.pragma(pragma.name, { simple: true });
    if (actual !== pragma.expect) {
      throw new Error(
        `Catalog connection (${role}) could not set PRAGMA ${pragma.name} = ${pragma.set} (${pragma.why}): it reads back ${String(actual)}, expected ${String(pragma.expect)}.`,
      );
    }
  }
}
