import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Worker threads and the web host run compiled code: build it when `vitest` runs on its own
 * (`npm test` builds first, so this is then a no-op).
 */
export default function setup(): void {
  const root = resolve(import.meta.dirname, '..', '..');
  const built = ['out/workers/catalog.worker.cjs', 'out/renderer/index.html'].every((file) => existsSync(resolve(root, file)));
  if (!built || process.env.LISTSMITH_REBUILD === '1') {
    execFileSync(process.execPath, [resolve(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  }
}
