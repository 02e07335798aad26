import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Real export files written by other sellers, from two folders: the shared corpus beside the
 * project (read-only, may be absent or hold files nobody here has seen) and `tests/real-files`,
 * the files this project found itself (origins in its README). Every test reads real files
 * through here, so a file added to either folder is picked up by all of them.
 */
// From tests/ the checkout is one folder up; bundled into out/bench (the real-text import bench)
// this module's folder is out/bench, so climb to the folder that holds package.json.
const repoRoot = checkoutRoot(import.meta.dirname);
function checkoutRoot(from: string): string {
  for (let dir = resolve(from, '..'); dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'package.json'))) return dir;
  return resolve(from, '..');
}
export const sharedCorpus = resolve(repoRoot, '..', 'shared', 'corpus');
export const projectCorpus = resolve(repoRoot, 'tests', 'real-files');

const dataFiles = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((name) => !name.startsWith('.') && name !== 'README.md') : [];

/** Names of every real file, sorted; a name in both folders appears once (the shared copy wins). */
export function corpusFiles(): string[] {
  return [...new Set([...dataFiles(sharedCorpus), ...dataFiles(projectCorpus)])].sort();
}

/** The files this project keeps itself: each must be listed, with its origin, in that folder's README. */
export function projectCorpusFiles(): string[] {
  return dataFiles(projectCorpus).sort();
}

/** Where a real file lives; throws when neither folder holds it (a test naming a missing file is a bug). */
export function corpusPath(name: string): string {
  for (const dir of [sharedCorpus, projectCorpus]) {
    const path = join(dir, name);
    if (existsSync(path)) return path;
  }
  throw new Error(`real file "${name}" is in neither ${sharedCorpus} nor ${projectCorpus}`);
}

export const hasCorpusFile = (name: string): boolean => corpusFiles().includes(name);
