import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../../common/result.js';
import { createCore } from '../../../core/host/create-core.js';
import { listBackups } from '../../../core/backup/backup.js';
import { MIGRATIONS } from '../../../core/catalog/migrations/index.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { builtWorkerFile, tempDir } from '../paths.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('createCore', () => {
  it('refuses a catalog from a newer Listsmith with a clear error and leaves the file alone', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const path = join(dir, 'future.sqlite');
    const db = new Database(path);
    db.exec('CREATE TABLE from_the_future (x); PRAGMA user_version = 999;');
    db.close();
    const before = readFileSync(path);

    const error = await createCore({ databasePath: path, appVersion: 'test', transport: 'web', workerFile: builtWorkerFile }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).code).toBe('database_newer');
    expect((error as ContractError).message).toMatch(/newer version of Listsmith/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database without touching it', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const path = join(dir, 'photo.sqlite');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, Buffer.alloc(8192, 0x42));
    const error = await createCore({ databasePath: path, appVersion: 'test', transport: 'web', workerFile: builtWorkerFile }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).code).toBe('database_unavailable');
    expect(readFileSync(path).equals(Buffer.alloc(8192, 0x42))).toBe(true);
  });

  it('keeps a verified pre-migration backup before upgrading an older catalog', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const path = join(dir, 'old.sqlite');
    openCatalog(path, { role: 'writer', migrations: MIGRATIONS.slice(0, 1) }).close();
    const core = await createCore({ databasePath: path, appVersion: 'test', transport: 'web', workerFile: builtWorkerFile });
    try {
      const backups = listBackups(join(dir, 'backups'));
      expect(backups.map((b) => b.reason)).toEqual(['pre-migration']);
      const copy = new Database(join(dir, 'backups', backups[0]!.id), { readonly: true });
      expect(copy.pragma('user_version', { simple: true })).toBe(1);
      copy.close();
      const info = await core.dispatch('app.info', {});
      expect(info.ok && (info.value as { schemaVersion: number }).schemaVersion).toBe(MIGRATIONS.length);
    } finally {
      await core.close();
    }
  });

  it('routes reads to readers and writes to the writer, and views to the reader that holds them', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const core = await createCore({ databasePath: join(dir, 'c.sqlite'), appVersion: 'test', transport: 'web', workerFile: builtWorkerFile, readers: 2 });
    try {
      expect(await core.dispatch('demo.generate', { count: 50, seed: 3 })).toEqual({ ok: true, value: { inserted: 50 } });
      const views = await Promise.all([0, 1, 2, 3].map(() => core.dispatch('grid.open', { sort: { column: 'title', direction: 'asc' }, filter: {} })));
      for (const view of views) {
        if (!view.ok) throw new Error(view.error.message);
        const { viewId } = view.value as { viewId: string };
        const page = await core.dispatch('grid.rows', { viewId, offset: 0, limit: 50 });
        expect(page.ok && (page.value as { rows: unknown[] }).rows.length).toBe(50);
      }
      const expired = await core.dispatch('grid.rows', { viewId: '7.nope', offset: 0, limit: 1 });
      expect(!expired.ok && expired.error.code).toBe('not_found');
      // Cancelling an operation nobody runs is answered at once, and says so.
      expect(await core.dispatch('operation.cancel', { operationId: 'no-such-operation' })).toEqual({ ok: true, value: { cancelled: false } });
    } finally {
      await core.close();
    }
  });
});
