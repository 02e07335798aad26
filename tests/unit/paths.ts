import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const builtWorkerFile = join(repoRoot, 'out', 'workers', 'catalog.worker.cjs');
export const builtRendererDir = join(repoRoot, 'out', 'renderer');

/** A fresh temp folder per test; removed by the returned cleanup. */
export function tempDir(prefix = 'listsmith-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
