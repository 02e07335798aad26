import { expect, test, type Page } from '@playwright/test';
import { LONG_SKU, startPhotoCatalog, type PhotoCatalog } from './photo-catalog.js';

/**
 * Issue 17 item 7: columns sized to their content (quantities and prices never cut), SKU twins told
 * apart (the end is kept, the full SKU in the tooltip), Score, Errors and Updated reachable with
 * the detail pane open at every window width, and price sorted by currency, then amount.
 */
let catalog: PhotoCatalog;

test.beforeAll(async () => {
  catalog = await startPhotoCatalog();
});
test.afterAll(async () => {
  await catalog?.stop();
});

const readyRows = (page: Page) => page.locator('[data-testid="grid-scroll"] [role="row"][data-state="ready"]');

async function open(page: Page): Promise<void> {
  await page.goto(catalog.url);
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', String(catalog.listings));
  await expect(readyRows(page).first()).toBeVisible();
}

/** Cells of a column (by DOM position) whose text does not fit. */
function clippedCells(page: Page, column: number): Promise<string[]> {
  return readyRows(page).evaluateAll(
    (rows, col) =>
      rows
        .map((row) => row.querySelectorAll<HTMLElement>('[role="gridcell"]')[col]!)
        .filter((cell) => cell.scrollWidth > cell.clientWidth + 0.5)
        .map((cell) => cell.textContent ?? ''),
    column,
  );
}

for (const width of [800, 1024, 1280]) {
  test(`at ${width} px: nothing truncated, SKU twins distinct, every column reachable with the detail pane open`, async ({ page }) => {
    await page.setViewportSize({ width, height: 700 });
    await open(page);
    // Sort by SKU so the twins and the large quantities are on screen.
    await page.getByTestId('sort-sku').click();
    await expect(page.getByTestId('col-sku')).toHaveAttribute('aria-sort', 'ascending');
    await expect(page.getByTestId('grid')).toHaveAttribute('data-view-state', 'ready');

    // Price (3) and quantity (4) fit: "1,234,567", never "14,…".
    await expect.poll(() => clippedCells(page, 3)).toEqual([]);
    await expect.poll(() => clippedCells(page, 4)).toEqual([]);
    const quantities = await readyRows(page).evaluateAll((rows) => rows.map((row) => row.querySelectorAll('[role="gridcell"]')[4]!.textContent));
    expect(quantities).toContain('1,234,567');
    expect(quantities).toContain('14,500');

    // The twins look different, each shows its end, and the tooltip holds the whole SKU.
    const twin = page.locator(`.cell-sku[data-sku="${LONG_SKU}"]`);
    const fba = page.locator(`.cell-sku[data-sku="${LONG_SKU}-FBA"]`);
    await expect(twin).toHaveAttribute('title', LONG_SKU);
    await expect(fba).toHaveAttribute('title', `${LONG_SKU}-FBA`);
    const [twinText, fbaText] = [await twin.textContent(), await fba.textContent()];
    expect(twinText).not.toBe(fbaText);
    expect(fbaText).toMatch(/-FBA$/);
    expect(twinText).toMatch(/HANDMADE$/);
    for (const cell of [twin, fba]) expect(await cell.evaluate((el) => el.scrollWidth <= el.clientWidth + 0.5)).toBe(true);

    await page.screenshot({ path: test.info().outputPath(`grid-${width}.png`) });

    // The detail pane open: Score, Errors and Updated can be scrolled into view inside the grid.
    await readyRows(page).first().getByRole('gridcell').nth(1).click();
    await expect(page.getByTestId('detail-pane')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`grid-${width}-pane.png`) });
    // By keyboard: the grid focused, → scrolls sideways (as a mouse wheel or the scrollbar does).
    await page.getByTestId('grid').focus();
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
    const grid = page.getByTestId('grid-scroll');
    expect(await grid.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await grid.evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
    });
    const gridBox = (await page.getByTestId('grid').boundingBox())!;
    for (const key of ['score', 'errors', 'updated']) {
      const box = (await page.getByTestId(`col-${key}`).boundingBox())!;
      expect(box.x, key).toBeGreaterThanOrEqual(gridBox.x - 1);
      expect(box.x + box.width, key).toBeLessThanOrEqual(gridBox.x + gridBox.width + 1);
    }
    await page.screenshot({ path: test.info().outputPath(`grid-${width}-pane-scrolled.png`) });
  });
}

test('price sorts by currency, then amount: $, £ and € never interleave', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1400 });
  await open(page);
  await expect(page.getByTestId('sort-price')).toHaveAttribute('title', /currency, then amount/);
  await page.getByTestId('sort-price').click();
  await expect(page.getByTestId('col-price')).toHaveAttribute('aria-sort', /ascending|descending/);
  const direction = (await page.getByTestId('col-price').getAttribute('aria-sort')) === 'ascending' ? 1 : -1;
  await expect(page.getByTestId('grid')).toHaveAttribute('data-view-state', 'ready');
  const read = () =>
    readyRows(page).evaluateAll((rows) =>
      rows
        .sort((a, b) => Number(a.getAttribute('data-row-index')) - Number(b.getAttribute('data-row-index')))
        .map((row) => row.querySelectorAll('[role="gridcell"]')[3]!.textContent ?? ''),
    );
  await expect.poll(async () => (await read()).length).toBeGreaterThan(30);
  const prices = await read();
  const symbol = (text: string) => text.replace(/[\d.,\s]/g, '');
  const amount = (text: string) => Number(text.replace(/[^\d.]/g, ''));
  const groups: string[] = [];
  for (const text of prices) if (groups.at(-1) !== symbol(text)) groups.push(symbol(text));
  // Each currency is one run (ordered by code), and amounts go one way within it.
  expect(new Set(groups).size).toBe(groups.length);
  expect(groups.length).toBeGreaterThanOrEqual(2);
  for (let i = 1; i < prices.length; i++) {
    if (symbol(prices[i]!) === symbol(prices[i - 1]!)) expect(direction * (amount(prices[i]!) - amount(prices[i - 1]!)), `${prices[i - 1]} → ${prices[i]}`).toBeGreaterThanOrEqual(0);
  }
});
