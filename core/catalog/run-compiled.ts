import type BetterSqlite3 from 'better-sqlite3';
import type { Compilable } from 'kysely';
import { prepared } from './prepared.js';

/**
 * Kysely builds the typed query; better-sqlite3 runs it synchronously. Kysely's own execute() is
 * async and serialises through a mutex, which buys nothing on a connection that is owned by one
 * thread. A query compiles to the same SQL text on every call, so its statement is prepared once
 * per connection (prepared.ts); only the parameters change.
 */
export function selectRows<R>(db: BetterSqlite3.Database, query: Compilable<R>): R[] {
  const compiled = query.compile();
  return prepared(db, compiled.sql).all(...compiled.parameters) as R[];
}

export function selectFirstRow<R>(db: BetterSqlite3.Database, query: Compilable<R>): R | undefined {
  const compiled = query.compile();
  return prepared(db, compiled.sql).get(...compiled.parameters) as R | undefined;
}

/** Runs a kysely INSERT, UPDATE or DELETE; `changes` and `lastInsertRowid` as better-sqlite3 reports them. */
export function runWrite(db: BetterSqlite3.Database, query: Compilable<unknown>): BetterSqlite3.RunResult {
  const compiled = query.compile();
  return prepared(db, compiled.sql).run(...compiled.parameters);
}
