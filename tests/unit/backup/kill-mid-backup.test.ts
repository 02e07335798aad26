/**
 * A `kill -9` in the middle of a backup (page copy, verification or rename — wherever it lands)
 * must leave every earlier backup and the catalog intact, and must never leave a half-written file
 * under a backup name. Several rounds, killed at different moments, in a real child process.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrityCheck, createBackup, listBackups } from '../../../core/backup/backup.js';
import { PARTIAL_SUFFIX } from '../../../core/backup/backup-names.js';
import { quickCheckFile } from '../../../core/backup/check-catalog.js';
import { tempDir } from '../paths.js';
import { buildCjsEntry, listingCount, makeCatalog } from './helpers.js';

let child: { file: string; cleanup: () => void };
const workspace = tempDir('listsmith-kill-');
const catalogPath = join(workspace.dir, 'catalog.sqlite');
const backupDir = join(workspace.dir, 'backups');

beforeAll(async () => {
  child = await buildCjsEntry('tests/unit/backup/fixtures/backup-child.ts', 'backup-child');
  makeCatalog(catalogPath, 3_000);
}, 120_000);

afterAll(() => {
  child?.cleanup();
  workspace.cleanup();
});

/** Runs the child and SIGKILLs it once it printed `killAtStep` steps (or after `killAfterMs`). */
function runAndKill(killAtStep: number, killAfterMs?: number): Promise<{ signal: NodeJS.Signals | null; lastLine: string; steps: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child.file, catalogPath, backupDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let steps = 0;
    let lastLine = '';
    let buffer = '';
    const kill = () => proc.kill('SIGKILL');
    if (killAfterMs !== undefined) setTimeout(kill, killAfterMs);
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        lastLine = line;
        if (line.startsWith('step ')) steps += 1;
        if (killAfterMs === undefined && steps >= killAtStep) kill();
      }
    });
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => resolve({ signal, lastLine, steps }));
  });
}

describe('kill -9 mid-backup', () => {
  it('earlier backups and the catalog survive every round; no partial is ever listed', async () => {
    const first = await createBackup(catalogPath, { backupDir, reason: 'manual' });
    // The copy takes ~1,500 one-page steps (the child's writes at steps 50 and 500 restart it):
    // kill at the start, around each restart, late in the copy, and at wall-clock moments that may
    // also land in the verification or the rename.
    const rounds: [number, number | undefined][] = [
      [1, undefined],
      [10, undefined],
      [49, undefined],
      [51, undefined],
      [300, undefined],
      [501, undefined],
      [900, undefined],
      [Number.POSITIVE_INFINITY, 5],
      [Number.POSITIVE_INFINITY, 60],
      [Number.POSITIVE_INFINITY, 120],
    ];
    let killed = 0;
    let partialsSeen = 0; // proof that the kills landed mid-copy
    for (const [atStep, afterMs] of rounds) {
      const before = listBackups(backupDir).map((b) => b.id);
      const result = await runAndKill(atStep, afterMs);
      if (result.signal === 'SIGKILL') killed += 1;
      if (readdirSync(backupDir).some((name) => name.endsWith(PARTIAL_SUFFIX))) partialsSeen += 1;

      // The catalog: healthy, nothing lost (SQLite recovers its WAL on open).
      expect(quickCheckFile(catalogPath)).toBeNull();
      expect(listingCount(catalogPath)).toBe(3_000);

      // Every earlier backup still exists and is intact.
      const after = listBackups(backupDir);
      for (const id of before) expect(after.map((b) => b.id)).toContain(id);
      for (const backup of after) expect(() => integrityCheck(join(backupDir, backup.id), { readonly: true })).not.toThrow();
      // A killed run lists at most its own backup, and only a finished one: the kill can land
      // between the rename that publishes it and the line that says so, never before the rename
      // (every listed backup passed the integrity check above; partials are never listed).
      if (!result.lastLine.startsWith('done ')) expect(after.length - before.length).toBeLessThanOrEqual(1);
      expect(after.every((b) => !b.id.endsWith(PARTIAL_SUFFIX))).toBe(true);
    }
    expect(killed).toBeGreaterThanOrEqual(7);
    expect(partialsSeen).toBeGreaterThanOrEqual(5);
    expect(listBackups(backupDir).map((b) => b.id)).toContain(first.id);

    // The next backup sweeps the leftovers and works.
    const next = await createBackup(catalogPath, { backupDir, reason: 'manual' });
    expect(readdirSync(backupDir).filter((n) => n.includes(PARTIAL_SUFFIX))).toEqual([]);
    expect(listBackups(backupDir)[0]?.id).toBe(next.id);
  }, 120_000);
});
