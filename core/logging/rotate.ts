/**
 * Log rotation that keeps N old files (electron-log keeps only one `.old.log` by default):
 * `main.log` → `main.1.log` → `main.2.log` … → deleted after `keep`. Synchronous, as electron-log's
 * `archiveLogFn` must be. Used by the shell and the Node logger; tested on real files.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { parse, join } from 'node:path';

export const LOG_MAX_BYTES = 5 * 1024 * 1024;
export const LOG_KEEP_FILES = 5;

export function archivedLogPath(current: string, index: number): string {
  const p = parse(current);
  return join(p.dir, `${p.name}.${index}${p.ext}`);
}

export function rotateLogFiles(current: string, keep = LOG_KEEP_FILES): void {
  if (keep < 1) {
    rmSync(current, { force: true });
    return;
  }
  rmSync(archivedLogPath(current, keep), { force: true });
  for (let i = keep - 1; i >= 1; i--) {
    const from = archivedLogPath(current, i);
    if (existsSync(from)) renameSync(from, archivedLogPath(current, i + 1));
  }
  if (existsSync(current)) renameSync(current, archivedLogPath(current, 1));
}
