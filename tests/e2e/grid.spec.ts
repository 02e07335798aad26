import { expect, test, type Page } from '@playwright/test';
import { goToRow } from './toolbar-reach.js';

/** The first vertical slice against a 1,000,000-listing catalog over the web transport. */
const bigUrl = (): string => {
  const url = process.env.LISTSMITH_E2E_BIG_URL;
  if (!url) throw new Error('global setup did not start the 1M-listing host');
  return url;
};

const readyRows = (page: Page) => page.locator('[data-testid="grid-scroll"] [role="row"][data-state="ready"]');

async function openBigCatalog(page: Page): Promise<void> {
  await page.goto(bigUrl());
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', '1000000');
  await expect(readyRows(page).first()).toBeVisible();
}

async function visibleCells(page: Page, column: number): Promise<string[]> {
  return readyRows(page).evaluateAll(
    (rows, col) =>
      rows
        .sort((a, b) => Number(a.getAttribute('data-row-index')) - Number(b.getAttribute('data-row-index')))
        .map((row) => row.querySelectorAll('[role="gridcell"]')[col]?.textContent ?? ''),
    column,
  );
}

test('loads a million listings and shows the first rows', async ({ page }) => {
  await openBigCatalog(page);
  await expect(page.getByTestId('total-count')).toContainText('1,000,000');
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-rowcount', '1000001');
  // The renderer never holds the catalog: only a window of rows exists in the DOM.
  expect(await page.locator('[data-testid="grid-scroll"] [role="row"]').count()).toBeLessThan(200);
});

test('sorts by a column, both ways', async ({ page }) => {
  await openBigCatalog(page);
  const header = page.getByTestId('col-quantity');
  const quantities = async (): Promise<number[]> =>
    (await visibleCells(page, 4)).map((text) => (text === '—' ? -1 : Number(text.replace(/[^0-9]/g, ''))));
  const isSorted = (values: number[], direction: string): boolean =>
    values.every((value, i) => i === 0 || (direction === 'ascending' ? values[i - 1]! <= value : values[i - 1]! >= value));

  await page.getByTestId('sort-quantity').click();
  await expect(header).toHaveAttribute('aria-sort', /ascending|descending/);
  const first = (await header.getAttribute('aria-sort'))!;
  await expect(page.getByTestId('grid')).toHaveAttribute('data-view-state', 'ready');
  await expect(readyRows(page).first()).toBeVisible();
  const firstValues = await quantities();
  expect(firstValues.length).toBeGreaterThan(5);
  expect(isSorted(firstValues, first)).toBe(true);

  await page.getByTestId('sort-quantity').click();
  const second = first === 'ascending' ? 'descending' : 'ascending';
  await expect(header).toHaveAttribute('aria-sort', second);
  await expect(page.getByTestId('grid')).toHaveAttribute('data-view-state', 'ready');
  await expect(readyRows(page).first()).toBeVisible();
  const secondValues = await quantities();
  expect(isSorted(secondValues, second)).toBe(true);
  expect(secondValues[0]).not.toBe(firstValues[0]);
});

test('searches with full-text search and opens a listing', async ({ page }) => {
  await openBigCatalog(page);
  await page.getByTestId('search-input').fill('ceramic');
  await expect
    .poll(async () => Number(await page.getByTestId('total-count').getAttribute('data-total')), { timeout: 15_000 })
    .toBeLessThan(1_000_000);
  const matches = Number(await page.getByTestId('total-count').getAttribute('data-total'));
  expect(matches).toBeGreaterThan(0);
  await expect(readyRows(page).first()).toBeVisible();

  const firstRow = readyRows(page).first();
  const title = (await firstRow.locator('[role="gridcell"]').first().textContent()) ?? '';
  await firstRow.click();
  const detail = page.getByTestId('detail-pane');
  await expect(detail.getByTestId('detail-title')).toHaveText(title);
  // The match is somewhere in what FTS indexes: title, description, tags, SKU or brand.
  await expect(detail).toContainText(/ceramic/i);
});

test('filters by marketplace', async ({ page }) => {
  await openBigCatalog(page);
  await page.getByTestId('filter-marketplace-etsy').click();
  await expect
    .poll(async () => Number(await page.getByTestId('total-count').getAttribute('data-total')))
    .toBeLessThan(1_000_000);
  await expect(readyRows(page).first()).toBeVisible();
  const marketplaces = await visibleCells(page, 2);
  expect(new Set(marketplaces)).toEqual(new Set(['Etsy']));
});

test('jumps to the last of 1,000,000 rows', async ({ page }) => {
  await openBigCatalog(page);
  await goToRow(page, 1_000_000);
  const last = page.locator('[data-testid="grid-scroll"] [role="row"][data-row-index="999999"]');
  await expect(last).toBeVisible();
  await expect(last).toHaveAttribute('data-state', 'ready');
  // It is really the bottom: the scroll container cannot go further.
  const atBottom = await page.getByTestId('grid-scroll').evaluate((el) => Math.abs(el.scrollHeight - el.clientHeight - el.scrollTop) <= 1);
  expect(atBottom).toBe(true);
  await expect(page.locator('[data-testid="grid-scroll"] [role="row"][data-row-index="1000000"]')).toHaveCount(0);
});

test('dragging the scrollbar to the middle shows rows from the middle at once', async ({ page }) => {
  await openBigCatalog(page);
  await page.getByTestId('grid-scroll').evaluate((el) => {
    el.scrollTop = (el.scrollHeight - el.clientHeight) / 2;
  });
  // The scroll event reaches React a frame later: until then the rows from the top are still on screen.
  const readyIndexes = (): Promise<number[]> =>
    readyRows(page).evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-row-index'))));
  await expect
    .poll(async () => {
      const shown = await readyIndexes();
      return shown.length > 5 ? Math.min(...shown) : 0;
    }, { timeout: 5_000 })
    .toBeGreaterThan(490_000);
  const indexes = await readyIndexes();
  expect(indexes.length).toBeGreaterThan(5);
  expect(Math.min(...indexes)).toBeGreaterThan(490_000);
  expect(Math.max(...indexes)).toBeLessThan(510_000);
});
