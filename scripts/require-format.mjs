// What a CommonJS `require(specifier)` from a given file would load: a CommonJS file, an ES module,
// a Node built-in, or nothing. Decided the way Node decides it: resolve with the "require"
// conditions of the package's "exports", then the file's extension (.cjs/.mjs) or the nearest
// package.json "type". Used by scripts/build.mjs (bundle ESM-only packages into the CJS worker
// bundles) and by tests/unit/build/worker-requires.test.ts (no built worker requires one).
//
// Why it matters: the workers are CommonJS and run from inside app.asar, where Electron patches
// `require` but a `require` of an ES module goes through the ESM loader (Node's require(esm)),
// which is not known to read asar archives. Node itself loads them, so tests in Node would pass.
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';

/** The package name of a bare specifier ('kysely/helpers/x' → 'kysely', '@a/b/c' → '@a/b'). */
export function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** "type" of the nearest package.json above `file` ('commonjs' when none says 'module'). */
function nearestPackageType(file) {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) return JSON.parse(readFileSync(pkg, 'utf8')).type === 'module' ? 'module' : 'commonjs';
    if (dirname(dir) === dir) return 'commonjs';
  }
}

/**
 * @param {string} specifier what the code passes to require()
 * @param {string} fromFile the file that requires it (resolution starts beside it)
 * @returns {{ kind: 'builtin' } | { kind: 'commonjs' | 'module', file: string } | { kind: 'not-exported' | 'missing', message: string }}
 *   `not-exported`: the package's "exports" has no entry for require (import-only): ESM-only too.
 */
export function requireFormat(specifier, fromFile) {
  if (specifier.startsWith('node:') || builtinModules.includes(specifier)) return { kind: 'builtin' };
  let file;
  try {
    file = createRequire(fromFile).resolve(specifier);
  } catch (error) {
    const code = /** @type {{ code?: string }} */ (error).code;
    const message = /** @type {Error} */ (error).message.split('\n')[0];
    return code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' ? { kind: 'not-exported', message } : { kind: 'missing', message };
  }
  const ext = extname(file);
  if (ext === '.mjs') return { kind: 'module', file };
  if (ext === '.cjs' || ext === '.node' || ext === '.json') return { kind: 'commonjs', file };
  return { kind: nearestPackageType(file), file };
}

/** True when `require(specifier)` from `fromFile` would load an ES module (or cannot be required at all). */
export function isEsmForRequire(specifier, fromFile) {
  const format = requireFormat(specifier, fromFile);
  return format.kind === 'module' || format.kind === 'not-exported';
}
