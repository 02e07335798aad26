/**
 * Finds and reads the English Hunspell dictionary shipped by the `dictionary-en` npm package.
 *
 * dictionary-en v4 is ESM whose index.js reads its two files with top-level await, so it cannot be
 * require()d from the CommonJS worker bundles, and its `exports` map only exposes "." (no
 * `dictionary-en/index.aff`). Resolving "." gives the package's index.js; index.aff and index.dic sit
 * beside it. Reading them ourselves works the same in ESM, in CJS bundles and inside an asar.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The two Hunspell files: affix rules and word list (bytes or already-decoded text). */
export interface DictionaryFiles {
  aff: Uint8Array | string;
  dic: Uint8Array | string;
}

export interface DictionaryPaths {
  aff: string;
  dic: string;
}

/**
 * Where dictionary-en's files are. `from`: a file (path or file: URL) to resolve the package from,
 * e.g. the worker's own `__filename`; by default the bundle's own `require` when this code runs as
 * CommonJS, else the working directory.
 */
export function englishDictionaryPaths(from?: string | URL): DictionaryPaths {
  const resolver = from === undefined ? defaultResolver() : createRequire(from);
  const folder = dirname(resolver.resolve('dictionary-en'));
  return { aff: join(folder, 'index.aff'), dic: join(folder, 'index.dic') };
}

/** Reads dictionary-en's files (≈ 1 MB; do it once per thread). */
export function loadEnglishDictionary(from?: string | URL): DictionaryFiles {
  const paths = englishDictionaryPaths(from);
  return { aff: readFileSync(paths.aff), dic: readFileSync(paths.dic) };
}

function defaultResolver(): NodeJS.Require {
  // `require` exists when this module was bundled as CommonJS (the Piscina workers): it resolves
  // from the bundle's own location, inside an asar too. ESM (Vitest, tools) has none.
  return typeof require === 'function' ? require : createRequire(join(process.cwd(), 'resolve-from-here.js'));
}
