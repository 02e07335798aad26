import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { selectRows } from '../../../core/catalog/run-compiled.js';
import { instrumentSlowStatements, type SlowStatement } from '../../../core/diagnostics/slow-statements.js';
import { tempDir } from '../paths.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tempCatalog() {
  const t = tempDir('listsmith-slowq-');
  const catalog = openCatalog(join(t.dir, 'catalog.sqlite'), { role: 'writer' });
  cleanups.push(() => {
    catalog.close();
    t.cleanup();
  });
  return catalog;
}

describe('instrumentSlowStatements', () => {
  it('records a slow statement on a catalog with its SQL, duration and EXPLAIN QUERY PLAN rows', () => {
    const catalog = tempCatalog();
    const slow: SlowStatement[] = [];
    instrumentSlowStatements(catalog.db, { onSlow: (s) => slow.push(s) });
    // A recursive count of 3 million with a bound parameter: deliberately slow, whatever the data.
    const count = catalog.db.prepare('WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ?) SELECT count(*) FROM n').pluck().get(3_000_000);
    expect(count).toBe(3_000_000);
    expect(slow).toHaveLength(1);
    const [captured] = slow;
    expect(captured!.sql).toMatch(/^WITH RECURSIVE n\(x\) AS \(SELECT 1 UNION ALL/);
    expect(captured!.durationMs).toBeGreaterThan(40);
    expect(captured!.planError).toBeNull();
    expect(captured!.plan.length).toBeGreaterThan(0);
    expect(captured!.plan.map((row) => row.detail).join('\n')).toMatch(/SCAN|RECURSIVE|SETUP/);
  });

  it('leaves fast statements alone, and their results untouched (pluck/raw stay timed)', () => {
    const catalog = tempCatalog();
    const slow: SlowStatement[] = [];
    instrumentSlowStatements(catalog.db, { onSlow: (s) => slow.push(s) });
    const statement = catalog.db.prepare('SELECT ? + 1 AS v');
    expect(statement.get(1)).toEqual({ v: 2 });
    expect(statement.raw().all(2)).toEqual([[3]]);
    expect(catalog.db.prepare('SELECT count(*) FROM listings').pluck().get()).toBe(0);
    expect(slow).toEqual([]);
  });

  it('times kysely queries too (they prepare through the same connection)', () => {
    const catalog = tempCatalog();
    const slow: SlowStatement[] = [];
    instrumentSlowStatements(catalog.db, { thresholdMs: -1, onSlow: (s) => slow.push(s) });
    selectRows(catalog.db, catalog.kysely.selectFrom('listings').select('id').where('marketplace', '=', 'etsy'));
    expect(slow).toHaveLength(1);
    expect(slow[0]!.plan.map((r) => r.detail).join(' ')).toMatch(/listings/);
  });

  it('records the plan error instead of failing when the plan cannot be read', () => {
    const catalog = tempCatalog();
    const slow: SlowStatement[] = [];
    instrumentSlowStatements(catalog.db, { thresholdMs: -1, onSlow: (s) => slow.push(s) });
    // Parameters bound up front are not passed again: EXPLAIN then lacks them.
    const statement = catalog.db.prepare('SELECT ? AS v').bind(7);
    expect(statement.get()).toEqual({ v: 7 });
    expect(slow[0]!.plan).toEqual([]);
    expect(slow[0]!.planError).toMatch(/parameter/i);
  });
});
