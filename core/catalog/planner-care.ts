import type BetterSqlite3 from 'better-sqlite3';

/** An import or bulk edit of at least this many listings refreshes the planner's statistics. */
export const PLANNER_CARE_MIN_ROWS = 10_000;

/**
 * `PRAGMA optimize`: SQLite re-runs ANALYZE on the tables whose size changed a lot since their
 * statistics were taken (with its own analysis limit since 3.46, so it stays in the milliseconds
 * on a 1M catalog), so the planner keeps choosing the right index as the catalog grows — a wrong
 * plan once cost 3 s. Run after a large import or bulk edit and when the writer closes. Writer
 * only; a failure (disk full, a locked file) must not fail the work that came before it.
 */
export function optimizePlanner(db: BetterSqlite3.Database): void {
  try {
    db.pragma('optimize');
  } catch {
    // Statistics are an optimisation: the catalog is correct without them.
  }
}
