import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listBackups } from '../../../core/backup/backup.js';
import { defaultBackupDir } from '../../../core/backup/backup-handlers.js';
import { backupBeforeBigOperation, lastPreOperationBackup } from '../../../core/backup/pre-operation.js';
import { estimateImportRows } from '../../../core/backup/pre-operation-size.js';
import { generateDemoData } from '../../../core/catalog/demo-data.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { createEditHandlers } from '../../../core/service/edit-handlers.js';
import type { HandlerContext } from '../../../core/service/handlers-type.js';
import { tempDir } from '../paths.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function catalogWith(listings: number): { catalog: Catalog; dir: string; backupDir: string } {
  const t = tempDir('listsmith-preop-');
  cleanups.push(t.cleanup);
  const catalog = openCatalog(join(t.dir, 'catalog.sqlite'), { role: 'writer' });
  cleanups.push(() => catalog.close());
  if (listings > 0) generateDemoData(catalog, { count: listings, seed: 7 });
  return { catalog, dir: t.dir, backupDir: defaultBackupDir(catalog.path) };
}

const quiet = () => ({ info: vi.fn(), error: vi.fn() });

describe('backup before a big operation', () => {
  it('takes a verified pre-import backup for 10,000 rows, then skips while it is recent', async () => {
    const { catalog, backupDir } = catalogWith(200);
    const log = quiet();
    const first = await backupBeforeBigOperation(catalog.db, { reason: 'pre-import', size: 10_000, catalogListings: 200, backupDir, log });
    expect(first).toMatchObject({ reason: 'pre-import', outcome: 'taken', listings: 200 });
    const backups = listBackups(backupDir);
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ reason: 'pre-import', id: first!.detail });

    const again = await backupBeforeBigOperation(catalog.db, { reason: 'pre-bulk-edit', size: 50_000, catalogListings: 200, backupDir, log });
    expect(again).toMatchObject({ outcome: 'skipped' });
    expect(listBackups(backupDir)).toHaveLength(1);
    // Past the window, a new one is taken.
    const later = await backupBeforeBigOperation(catalog.db, { reason: 'pre-bulk-edit', size: 50_000, catalogListings: 200, backupDir, log, now: Date.now() + 16 * 60_000 });
    expect(later).toMatchObject({ outcome: 'taken' });
    expect(lastPreOperationBackup()).toEqual(later);
  });

  it('does nothing for a small operation, and skips silently on a tiny catalog', async () => {
    const { catalog, backupDir } = catalogWith(20);
    const log = quiet();
    expect(await backupBeforeBigOperation(catalog.db, { reason: 'pre-import', size: 9_999, catalogListings: 20, backupDir, log })).toBeNull();
    const tiny = await backupBeforeBigOperation(catalog.db, { reason: 'pre-import', size: 40_000, catalogListings: 20, backupDir, log });
    expect(tiny).toMatchObject({ outcome: 'skipped' });
    expect(listBackups(backupDir)).toEqual([]);
    expect(log.info).not.toHaveBeenCalled();
    expect(log.error).not.toHaveBeenCalled();
  });

  it('logs and reports a failed backup without throwing', async () => {
    const { catalog, backupDir } = catalogWith(200);
    const log = quiet();
    const status = await backupBeforeBigOperation(catalog.db, {
      reason: 'pre-import',
      size: 10_000,
      catalogListings: 200,
      backupDir,
      log,
      create: () => Promise.reject(new Error('the disk is full')),
    });
    expect(status).toMatchObject({ outcome: 'failed' });
    expect(status!.detail).toMatch(/could not back up the catalog before an import of about 10,000 rows \(the disk is full\)/);
    expect(log.error).toHaveBeenCalledTimes(1);
  });

  it('bulk.apply on 10,000 listings backs up first and still applies the edit', async () => {
    const { catalog, backupDir } = catalogWith(10_000);
    const handlers = createEditHandlers(catalog);
    const ctx: HandlerContext = { emit: () => {}, startOperation: () => 'op' };
    const result = await handlers['bulk.apply']({ scope: { kind: 'all' }, edit: { kind: 'status', status: 'draft' } } as never, ctx);
    expect(result.changed).toBeGreaterThan(0);
    expect(listBackups(backupDir).map((b) => b.reason)).toEqual(['pre-bulk-edit']);
  }, 60_000);

  it('estimates import rows from lines, and from size for one-line files', async () => {
    const { dir } = catalogWith(0);
    const csv = join(dir, 'big.csv');
    writeFileSync(csv, 'title\n' + 'Mug\n'.repeat(12_000));
    expect(await estimateImportRows(csv, 6 + 4 * 12_000)).toBeGreaterThanOrEqual(10_000);
    const json = join(dir, 'one-line.json');
    const body = JSON.stringify(Array.from({ length: 100 }, (_, i) => ({ title: `Mug ${i}` })));
    writeFileSync(json, body);
    expect(await estimateImportRows(json, body.length)).toBeLessThan(10_000);
    expect(await estimateImportRows(json, 5_000_000)).toBe(25_000);
  });
});
