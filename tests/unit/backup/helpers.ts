import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { builtinModules } from 'node:module';
import { generateDemoData } from '../../../core/catalog/demo-data.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { repoRoot } from '../paths.js';

/** A real catalog (schema + migrations) with `count` demo listings. */
export function makeCatalog(path: string, count: number): void {
  const catalog = openCatalog(path, { role: 'writer' });
  try {
    if (count > 0) generateDemoData(catalog, { count, seed: 7, now: 1_700_000_000_000 });
  } finally {
    catalog.close();
  }
}

export function listingCount(path: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return Number(db.prepare('SELECT count(*) AS n FROM listings').pluck().get());
  } finally {
    db.close();
  }
}

/**
 * Compiles a TypeScript entry (and what it imports from the repo) into one CJS file, as
 * scripts/build.mjs does for worker threads, so tests can run it in a worker or child process.
 * Packages stay external; the output goes under <repo>/node_modules/.cache so `require` finds them.
 */
export async function buildCjsEntry(entry: string, name: string): Promise<{ file: string; cleanup: () => void }> {
  mkdirSync(join(repoRoot, 'node_modules', '.cache'), { recursive: true });
  const outDir = mkdtempSync(join(repoRoot, 'node_modules', '.cache', 'listsmith-test-build-'));
  mkdirSync(outDir, { recursive: true });
  await build({
    logLevel: 'warn',
    configFile: false,
    root: repoRoot,
    build: {
      ssr: true,
      target: 'node22',
      outDir,
      emptyOutDir: false,
      minify: false,
      rollupOptions: {
        input: { [name]: resolve(repoRoot, entry) },
        external: (id: string) => id.startsWith('node:') || builtinModules.includes(id) || id === 'better-sqlite3' || id.startsWith('better-sqlite3/'),
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  });
  return { file: join(outDir, `${name}.cjs`), cleanup: () => rmSync(outDir, { recursive: true, force: true }) };
}
