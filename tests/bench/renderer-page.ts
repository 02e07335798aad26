import type { Page } from 'playwright-core';

/** Selectors and waits shared by the renderer measurements (the same markers the e2e specs use). */
export const READY_ROWS = '[data-testid="grid-scroll"] [role="row"][data-state="ready"]';

/** Opens the app and waits until the grid shows rows with data and the total count. */
export async function openGrid(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForSelector(READY_ROWS, { timeout: 60_000 });
  await page.waitForFunction(() => (document.querySelector('[data-testid="total-count"]')?.getAttribute('data-total') ?? '') !== '', undefined, { timeout: 60_000 });
  return Number(await page.getByTestId('total-count').getAttribute('data-total'));
}

/** Two animation frames: the scroll event has reached React and its commit was painted. */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * Sets the grid's scrollTop to `fraction` of its range (what dragging the scrollbar does) and
 * waits until every rendered row holds data, from around the expected position.
 */
export async function jumpTo(page: Page, fraction: number, total: number): Promise<void> {
  await page.getByTestId('grid-scroll').evaluate((el, f) => {
    el.scrollTop = (el.scrollHeight - el.clientHeight) * f;
  }, fraction);
  await nextFrames(page);
  await settledNear(page, Math.floor(fraction * total), total);
}

/** Waits until no row is loading and the first ready row is within 1 % of the catalog of `index`. */
export async function settledNear(page: Page, index: number, total: number): Promise<void> {
  await page.waitForFunction(
    ({ selector, expected, slack }) => {
      const rows = document.querySelectorAll<HTMLElement>(selector);
      if (rows.length === 0 || document.querySelector('[data-testid="grid-scroll"] [role="row"][data-state="loading"]') !== null) return false;
      const first = Math.min(...Array.from(rows, (row) => Number(row.dataset.rowIndex)));
      return Math.abs(first - expected) <= slack;
    },
    { selector: READY_ROWS, expected: index, slack: Math.max(50, total / 100) },
    { timeout: 30_000 },
  );
}
