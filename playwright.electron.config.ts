import { defineConfig } from '@playwright/test';

/**
 * Electron end-to-end specs (tests/e2e-electron): the real app (`electron .` on the built out/),
 * each test with its own userData folder (LISTSMITH_USER_DATA). They skip with a one-line reason
 * where the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD machines); with
 * LISTSMITH_REQUIRE_ELECTRON=1 (CI) a missing binary or any skipped spec fails the run
 * (tests/e2e-electron/electron-binary.ts, no-skip-reporter.ts). Linux CI runs them under xvfb-run
 * (.github/workflows/electron-e2e.yml). Run: npm run build && npx playwright test -c playwright.electron.config.ts
 */
export default defineConfig({
  testDir: 'tests/e2e-electron',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['./tests/e2e-electron/no-skip-reporter.ts']],
  outputDir: 'test-results/electron',
  use: { screenshot: 'only-on-failure', trace: 'retain-on-failure' },
});
