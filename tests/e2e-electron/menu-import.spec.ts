/**
 * Import through the native menu: File › Import… sends the `import` command to the window, whose
 * wizard asks for a file (the dialog is stubbed in the main process via electronApp.evaluate).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, hasElectronBinary, SKIP_REASON, test } from './fixtures.js';

test.skip(!hasElectronBinary(), SKIP_REASON);

test('File › Import… opens the import wizard and imports a CSV', async ({ electronApp, window, userDataDir }) => {
  const csv = join(userDataDir, 'shop.csv');
  writeFileSync(csv, 'sku,title,price,quantity\nA-1,Blue mug,12.50,3\nA-2,Red mug,13.00,1\n');
  await electronApp.evaluate(({ dialog }, file) => {
    // Any open dialog the wizard shows answers with our file.
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [file] })) as typeof dialog.showOpenDialog;
  }, csv);
  await electronApp.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('import')?.click());
  const wizard = window.getByRole('dialog');
  await expect(wizard).toBeVisible();
  // The renderer's own file input is also acceptable: feed it when present.
  const input = wizard.locator('input[type=file]');
  if (await input.count()) await input.setInputFiles(csv);
  await expect(wizard).toContainText(/shop\.csv|2 rows|Blue mug/);
});

test('a second launch with a file forwards it to the running app', async ({ electronApp, userDataDir }) => {
  const file = join(userDataDir, 'second.csv');
  writeFileSync(file, 'sku,title\nB-1,Plate\n');
  // Simulate the second instance's argv reaching the first (what requestSingleInstanceLock delivers).
  const sent = await electronApp.evaluate(({ app }, path) => app.emit('second-instance', {}, [process.execPath, path], process.cwd(), {}), file);
  expect(sent).toBe(true);
});

test('macOS "Open with Listsmith" (open-file) stages the file for the import wizard', async ({ electronApp, window, userDataDir }) => {
  const file = join(userDataDir, 'opened-with.csv');
  const content = 'sku,title,price\nC-1,Green bowl,9.00\n';
  writeFileSync(file, content);
  await expect(window.getByTestId('total-count')).toHaveAttribute('data-total', /\d+/, { timeout: 30_000 });
  const handled = await electronApp.evaluate(({ app }, path) => {
    let prevented = false;
    app.emit('open-file', { preventDefault: () => (prevented = true) }, path);
    return prevented;
  }, file);
  expect(handled).toBe(true);
  // The shell copied it into the staging folder (what the wizard imports from).
  const staged = (): string[] =>
    existsSync(join(userDataDir, 'staging'))
      ? readdirSync(join(userDataDir, 'staging'), { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
      : [];
  await expect.poll(staged, { timeout: 15_000 }).toContain(content);
});
