import type BetterSqlite3 from 'better-sqlite3';
import { catalogQuery } from './query-builder.js';
import { compileOnce } from './run-compiled.js';

/**
 * The catalog's `settings` table: one JSON value per key (AI and photo choices, the rules version,
 * the rescore cursor, import presets). Each owner parses its own value defensively.
 */

const read = compileOnce((setting: { key: string }) => catalogQuery.selectFrom('settings').select('value').where('key', '=', setting.key));
const upsert = compileOnce((setting: { key: string; value: string }) =>
  catalogQuery
    .insertInto('settings')
    .values({ key: setting.key, value: setting.value })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: (row) => row.ref('excluded.value') })),
);
const remove = compileOnce((setting: { key: string }) => catalogQuery.deleteFrom('settings').where('key', '=', setting.key));

/** The stored JSON text, or undefined when the key was never written. */
export function readSetting(db: BetterSqlite3.Database, key: string): string | undefined {
  return read.first(db, { key })?.value;
}

/** Stores `value` (JSON-encoded here) under `key`, replacing what was there. The rescore writes its cursor once per slice. */
export function writeSetting(db: BetterSqlite3.Database, key: string, value: unknown): void {
  upsert.run(db, { key, value: JSON.stringify(value) });
}

export function deleteSetting(db: BetterSqlite3.Database, key: string): void {
  remove.run(db, { key });
}
