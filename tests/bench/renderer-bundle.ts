import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Relative static imports in a built chunk (`import{a}from"./x.js"`, `import"./x.js"`), never `import("…")`. */
const STATIC_IMPORT = /\bimport\s*(?:[^'"();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

/**
 * bundle_gzip_kb: what the page must download and parse before it can start — the entry script(s)
 * and modulepreload links of the built index.html plus every chunk they import statically — gzipped
 * at level 9, in kB (1,000 bytes). Lazy chunks (`import()`) are not counted.
 */
export function initialBundleGzipKb(rendererDir: string): { kb: number; files: string[] } {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const entries = [
    ...Array.from(html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g), (m) => m[1]!),
    ...Array.from(html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g), (m) => m[1]!),
  ];
  if (entries.length === 0) throw new Error(`no entry script in ${join(rendererDir, 'index.html')}`);
  const seen = new Set<string>();
  const queue = entries.map((src) => join(rendererDir, src));
  let bytes = 0;
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file);
    bytes += gzipSync(code, { level: 9 }).length;
    for (const m of code.toString('utf8').matchAll(STATIC_IMPORT)) queue.push(join(dirname(file), m[1]!));
  }
  return { kb: Math.round(bytes / 100) / 10, files: [...seen] };
}
