/**
 * Update UI state: updates are OFF under tests (policy), so the banner is absent; pushing an
 * `update.state` event from the main process shows "Restart to update" (<UpdateBannerFromCore /> in App.tsx).
 */
import { expect, hasElectronBinary, SKIP_REASON, test } from './fixtures.js';

test.skip(!hasElectronBinary(), SKIP_REASON);

test('no banner while updates are disabled; ready state shows Restart to update', async ({ electronApp, window }) => {
  await expect(window.getByTestId('update-banner')).toHaveCount(0);
  await electronApp.evaluate(({ BrowserWindow }) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send('listsmith:event:update.state', { status: 'downloading', version: '9.9.9', percent: 50 });
  });
  await expect(window.getByTestId('update-banner')).toContainText('50 %');
  await electronApp.evaluate(({ BrowserWindow }) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send('listsmith:event:update.state', { status: 'ready', version: '9.9.9' });
  });
  await expect(window.getByTestId('update-restart')).toHaveText('Restart to update');
});
