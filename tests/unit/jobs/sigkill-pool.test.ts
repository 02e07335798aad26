/**
 * SIGKILL mid-job with the real thing: a child process runs the app's job host with the real
 * Piscina pool on the built optimizer worker (the real rule optimizer, dictionary and NLP model in
 * worker threads) and is killed at random moments over several rounds. After the last restart every
 * job finished exactly once, each listing's proposals were written once per job and field, the file
 * is intact, and with auto-apply no listing is half-updated: each listing's fields are all as before
 * or all as its accepted proposals say, written by one revision in the one change set.
 * LISTSMITH_SOAK=1 runs a larger catalog and more rounds.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { enqueueJob } from '../../../core/jobs/index.js';
import { buildCjsEntry, makeCatalog } from '../backup/helpers.js';
import { repoRoot, tempDir } from '../paths.js';
import { builtOptimizerWorker } from './fixtures/pool-batches.js';

const SOAK = process.env.LISTSMITH_SOAK === '1';
const LISTINGS = SOAK ? 12_000 : 2_500;
const KILL_ROUNDS = SOAK ? 20 : 5;

let child: { file: string; cleanup: () => void };
const workspace = tempDir('listsmith-jobs-kill-pool-');
const catalogPath = join(workspace.dir, 'catalog.sqlite');

beforeAll(async () => {
  // The pool runs the compiled worker; build the Node outputs if this checkout has none yet.
  if (!existsSync(builtOptimizerWorker)) execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), '--node-only'], { cwd: repoRoot, stdio: 'inherit' });
  child = await buildCjsEntry('tests/unit/jobs/fixtures/host-child.ts', 'host-child');
  makeCatalog(catalogPath, LISTINGS);
}, 300_000);

afterAll(() => {
  child?.cleanup();
  workspace.cleanup();
});

interface Run {
  signal: NodeJS.Signals | null;
  code: number | null;
  out: string;
}

/** Runs the child; SIGKILLs it once it has made `killAfterProgress` progress events (never, when undefined). */
function run(killAfterProgress?: number, killDelayMs = 0): Promise<Run> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child.file, catalogPath, builtOptimizerWorker], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let armed = killAfterProgress !== undefined;
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      // Kill only once batches are really flowing through the pool (threads started, model loaded).
      if (armed && (out.match(/^progress /gm)?.length ?? 0) >= killAfterProgress!) {
        armed = false;
        setTimeout(() => proc.kill('SIGKILL'), killDelayMs);
      }
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => resolve({ code, signal, out }));
  });
}

type Row = { id: number; title: string; description: string; tags: string; price_minor: number | null };
const COLUMN = { title: 'title', description: 'description', tags: 'tags', price: 'price_minor' } as const;

