import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FullConfig } from '@playwright/test';
import { cachedDemoCatalog } from '../cached-catalog.js';
import { repoRoot, startHost } from './hosts.js';

/**
 * Two catalogs: a 1,000,000-listing demo catalog (built once and cached; the specs only read it)
 * and an empty one per run for first-run flows.
 */
export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  if (!existsSync(join(repoRoot, 'out', 'web', 'host.js'))) throw new Error('Build first: npm run build');
  const bigCatalog = cachedDemoCatalog(repoRoot, 1_000_000).path;
  const emptyCatalog = join(repoRoot, '.cache', `e2e-empty-${process.pid}.sqlite`);
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
