/**
 * A read-only catalog. A read-only file (chmod 0444; as root, where chmod stops nothing, the
 * immutable attribute): the core starts, reads answer, every write is refused with a message
 * about permissions, and the file is unchanged. A read-only folder (a read-only mount): a clear
 * answer at start-up or read-only service, never a crash.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, chmodSync, copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../core/host/create-core.js';
import { makeCatalog } from '../unit/backup/helpers.js';
import { builtWorkerFile, tempDir } from '../unit/paths.js';
import { catalogFingerprint } from './support/catalog-health.js';
import { writeImportJsonl } from './support/import-file.js';
import { stageFile } from './support/stage-file.js';
import { reportFault } from './support/summary.js';

const LISTINGS = 1_000;
const SAYS_READ_ONLY = /read-only|permission/i;

const workspace = tempDir('listsmith-fault-ro-');
const base = join(workspace.dir, 'base.sqlite');
const importFile = join(workspace.dir, 'import.jsonl');
const stagingDir = join(workspace.dir, 'staging');

beforeAll(() => {
  makeCatalog(base, LISTINGS);
  writeImportJsonl(importFile, base, 100, 10);
}, 120_000);

afterAll(() => workspace.cleanup());

/** Every kind of write the contract has, against a catalog that cannot be written. */
async function probeReadOnly(path: string, fingerprint: (path: string) => string = catalogFingerprint): Promise<Record<string, number>> {
  const before = fingerprint(path);
  const core = await createCore({ databasePath: path, appVersion: '0.0.0-faults', transport: 'web', workerFile: builtWorkerFile, stagingDir });
  const counts = { writesRefused: 0, clearMessages: 0, readsOk: 0 };
  try {
    const writes: [string, unknown][] = [
      ['listing.update', { id: 1, changes: { title: 'Read-only title' } }],
      ['bulk.apply', { scope: { kind: 'all' }, edit: { kind: 'tags', add: ['ro'], remove: [] } }],
      ['import.savePreset', { name: 'p', dialect: 'generic_csv', mapping: {} }],
      ['import.start', { fileId: stageFile(stagingDir, importFile), dialect: 'jsonl' }],
      ['demo.generate', { count: 10 }],
      ['jobs.start', { scope: { kind: 'all' }, marketplace: 'etsy', kind: 'optimize' }],
      ['history.undo', {}],
    ];
    for (const [method, input] of writes) {
      const envelope = await core.dispatch(method, input);
      // history.undo with nothing to undo writes nothing and may answer ok; anything else must fail.
      if (envelope.ok && method === 'history.undo') continue;
      expect(envelope.ok, method).toBe(false);
      if (envelope.ok) continue;
      counts.writesRefused++;
      expect(envelope.error.code, `${method}: ${envelope.error.message}`).toBe('database_unavailable');
      expect(envelope.error.message, method).toMatch(SAYS_READ_ONLY);
      counts.clearMessages++;
    }
    for (const method of ['app.info', 'catalog.stats', 'dashboard.stats', 'history.state', 'jobs.list']) {
      const envelope = await core.dispatch(method, {});
      expect(envelope.ok, `${method}: ${envelope.ok ? '' : envelope.error.message}`).toBe(true);
      counts.readsOk++;
    }
    const view = await core.dispatch('grid.open', { sort: { column: 'title', direction: 'asc' }, filter: {} });
    expect(view.ok && (view.value as { total: number }).total).toBe(LISTINGS);
    counts.readsOk++;
  } finally {
    await core.close();
  }
  expect(fingerprint(path)).toBe(before);
  return counts;
}

describe('fault: read-only catalog', () => {
  it('a read-only file: reads answer, writes are refused clearly', async () => {
    const dir = join(workspace.dir, 'ro-file');
    mkdirSync(dir);
    const path = join(dir, 'catalog.sqlite');
    copyFileSync(base, path);
    // chmod does not stop root; the immutable attribute does (and is what root gets for "read-only").
    const asRoot = process.getuid?.() === 0;
    if (asRoot) execFileSync('chattr', ['+i', path]);
    else chmodSync(path, 0o444);
    try {
      expect(() => appendFileSync(path, 'x')).toThrow();
      reportFault(`read-only file (${asRoot ? 'chattr +i' : 'chmod 0444'})`, await probeReadOnly(path));
    } finally {
      if (asRoot) execFileSync('chattr', ['-i', path]);
      else chmodSync(path, 0o644);
    }
  });

  it('a read-only folder (read-only mount): a clear answer, no crash', async (context) => {
    const mountPoint = join(workspace.dir, 'ro-mount');
    mkdirSync(mountPoint);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    } catch {
      const reason = 'cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)';
      reportFault('read-only folder (mount)', { skipped: reason });
      return context.skip(reason);
    }
    try {
      const path = join(mountPoint, 'catalog.sqlite');
      copyFileSync(base, path);
      execFileSync('mount', ['-o', 'remount,ro', mountPoint], { stdio: 'ignore' });
      const bytes = fileHash(path);
      // SQLite cannot open a WAL catalog where it cannot create the -shm file: the core may refuse
      // to start — then with a readable reason — or start read-only. It must never crash.
      let outcome: Record<string, number | string>;
      try {
        outcome = { started: 1, ...(await probeReadOnly(path, fileHash)) };
      } catch (error) {
        const data = error as { code?: string; message: string };
        expect(data.code, data.message).toBe('database_unavailable');
        expect(data.message).toMatch(/permission|read-only|could not read or write/i);
        outcome = { started: 0, refusedAtStart: 1, clearMessages: 1 };
      }
      expect(fileHash(path)).toBe(bytes);
      reportFault('read-only folder (mount)', outcome);
    } finally {
      execFileSync('umount', ['-l', mountPoint], { stdio: 'ignore' });
    }
  });
});

function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
