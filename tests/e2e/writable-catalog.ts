import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedDemoCatalog } from '../cached-catalog.js';
import { repoRoot, startHost } from './hosts.js';

/**
 * For specs that write (edits, bulk edits, undo): a private copy of a cached demo catalog served by
 * its own web host. The shared cached catalogs (and the 1M-listing one global setup serves) are
 * never written to. `stop()` ends the host and deletes the copy.
 */
export interface WritableHost {
  /** The page address with its access token (`http://127.0.0.1:…/#token=…`). */
  url: string;
  /** The copy being served. */
  databasePath: string;
  rows: number;
  stop(): Promise<void>;
}

/** Throws unless `path` is a whole SQLite file: its header's page count × page size is its size. */
export function assertCompleteSqlite(path: string): void {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    if (readSync(fd, header, 0, 100, 0) !== 100) throw new Error(`${path} is shorter than a SQLite header`);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') throw new Error(`${path} is not a SQLite database`);
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  const size = statSync(path).size;
  if (pages === 0 || pages * pageSize !== size) {
    throw new Error(`${path} looks incomplete (${size} bytes, header says ${pages} pages of ${pageSize}); delete it so it is built again`);
  }
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) throw new Error(`${path} has an unmerged write-ahead log; delete it so it is built again`);
}

/** Copies the cached `rows`-listing demo catalog (built once with the CLI) and serves the copy. */
export async function startWritableHost(rows = 60_000, env: Record<string, string> = {}): Promise<WritableHost> {
  const source = cachedDemoCatalog(repoRoot, rows).path;
  assertCompleteSqlite(source);
  const dir = mkdtempSync(join(tmpdir(), 'listsmith-e2e-'));
  const databasePath = join(dir, 'catalog.sqlite');
  copyFileSync(source, databasePath);
  let running;
  try {
    running = await startHost(databasePath, env);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const child = running.process;
  return {
    url: running.url,
    databasePath,
    rows,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timeout = new Promise<void>((resolve) => setTimeout(resolve, 10_000).unref());
        await Promise.race([exited, timeout]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
