/**
 * Is the Electron binary here, and what to do when it is not. Plain Node (no Playwright), so the
 * decision is unit-tested (tests/unit/electron/electron-binary.test.ts).
 *
 * Electron ≥ 42 has no postinstall download: `npm ci` leaves only `node_modules/electron` without
 * `dist/`, and `npx install-electron` fetches the binary. Development machines that cannot reach
 * GitHub skip the Electron specs with a one-line reason; CI sets LISTSMITH_REQUIRE_ELECTRON=1, so a
 * missing binary there fails the run instead of passing with zero tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const REQUIRE_ELECTRON_VARIABLE = 'LISTSMITH_REQUIRE_ELECTRON';

export const SKIP_REASON = 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD) — run `npx install-electron` on a machine that can reach GitHub';

/**
 * Where `require('electron')` would find the executable, or null when it is absent. Never calls
 * `require('electron')` itself: that starts a download.
 */
export function electronBinaryPath(repoRoot: string): string | null {
  try {
    const require = createRequire(join(repoRoot, 'package.json'));
    const pkgDir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const exe = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(exe) ? exe : null;
  } catch {
    return null;
  }
}

/** True when the environment demands the binary (CI): any value but '', '0' and 'false'. */
export function electronRequired(env: NodeJS.ProcessEnv): boolean {
  const value = env[REQUIRE_ELECTRON_VARIABLE]?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/**
 * Run the specs (binary present), skip them with SKIP_REASON (absent, not required), or throw
 * (absent, required): a thrown error at spec load makes Playwright fail the whole run.
 */
export function electronSpecsRunnable(
  binaryPath: string | null,
  env: NodeJS.ProcessEnv,
  missing = 'the Electron binary is not installed: run `npx install-electron` after `npm ci` (Electron has no postinstall download)',
): boolean {
  if (binaryPath !== null) return true;
  if (electronRequired(env)) throw new Error(`${REQUIRE_ELECTRON_VARIABLE} is set but ${missing}, or unset ${REQUIRE_ELECTRON_VARIABLE} to skip the Electron specs.`);
  return false;
}
