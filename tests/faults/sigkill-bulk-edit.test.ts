/**
 * SIGKILL mid-bulk-edit (and during the checkpoint that follows it): the edit is one transaction,
 * so every listing got the tag or none did, its change set exists iff its revisions do (one per
 * changed listing), and the file passes integrity and foreign-key checks.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCjsEntry, makeCatalog } from '../unit/backup/helpers.js';
import { tempDir } from '../unit/paths.js';
import { BULK_TAG } from './fixtures/fault-constants.js';
import { healthProblems } from './support/catalog-health.js';
import { lastJson } from './support/kill-child.js';
import { killRounds } from './support/kill-rounds.js';
import { QUICK, rounds } from './support/rounds.js';
import { reportFault } from './support/summary.js';

const LISTINGS = QUICK ? 8_000 : 20_000;
const ROUNDS = rounds(6, 25);

const workspace = tempDir('listsmith-fault-bulk-');
const base = join(workspace.dir, 'base.sqlite');
const work = join(workspace.dir, 'work.sqlite');
let child: { file: string; cleanup: () => void };

beforeAll(async () => {
  child = await buildCjsEntry('tests/faults/fixtures/fault-child.ts', 'fault-child');
  makeCatalog(base, LISTINGS);
}, 180_000);

afterAll(() => {
  child?.cleanup();
  workspace.cleanup();
});

describe('fault: SIGKILL mid-bulk-edit', () => {
  it('changes every listing or none, every round', async () => {
    let none = 0;
    let all = 0;
    let expectedChanged = -1;
    const { calibrationMs, rounds: done } = await killRounds({
      child: child.file,
      baseCatalog: base,
      workCatalog: work,
      args: (catalog) => ['bulk', catalog],
      count: ROUNDS,
      check: ({ round, killAfterMs, run }) => {
        const where = `round ${round}, kill after ${killAfterMs} ms`;
        expect(healthProblems(work), where).toEqual([]);
        const db = new Database(work, { readonly: true });
        try {
          const one = (sql: string, ...args: unknown[]): number => Number(db.prepare(sql).pluck().get(...args));
          const tagged = one('SELECT count(*) FROM listings WHERE EXISTS (SELECT 1 FROM json_each(tags) WHERE value = ?)', BULK_TAG);
          const changeSets = one("SELECT count(*) FROM change_sets WHERE kind = 'bulk'");
          const revisions = one("SELECT count(*) FROM revisions WHERE author = 'user'");
          if (tagged === 0) {
            expect({ changeSets, revisions }, where).toEqual({ changeSets: 0, revisions: 0 });
            none++;
          } else {
            // The first complete run fixes how many listings the edit changes (a few may be at the tag limit).
            if (expectedChanged < 0) expectedChanged = tagged;
            expect({ tagged, changeSets, revisions }, where).toEqual({ tagged: expectedChanged, changeSets: 1, revisions: expectedChanged });
            expect(one("SELECT listing_count FROM change_sets WHERE kind = 'bulk'"), where).toBe(expectedChanged);
            all++;
          }
          const reported = lastJson<{ changed: number }>(run, 'done');
          if (reported) expect(reported.changed, where).toBe(tagged);
        } finally {
          db.close();
        }
      },
    });
    const midway = done.filter((r) => r.killedMidway).length;
    reportFault('sigkill mid-bulk-edit', { rounds: done.length, killedMidway: midway, leftNone: none, leftAll: all, partial: 0, listings: LISTINGS, editMs: calibrationMs });
    expect(none + all).toBe(ROUNDS);
    expect(midway).toBeGreaterThanOrEqual(Math.ceil(ROUNDS / 3));
  });
});
