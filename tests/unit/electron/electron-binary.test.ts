import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronBinaryPath, electronRequired, electronSpecsRunnable, SKIP_REASON } from '../../e2e-electron/electron-binary.js';
import { statusAfterSkips } from '../../e2e-electron/no-skip-reporter.js';
import { tempDir } from '../paths.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A folder shaped like a project with node_modules/electron, with or without the downloaded binary. */
function fakeProject(options: { pathTxt?: string; binary?: boolean }): string {
  const { dir, cleanup } = tempDir('listsmith-electron-bin-');
  cleanups.push(cleanup);
  writeFileSync(join(dir, 'package.json'), '{"name":"x","private":true}');
  const pkg = join(dir, 'node_modules', 'electron');
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), '{"name":"electron","version":"45.4.1","main":"index.js"}');
  if (options.pathTxt !== undefined) writeFileSync(join(pkg, 'path.txt'), options.pathTxt);
  if (options.binary) writeFileSync(join(pkg, 'dist', 'electron'), '');
  return dir;
}

describe('electronBinaryPath', () => {
  it('finds dist/<path.txt> when the binary was installed', () => {
    const root = fakeProject({ pathTxt: 'electron', binary: true });
    expect(electronBinaryPath(root)).toBe(join(root, 'node_modules', 'electron', 'dist', 'electron'));
  });
  it('is null after `npm ci` alone (no path.txt: Electron ≥ 42 has no postinstall download)', () => {
    expect(electronBinaryPath(fakeProject({}))).toBeNull();
  });
  it('is null when path.txt names a binary that is not there', () => {
    expect(electronBinaryPath(fakeProject({ pathTxt: 'electron' }))).toBeNull();
  });
  it('is null when electron is not installed at all', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    expect(electronBinaryPath(dir)).toBeNull();
  });
});

describe('LISTSMITH_REQUIRE_ELECTRON turns "binary absent" from a skip into a failure', () => {
  it('reads the variable: set to 1/true/yes → required; unset, empty, 0, false → not', () => {
    for (const value of ['1', 'true', 'yes', ' 1 ']) expect(electronRequired({ LISTSMITH_REQUIRE_ELECTRON: value })).toBe(true);
    for (const value of [undefined, '', '0', 'false', 'FALSE']) expect(electronRequired({ LISTSMITH_REQUIRE_ELECTRON: value })).toBe(false);
  });
  it('binary present: the specs run, required or not', () => {
    expect(electronSpecsRunnable('/x/electron', {})).toBe(true);
    expect(electronSpecsRunnable('/x/electron', { LISTSMITH_REQUIRE_ELECTRON: '1' })).toBe(true);
  });
  it('binary absent, not required: skip (with a one-line reason)', () => {
    expect(electronSpecsRunnable(null, {})).toBe(false);
    expect(SKIP_REASON).not.toContain('\n');
  });
  it('binary absent, required: throws an error that says how to install it', () => {
    expect(() => electronSpecsRunnable(null, { LISTSMITH_REQUIRE_ELECTRON: '1' })).toThrow(/npx install-electron/);
  });
  it('this machine: the real project folder agrees with the switch', () => {
    const root = join(import.meta.dirname, '..', '..', '..');
    const present = electronBinaryPath(root) !== null;
    expect(electronSpecsRunnable(electronBinaryPath(root), {})).toBe(present);
    if (!present) expect(() => electronSpecsRunnable(electronBinaryPath(root), { LISTSMITH_REQUIRE_ELECTRON: '1' })).toThrow();
  });
});

describe('no-skip reporter', () => {
  it('a run with skipped specs fails where Electron is required', () => {
    expect(statusAfterSkips('passed', ['launch.spec.ts › opens one window'], { LISTSMITH_REQUIRE_ELECTRON: '1' })).toBe('failed');
  });
  it('keeps the status when nothing skipped, or where skipping is allowed', () => {
    expect(statusAfterSkips('passed', [], { LISTSMITH_REQUIRE_ELECTRON: '1' })).toBe('passed');
    expect(statusAfterSkips('passed', ['a'], {})).toBe('passed');
    expect(statusAfterSkips('failed', [], {})).toBe('failed');
  });
});
