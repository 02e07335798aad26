import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { demoCatalogFingerprint } from './fixture-fingerprint.js';

/**
 * A demo catalog of `rows` listings (seed 1) built once with `npm run demo-data`'s CLI and cached
 * under .cache/catalogs, shared by the benchmarks and the end-to-end tests. Its name carries a
 * fingerprint of core/catalog, so a schema or generator change builds a fresh one. Callers must
 * only read it. Returns the path and how long building took (0 when it came from the cache).
 */
export function cachedDemoCatalog(repoRoot: string, rows: number): { path: string; builtInMs: number } {
  const dir = join(repoRoot, '.cache', 'catalogs');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `catalog-${rows}-seed1-${demoCatalogFingerprint(repoRoot)}.sqlite`);
  if (existsSync(path)) return { path, builtInMs: 0 };
  // A name of its own per build: two processes building the same catalog at once (a bench and an
  // e2e run) must not delete each other's half-written file. The rename is atomic; the last wins.
  const building = `${path}.building-${process.pid}`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  const started = Date.now();
  execFileSync(process.execPath, [join(repoRoot, 'out', 'cli', 'demo-data.js'), '--count', String(rows), '--seed', '1', '--db', building], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // The CLI closed the catalog cleanly (WAL checkpointed), so the main file is complete.
  renameSync(building, path);
  return { path, builtInMs: Date.now() - started };
}
