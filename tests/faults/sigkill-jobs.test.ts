/**
 * SIGKILL mid-job: optimizer jobs (the queue-child of the unit SIGKILL test, with its slow fake
 * optimizer) killed at random moments, many rounds; the file is checked after every kill. After a
 * last restart + recoverJobs + run, every job finished exactly once: no job or listing lost, no
 * proposal duplicated, the auto-applied change set whole.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog } from '../../core/catalog/open-catalog.js';
import { enqueueJob } from '../../core/jobs/index.js';
import { buildCjsEntry, makeCatalog } from '../unit/backup/helpers.js';
import { tempDir } from '../unit/paths.js';
import { healthProblems } from './support/catalog-health.js';
import { randomInt, rounds } from './support/rounds.js';
import { reportFault } from './support/summary.js';

const LISTINGS = 2_000;
const KILL_ROUNDS = rounds(6, 30);

const workspace = tempDir('listsmith-fault-jobs-');
const catalogPath = join(workspace.dir, 'catalog.sqlite');
let child: { file: string; cleanup: () => void };

beforeAll(async () => {
  child = await buildCjsEntry('tests/unit/jobs/fixtures/queue-child.ts', 'queue-child');
  makeCatalog(catalogPath, LISTINGS);
}, 180_000);

afterAll(() => {
  child?.cleanup();
  workspace.cleanup();
});

/** Runs the queue child; SIGKILLs it `killAfterMs` after its `ready` line (never when undefined). */
function run(mode: 'release-all' | 'expire', killAfterMs?: number): Promise<{ signal: NodeJS.Signals | null; code: number | null }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child.file, catalogPath, mode], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      const first = !out.includes('ready');
      out += chunk.toString();
      if (first && out.includes('ready') && killAfterMs !== undefined) setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => resolve({ code, signal }));
  });
}

describe('fault: SIGKILL mid-job', () => {
  it('finishes every job exactly once after any number of kills', async () => {
    const setup = openCatalog(catalogPath, { role: 'writer' });
    const ids = setup.db.prepare('SELECT id FROM listings ORDER BY id').pluck().all() as number[];
    const jobs = [
      enqueueJob(setup, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy', autoApply: true }),
      enqueueJob(setup, { kind: 'optimize', target: { kind: 'ids', ids: ids.slice(0, 500) }, marketplace: 'ebay', priority: 'interactive' }),
      enqueueJob(setup, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'shopify' }),
    ];
    setup.close();

    let killed = 0;
    let finishedEarly = 0;
    for (let round = 0; round < KILL_ROUNDS; round++) {
      const result = await run(round % 2 === 0 ? 'release-all' : 'expire', randomInt(20, 250));
      if (result.signal === 'SIGKILL') killed++;
      else {
        expect(result.code, `round ${round}`).toBe(0);
        finishedEarly++;
        break; // the work ran out before the kill
      }
      expect(healthProblems(catalogPath), `after kill ${round}`).toEqual([]);
    }
    expect((await run('expire')).code).toBe(0);
    expect(healthProblems(catalogPath)).toEqual([]);

    const check = openCatalog(catalogPath, { role: 'writer' });
    try {
      const one = (sql: string, ...args: unknown[]): number => Number(check.db.prepare(sql).pluck().get(...args));
      for (const job of jobs) {
        expect(check.db.prepare('SELECT state, done, failed, total FROM jobs WHERE id = ?').get(job.id)).toEqual({ state: 'done', done: job.total, failed: 0, total: job.total });
        expect(one("SELECT count(*) FROM job_items WHERE job_id = ? AND state = 'done'", job.id)).toBe(job.total);
        expect(one('SELECT count(*) FROM proposals WHERE job_id = ?', job.id)).toBe(2 * job.total);
      }
      expect(one('SELECT count(*) FROM (SELECT job_id, listing_id, field FROM proposals GROUP BY 1, 2, 3 HAVING count(*) > 1)')).toBe(0);
      // Auto-apply: one change set, one revision per listing — never a change set without its revisions.
      expect(one("SELECT count(*) FROM change_sets WHERE kind = 'proposal'")).toBe(1);
      expect(one("SELECT count(*) FROM revisions WHERE author = 'optimizer'")).toBe(LISTINGS);
      expect(one("SELECT count(DISTINCT listing_id) FROM revisions WHERE author = 'optimizer'")).toBe(LISTINGS);
      reportFault('sigkill mid-job', {
        rounds: killed + finishedEarly,
        killed,
        jobs: jobs.length,
        jobsDoneOnce: jobs.length,
        listingItems: jobs.reduce((sum, job) => sum + job.total, 0),
        duplicates: 0,
        lost: 0,
      });
    } finally {
      check.close();
    }
    expect(killed).toBeGreaterThanOrEqual(Math.min(2, KILL_ROUNDS));
  });
});
