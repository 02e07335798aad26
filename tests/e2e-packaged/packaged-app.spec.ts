/**
 * The packaged app, as a seller gets it (app.asar, unpacked native modules, flipped fuses): start
 * it, import a real Shopify export, see its listings in the grid, export them back to Shopify.
 * The same steps were checked against the web host in Chromium (35 imported, 30 rows in view all
 * from the file, 35 exported with every title). Run by CI after `electron-builder --dir`
 * (electron-e2e.yml, job `packaged`): see
 * playwright.packaged.config.ts. Playwright attaches to Electron's main process through
 * `--inspect`, which the shipped fuses refuse, so CI runs this on a copy whose only change is the
 * EnableNodeCliInspectArguments fuse (the build itself is checked with scripts/check-fuses.mjs).
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { corpusPath } from '../corpus-files.js';
import { electronSpecsRunnable } from '../e2e-electron/electron-binary.js';
import { packagedAppPath } from './packaged-app.js';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const executable = packagedAppPath(process.env, join(repoRoot, 'release'));
const runnable = electronSpecsRunnable(executable, process.env, 'no packaged app was found (build it with `npx electron-builder --dir`, or set LISTSMITH_PACKAGED_APP)');
test.skip(!runnable, 'no packaged app (run `npx electron-builder --dir --publish never` on a machine with Electron, or set LISTSMITH_PACKAGED_APP)');

// A real Shopify export (Polish market, PLN): 60 rows, 35 products (tests/unit/import/corpus.test.ts).
const SHOPIFY_FILE = 'shopify_products_export_2024_POLISH_market-price-columns__mikolajroszak.csv';
const PRODUCTS = 35;

let app: ElectronApplication;
let userData: string;
let downloads: string;

test.beforeAll(async () => {
  userData = mkdtempSync(join(tmpdir(), 'listsmith-packaged-'));
  downloads = mkdtempSync(join(tmpdir(), 'listsmith-packaged-downloads-'));
  app = await electron.launch({
    executablePath: executable!,
    env: { ...process.env, LISTSMITH_USER_DATA: userData, LISTSMITH_DISABLE_UPDATES: '1' } as Record<string, string>,
  });
  // Exports arrive as downloads: save them in our folder instead of asking with a dialog.
  await app.evaluate(({ session }, { dir, separator }) => {
    session.defaultSession.on('will-download', (_event, item) => item.setSavePath(`${dir}${separator}${item.getFilename()}`));
  }, { dir: downloads, separator: sep });
});

test.afterAll(async () => {
  await app?.close().catch(() => {});
  rmSync(userData, { recursive: true, force: true });
  rmSync(downloads, { recursive: true, force: true });
});

test('the packaged app is packaged: app.asar, not the source folder', async () => {
  const { isPackaged, appPath } = await app.evaluate(({ app: electronApp }) => ({ isPackaged: electronApp.isPackaged, appPath: electronApp.getAppPath() }));
  expect(isPackaged).toBe(true);
  expect(appPath).toMatch(/app\.asar$/);
});

test('imports a real Shopify export, shows it in the grid and exports it back', async () => {
  const window = await app.firstWindow();
  await expect(window.getByTestId('total-count')).toHaveAttribute('data-total', /\d+/, { timeout: 60_000 });

  const file = corpusPath(SHOPIFY_FILE);
  const titles = new Set((parse(readFileSync(file), { columns: true, bom: true }) as Record<string, string>[]).map((row) => row.Title).filter(Boolean));
  expect(titles.size).toBe(PRODUCTS);

  await window.getByTestId('import-file-input').setInputFiles(file);
  await expect(window.getByTestId('import-step')).toHaveAttribute('data-step', 'preview', { timeout: 60_000 });
  await expect(window.getByTestId('import-dialect')).toHaveAttribute('data-dialect', 'shopify');
  const currency = window.getByTestId('import-currency-select');
  if (await currency.isVisible()) await currency.selectOption('PLN');
  await window.getByTestId('import-start').click();
  await expect(window.getByTestId('import-report')).toBeVisible({ timeout: 60_000 });
  await expect(window.getByTestId('report-count-imported')).toHaveAttribute('data-value', String(PRODUCTS));

  await window.getByTestId('report-show-in-grid').click();
  await expect(window.getByTestId('total-count')).toHaveAttribute('data-total', String(PRODUCTS));
  // The grid shows this file's listings (the rows in view: the grid is virtualized).
  const readyRows = window.locator('[data-testid="grid-scroll"] [role="row"][data-state="ready"]');
  await expect(readyRows.first()).toBeVisible();
  const shown = await readyRows.evaluateAll((rows) => rows.map((row) => row.querySelector('[role="gridcell"]')?.textContent ?? ''));
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.filter((title) => !titles.has(title))).toEqual([]);

  await window.getByTestId('export-button').click();
  await expect(window.getByTestId('export-dialog')).toBeVisible();
  await window.getByTestId('export-format-select').selectOption('shopify');
  await window.getByTestId('export-start').click();
  await expect(window.getByTestId('export-summary')).toHaveAttribute('data-rows', String(PRODUCTS), { timeout: 60_000 });
  await expect.poll(() => readdirSync(downloads).filter((name) => name.endsWith('.csv')), { timeout: 30_000 }).toHaveLength(1);
  const exported = parse(readFileSync(join(downloads, readdirSync(downloads).find((name) => name.endsWith('.csv'))!)), { columns: true, bom: true }) as Record<string, string>[];
  const exportedTitles = new Set(exported.map((row) => row.Title).filter(Boolean));
  expect([...titles].filter((title) => !exportedTitles.has(title))).toEqual([]);
});
