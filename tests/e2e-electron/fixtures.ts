/**
 * Fixture: launches the built app with its own temp userData folder (Actual Budget's e2e pattern),
 * updates off (CI + LISTSMITH_DISABLE_UPDATES), and closes it afterwards.
 */
import { test as base, _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

/** True when `require('electron')` would give a binary path that exists (no download attempted). */
export function hasElectronBinary(): boolean {
  try {
    const require = createRequire(join(repoRoot, 'package.json'));
    const pkgDir = resolve(require.resolve('electron/package.json'), '..');
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return false;
    const exe = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(exe);
  } catch {
    return false;
  }
}

export const SKIP_REASON = 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD) — run on a machine with Electron';

type Fixtures = { userDataDir: string; electronApp: ElectronApplication; window: Page };

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  userDataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'listsmith-e2e-electron-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  electronApp: async ({ userDataDir }, use) => {
    const app = await electron.launch({
      args: ['.', ...(process.platform === 'linux' && process.env.CI ? ['--no-sandbox'] : [])],
      cwd: repoRoot,
      env: { ...process.env, LISTSMITH_USER_DATA: userDataDir, LISTSMITH_DISABLE_UPDATES: '1', CI: process.env.CI ?? '1' } as Record<string, string>,
    });
    await use(app);
    await app.close().catch(() => {});
  },
  window: async ({ electronApp }, use) => {
    const page = await electronApp.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await use(page);
  },
});

export { expect } from '@playwright/test';
