import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FullConfig } from '@playwright/test';
import { demoCatalogFingerprint } from '../fixture-fingerprint.js';
import { repoRoot, startHost } from './hosts.js';

/**
 * Two catalogs: a 1,000,000-listing one (built once with the demo generator and cached under
 * .cache/e2e; the specs only read it) and an empty one per run for first-run flows.
 */
export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  const cacheDir = join(repoRoot, '.cache', 'e2e');
  mkdirSync(cacheDir, { recursive: true });
  const bigCatalog = join(cacheDir, `catalog-1m-seed1-${demoCatalogFingerprint(repoRoot)}.sqlite`);
  if (!existsSync(bigCatalog)) {
    const building = `${bigCatalog}.building`;
    for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
    execFileSync(process.execPath, [join(repoRoot, 'out', 'cli', 'demo-data.js'), '--count', '1000000', '--seed', '1', '--db', building], { stdio: 'inherit' });
    execFileSync('mv', [building, bigCatalog]);
  }
  const emptyCatalog = join(cacheDir, `empty-${process.pid}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(emptyCatalog + suffix, { force: true });

  const big = await startHost(bigCatalog);
  const empty = await startHost(emptyCatalog);
  process.env.LISTSMITH_E2E_BIG_URL = big.url;
  process.env.LISTSMITH_E2E_EMPTY_URL = empty.url;

  return async () => {
    big.process.kill('SIGTERM');
    empty.process.kill('SIGTERM');
    for (const suffix of ['', '-wal', '-shm']) rmSync(emptyCatalog + suffix, { force: true });
  };
}
