import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Real export files written by other sellers, from two folders: the shared corpus beside the
 * project (read-only, may be absent or hold files nobody here has seen) and `tests/real-files`,
 * the files this project found itself (origins in its README). Every test reads real files
 * through here, so a file added to either folder is picked up by all of them.
 */
const repoRoot = resolve(import.meta.dirname, '..');
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
