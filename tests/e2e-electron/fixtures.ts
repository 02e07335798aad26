/**
 * Fixture: launches the built app with its own temp userData folder (Actual Budget's e2e pattern),
 * updates off (CI + LISTSMITH_DISABLE_UPDATES), and closes it afterwards.
 */
import { test as base, _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { electronBinaryPath, electronSpecsRunnable, SKIP_REASON } from './electron-binary.js';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

/**
 * True when the Electron binary is installed. Where LISTSMITH_REQUIRE_ELECTRON is set (CI) an
 * absent binary throws instead, failing the run (electron-binary.ts).
 */
export function hasElectronBinary(): boolean {
  return electronSpecsRunnable(electronBinaryPath(repoRoot), process.env);
}

export { SKIP_REASON };

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
