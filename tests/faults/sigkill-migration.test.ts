/**
 * SIGKILL mid-migration (pre-migration backup, then each schema step in its own transaction):
 * after any kill the file is intact at a clean step — its user_version matches its schema — the
 * next start finishes the upgrade with every listing kept, and every listed backup is whole.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrityCheck, listBackups } from '../../core/backup/backup.js';
import { MIGRATIONS } from '../../core/catalog/migrations/index.js';
import { openCatalog } from '../../core/catalog/open-catalog.js';
import { latestVersion } from '../../core/catalog/run-migrations.js';
import { buildCjsEntry } from '../unit/backup/helpers.js';
import { tempDir } from '../unit/paths.js';
import { healthProblems } from './support/catalog-health.js';
import { killRounds } from './support/kill-rounds.js';
import { QUICK, rounds } from './support/rounds.js';
import { reportFault } from './support/summary.js';

const FROM_VERSION = 2;
const LISTINGS = QUICK ? 40_000 : 80_000;
const ROUNDS = rounds(6, 25);

const workspace = tempDir('listsmith-fault-migrate-');
const base = join(workspace.dir, 'base.sqlite');
const work = join(workspace.dir, 'work.sqlite');
const backupDir = join(workspace.dir, 'backups');
let child: { file: string; cleanup: () => void };

/** A catalog as an older Listsmith left it: schema version 2, filled with plain SQL. */
function makeOldCatalog(): void {
  openCatalog(base, { role: 'writer', migrations: MIGRATIONS.slice(0, FROM_VERSION) }).close();
  const db = new Database(base);
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO listings (marketplace, source_id, sku, title, description, price_minor, status, created_at, updated_at)
     SELECT 'etsy', 'old-' || i, 'SKU-' || i, 'Old listing number ' || i, printf('%.200c', 'd'), i * 10, 'active', 1700000000000, 1700000000000 FROM n`,
  ).run(LISTINGS);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** What the schema says about how far the upgrade got. */
function schemaState(path: string): { version: number; qualityColumn: boolean; jobItemsTable: boolean } {
  const db = new Database(path, { readonly: true });
  try {
    const columns = (db.pragma('table_info(listings)') as { name: string }[]).map((c) => c.name);
    return {
      version: Number(db.pragma('user_version', { simple: true })),
      qualityColumn: columns.includes('quality_score'),
      jobItemsTable: db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'job_items'").get() !== undefined,
    };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  child = await buildCjsEntry('tests/faults/fixtures/fault-child.ts', 'fault-child');
  makeOldCatalog();
}, 180_000);

afterAll(() => {
  child?.cleanup();
  workspace.cleanup();
});

describe('fault: SIGKILL mid-migration', () => {
  it('stops at a clean schema step and upgrades on the next start, every round', async () => {
    const stoppedAt = new Map<number, number>();
    let backupsChecked = 0;
    const { calibrationMs, rounds: done } = await killRounds({
      child: child.file,
      baseCatalog: base,
      workCatalog: work,
      args: (catalog) => ['migrate', catalog, backupDir],
      count: ROUNDS,
      reset: () => rmSync(backupDir, { recursive: true, force: true }),
      check: ({ round, killAfterMs }) => {
        const where = `round ${round}, kill after ${killAfterMs} ms`;
        expect(healthProblems(work), where).toEqual([]);
        const state = schemaState(work);
        stoppedAt.set(state.version, (stoppedAt.get(state.version) ?? 0) + 1);
        // user_version and the schema move together: each step commits both or neither.
        expect(state, where).toEqual({ version: state.version, qualityColumn: state.version >= 3, jobItemsTable: state.version >= 4 });
        expect(state.version, where).toBeGreaterThanOrEqual(FROM_VERSION);
        for (const backup of listBackups(backupDir)) {
          expect(() => integrityCheck(join(backupDir, backup.id), { readonly: true }), where).not.toThrow();
          backupsChecked++;
        }
        // The next start completes the upgrade with nothing lost.
        const catalog = openCatalog(work, { role: 'writer' });
        try {
          expect(catalog.schemaVersion, where).toBe(latestVersion());
          expect(catalog.db.prepare('SELECT count(*) FROM listings').pluck().get(), where).toBe(LISTINGS);
        } finally {
          catalog.close();
        }
        expect(healthProblems(work), where).toEqual([]);
      },
    });
    const midway = done.filter((r) => r.killedMidway).length;
    const stops = [...stoppedAt.entries()].sort(([a], [b]) => a - b).map(([v, n]) => `v${v}×${n}`).join(',');
    reportFault('sigkill mid-migration', { rounds: done.length, killedMidway: midway, stoppedAt: stops, lost: 0, backupsVerified: backupsChecked, migrateMs: calibrationMs });
    expect(midway).toBeGreaterThanOrEqual(Math.ceil(ROUNDS / 3));
  });
});
