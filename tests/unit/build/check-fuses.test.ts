/**
 * scripts/check-fuses.mjs against stand-in Electron binaries: bytes holding the fuse sentinel and
 * wire exactly where @electron/fuses looks for them, once as electron-builder flips them for our
 * config and once as a stock Electron ships them.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fuseIndex, fuseMismatches } from '../../../scripts/check-fuses.mjs';
import { writeStandInElectronDist } from '../../../scripts/package-dry-run.mjs';
import { repoRoot, tempDir } from '../paths.js';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'; // @electron/fuses constants.SENTINEL
const ON = 49; // '1'
const OFF = 48; // '0'
// Wire order: RunAsNode, EnableCookieEncryption, EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
// EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar, LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges
const STOCK = [ON, OFF, ON, ON, OFF, OFF, OFF, ON];
const FLIPPED_FOR_LISTSMITH = [OFF, ON, OFF, OFF, ON, ON, OFF, OFF];

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function fakeElectron(wire: number[]): string {
  const { dir, cleanup } = tempDir('listsmith-fuses-');
  cleanups.push(cleanup);
  const file = join(dir, 'listsmith');
  writeFileSync(file, Buffer.concat([Buffer.from('\x7fELF junk before'), Buffer.from(SENTINEL, 'latin1'), Buffer.from([1, wire.length, ...wire]), Buffer.from('junk after')]));
  return file;
}

function runCheck(binary: string): { code: number; output: string } {
  try {
    const output = execFileSync(process.execPath, [join(repoRoot, 'scripts', 'check-fuses.mjs'), binary], { cwd: repoRoot, encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: e.stdout + e.stderr };
  }
}

describe('scripts/check-fuses.mjs', () => {
  it('passes a binary whose fuses electron-builder flipped as electron-builder.yml says', () => {
    const { code, output } = runCheck(fakeElectron(FLIPPED_FOR_LISTSMITH));
    expect(output).toContain('EnableCookieEncryption is enabled');
    expect(output).toContain('fuses match electron-builder.yml');
    expect(code).toBe(0);
  });

  it('fails a stock Electron binary, naming each fuse that differs', () => {
    const { code, output } = runCheck(fakeElectron(STOCK));
    expect(code).toBe(1);
    expect(output).toContain('runAsNode: configured disabled, binary has it enabled');
    expect(output).toContain('enableCookieEncryption: configured enabled, binary has it disabled');
    expect(output).toContain('onlyLoadAppFromAsar: configured enabled, binary has it disabled');
  });

  it('fails a file that is not Electron, and asks for a path when given none', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    writeFileSync(join(dir, 'x'), 'not electron');
    expect(runCheck(join(dir, 'x')).code).toBe(1);
    expect(() => execFileSync(process.execPath, [join(repoRoot, 'scripts', 'check-fuses.mjs')], { stdio: 'pipe' })).toThrow(/usage/);
  });

  it('the packaging dry run’s stand-in Electron reads as a stock Electron (every fuse Listsmith flips still unflipped)', () => {
    const { dir, cleanup } = tempDir('listsmith-stand-in-');
    cleanups.push(cleanup);
    writeStandInElectronDist(dir, '45.4.1');
    const { code, output } = runCheck(join(dir, 'electron'));
    expect(code).toBe(1);
    expect(output.match(/configured (enabled|disabled), binary has it/g)).toHaveLength(7); // all but loadBrowserProcessSpecificV8Snapshot (off in both)
  });

  it('fuseMismatches: a removed fuse is not a failure, a missing or unknown one is', () => {
    expect(fuseIndex('enableCookieEncryption')).toBe(1);
    expect(fuseIndex('noSuchFuse')).toBeNull();
    expect(fuseMismatches({ runAsNode: false }, { version: '1', 0: 114 })).toEqual([]);
    expect(fuseMismatches({ grantFileProtocolExtraPrivileges: false }, { version: '1', 0: OFF })).toEqual(['grantFileProtocolExtraPrivileges: this Electron\'s fuse wire has no such fuse']);
    expect(fuseMismatches({ noSuchFuse: true }, { version: '1' })).toEqual(['noSuchFuse: not a fuse @electron/fuses knows']);
    expect(fuseMismatches({ runAsNode: false }, { version: '2' })[0]).toMatch(/version 2/);
  });
});
