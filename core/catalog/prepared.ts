import type BetterSqlite3 from 'better-sqlite3';

/**
 * The one statement cache: statements prepared once per connection, keyed by their SQL text. Edits
 * build their UPDATE from the columns they change, and a bulk edit must not prepare the same text
 * 100,000 times; kysely-built queries (run-compiled.ts) are cached here too.
 * `.pluck()` and `.raw()` change the shared statement's mode for every later caller, so all callers
 * of one SQL text must use it in the same mode (today no text is used in two modes).
 */
const byConnection = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

export function prepared(db: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let statements = byConnection.get(db);
  if (!statements) byConnection.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}
