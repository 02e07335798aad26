/**
 * Where the compiled optimizer worker is. scripts/build.mjs writes it to out/workers/, beside the
 * catalog worker, and every built entry (out/main, out/web, out/cli, out/bench, out/chunks) sits one
 * level below out/. Inside a packaged app that folder is inside app.asar: fine, because Piscina
 * loads task files with require(), which Electron patches for asar (the worker has no .node file,
 * so nothing needs app.asar.unpacked).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const OPTIMIZER_WORKER_NAME = 'optimizer.worker.cjs';

/** The optimizer worker next to a catalog worker file (CoreOptions.workerFile). */
export function optimizerWorkerBeside(catalogWorkerFile: string): string {
  return join(dirname(catalogWorkerFile), OPTIMIZER_WORKER_NAME);
}

/**
 * The built worker for code running from out/<entry>/ (or from source, core/jobs/ → out/workers/
 * for tools run with jiti). Throws with the paths tried when none exists: run `npm run build`.
 */
export function defaultOptimizerWorkerFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'workers', OPTIMIZER_WORKER_NAME), join(here, '..', '..', 'out', 'workers', OPTIMIZER_WORKER_NAME)];
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`The optimizer worker was not found (tried ${candidates.join(', ')}). Run \`npm run build\` first.`);
  return found;
}
