/**
 * The optimizer will run in Piscina worker files that scripts/build.mjs bundles as CommonJS. This
 * builds a small entry the same way (Vite SSR, format cjs, npm packages left to require()) — and
 * once more with every package inlined — and runs it in plain Node: wink-nlp and its model, nspell
 * and the dictionary-en files must load without import.meta or top-level await.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../paths.js';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies?: object; devDependencies?: object };
const deps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
/** scripts/build.mjs's rule: built-ins and npm packages stay require() calls. */
const nodeExternal = (id: string): boolean => id.startsWith('node:') || builtinModules.includes(id) || deps.some((dep) => id === dep || id.startsWith(`${dep}/`));

const workspace = tempDir('listsmith-optimizer-bundle-');
afterAll(() => workspace.cleanup());

async function buildAndRun(inlinePackages: boolean): Promise<Record<string, unknown>> {
  const outDir = join(workspace.dir, inlinePackages ? 'inlined' : 'external');
  await build({
    configFile: false,
    logLevel: 'silent',
    root: repoRoot,
    build: {
      ssr: true,
      target: 'node22',
      outDir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: {
        input: { entry: join(repoRoot, 'tests/unit/optimizer/fixtures/bundle-entry.ts') },
        external: inlinePackages ? (id: string) => id.startsWith('node:') || builtinModules.includes(id) : nodeExternal,
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
    ...(inlinePackages ? { ssr: { noExternal: true } } : {}),
  });
  const bundle = readFileSync(join(outDir, 'entry.cjs'), 'utf8');
  expect(bundle).not.toContain('import.meta');
  // The temp folder has no node_modules above it; NODE_PATH stands in for the app's.
  const stdout = execFileSync(process.execPath, [join(outDir, 'entry.cjs')], {
    env: { ...process.env, NODE_PATH: join(repoRoot, 'node_modules') },
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('the optimizer in a CommonJS worker bundle', () => {
  const expected = {
    commonjs: true,
    title: 'Dainty Sterling Silver Necklace - Moonstone Pendant - Gift for Her',
    tags: expect.arrayContaining(['moonstone', 'sterling silver', 'moonstone pendant']),
    spelling: ['walet'],
  };

  it('loads and runs with npm packages require()d, as scripts/build.mjs builds workers', async () => {
    expect(await buildAndRun(false)).toEqual(expected);
  }, 120_000);

  it('loads and runs with every package inlined into the bundle (the wink model included)', async () => {
    expect(await buildAndRun(true)).toEqual(expected);
  }, 120_000);
});
