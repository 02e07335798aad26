// Checks what a packaged app.asar holds:
//   node scripts/check-asar.mjs release/linux-unpacked/resources/app.asar
// Exit 0 when it holds the built app and its production dependencies and nothing else of ours;
// 1 with one line per problem. Catches packaging mistakes a `files` pattern can make silently
// (a set of exclusions once packaged the whole project: .cache catalogs, tests — 9.5 GB).
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** What must be inside, for the app to start and run its threads. */
export const REQUIRED_ENTRIES = ['package.json', 'out/main/electron.js', 'out/preload/preload.cjs', 'out/renderer/index.html', 'out/workers/catalog.worker.cjs', 'out/workers/backup.worker.cjs'];
const ALLOWED_TOP_LEVEL = new Set(['out', 'node_modules', 'package.json']);
const MAX_PACKED_BYTES = 300 * 1024 * 1024;

/**
 * Every file of an asar header: path (with /), size and whether it lives in app.asar.unpacked.
 * @param {{ files?: Record<string, any> }} header @electron/asar getRawHeader(...).header
 * @returns {{ path: string; size: number; unpacked: boolean }[]}
 */
export function asarFiles(header) {
  const out = [];
  const walk = (node, prefix) => {
    for (const [name, entry] of Object.entries(node.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (entry.files) walk(entry, path);
      else if (!entry.link) out.push({ path, size: Number(entry.size ?? 0), unpacked: entry.unpacked === true });
    }
  };
  walk(header, '');
  return out;
}

/**
 * @param {{ path: string; size: number; unpacked: boolean }[]} files
 * @returns {string[]} one line per problem
 */
export function asarProblems(files) {
  const problems = [];
  const paths = new Set(files.map((f) => f.path));
  for (const entry of REQUIRED_ENTRIES) if (!paths.has(entry)) problems.push(`missing ${entry}`);
  const strays = [...new Set(files.map((f) => f.path.split('/')[0]).filter((top) => !ALLOWED_TOP_LEVEL.has(top)))];
  if (strays.length > 0) problems.push(`not part of the app: ${strays.join(', ')} (check electron-builder.yml files)`);
  const ours = files.filter((f) => f.path.startsWith('out/'));
  for (const f of ours) if (/\.(map|ts|tsx)$/.test(f.path) || f.path.startsWith('out/bench/')) problems.push(`build leftover packaged: ${f.path}`);
  for (const f of files) if (/\.node$/.test(f.path) && !f.unpacked) problems.push(`native module inside the archive (cannot be loaded): ${f.path}`);
  const packed = files.filter((f) => !f.unpacked).reduce((sum, f) => sum + f.size, 0);
  if (packed > MAX_PACKED_BYTES) problems.push(`app.asar holds ${(packed / 1e6).toFixed(0)} MB, more than the ${MAX_PACKED_BYTES / 1024 / 1024} MB a Listsmith build needs`);
  return problems;
}

function main() {
  const archive = process.argv[2];
  if (!archive) {
    console.error('usage: node scripts/check-asar.mjs <path to app.asar>');
    process.exit(2);
  }
  const { getRawHeader } = require('@electron/asar');
  const files = asarFiles(getRawHeader(resolve(archive)).header);
  const packed = files.filter((f) => !f.unpacked);
  console.log(`${archive}: ${packed.length} files, ${(packed.reduce((s, f) => s + f.size, 0) / 1e6).toFixed(1)} MB packed; ${files.length - packed.length} unpacked`);
  const problems = asarProblems(files);
  if (problems.length > 0) {
    console.error(`app.asar problems:\n  ${problems.slice(0, 50).join('\n  ')}`);
    process.exit(1);
  }
  console.log('app.asar holds the app and its production dependencies only');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
