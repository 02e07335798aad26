import type BetterSqlite3 from 'better-sqlite3';
import { prepared } from '../catalog/prepared.js';
import { padIds, placeholders } from '../catalog/fixed-width-in.js';

/** Rows are read this many at a time: one prepared `IN (…)` of fixed width per column list. */
export const ROW_CHUNK = 500;

/**
 * Reads the given columns of up to ROW_CHUNK listings by id (ids no longer present are absent
 * from the map), through one prepared statement of ROW_CHUNK parameters (fixed-width-in.ts).
 */
export function readRowsById(db: BetterSqlite3.Database, columns: readonly string[], ids: readonly number[]): Map<number, Record<string, unknown>> {
  const rows = new Map<number, Record<string, unknown>>();
  if (ids.length === 0) return rows;
  if (ids.length > ROW_CHUNK) throw new RangeError(`readRowsById reads at most ${ROW_CHUNK} ids at a time`);
  const sql = `SELECT id, ${columns.join(', ')} FROM listing_rows WHERE id IN (${placeholders(ROW_CHUNK)})`;
  for (const row of prepared(db, sql).all(...padIds(ids, ROW_CHUNK)) as Record<string, unknown>[]) rows.set(row.id as number, row);
  return rows;
}
