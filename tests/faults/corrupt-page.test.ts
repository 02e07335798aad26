/**
 * A damaged page in the middle of the catalog. The start-up check (checkCatalog: quick_check,
 * which may throw or return rows) must detect it and offer the newest backup that is itself good
 * — skipping a newer backup that is damaged too; restoring it must give back a healthy catalog
 * holding exactly what the backup holds.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup, listBackups } from '../../core/backup/backup.js';
import { checkCatalog, quickCheckFile } from '../../core/backup/check-catalog.js';
import { restoreBackup } from '../../core/backup/restore.js';
import { openCatalog } from '../../core/catalog/open-catalog.js';
import { makeCatalog } from '../unit/backup/helpers.js';
import { tempDir } from '../unit/paths.js';
import { catalogFingerprint, healthProblems } from './support/catalog-health.js';
import { corruptMiddlePage } from './support/corrupt-page.js';
import { randomInt, rounds } from './support/rounds.js';
import { reportFault } from './support/summary.js';

const LISTINGS = 3_000;
const ROUNDS = rounds(6, 30);

const workspace = tempDir('listsmith-fault-corrupt-');
const base = join(workspace.dir, 'base.sqlite');

beforeAll(() => makeCatalog(base, LISTINGS), 120_000);
afterAll(() => workspace.cleanup());

describe('fault: corrupted page', () => {
  it('is detected at start-up, the newest good backup is offered, and restoring it loses nothing', async () => {
    const counts = { rounds: 0, detected: 0, checkThrew: 0, checkReturnedRows: 0, newerBackupAlsoDamaged: 0, restored: 0, lost: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const dir = join(workspace.dir, `round-${round}`);
      const catalogPath = join(dir, 'catalog.sqlite');
      const backupDir = join(dir, 'backups');
      rmSync(dir, { recursive: true, force: true });
      // Two backups of two different states: the older one is good, the newer one is damaged
      // in every other round (then the older one must be offered).
      mkdirSync(dir, { recursive: true });
      copyFileSync(base, catalogPath);
      const older = await createBackup(catalogPath, { backupDir, reason: 'scheduled', now: new Date(Date.UTC(2025, 0, 1, 0, 0, round)) });
      const catalog = openCatalog(catalogPath, { role: 'writer' });
      catalog.db.prepare("UPDATE listings SET title = title || ' (after the first backup)' WHERE id % 7 = 0").run();
      catalog.close();
      const newer = await createBackup(catalogPath, { backupDir, reason: 'manual', now: new Date(Date.UTC(2025, 0, 2, 0, 0, round)) });
      const newerDamaged = round % 2 === 1;
      if (newerDamaged) {
        corruptMiddlePage(join(backupDir, newer.id), randomInt(16, 4096));
        counts.newerBackupAlsoDamaged++;
      }
      const offered = newerDamaged ? older : newer;
      const expected = catalogFingerprint(join(backupDir, offered.id));

      const where = `round ${round}, page ${corruptMiddlePage(catalogPath, randomInt(16, 4096))}`;
      const verdict = checkCatalog(catalogPath, backupDir);
      expect(verdict.ok, where).toBe(false);
      if (verdict.ok) continue;
      counts.detected++;
      if (verdict.reason.startsWith('quick_check reported')) counts.checkReturnedRows++;
      else counts.checkThrew++;
      expect(verdict.newestGoodBackup?.id, where).toBe(offered.id);

      const result = await restoreBackup({ catalogPath, backupDir, backupId: offered.id });
      expect(result.restored.id, where).toBe(offered.id);
      expect(quickCheckFile(catalogPath), where).toBeNull();
      expect(healthProblems(catalogPath), where).toEqual([]);
      const restored = catalogFingerprint(catalogPath);
      if (restored !== expected) counts.lost++;
      expect(restored, where).toBe(expected);
      // The backups themselves are untouched by the restore.
      expect(listBackups(backupDir).map((b) => b.id), where).toEqual(expect.arrayContaining([older.id, newer.id]));
      counts.restored++;
      counts.rounds++;
    }
    reportFault('corrupted page', counts);
    expect(counts.detected).toBe(ROUNDS);
  });
});