describe('SIGKILL mid-job, real job host and Piscina pool', () => {
  it('every job finishes exactly once; proposals written once; no listing half-updated', async () => {
    const catalog = openCatalog(catalogPath, { role: 'writer' });
    const read = (): Map<number, Row> =>
      new Map((catalog.db.prepare('SELECT id, title, description, tags, price_minor FROM listing_rows').all() as Row[]).map((row) => [row.id, row]));
    const original = read();
    const ids = [...original.keys()];
    // Auto-apply with price rules: several fields per listing, applied together or not at all.
    const applying = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'all' }, marketplace: 'etsy', autoApply: true, priceRules: { ending: 99, minPriceMinor: 500 } });
    const reviewOnly = enqueueJob(catalog, { kind: 'optimize', target: { kind: 'ids', ids: ids.slice(0, 800) }, marketplace: 'ebay', priority: 'interactive' });
    catalog.close();

    let killed = 0;
    const plan: string[] = [];
    for (let round = 0; round < KILL_ROUNDS; round++) {
      const afterProgress = 1 + Math.floor(Math.random() * 3);
      const delay = Math.floor(Math.random() * 150);
      plan.push(`${afterProgress}+${delay}ms`);
      const result = await run(afterProgress, delay);
      if (result.signal === 'SIGKILL') killed++;
      else {
        expect(result, `round ${round} (kills: ${plan.join(', ')})`).toMatchObject({ code: 0 });
        break; // the work ran out before the kill
      }
    }
    const last = await run();
    expect(last.code, `final run (kills: ${plan.join(', ')})`).toBe(0);
    expect(killed).toBeGreaterThanOrEqual(2);

    const check = openCatalog(catalogPath, { role: 'writer' });
    try {
      const { db } = check;
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const one = (sql: string, ...args: unknown[]): number => db.prepare(sql).pluck().get(...args) as number;

      for (const job of [applying, reviewOnly]) {
        const row = db.prepare('SELECT state, done, failed, total FROM jobs WHERE id = ?').get(job.id);
        expect(row).toEqual({ state: 'done', done: job.total, failed: 0, total: job.total });
        expect(one("SELECT count(*) FROM job_items WHERE job_id = ? AND state = 'done'", job.id)).toBe(job.total);
        expect(one('SELECT count(*) FROM proposals WHERE job_id = ?', job.id)).toBeGreaterThan(0);
      }
      expect(one('SELECT count(*) FROM (SELECT job_id, listing_id, field FROM proposals WHERE job_id IS NOT NULL GROUP BY 1, 2, 3 HAVING count(*) > 1)')).toBe(0);
      // The auto-applying job left nothing pending; the review-only job's are pending or superseded.
      expect(one("SELECT count(*) FROM proposals WHERE job_id = ? AND state <> 'accepted'", applying.id)).toBe(0);
      expect(one("SELECT count(*) FROM proposals WHERE job_id = ? AND state NOT IN ('pending', 'superseded')", reviewOnly.id)).toBe(0);

      // One change set; one revision per changed listing, exactly for the listings with accepted proposals.
      const changed = new Set(db.prepare("SELECT DISTINCT listing_id FROM proposals WHERE job_id = ? AND state = 'accepted'").pluck().all(applying.id) as number[]);
      expect(changed.size).toBeGreaterThan(LISTINGS / 2);
      expect(one("SELECT count(*) FROM change_sets WHERE kind = 'proposal'")).toBe(1);
      expect(one("SELECT count(*) FROM revisions WHERE author = 'optimizer'")).toBe(changed.size);
      expect(new Set(db.prepare("SELECT listing_id FROM revisions WHERE author = 'optimizer'").pluck().all() as number[])).toEqual(changed);

      // Each listing: every field as before, except the accepted ones, which are exactly as proposed.
      const accepted = new Map<number, Map<string, string | null>>();
      for (const p of db.prepare("SELECT listing_id, field, after_value FROM proposals WHERE job_id = ? AND state = 'accepted'").all(applying.id) as {
        listing_id: number;
        field: keyof typeof COLUMN;
        after_value: string | null;
      }[]) {
        let fields = accepted.get(p.listing_id);
        if (!fields) accepted.set(p.listing_id, (fields = new Map()));
        fields.set(p.field, p.after_value);
      }
      const now = new Map((db.prepare('SELECT id, title, description, tags, price_minor FROM listing_rows').all() as Row[]).map((row) => [row.id, row]));
      let halfUpdated = 0;
      for (const [id, before] of original) {
        const after = now.get(id)!;
        const fields = accepted.get(id) ?? new Map<string, string | null>();
        for (const [field, column] of Object.entries(COLUMN)) {
          const proposed = fields.get(field);
          const expected = proposed === undefined ? before[column] : column === 'tags' ? JSON.stringify(JSON.parse(proposed!)) : (JSON.parse(proposed!) as unknown);
          const actual = column === 'tags' ? JSON.stringify(JSON.parse(after.tags)) : after[column];
          if (actual !== expected) {
            halfUpdated++;
            break;
          }
        }
      }
      expect(halfUpdated).toBe(0);
    } finally {
      check.close();
    }
  }, 300_000);
});
