import type BetterSqlite3 from 'better-sqlite3';

/** An import or bulk edit of at least this many listings refreshes the planner's statistics. */
export const PLANNER_CARE_MIN_ROWS = 10_000;

/**
 * `PRAGMA optimize`: SQLite re-runs ANALYZE where the statistics have gone stale (with its own
 * analysis limit since 3.46, so it stays around 0.1 s on a large catalog), so the planner keeps
 * choosing the right index as the catalog grows — a wrong plan once cost 3 s.
 *
 * - `afterBulkWrite` (after a large import or bulk edit): every table is checked (mask 0x10002),
 *   which also analyzes a table that never was — plain `optimize` leaves those alone.
 * - otherwise (when the writer closes): plain `optimize`, which only looks at what this
 *   connection's queries used, as SQLite advises at close.
 *
 * Writer only. A failure (disk full, a read-only file) must not fail the work before it.
 */
export function optimizePlanner(db: BetterSqlite3.Database, options: { afterBulkWrite?: boolean } = {}): void {
  try {
    db.pragma(options.afterBulkWrite ? 'optimize = 0x10002' : 'optimize');
  } catch {
    // Statistics are an optimisation: the catalog is correct without them.
  }
}
