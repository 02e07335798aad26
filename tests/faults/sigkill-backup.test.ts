/**
 * SIGKILL mid-backup (page copy, verification or rename): the backup-child of the unit kill test,
 * killed at random moments, many rounds. Every round the catalog stays healthy with every listing,
 * every earlier backup stays listed and intact, and a killed run never leaves a partial copy listed.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup, integrityCheck, listBackups } from '../../core/backup/backup.js';
import { PARTIAL_SUFFIX } from '../../core/backup/backup-names.js';
import { buildCjsEntry, listingCount, makeCatalog } from '../unit/backup/helpers.js';
import { tempDir } from '../unit/paths.js';
import { healthProblems } from './support/catalog-health.js';
import { runChild } from './support/kill-child.js';
import { randomInt, rounds } from './support/rounds.js';
import { reportFault } from './support/summary.js';

const LISTINGS = 3_000;
const ROUNDS = rounds(6, 30);

const workspace = tempDir('listsmith-fault-backup-');
const catalogPath = join(workspace.dir, 'catalog.sqlite');
const backupDir = join(workspace.dir, 'backups');
let child: { file: string; cleanup: () => void };

beforeAll(async () => {
  child = await buildCjsEntry('tests/unit/backup/fixtures/backup-child.ts', 'backup-child');
  makeCatalog(catalogPath, LISTINGS);
}, 180_000);

afterAll(() => {
  child?.cleanup();
  workspace.cleanup();
});

describe('fault: SIGKILL mid-backup', () => {
  it('keeps the catalog and every earlier backup, every round', async () => {
    const first = await createBackup(catalogPath, { backupDir, reason: 'manual' });
    // The child prints no `ready`: time the kill from spawn, over the whole copy (~1,500 steps).
    const started = Date.now();
    const calibration = await runChild(child.file, [catalogPath, backupDir]);
    const copyMs = Date.now() - started;
    expect(calibration.lines.at(-1)).toMatch(/^done /);

    let killed = 0;
    let completed = 0;
    let partialsLeft = 0; // proof that kills landed mid-copy
    for (let round = 0; round < ROUNDS; round++) {
      const before = listBackups(backupDir).map((b) => b.id);
      // Past the child's start-up (~a quarter of the run), anywhere up to the end.
      const run = await runChildKilledAfter(randomInt(Math.floor(copyMs / 4), copyMs));
      if (readdirSync(backupDir).some((name) => name.endsWith(PARTIAL_SUFFIX))) partialsLeft++;
      const finished = run.lines.at(-1)?.startsWith('done ') ?? false;
      if (finished) completed++;
      else killed++;
      const where = `round ${round}`;
      expect(healthProblems(catalogPath), where).toEqual([]);
      expect(listingCount(catalogPath), where).toBe(LISTINGS);
      const after = listBackups(backupDir);
      for (const id of before) expect(after.map((b) => b.id), where).toContain(id);
      for (const backup of after) expect(() => integrityCheck(join(backupDir, backup.id), { readonly: true }), where).not.toThrow();
      // A killed run adds at most its own backup — only after the rename, so it passed the integrity
      // check above (the kill may land between the rename and the child's `done` line).
      if (!finished) expect(after.length - before.length, where).toBeLessThanOrEqual(1);
    }
    expect(listBackups(backupDir).map((b) => b.id)).toContain(first.id);
    reportFault('sigkill mid-backup', { rounds: ROUNDS, killed, killedMidCopy: partialsLeft, completedBeforeKill: completed, backupsVerified: listBackups(backupDir).length, lost: 0 });
    expect(killed).toBeGreaterThanOrEqual(Math.ceil(ROUNDS / 3));
    expect(partialsLeft).toBeGreaterThanOrEqual(1);
  });
});

/** The backup child prints no `ready` line: kill it `ms` after spawning. */
function runChildKilledAfter(ms: number): Promise<{ lines: string[] }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child.file, catalogPath, backupDir], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const timer = setTimeout(() => proc.kill('SIGKILL'), ms);
    proc.on('error', reject);
    proc.on('exit', () => {
      clearTimeout(timer);
      resolve({ lines: out.trim().split('\n') });
    });
  });
}
