import type BetterSqlite3 from 'better-sqlite3';
import type { Compilable } from 'kysely';

/**
 * Kysely builds the typed query; better-sqlite3 runs it synchronously. Kysely's own execute() is
 * async and serialises through a mutex, which buys nothing on a connection that is owned by one
 * thread. Statements are cached per connection by their SQL text.
 */
const statementsByConnection = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

export function selectRows<R>(db: BetterSqlite3.Database, query: Compilable<R>): R[] {
  const compiled = query.compile();
  return statementFor(db, compiled.sql).all(...compiled.parameters) as R[];
}

export function selectFirstRow<R>(db: BetterSqlite3.Database, query: Compilable<R>): R | undefined {
  const compiled = query.compile();
  return statementFor(db, compiled.sql).get(...compiled.parameters) as R | undefined;
}

function statementFor(db: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let statements = statementsByConnection.get(db);
  if (!statements) {
    statements = new Map();
    statementsByConnection.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
