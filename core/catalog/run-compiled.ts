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

/** Where an argument goes in a query compiled once: kysely carries it as an opaque parameter value. */
class Slot {
  constructor(readonly name: string) {}
}

/** A kysely query built and compiled once; each run binds its arguments by name. */
export interface CompiledQuery<A, R> {
  readonly sql: string;
  rows(db: BetterSqlite3.Database, args: A): R[];
  first(db: BetterSqlite3.Database, args: A): R | undefined;
  run(db: BetterSqlite3.Database, args: A): BetterSqlite3.RunResult;
}

/**
 * Builds the query once, at module load, with stand-ins for its arguments, and compiles it once:
 * on the job and edit paths a query runs per batch, and building + compiling costs 6-16 us a call
 * here (2 cores). `build` may use an argument only as a value (a comparison, a SET, a LIMIT),
 * never to choose the query's shape (`$if`, a ternary): a stand-in is always truthy. A query whose
 * shape varies is built per call with selectRows / selectFirstRow / runWrite instead.
 */
export function compileOnce<A extends object, R>(build: (args: A) => Compilable<R>): CompiledQuery<A, R> {
  const standIns = new Proxy({} as A, { get: (_target, name) => new Slot(String(name)) });
  const compiled = build(standIns).compile();
  const names = compiled.parameters.map((parameter) => (parameter instanceof Slot ? parameter.name : null));
  const bind = (args: A): unknown[] =>
    compiled.parameters.map((parameter, index) => {
      const name = names[index];
      if (name === null || name === undefined) return parameter;
      const value = (args as Record<string, unknown>)[name];
      if (value === undefined) throw new TypeError(`compileOnce: no value for "${name}" in ${compiled.sql}`);
      return value;
    });
  return {
    sql: compiled.sql,
    rows: (db, args) => prepared(db, compiled.sql).all(...bind(args)) as R[],
    first: (db, args) => prepared(db, compiled.sql).get(...bind(args)) as R | undefined,
    run: (db, args) => prepared(db, compiled.sql).run(...bind(args)),
  };
}
