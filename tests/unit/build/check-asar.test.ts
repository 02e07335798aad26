/** scripts/check-asar.mjs: on real archives made with @electron/asar (what electron-builder uses) and on file lists. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { asarProblems, REQUIRED_ENTRIES, type AsarFile } from '../../../scripts/check-asar.mjs';
import { repoRoot, tempDir } from '../paths.js';

const asar = createRequire(import.meta.url)('@electron/asar') as { createPackageWithOptions(src: string, dest: string, options: { unpack?: string }): Promise<unknown> };
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function archive(files: string[]): Promise<string> {
  const { dir, cleanup } = tempDir('listsmith-asar-');
  cleanups.push(cleanup);
  for (const file of files) {
    mkdirSync(join(dir, 'app', dirname(file)), { recursive: true });
    writeFileSync(join(dir, 'app', file), 'x');
  }
  const dest = join(dir, 'app.asar');
  await asar.createPackageWithOptions(join(dir, 'app'), dest, { unpack: '*.node' });
  return dest;
}

function check(path: string): { code: number; output: string } {
  try {
    return { code: 0, output: execFileSync(process.execPath, [join(repoRoot, 'scripts', 'check-asar.mjs'), path], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: e.stdout + e.stderr };
  }
}

const app = [...REQUIRED_ENTRIES, 'out/chunks/a.js', 'node_modules/zod/index.cjs', 'node_modules/better-sqlite3/prebuilds/linux-x64.node'];

describe('scripts/check-asar.mjs', () => {
  it('passes an archive holding the built app and its dependencies, native modules unpacked', async () => {
    const { code, output } = check(await archive(app));
    expect(output).toContain('holds the app and its production dependencies only');
    expect(code).toBe(0);
  });

  it('fails an archive that packaged the project folder, naming what does not belong', async () => {
    const { code, output } = check(await archive([...app, '.cache/catalogs/c.sqlite', 'tests/unit/x.test.ts', 'out/main/electron.js.map']));
    expect(code).toBe(1);
    expect(output).toContain('not part of the app: .cache, tests');
    expect(output).toContain('build leftover packaged: out/main/electron.js.map');
  });

  it('names missing entry points, packed native modules and an oversized archive', () => {
    const files: AsarFile[] = [
      { path: 'package.json', size: 1, unpacked: false },
      { path: 'node_modules/x/x.node', size: 1, unpacked: false },
      { path: 'node_modules/big/blob', size: 400 * 1024 * 1024, unpacked: false },
    ];
    const problems = asarProblems(files);
    expect(problems).toContain('missing out/main/electron.js');
    expect(problems).toContain('native module inside the archive (cannot be loaded): node_modules/x/x.node');
    expect(problems.some((p) => /holds 419 MB/.test(p))).toBe(true);
  });
});
