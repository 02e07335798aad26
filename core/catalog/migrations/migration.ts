import type BetterSqlite3 from 'better-sqlite3';

/**
 * One step of the catalog schema. `up` runs inside a transaction that also sets
 * `PRAGMA user_version = version`, so a step either fully happens or not at all.
 * Migrations use raw SQL and never import domain constants: they are frozen in time, so a later
 * change to `common/` cannot silently rewrite what an old step did.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: BetterSqlite3.Database): void;
}
