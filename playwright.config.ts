import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Screenshots depend on the browser's fonts and rasteriser (Debian's Chromium 150 lays the toolbar
 * out a few pixels wider than 156): one committed set per Chromium major version. A version with no
 * set fails on its first run and writes one to review and commit.
 */
const chromiumMajor = ((): string => {
  try {
    return /(\d+)\./.exec(execFileSync(chromiumPath, ['--version'], { encoding: 'utf8' }))?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
})();

/**
 * End-to-end tests drive the real renderer in Debian's Chromium against the real core through the
 * web transport (`npm run web`). Playwright's own browser download cannot reach its CDN here, so
 * the system Chromium is used. Electron specs (tests/e2e-electron) run only where Electron exists.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  snapshotPathTemplate: `{testDir}/{testFilePath}-snapshots/chromium-${chromiumMajor}/{arg}{ext}`,
  use: {
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
});
