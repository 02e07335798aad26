import type BetterSqlite3 from 'better-sqlite3';
import { catalogQuery } from './query-builder.js';
import { runWrite, selectFirstRow } from './run-compiled.js';

/**
 * The catalog's `settings` table: one JSON value per key (AI and photo choices, the rules version,
 * the rescore cursor, import presets). Each owner parses its own value defensively.
 */

/** The stored JSON text, or undefined when the key was never written. */
export function readSetting(db: BetterSqlite3.Database, key: string): string | undefined {
  return selectFirstRow(db, catalogQuery.selectFrom('settings').select('value').where('key', '=', key))?.value;
}

/** Stores `value` (JSON-encoded here) under `key`, replacing what was there. */
export function writeSetting(db: BetterSqlite3.Database, key: string, value: unknown): void {
  runWrite(
    db,
    catalogQuery
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value) })
      .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: (row) => row.ref('excluded.value') })),
  );
}

export function deleteSetting(db: BetterSqlite3.Database, key: string): void {
  runWrite(db, catalogQuery.deleteFrom('settings').where('key', '=', key));
}
