import type BetterSqlite3 from 'better-sqlite3';
import { prepared } from './prepared.js';

/** Rows are read this many at a time: one prepared `IN (…)` of fixed width per column list. */
export const ROW_CHUNK = 500;

/**
 * Reads the given columns of up to ROW_CHUNK listings by id (ids no longer present are absent
 * from the map). The statement always has ROW_CHUNK parameters, padded with the first id
 * (duplicates in IN (…) match nothing extra), so one prepared statement serves every chunk.
 */
export function readRowsById(db: BetterSqlite3.Database, columns: readonly string[], ids: readonly number[]): Map<number, Record<string, unknown>> {
  const rows = new Map<number, Record<string, unknown>>();
  if (ids.length === 0) return rows;
  if (ids.length > ROW_CHUNK) throw new RangeError(`readRowsById reads at most ${ROW_CHUNK} ids at a time`);
  const sql = `SELECT id, ${columns.join(', ')} FROM listing_rows WHERE id IN (${Array(ROW_CHUNK).fill('?').join(', ')})`;
  const padded = ids.length === ROW_CHUNK ? ids : ids.concat(Array<number>(ROW_CHUNK - ids.length).fill(ids[0]!));
  for (const row of prepared(db, sql).all(...padded) as Record<string, unknown>[]) rows.set(row.id as number, row);
  return rows;
}
