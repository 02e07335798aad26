/**
 * The worker bundles are CommonJS and run from inside app.asar in the packaged app: everything
 * they `require` must be CommonJS (a `require` of an ES module goes through Node's ESM loader,
 * which Electron's asar support is not known to cover). Node itself loads such requires, so the
 * other tests would pass in Node and the packaged app would fail. This inspects the built bundles.
 */
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isEsmForRequire, requireFormat } from '../../../scripts/require-format.mjs';
import { repoRoot, tempDir } from '../paths.js';

const workersDir = join(repoRoot, 'out', 'workers');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** Every bare `require('pkg')` / `import('pkg')` reachable from the entry files through relative requires. */
function externalLoads(entries: string[]): { from: string; specifier: string; how: 'require' | 'import' }[] {
  const seen = new Set<string>();
  const found: { from: string; specifier: string; how: 'require' | 'import' }[] = [];
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/\b(require|import)\((["'])([^"'\n]+)\2\)/g)) {
      const how = match[1] as 'require' | 'import';
      const specifier = match[3]!;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else found.push({ from: file, specifier, how });
    }
  };
  entries.forEach(visit);
  return found;
}

/** What a worker loads that is not plain CommonJS: ESM-only packages, and any dynamic import of a package. */
function nonCommonJsLoads(entries: string[]): string[] {
  return externalLoads(entries)
    .filter(({ from, specifier, how }) => (how === 'import' ? requireFormat(specifier, from).kind !== 'builtin' : isEsmForRequire(specifier, from)))
    .map(({ from, specifier, how }) => `${from}: ${how}("${specifier}")`);
}

describe('built worker bundles load only CommonJS', () => {
  it('no worker (nor a chunk it requires) requires an ESM-only package', () => {
    const entries = readdirSync(workersDir).filter((name) => name.endsWith('.cjs')).map((name) => join(workersDir, name));
    expect(entries.map((e) => e.slice(workersDir.length + 1))).toContain('catalog.worker.cjs');
    const loads = externalLoads(entries);
    // The check really looks at the bundles: the catalog worker requires its CommonJS dependencies.
    expect(loads.map((l) => l.specifier)).toEqual(expect.arrayContaining(['better-sqlite3', 'zod']));
    expect(loads.map((l) => l.specifier)).not.toContain('kysely');
    expect(nonCommonJsLoads(entries)).toEqual([]);
  });

  it('finds an ESM-only require in an entry and in a chunk it pulls in, and a dynamic import', () => {
    const { dir, cleanup } = tempDir('listsmith-worker-requires-');
    cleanups.push(cleanup);
    // Packages resolve from beside the file: the fake bundle sees the project's node_modules.
    symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
    mkdirSync(join(dir, 'chunks'));
    writeFileSync(join(dir, 'w.cjs'), 'const z = require("zod");\nconst c = require("./chunks/c.cjs");\nconst fs = require("node:fs");\n');
    writeFileSync(join(dir, 'chunks', 'c.cjs'), 'const k = require("kysely");\nimport("groq-sdk");\nimport("node:fs");\n');
    expect(nonCommonJsLoads([join(dir, 'w.cjs')]).map((s) => s.replace(/^.*: /, ''))).toEqual(['require("kysely")', 'import("groq-sdk")']);
  });
});

describe('requireFormat (scripts/require-format.mjs)', () => {
  const from = join(repoRoot, 'package.json');
  it('reads "type" and "exports" the way Node does', () => {
    expect(requireFormat('kysely', from).kind).toBe('module'); // "type": "module", exports default → .js
    expect(requireFormat('zod', from).kind).toBe('commonjs'); // exports.require → index.cjs
    expect(requireFormat('entities', from).kind).toBe('commonjs'); // exports.require → dist/commonjs (nested package.json)
    expect(requireFormat('better-sqlite3', from).kind).toBe('commonjs'); // no "type"
    expect(requireFormat('node:fs', from).kind).toBe('builtin');
    expect(requireFormat('no-such-package-listsmith', from).kind).toBe('missing');
  });
  it('a package whose exports offer only "import" cannot be required at all', () => {
    const { dir, cleanup } = tempDir('listsmith-require-format-');
    cleanups.push(cleanup);
    const pkg = join(dir, 'node_modules', 'import-only');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'import-only', exports: { '.': { import: './index.mjs' } } }));
    writeFileSync(join(pkg, 'index.mjs'), 'export default 1;\n');
    writeFileSync(join(dir, 'package.json'), '{}');
    expect(requireFormat('import-only', join(dir, 'package.json')).kind).toBe('not-exported');
    expect(isEsmForRequire('import-only', join(dir, 'package.json'))).toBe(true);
  });
});
