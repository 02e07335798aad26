import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startWritableHost, type WritableHost } from './writable-catalog.js';

/**
 * Backups from the toolbar (the desktop menu's File › Restore from Backup… opens the same dialog):
 * list, "Back up now" (a verified copy appears), and restore — which the browser harness refuses
 * with the core's explanation, because only the desktop shell can close and reopen the catalog.
 */

let host: WritableHost;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  host = await startWritableHost();
});
test.afterAll(async () => {
  await host?.stop();
});

test('back up now, see it listed, and restore explains where it works', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', String(host.rows));
  await page.getByTestId('tools-menu').click();
  await page.getByTestId('backups-button').click();
  const dialog = page.getByTestId('backups-dialog');
  await expect(dialog).toBeVisible();
  const rows = dialog.getByRole('table', { name: 'Backups' }).locator('tbody tr');
  const before = await rows.count();

  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await expect(dialog.getByRole('status')).toContainText('Backup made and verified', { timeout: 60_000 });
  await expect(rows).toHaveCount(before + 1);
  await expect(rows.first()).toContainText('Made by you');
  // Where the files are: the folder (beside the catalog) and each backup's file name, which exists there.
  const folder = join(dirname(host.databasePath), 'backups');
  await expect(dialog.getByTestId('backups-folder')).toContainText(folder);
  const fileName = (await rows.first().locator('.backups-file code').textContent()) ?? '';
  expect(fileName).toMatch(/^catalog-.*-manual\.sqlite$/);
  expect(existsSync(join(folder, fileName))).toBe(true);

  await rows.first().getByRole('button', { name: /Restore backup of/ }).click();
  await expect(dialog).toContainText('Replace the catalog with this backup?');
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('desktop app');
  // Nothing was replaced: the catalog still answers with every listing.
  await dialog.getByTestId('backups-dialog-close').click();
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', String(host.rows));
});

test('Diagnostics counts the backup just made (it said "no backup tasks" before)', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', String(host.rows));
  await page.getByTestId('tools-menu').click();
  await page.getByTestId('backups-button').click();
  const dialog = page.getByTestId('backups-dialog');
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await expect(dialog.getByRole('status')).toContainText('Backup made and verified', { timeout: 60_000 });
  await dialog.getByTestId('backups-dialog-close').click();
  await page.getByTestId('tools-menu').click();
  await page.getByTestId('diagnostics-button').click();
  // The first test's backup ran on the same host: at least this one is counted, with its reason.
  await expect(page.getByTestId('diagnostics-backups')).toContainText(/\d+ backup tasks? since Listsmith started, 0 failed \(last: backup \(manual\)/);
});
