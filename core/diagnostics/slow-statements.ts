import type BetterSqlite3 from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import type { QueryPlanRow } from '../../common/diagnostics-types.js';

/** Statements slower than this are recorded with their plan (the grid's page p95 is ~3 ms). */
export const SLOW_QUERY_THRESHOLD_MS = 40;
const MAX_SQL_CHARS = 1_000;
const MAX_PLAN_ROWS = 50;

export interface SlowStatement {
  sql: string;
  durationMs: number;
  at: number;
  plan: QueryPlanRow[];
  planError: string | null;
}

export interface InstrumentOptions {
  thresholdMs?: number;
  onSlow: (statement: SlowStatement) => void;
}

const TIMED_METHODS = ['all', 'get', 'run'] as const;
type TimedMethod = (typeof TIMED_METHODS)[number];
type AnyStatement = BetterSqlite3.Statement<unknown[], unknown>;

/**
 * Times every statement prepared on `db` from now on: `all`, `get` and `run` are wrapped on each
 * statement instance (pluck/raw/expand return the same instance, so they stay timed). The cost on
 * the hot path is two `performance.now()` calls; only a statement over the threshold pays for its
 * EXPLAIN QUERY PLAN, run right after it with the same parameters. `iterate` is not timed: its
 * rows are consumed lazily, interleaved with other work. Returns a function that stops timing new
 * statements (ones already prepared stay wrapped).
 */
export function instrumentSlowStatements(db: BetterSqlite3.Database, options: InstrumentOptions): () => void {
  const thresholdMs = options.thresholdMs ?? SLOW_QUERY_THRESHOLD_MS;
  const prepare = db.prepare;
  const capture = (statement: AnyStatement, args: unknown[], durationMs: number): void => {
    const { plan, planError } = explain(db, prepare, statement.source, args);
    options.onSlow({ sql: compactSql(statement.source), durationMs: Math.round(durationMs * 10) / 10, at: Date.now(), plan, planError });
  };
  const timed = function (this: BetterSqlite3.Database, source: string) {
    const statement = prepare.call(this, source) as AnyStatement;
    for (const name of TIMED_METHODS) wrap(statement, name, thresholdMs, capture);
    return statement;
  } as BetterSqlite3.Database['prepare'];
  db.prepare = timed;
  return () => {
    if (db.prepare === timed) db.prepare = prepare;
  };
}

function wrap(statement: AnyStatement, name: TimedMethod, thresholdMs: number, capture: (s: AnyStatement, args: unknown[], ms: number) => void): void {
  const original = statement[name] as (...args: unknown[]) => unknown;
  (statement as unknown as Record<TimedMethod, (...args: unknown[]) => unknown>)[name] = function (this: AnyStatement, ...args: unknown[]) {
    const started = performance.now();
    const result = original.apply(this, args);
    const elapsed = performance.now() - started;
    if (elapsed > thresholdMs) {
      // Diagnostics must never break the query they observe.
      try {
        capture(this, args, elapsed);
      } catch {
        /* ignored */
      }
    }
    return result;
  };
}

function explain(db: BetterSqlite3.Database, prepare: BetterSqlite3.Database['prepare'], source: string, args: unknown[]): { plan: QueryPlanRow[]; planError: string | null } {
  try {
    const statement = prepare.call(db, `EXPLAIN QUERY PLAN ${source}`) as AnyStatement;
    const rows = (statement.all as (...params: unknown[]) => unknown[]).apply(statement, args) as { id: number; parent: number; detail: string }[];
    return { plan: rows.slice(0, MAX_PLAN_ROWS).map(({ id, parent, detail }) => ({ id, parent, detail })), planError: null };
  } catch (error) {
    return { plan: [], planError: error instanceof Error ? error.message : String(error) };
  }
}

export function compactSql(sql: string): string {
  const compact = sql.replace(/\s+/g, ' ').trim();
  return compact.length > MAX_SQL_CHARS ? `${compact.slice(0, MAX_SQL_CHARS)}…` : compact;
}
