/**
 * The app killed with SIGKILL in the middle of optimization jobs, several rounds, at random moments
 * (a claim, a batch in flight, a batch's write transaction). After each restart + recoverJobs the
 * work goes on; in the end every job finished exactly once, no proposal is duplicated, the file is
 * intact, and with auto-apply no listing is half-updated (title and tags changed together, once).
 * LISTSMITH_SOAK=1 runs a larger catalog and more rounds.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { enqueueJob } from '../../../core/jobs/index.js';
import { buildCjsEntry, makeCatalog } from '../backup/helpers.js';
import { tempDir } from '../paths.js';
import { SUFFIX } from './fixtures/fake-optimizer.js';

const SOAK = process.env.LISTSMITH_SOAK === '1';
const LISTINGS = SOAK ? 20_000 : 3_000;
const KILL_ROUNDS = SOAK ? 25 : 6;

let child: { file: string; cleanup: () => void };
const workspace = tempDir('listsmith-jobs-kill-');
const catalogPath = join(workspace.dir, 'catalog.sqlite');

beforeAll(async () => {
  child = await buildCjsEntry('tests/unit/jobs/fixtures/queue-child.ts', 'queue-child');
  makeCatalog(catalogPath, LISTINGS);
}, 120_000);

afterAll(() => {
  child?.cleanup();
  workspace.cleanup();
});

/** Runs the child; SIGKILLs it `killAfterMs` after it is ready (never, when undefined). */
function run(mode: 'release-all' | 'expire', killAfterMs?: number): Promise<{ signal: NodeJS.Signals | null; code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child.file, catalogPath, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      const first = !out.includes('ready');
      out += chunk.toString();
      if (first && out.includes('ready') && killAfterMs !== undefined) setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => resolve({ code, signal, out }));
  });
}

describe('SIGKILL mid-job', () => {
  it('every job finishes exactly once, nothing duplicated or half-applied', async () => {
    const catalog = openCatalog(catalogPath, { role: 'writer' });
    const original = new Map(
      (catalog.db.prepare('SELECT id, title, tags FROM listings').all() as { id: number; title: string; tags: string }[]).map((row) => [row.id, row]),
    );
    const ids = [...original.keys()];
    const applying = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy', autoApply: true });
    const reviewOnly = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'ids', ids: ids.slice(0, 1_000) }, marketplace: 'ebay', priority: 'interactive' });
    const wholeCatalog = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'shopify' });
    catalog.close();

    let killed = 0;
    const plan: number[] = [];
    for (let round = 0; round < KILL_ROUNDS; round++) {
      const afterMs = 30 + Math.floor(Math.random() * 300);
      plan.push(afterMs);
      const result = await run(round % 2 === 0 ? 'release-all' : 'expire', afterMs);
      if (result.signal === 'SIGKILL') killed++;
      else {
        expect(result, `round ${round} (kills after ${plan.join(', ')} ms)`).toMatchObject({ code: 0 });
        break; // the work ran out before the kill
      }
    }
    const last = await run('expire');
    expect(last.code, `final run (kills after ${plan.join(', ')} ms)`).toBe(0);
    expect(killed).toBeGreaterThanOrEqual(2);

    const check = openCatalog(catalogPath, { role: 'writer' });
    try {
      const { db } = check;
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const one = (sql: string, ...args: unknown[]): number => db.prepare(sql).pluck().get(...args) as number;

      for (const job of [applying, reviewOnly, wholeCatalog]) {
        const row = db.prepare('SELECT state, done, failed, total FROM jobs WHERE id = ?').get(job.id);
        expect(row).toEqual({ state: 'done', done: job.total, failed: 0, total: job.total });
        expect(one("SELECT count(*) FROM job_items WHERE job_id = ? AND state = 'done'", job.id)).toBe(job.total);
        // Two fields per listing, each exactly once.
        expect(one('SELECT count(*) FROM proposals WHERE job_id = ?', job.id)).toBe(2 * job.total);
      }
      expect(one('SELECT count(*) FROM (SELECT job_id, listing_id, field FROM proposals GROUP BY 1, 2, 3 HAVING count(*) > 1)')).toBe(0);
      expect(one("SELECT count(*) FROM proposals WHERE job_id = ? AND state = 'accepted'", applying.id)).toBe(2 * LISTINGS);

      // Auto-apply: every listing changed once, title and tags together, in one change set.
      expect(one("SELECT count(*) FROM change_sets WHERE kind = 'proposal'")).toBe(1);
      expect(one("SELECT count(*) FROM revisions WHERE author = 'optimizer'")).toBe(LISTINGS);
      expect(one("SELECT count(DISTINCT listing_id) FROM revisions WHERE author = 'optimizer'")).toBe(LISTINGS);
      let halfUpdated = 0;
      for (const row of db.prepare('SELECT id, title, tags FROM listings').all() as { id: number; title: string; tags: string }[]) {
        const before = original.get(row.id)!;
        const whole = row.title === before.title + SUFFIX && row.tags === JSON.stringify([...(JSON.parse(before.tags) as string[]), 'optimized']);
        if (!whole) halfUpdated++;
      }
      expect(halfUpdated).toBe(0);
    } finally {
      check.close();
    }
  }, 120_000);
});
