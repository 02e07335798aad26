// Builds every process with Vite: the renderer (browser), the Node-side entries as ESM (Electron
// shell, web host, CLI, bench), the worker threads as CJS (Piscina and asar need plain require),
// and the sandboxed preload as one CJS file (a sandboxed preload cannot require our modules).
// The worker bundles carry the ESM-only packages they use (kysely) inside them: a CJS worker in
// app.asar must only `require` CommonJS (scripts/require-format.mjs says why).
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { isEsmForRequire } from './require-format.mjs';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const deps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
const nodeExternal = (id) =>
  id === 'electron' ||
  id.startsWith('node:') ||
  builtinModules.includes(id) ||
  deps.some((dep) => id === dep || id.startsWith(`${dep}/`));

const fromRoot = resolve(root, 'package.json');
/** Runtime dependencies a CJS bundle cannot `require` (ESM-only): bundled into the workers instead. */
const esmOnlyDeps = Object.keys(pkg.dependencies ?? {}).filter((dep) => isEsmForRequire(dep, fromRoot));
const requireFormats = new Map();
const cjsExternal = (id) => {
  if (!nodeExternal(id)) return false;
  if (!requireFormats.has(id)) requireFormats.set(id, isEsmForRequire(id, fromRoot));
  return !requireFormats.get(id);
};

const only = process.argv.includes('--node-only') ? 'node' : 'all';
const quiet = { logLevel: 'warn', configFile: false, root };

/** Node-side entries: output path (without extension) → source. */
const esmEntries = {
  'main/electron': 'main/electron/main.ts',
  'web/host': 'main/web/host.ts',
  ...optional('cli/demo-data', 'core/cli/demo-data.ts'),
  ...optional('cli/cli', 'core/cli/listsmith.ts'),
  ...optional('bench/bench', 'tests/bench/bench.ts'),
  ...optional('cli/fake-groq', 'core/ai/fake-groq/fake-groq-cli.ts'),
};
const cjsEntries = {
  'workers/catalog.worker': 'workers/catalog.worker.ts',
  'workers/backup.worker': 'core/backup/backup.worker.ts',
  ...optional('workers/optimizer.worker', 'workers/optimizer.worker.ts'),
};

function optional(name, file) {
  try {
    readFileSync(resolve(root, file));
    return { [name]: file };
  } catch {
    return {};
  }
}

async function buildNode(entries, format, extension) {
  const cjs = format === 'cjs';
  await build({
    ...quiet,
    // Vite leaves node_modules external in SSR builds unless listed here.
    ...(cjs ? { ssr: { noExternal: esmOnlyDeps } } : {}),
    build: {
      ssr: true,
      target: 'node22',
      outDir: 'out',
      emptyOutDir: false,
      sourcemap: true,
      minify: false,
      rollupOptions: {
        input: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, resolve(root, file)])),
        external: cjs ? cjsExternal : nodeExternal,
        output: { format, entryFileNames: `[name].${extension}`, chunkFileNames: `chunks/[name]-[hash].${extension}` },
      },
    },
  });
}

const started = Date.now();
await buildNode(esmEntries, 'es', 'js');
await buildNode(cjsEntries, 'cjs', 'cjs');
await build({
  ...quiet,
  build: {
    ssr: true,
    target: 'node22',
    outDir: 'out/preload',
    emptyOutDir: false,
    minify: false,
    rollupOptions: {
      input: resolve(root, 'preload/preload.ts'),
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: 'preload.cjs', codeSplitting: false },
    },
  },
  ssr: { noExternal: true },
});
if (only === 'all') {
  await build({
    ...quiet,
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    build: { outDir: resolve(root, 'out/renderer'), emptyOutDir: true, target: 'chrome140', sourcemap: true },
  });
}
console.log(`built ${only === 'all' ? 'every process' : 'Node-side entries'} in ${Date.now() - started} ms`);
