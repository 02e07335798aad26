/**
 * SIGKILL during an import's second phase (issue 15): the listings are committed, their search
 * entries and scores are being built in slices. After any kill the file is healthy, every listing
 * is either still waiting or indexed and scored, and the next start finishes the rest: then the
 * full-text index matches the listings exactly (FTS5's integrity check against the content,
 * which fails on a listing indexed twice or not at all) and every listing is scored.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainIndexBacklog, indexBacklog } from '../../core/catalog/index-backlog.js';
import { openCatalog } from '../../core/catalog/open-catalog.js';
import { applyImport } from '../../core/import/apply-import.js';
import { openImportSource } from '../../core/import/open-import-source.js';
import { buildCjsEntry, makeCatalog } from '../unit/backup/helpers.js';
import { tempDir } from '../unit/paths.js';
import { healthProblems } from './support/catalog-health.js';
import { writeImportJsonl } from './support/import-file.js';
import { killRounds } from './support/kill-rounds.js';
import { rounds, QUICK } from './support/rounds.js';
import { reportFault } from './support/summary.js';

const BASE_LISTINGS = 2_000;
const NEW_ROWS = QUICK ? 6_000 : 15_000;
const ROUNDS = rounds(6, 25);

const workspace = tempDir('listsmith-fault-indexing-');
const base = join(workspace.dir, 'base.sqlite');
const work = join(workspace.dir, 'work.sqlite');
let child: { file: string; cleanup: () => void };

beforeAll(async () => {
  child = await buildCjsEntry('tests/faults/fixtures/fault-child.ts', 'fault-child');
  makeCatalog(base, BASE_LISTINGS);
  const file = join(workspace.dir, 'import.jsonl');
  writeImportJsonl(file, base, NEW_ROWS, 0);
  // The first phase, done: every new listing committed, none indexed (the kill rounds' start).
  const catalog = openCatalog(base, { role: 'writer' });
  try {
    const report = await applyImport(catalog, await openImportSource(file, { fileName: 'fault.jsonl', dialect: 'jsonl' }), { fileName: 'fault.jsonl', operationId: 'fault', indexAtOnce: 0 });
    expect(report.imported).toBe(NEW_ROWS);
    expect(indexBacklog(catalog.db).count()).toBe(NEW_ROWS);
  } finally {
    catalog.close();
  }
}, 180_000);

afterAll(() => {
  child?.cleanup();
  workspace.cleanup();
});

/** What the writer does when it opens: finish the backlog. Returns the listings it indexed. */
function finishLikeTheNextStart(path: string): number {
  const catalog = openCatalog(path, { role: 'writer' });
  try {
    return drainIndexBacklog(catalog.db);
  } finally {
    catalog.close();
  }
}

describe('fault: SIGKILL mid-indexing', () => {
  it('leaves each listing waiting or indexed once, and the next start finishes the rest', async () => {
    let untouched = 0;
    let partial = 0;
    let finished = 0;
    const { calibrationMs, rounds: done } = await killRounds({
      child: child.file,
      baseCatalog: base,
      workCatalog: work,
      args: (catalog) => ['index', catalog],
      count: ROUNDS,
      check: ({ round, killAfterMs }) => {
        const where = `round ${round}, kill after ${killAfterMs} ms`;
        expect(healthProblems(work), where).toEqual([]);
        const db = new Database(work, { readonly: true });
        let waiting: number;
        try {
          const one = (sql: string): number => Number(db.prepare(sql).pluck().get());
          expect(one('SELECT count(*) FROM listings'), where).toBe(BASE_LISTINGS + NEW_ROWS);
          waiting = one('SELECT count(*) FROM listings_unindexed');
          // A slice indexes, scores and takes its ids off the list in one transaction.
          expect(one('SELECT count(*) FROM listings WHERE quality_score IS NULL AND id NOT IN (SELECT id FROM listings_unindexed)'), where).toBe(0);
          expect(one('SELECT count(*) FROM listings WHERE quality_score IS NOT NULL AND id IN (SELECT id FROM listings_unindexed)'), where).toBe(0);
        } finally {
          db.close();
        }
        if (waiting === NEW_ROWS) untouched++;
        else if (waiting === 0) finished++;
        else partial++;

        expect(finishLikeTheNextStart(work), where).toBe(waiting);
        const after = new Database(work, { fileMustExist: true });
        try {
          // Throws (SQLITE_CORRUPT_VTAB) when the index and the listings differ in any entry.
          after.prepare("INSERT INTO listings_fts (listings_fts, rank) VALUES ('integrity-check', 1)").run();
          expect(after.prepare('SELECT count(*) FROM listings_unindexed').pluck().get(), where).toBe(0);
          expect(after.prepare('SELECT count(*) FROM listings WHERE quality_score IS NULL').pluck().get(), where).toBe(0);
          expect(after.prepare("SELECT count(*) FROM listings_fts WHERE listings_fts MATCH 'fault'").pluck().get(), where).toBe(NEW_ROWS);
        } finally {
          after.close();
        }
      },
    });
    const midway = done.filter((r) => r.killedMidway).length;
    reportFault('sigkill mid-indexing', { rounds: done.length, killedMidway: midway, leftUntouched: untouched, leftPartial: partial, leftFinished: finished, indexingMs: calibrationMs });
    expect(untouched + partial + finished).toBe(ROUNDS);
    expect(midway).toBeGreaterThanOrEqual(Math.ceil(ROUNDS / 3));
  });
});
