import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './hosts.js';

/**
 * A spec's own host on a fresh catalog (started before its tests, stopped and deleted after), so
 * what it imports meets no other spec; and opening the app there once the core answers.
 */
export function useOwnHost(name: string): { openApp(page: Page): Promise<void> } {
  let host: RunningHost | undefined;
  let dir: string | undefined;
  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `listsmith-e2e-${name}-`));
    host = await startHost(join(dir, 'catalog.sqlite'));
  });
  test.afterAll(() => {
    host?.process.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    async openApp(page) {
      await page.goto(host!.url);
      await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'open');
      await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', /\d+/);
    },
  };
}
