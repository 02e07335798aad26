import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packagedAppPath, unpackedExecutable } from '../../e2e-packaged/packaged-app.js';
import { tempDir } from '../paths.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('where electron-builder --dir leaves the packaged app', () => {
  it('names the folder and executable per OS and CPU', () => {
    expect(unpackedExecutable('/r', 'linux', 'x64')).toBe(join('/r', 'linux-unpacked', 'listsmith'));
    expect(unpackedExecutable('/r', 'linux', 'arm64')).toBe(join('/r', 'linux-arm64-unpacked', 'listsmith'));
    expect(unpackedExecutable('/r', 'win32', 'x64')).toBe(join('/r', 'win-unpacked', 'Listsmith.exe'));
    expect(unpackedExecutable('/r', 'win32', 'arm64')).toBe(join('/r', 'win-arm64-unpacked', 'Listsmith.exe'));
    expect(unpackedExecutable('/r', 'darwin', 'x64')).toBe(join('/r', 'mac', 'Listsmith.app', 'Contents', 'MacOS', 'Listsmith'));
    expect(unpackedExecutable('/r', 'darwin', 'arm64')).toBe(join('/r', 'mac-arm64', 'Listsmith.app', 'Contents', 'MacOS', 'Listsmith'));
  });

  it('uses LISTSMITH_PACKAGED_APP when set, and only paths that exist', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    expect(packagedAppPath({}, dir, 'linux', 'x64')).toBeNull();
    mkdirSync(join(dir, 'linux-unpacked'));
    writeFileSync(join(dir, 'linux-unpacked', 'listsmith'), '');
    expect(packagedAppPath({}, dir, 'linux', 'x64')).toBe(join(dir, 'linux-unpacked', 'listsmith'));
    const copy = join(dir, 'smoke');
    expect(packagedAppPath({ LISTSMITH_PACKAGED_APP: copy }, dir, 'linux', 'x64')).toBeNull();
    writeFileSync(copy, '');
    expect(packagedAppPath({ LISTSMITH_PACKAGED_APP: copy }, dir, 'linux', 'x64')).toBe(copy);
  });
});
