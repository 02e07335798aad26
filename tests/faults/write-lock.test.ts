/**
 * Another program holds the catalog's write lock (a second connection inside BEGIN IMMEDIATE).
 * A write through the core waits busy_timeout, then answers a clear "catalog is busy" error with
 * nothing half-written — or, when the lock is released in time, simply succeeds. Reads never wait.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreApi } from '../../core/host/core-api.js';
import { createCore } from '../../core/host/create-core.js';
import { makeCatalog } from '../unit/backup/helpers.js';
import { builtWorkerFile, tempDir } from '../unit/paths.js';
import { catalogFingerprint, healthProblems } from './support/catalog-health.js';
import { randomInt, rounds } from './support/rounds.js';
import { reportFault } from './support/summary.js';

const LISTINGS = 2_000;
/** connection-pragmas.ts: every connection waits this long for a lock. */
const BUSY_TIMEOUT_MS = 5_000;
const HELD_ROUNDS = rounds(1, 3);
const RELEASED_ROUNDS = rounds(3, 10);

const workspace = tempDir('listsmith-fault-lock-');
const path = join(workspace.dir, 'catalog.sqlite');
let core: CoreApi;

beforeAll(async () => {
  makeCatalog(path, LISTINGS);
  core = await createCore({ databasePath: path, appVersion: '0.0.0-faults', transport: 'web', workerFile: builtWorkerFile });
  // Let the writer's start-up work (rescoring) finish so only our lock is in the way.
  await new Promise((resolve) => setTimeout(resolve, 500));
}, 120_000);

afterAll(async () => {
  await core?.close();
  workspace.cleanup();
});

/** The writes the test tries while the lock is held; each changes every listing or one. */
const WRITES: [string, (round: number) => unknown][] = [
  ['bulk.apply', (round) => ({ scope: { kind: 'all' }, edit: { kind: 'tags', add: [`lock-${round}`], remove: [] } })],
  ['listing.update', (round) => ({ id: 1 + round, changes: { title: `Locked round ${round}` } })],
  ['import.savePreset', (round) => ({ name: `lock ${round}`, dialect: 'generic_csv', mapping: {} })],
];

function holdLock(): Database.Database {
  const other = new Database(path);
  other.exec('BEGIN IMMEDIATE');
  // A half-done change of the other program: it must never become visible if it rolls back.
  other.prepare("UPDATE listings SET title = 'held by another program' WHERE id = 1").run();
  return other;
}

describe('fault: write lock held by another connection', () => {
  it('waits busy_timeout, then a clear busy error; nothing half-written', async () => {
    const counts = { rounds: 0, writesRefused: 0, clearMessages: 0, readsDuringLock: 0, changedCatalogs: 0, minWaitMs: Infinity };
    for (let round = 0; round < HELD_ROUNDS; round++) {
      for (const [method, input] of WRITES) {
        const before = catalogFingerprint(path);
        const other = holdLock();
        try {
          const started = Date.now();
          const pending = core.dispatch(method, input(round));
          // Reads go on while the writer waits (WAL readers never take the write lock).
          const stats = await core.dispatch('catalog.stats', {});
          expect(stats.ok).toBe(true);
          counts.readsDuringLock++;
          const envelope = await pending;
          const waited = Date.now() - started;
          counts.minWaitMs = Math.min(counts.minWaitMs, waited);
          expect(envelope.ok, method).toBe(false);
          if (envelope.ok) continue;
          counts.writesRefused++;
          expect(envelope.error.code, envelope.error.message).toBe('conflict');
          expect(envelope.error.message).toMatch(/busy/i);
          expect(envelope.error.message).toMatch(/try again/i);
          counts.clearMessages++;
          expect(waited, method).toBeGreaterThanOrEqual(BUSY_TIMEOUT_MS - 200);
        } finally {
          other.exec('ROLLBACK');
          other.close();
        }
        if (catalogFingerprint(path) !== before) counts.changedCatalogs++;
        expect(catalogFingerprint(path), method).toBe(before);
      }
      counts.rounds++;
    }
    expect(healthProblems(path)).toEqual([]);
    reportFault('write lock held (busy_timeout)', counts);
  });

  it('succeeds once the lock is released within busy_timeout', async () => {
    const counts = { rounds: 0, writesSucceeded: 0, maxHoldMs: 0 };
    for (let round = 0; round < RELEASED_ROUNDS; round++) {
      const [method, input] = WRITES[round % WRITES.length]!;
      const other = holdLock();
      const holdMs = randomInt(50, BUSY_TIMEOUT_MS / 2);
      counts.maxHoldMs = Math.max(counts.maxHoldMs, holdMs);
      const release = setTimeout(() => {
        other.exec('ROLLBACK');
        other.close();
      }, holdMs);
      const envelope = await core.dispatch(method, input(100 + round));
      clearTimeout(release);
      if (other.open) {
        other.exec('ROLLBACK');
        other.close();
      }
      expect(envelope.ok, `${method} after ${holdMs} ms: ${envelope.ok ? '' : envelope.error.message}`).toBe(true);
      counts.writesSucceeded++;
      counts.rounds++;
    }
    // The other program's rolled-back change never showed up.
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM listings WHERE title = ?').pluck().get('held by another program')).toBe(0);
    db.close();
    expect(healthProblems(path)).toEqual([]);
    reportFault('write lock released in time', counts);
  });
});
