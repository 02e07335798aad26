import type BetterSqlite3 from 'better-sqlite3';
import { padIds, placeholders } from './fixed-width-in.js';
import { prepared } from './prepared.js';

/**
 * The one way core reads "the rows for these ids": ID_CHUNK ids at a time, through a statement with
 * an `IN (…)` of exactly ID_CHUNK placeholders (fixed-width-in.ts), prepared once per connection
 * (prepared.ts). The grid's page reader is the one exception: it keeps a few narrower widths so a
 * 50-row page does not bind 500 parameters (grid-views.ts).
 */
export const ID_CHUNK = 500;

/** `IN (?, …, ?)` with ID_CHUNK placeholders: the slot readByIds fills. */
export const IN_ID_CHUNK = `IN (${placeholders(ID_CHUNK)})`;

/**
 * `IN (…)` over one JSON array parameter, for statements whose id list has no bound (the revisions
 * of a chunk of listings) and that run once per chunk, not per row: one statement, any length.
 */
export const IN_JSON_IDS = 'IN (SELECT value FROM json_each(?))';

/** `ids` in consecutive chunks of at most `size`. */
export function* idChunks(ids: ArrayLike<number>, size = ID_CHUNK): Generator<number[]> {
  for (let start = 0; start < ids.length; start += size) {
    const chunk: number[] = [];
    for (let i = start; i < Math.min(start + size, ids.length); i++) chunk.push(ids[i]!);
    yield chunk;
  }
}

/**
 * Runs `sql`, which holds IN_ID_CHUNK once (its only parameters), for up to ID_CHUNK ids. `R` is a
 * schema-derived row type (schema.ts) naming the columns the SQL selects.
 */
export function readByIds<R>(db: BetterSqlite3.Database, sql: string, ids: readonly number[]): R[] {
  if (ids.length === 0) return [];
  if (ids.length > ID_CHUNK) throw new RangeError(`readByIds reads at most ${ID_CHUNK} ids at a time (got ${ids.length}); split them with idChunks`);
  return prepared(db, sql).all(...padIds(ids, ID_CHUNK)) as R[];
}

/**
 * The given columns of up to ID_CHUNK listings (`listing_rows`), by id; ids no longer present are
 * absent from the map. For readers that pick their columns at run time (bulk edits, undo/redo).
 */
export function readRowsById(db: BetterSqlite3.Database, columns: readonly string[], ids: readonly number[]): Map<number, Record<string, unknown>> {
  const rows = new Map<number, Record<string, unknown>>();
  const sql = `SELECT id, ${columns.join(', ')} FROM listing_rows WHERE id ${IN_ID_CHUNK}`;
  for (const row of readByIds<Record<string, unknown>>(db, sql, ids)) rows.set(row.id as number, row);
  return rows;
}
