import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The catalog's SQL rule (docs/ARCHITECTURE.md, "SQL: kysely or raw"): queries are typed kysely
 * queries (core/catalog/query-builder.ts) run synchronously through run-compiled.ts; raw SQL
 * (`db.prepare(…)`, `prepared(db, …)`) is allowed only in the files below, each for its reason.
 * A new file with raw SQL fails here until it uses kysely or is listed with a reason; a listed file
 * that no longer holds raw SQL fails too, so the list stays true.
 */
type RawReason =
  /**
   * Once per listing or row inside loops of up to 1M (import, bulk edit, undo/redo, job batches,
   * scoring), often with column lists chosen per edit or pluck()/iterate(): the benchmarked paths.
   * compileOnce (run-compiled.ts) would make them kysely at the cost of a bind map per run; each
   * such change must be re-benched (bulk edit, delete, import), so they stay raw for now.
   */
  | 'per-row'
  /** FTS5: MATCH, bm25, prefix queries and the 'delete' command, which kysely has no words for. */
  | 'full-text'
  /** sqlite_schema, index DROP/CREATE, pinned read snapshots: DDL and connection work. */
  | 'schema'
  /** A literal a partial index names (state = 'pending'): a bound value there makes SQLite re-prepare the statement on every run (0.6 to 4.6 us a lookup here); kysely binds every value. */
  | 'partial-index'
  /** pluck()/raw() over up to 1M rows (ids, image lists): one number or array per row, not one object. */
  | 'pluck-or-raw'
  /** The SQL layer itself: the statement cache, the kysely runner and the by-ids reader. */
  | 'sql-layer'
  /** SQL text plainer than its builder form: the dashboard's 14-arm CASE over day boundaries. */
  | 'written-out';

const RAW_SQL: Record<string, RawReason> = {
  'core/catalog/prepared.ts': 'sql-layer',
  'core/catalog/run-compiled.ts': 'sql-layer',
  'core/catalog/rows-by-id.ts': 'sql-layer',
  'core/catalog/bulk-load.ts': 'schema',
  'core/catalog/open-catalog.ts': 'schema',
  'core/catalog/snapshot-pin.ts': 'schema',
  'core/edit/sort-indexes-rebuilt.ts': 'schema',
  'core/catalog/fts-count.ts': 'full-text',
  'core/catalog/fts-prefix.ts': 'full-text',
  'core/catalog/grid-snapshots.ts': 'full-text',
  'core/catalog/index-backlog.ts': 'full-text',
  'core/catalog/grid-views.ts': 'partial-index',
  'core/jobs/proposal-selector.ts': 'partial-index',
  'core/jobs/review-proposals.ts': 'partial-index',
  'core/jobs/proposal-rows.ts': 'partial-index',
  'core/catalog/read-scope.ts': 'pluck-or-raw',
  'core/photos/photo-sources.ts': 'pluck-or-raw',
  'core/catalog/dashboard-stats.ts': 'written-out',
  'core/catalog/insert-listings.ts': 'per-row',
  'core/catalog/rescore.ts': 'per-row',
  'core/catalog/score-counts.ts': 'per-row',
  'core/edit/change-set-listings.ts': 'per-row',
  'core/edit/change-sets.ts': 'per-row',
  'core/edit/delete-listings.ts': 'per-row',
  'core/edit/listing-snapshot.ts': 'per-row',
  'core/edit/listing-write.ts': 'per-row',
  'core/edit/revision-batch.ts': 'per-row',
  'core/edit/revision-replay.ts': 'per-row',
  'core/import/apply-import-record.ts': 'per-row',
  'core/import/apply-import.ts': 'per-row',
  'core/import/bulk-key-lookup.ts': 'per-row',
  'core/import/title-matches.ts': 'per-row',
  'core/jobs/apply-proposal-rows.ts': 'per-row',
  'core/jobs/batch-outcome.ts': 'per-row',
  'core/jobs/catalog-vocabulary-source.ts': 'per-row',
  'core/jobs/claim-batch.ts': 'per-row',
  'core/jobs/enqueue.ts': 'per-row',
  'core/jobs/proposal-change-set.ts': 'per-row',
};

const ROOT = path.resolve(import.meta.dirname, '../../..');
const RAW_CALL = /\.prepare\(|\bprepared\(/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

describe('the SQL access rule', () => {
  const files = sourceFiles('core').filter((file) => !file.startsWith('core/catalog/migrations/'));

  it('raw SQL only where listed, with its reason; the list names no file that no longer needs it', () => {
    const raw = files.filter((file) => RAW_CALL.test(fs.readFileSync(path.join(ROOT, file), 'utf8'))).sort();
    const unlisted = raw.filter((file) => !(file in RAW_SQL));
    expect(unlisted, 'raw SQL here: write it with kysely (catalogQuery + run-compiled.ts), or list the file with its reason (docs/ARCHITECTURE.md)').toEqual([]);
    expect(Object.keys(RAW_SQL).filter((file) => !raw.includes(file)), 'listed but without raw SQL now: take it off the list').toEqual([]);
  });

  it('one kysely instance: the compile-only builder in core/catalog/query-builder.ts', () => {
    const owners = [...files, ...sourceFiles('main'), ...sourceFiles('common')].filter((file) => /new Kysely\b/.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(owners).toEqual(['core/catalog/query-builder.ts']);
  });
});
