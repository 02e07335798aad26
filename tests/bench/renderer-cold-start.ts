import type { Browser } from 'playwright-core';
import { percentile } from './stats.js';

/** The mark the grid sets when it first shows rows with data (renderer/src/features/grid/mark-interactive.ts). */
const INTERACTIVE_MARK = 'listsmith:interactive';

/**
 * cold_start_ms: a fresh browser context (no HTTP cache, no storage) opens the app; the time from
 * navigation start to the renderer's `listsmith:interactive` mark, once the total count is shown
 * as well. Median of `runs`.
 */
export async function measureColdStart(browser: Browser, url: string, runs: number): Promise<{ cold_start_ms: number; cold_start_max_ms: number }> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(url);
      const handle = await page.waitForFunction(
        (mark) => {
          const entry = performance.getEntriesByName(mark, 'mark')[0];
          const total = document.querySelector('[data-testid="total-count"]')?.getAttribute('data-total') ?? '';
          return entry !== undefined && total !== '' ? entry.startTime : false;
        },
        INTERACTIVE_MARK,
        { timeout: 60_000 },
      );
      samples.push((await handle.jsonValue()) as number);
    } finally {
      await context.close();
    }
  }
  return { cold_start_ms: Math.round(percentile(samples, 50)), cold_start_max_ms: Math.round(Math.max(...samples)) };
}
