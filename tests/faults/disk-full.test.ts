/**
 * Disk full. (1) `PRAGMA max_page_count` set low on the writer's own connection, so an import and
 * a bulk edit hit SQLITE_FULL: the contract answers with a message that says to free disk space,
 * the import still reports its end, and the catalog is unchanged; with the limit lifted the same
 * calls succeed. (2) A real full disk: the catalog on a tiny tmpfs behind the real core threads.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../common/import-types.js';
import { openCatalog } from '../../core/catalog/open-catalog.js';
import { createCore } from '../../core/host/create-core.js';
import { makeCatalog } from '../unit/backup/helpers.js';
import { builtWorkerFile, tempDir } from '../unit/paths.js';
import { catalogFingerprint, healthProblems } from './support/catalog-health.js';
import { writeImportJsonl } from './support/import-file.js';
import { inProcessCore } from './support/in-process-core.js';
import { randomInt, rounds } from './support/rounds.js';
import { stageFile } from './support/stage-file.js';
import { reportFault } from './support/summary.js';

const LISTINGS = 2_000;
const ROUNDS = rounds(4, 16);
/** What a seller must read: the disk is full, and what to do about it. */
const SAYS_FREE_SPACE = /free (some )?(disk )?space/i;

const workspace = tempDir('listsmith-fault-full-');
const base = join(workspace.dir, 'base.sqlite');
const importFile = join(workspace.dir, 'import.jsonl');
const stagingDir = join(workspace.dir, 'staging');

beforeAll(() => {
  makeCatalog(base, LISTINGS);
  writeImportJsonl(importFile, base, 5_000, 500);
}, 120_000);

afterAll(() => workspace.cleanup());

function finishedReport(events: { event: string; payload: unknown }[]): ImportReport | undefined {
  return (events.findLast((e) => e.event === 'import.finished')?.payload as { report: ImportReport } | undefined)?.report;
}

describe('fault: disk full', () => {
  it('max_page_count: a clear disk_full answer and an unchanged catalog, every round', async () => {
    const counts = { rounds: 0, importsRefused: 0, bulkRefused: 0, clearMessages: 0, changedCatalogs: 0, retriedOk: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const path = join(workspace.dir, `round-${round}.sqlite`);
      copyFileSync(base, path);
      const before = catalogFingerprint(path);
      const catalog = openCatalog(path, { role: 'writer' });
      const core = inProcessCore(catalog, stagingDir);
      const pages = Number(catalog.db.pragma('page_count', { simple: true }));
      const limit = pages + randomInt(1, 40);
      expect(catalog.db.pragma(`max_page_count = ${limit}`, { simple: true })).toBe(limit);
      const where = `round ${round}, ${limit - pages} spare pages`;

      // Import: answered at once, then the operation ends with a report that says what to do.
      const started = await core.call('import.start', { fileId: stageFile(stagingDir, importFile), dialect: 'jsonl' });
      if (started.ok) {
        await core.settled();
        expect(core.failedOperations, where).toEqual([]);
        const report = finishedReport(core.events);
        expect(report, where).toBeDefined();
        expect(report!.imported + report!.updated, where).toBe(0);
        expect(report!.errors[0]?.message, where).toMatch(SAYS_FREE_SPACE);
      } else {
        expect(started.error.code, where).toBe('disk_full');
        expect(started.error.message, where).toMatch(SAYS_FREE_SPACE);
      }
      counts.importsRefused++;
      counts.clearMessages++;

      const bulk = await core.call('bulk.apply', { scope: { kind: 'all' }, edit: { kind: 'tags', add: ['disk-full-tag'], remove: [] } });
      expect(bulk.ok, where).toBe(false);
      expect(!bulk.ok && bulk.error.code, where).toBe('disk_full');
      expect(!bulk.ok && bulk.error.message, where).toMatch(SAYS_FREE_SPACE);
      counts.bulkRefused++;
      counts.clearMessages++;
      await core.settled();
      catalog.close();
      expect(healthProblems(path), where).toEqual([]);
      if (catalogFingerprint(path) !== before) counts.changedCatalogs++;
      expect(catalogFingerprint(path), where).toBe(before);

      // Space freed (no limit on a new connection): the very same calls succeed.
      const freed = openCatalog(path, { role: 'writer' });
      const retry = inProcessCore(freed, stagingDir);
      const again = await retry.call('bulk.apply', { scope: { kind: 'all' }, edit: { kind: 'tags', add: ['disk-full-tag'], remove: [] } });
      expect(again.ok, where).toBe(true);
      await retry.settled();
      freed.close();
      counts.retriedOk++;
      counts.rounds++;
    }
    reportFault('disk full (max_page_count)', counts);
  });

  it('a real full disk (tiny tmpfs) through the core threads', async (context) => {
    const mountPoint = join(workspace.dir, 'tmpfs');
    mkdirSync(mountPoint);
    const size = statSync(base).size + 256 * 1024;
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mountPoint], { stdio: 'ignore' });
    } catch {
      const reason = process.getuid?.() === 0 ? 'mount -t tmpfs failed (no CAP_SYS_ADMIN in this container)' : 'not running as root, cannot mount a tmpfs';
      reportFault('disk full (tmpfs)', { skipped: reason });
      context.skip(reason);
      return;
    }
    try {
      const path = join(mountPoint, 'catalog.sqlite');
      copyFileSync(base, path);
      const before = catalogFingerprint(path);
      const core = await createCore({ databasePath: path, appVersion: '0.0.0-faults', transport: 'web', workerFile: builtWorkerFile, stagingDir });
      let report: ImportReport | undefined;
      const finished = new Promise<void>((resolve) =>
        core.onEvent((event, payload) => {
          if (event === 'import.finished') {
            report = (payload as { report: ImportReport }).report;
            resolve();
          }
        }),
      );
      let importMessage = '';
      const started = await core.dispatch('import.start', { fileId: stageFile(stagingDir, importFile), dialect: 'jsonl' });
      if (started.ok) {
        await finished;
        importMessage = report!.errors[0]?.message ?? '';
        expect(report!.imported + report!.updated).toBe(0);
      } else {
        expect(started.error.code).toBe('disk_full');
        importMessage = started.error.message;
      }
      expect(importMessage).toMatch(SAYS_FREE_SPACE);
      const bulk = await core.dispatch('bulk.apply', { scope: { kind: 'all' }, edit: { kind: 'tags', add: ['disk-full-tag'], remove: [] } });
      expect(!bulk.ok && bulk.error.code).toBe('disk_full');
      expect(!bulk.ok && bulk.error.message).toMatch(SAYS_FREE_SPACE);
      // Reads still answer on a full disk.
      const stats = await core.dispatch('catalog.stats', {});
      expect(stats.ok && (stats.value as { listings: number }).listings).toBe(LISTINGS);
      await core.close();
      expect(healthProblems(path)).toEqual([]);
      expect(catalogFingerprint(path)).toBe(before);
      reportFault('disk full (tmpfs)', { tmpfsBytes: size, importRefused: 1, bulkRefused: 1, clearMessages: 2, readsOk: 1, changedCatalogs: 0 });
    } finally {
      execFileSync('umount', ['-l', mountPoint], { stdio: 'ignore' });
    }
  });
});
