import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { corpusPath, hasCorpusFile } from '../corpus-files.js';
import { startHost, type RunningHost } from './hosts.js';

/**
 * Issue 17, item 6: the Amazon flat file whose long keyword list once made a column 1,117 px wide
 * (and the title 47 px, the table ~8,000 px tall). At the desktop minimum, 800 × 600, and at 1280:
 * no column takes more than its share, the title stays readable, rows stay one line, the dialog
 * body is the only scroll box, and a cut cell shows its whole text on hover (tooltip) and on
 * keyboard focus (it wraps).
 */
const AMAZON = 'amazon_uk_flatfile_jewelry_fptcustom_3row-header_cp1252__pmrgraphics.csv';

let host: RunningHost;
let dir: string;
test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'listsmith-e2e-preview-'));
  host = await startHost(join(dir, 'catalog.sqlite'));
});
test.afterAll(() => {
  host?.process.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('Amazon preview: capped columns, one-line rows, one scroll box, full text on focus', async ({ page }, info) => {
  test.skip(!hasCorpusFile(AMAZON), 'the real Amazon file is not on this machine');
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(host.url);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'open');
  await page.getByTestId('import-file-input').setInputFiles({ name: AMAZON, mimeType: 'text/csv', buffer: readFileSync(corpusPath(AMAZON)) });
  const table = page.getByTestId('import-preview-listings');
  await expect(table).toBeVisible({ timeout: 30_000 });

  for (const width of [800, 1280]) {
    await page.setViewportSize({ width, height: width === 800 ? 600 : 900 });
    const layout = await table.evaluate((el) => {
      const headers = [...el.querySelectorAll('thead th')].map((th) => ({ text: th.textContent ?? '', width: th.getBoundingClientRect().width }));
      const rows = [...el.querySelectorAll('tbody tr')].map((tr) => tr.getBoundingClientRect().height);
      const body = el.closest('.modal-body')!;
      const nested = [...body.querySelectorAll('*')].filter((node) => {
        const style = getComputedStyle(node);
        return /(auto|scroll)/.test(style.overflowY + style.overflowX) && (node.scrollHeight > node.clientHeight + 1 || node.scrollWidth > node.clientWidth + 1);
      }).length;
      return { tableWidth: el.getBoundingClientRect().width, headers, tallest: Math.max(...rows), rows: rows.length, sideways: body.scrollWidth - body.clientWidth, nested };
    });
    const title = layout.headers.find((h) => h.text === 'Title')!;
    const tags = layout.headers.find((h) => h.text === 'Tags')!;
    expect(layout.rows).toBeGreaterThan(0);
    expect(title.width, `title column at ${width}`).toBeGreaterThanOrEqual(width === 800 ? 120 : 250);
    for (const h of layout.headers) expect(h.width, `${h.text} at ${width}`).toBeLessThanOrEqual(layout.tableWidth * 0.45);
    expect(tags.width).toBeLessThan(title.width + 1);
    expect(layout.tallest, 'one line per row').toBeLessThan(48);
    expect(layout.sideways).toBe(0);
    expect(layout.nested, 'scroll boxes inside the dialog body').toBe(0);
    await page.screenshot({ path: info.outputPath(`amazon-preview-${width}.png`) });
    await info.attach(`amazon-preview-${width}`, { path: info.outputPath(`amazon-preview-${width}.png`), contentType: 'image/png' });
  }

  // The longest keyword list is cut in its cell; its whole text is the tooltip and shows on focus.
  const tagCells = table.getByTestId('import-preview-tags');
  const longest = await tagCells.evaluateAll((cells) => {
    let best = -1;
    let bestLength = 0;
    cells.forEach((cell, i) => {
      const length = (cell.getAttribute('title') ?? '').length;
      if (length > bestLength) [best, bestLength] = [i, length];
    });
    return best;
  });
  const cell = tagCells.nth(longest);
  const full = (await cell.getAttribute('title'))!;
  expect(full.length).toBeGreaterThan(40);
  await expect(cell).toHaveText(full);
  const clipped = await cell.evaluate((el) => el.scrollWidth > el.clientWidth);
  expect(clipped).toBe(true);
  const oneLine = (await cell.boundingBox())!.height;
  await cell.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(cell).toBeFocused();
  expect((await cell.boundingBox())!.height, 'the focused cell wraps to show everything').toBeGreaterThan(oneLine + 10);
  expect(await cell.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
});
