import { defineConfig } from '@playwright/test';

/**
 * The packaged-app smoke test (tests/e2e-packaged) against `electron-builder --dir` output:
 * LISTSMITH_PACKAGED_APP names the executable (CI), else release/<os>-unpacked is used. Skips
 * with a one-line reason where there is no packaged app; with LISTSMITH_REQUIRE_ELECTRON=1 a
 * missing app or any skipped spec fails the run. Linux CI runs it under xvfb-run
 * (.github/workflows/electron-e2e.yml, job `packaged`).
 */
export default defineConfig({
  testDir: 'tests/e2e-packaged',
  fullyParallel: false,
  workers: 1,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['./tests/e2e-electron/no-skip-reporter.ts']],
  outputDir: 'test-results/packaged',
  use: { screenshot: 'only-on-failure', trace: 'retain-on-failure' },
});
