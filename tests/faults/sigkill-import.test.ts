/**
 * SIGKILL mid-import: the import is one transaction, so after any kill the catalog holds either
 * none of the file or all of it — never some new listings, never an update without its revision,
 * never a change set without its revisions — and the file passes integrity and foreign-key checks.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCjsEntry, makeCatalog } from '../unit/backup/helpers.js';
import { tempDir } from '../unit/paths.js';
import { healthProblems } from './support/catalog-health.js';
import { UPDATED_TITLE_PREFIX, writeImportJsonl } from './support/import-file.js';
import { killRounds } from './support/kill-rounds.js';
import { rounds, QUICK } from './support/rounds.js';
import { reportFault } from './support/summary.js';

const BASE_LISTINGS = 2_000;
const NEW_ROWS = QUICK ? 6_000 : 15_000;
const UPDATED_ROWS = 1_000;
const ROUNDS = rounds(6, 25);

const workspace = tempDir('listsmith-fault-import-');
const base = join(workspace.dir, 'base.sqlite');
const work = join(workspace.dir, 'work.sqlite');
const file = join(workspace.dir, 'import.jsonl');
let child: { file: string; cleanup: () => void };

beforeAll(async () => {
  child = await buildCjsEntry('tests/faults/fixtures/fault-child.ts', 'fault-child');
  makeCatalog(base, BASE_LISTINGS);
  expect(writeImportJsonl(file, base, NEW_ROWS, UPDATED_ROWS)).toBe(UPDATED_ROWS);
}, 180_000);

afterAll(() => {
  child?.cleanup();
  workspace.cleanup();
});

describe('fault: SIGKILL mid-import', () => {
  it('leaves all of the import or none of it, every round', async () => {
    let none = 0;
    let all = 0;
    const { calibrationMs, rounds: done } = await killRounds({
      child: child.file,
      baseCatalog: base,
      workCatalog: work,
      args: (catalog) => ['import', catalog, file],
      count: ROUNDS,
      check: ({ round, killAfterMs }) => {
        const where = `round ${round}, kill after ${killAfterMs} ms`;
        expect(healthProblems(work), where).toEqual([]);
        const db = new Database(work, { readonly: true });
        try {
          const one = (sql: string): number => Number(db.prepare(sql).pluck().get());
          const added = one('SELECT count(*) FROM listings') - BASE_LISTINGS;
          const updated = Number(db.prepare('SELECT count(*) FROM listings WHERE title LIKE ?').pluck().get(`${UPDATED_TITLE_PREFIX} %`));
          const revisions = one("SELECT count(*) FROM revisions WHERE author = 'import'");
          const changeSets = one("SELECT count(*) FROM change_sets WHERE kind = 'import'");
          const outcome = { added, updated, revisions, changeSets };
          if (added === 0) {
            expect(outcome, where).toEqual({ added: 0, updated: 0, revisions: 0, changeSets: 0 });
            none++;
          } else {
            expect(outcome, where).toEqual({ added: NEW_ROWS, updated: UPDATED_ROWS, revisions: UPDATED_ROWS, changeSets: 1 });
            // A change set exists iff its revisions do: every import revision points at it.
            expect(one("SELECT count(*) FROM revisions r JOIN change_sets c ON c.id = r.change_set_id WHERE r.author = 'import' AND c.kind = 'import'"), where).toBe(UPDATED_ROWS);
            all++;
          }
        } finally {
          db.close();
        }
      },
    });
    const midway = done.filter((r) => r.killedMidway).length;
    reportFault('sigkill mid-import', { rounds: done.length, killedMidway: midway, leftNone: none, leftAll: all, partial: 0, importMs: calibrationMs });
    expect(none + all).toBe(ROUNDS);
    expect(midway).toBeGreaterThanOrEqual(Math.ceil(ROUNDS / 3));
  });
});
