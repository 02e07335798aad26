import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { initialBundleGzipKb } from './renderer-bundle.js';
import { measureColdStart } from './renderer-cold-start.js';
import { measureLongFrames } from './renderer-long-frames.js';
import { openGrid } from './renderer-page.js';
import { measureSoak } from './renderer-soak.js';
import { goToRow } from '../e2e/toolbar-reach.js';

export interface RendererBenchOptions {
  /** The web host's page address with its token. */
  url: string;
  repoRoot: string;
  /** Seconds of wheel scrolling for long_frames (default 10). */
  scrollSeconds?: number;
  soakRounds?: number;
  coldRuns?: number;
}

/**
 * The renderer measured in headless Chromium against the real web host, the way the e2e specs
 * drive it: cold start, long frames while scrolling, the jump to the last row, a memory soak, and
 * the size of the initial JavaScript.
 */
export async function measureRenderer(options: RendererBenchOptions): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  results.bundle_gzip_kb = initialBundleGzipKb(join(options.repoRoot, 'out', 'renderer')).kb;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    // First, while the host has not served this browser yet.
    Object.assign(results, await measureColdStart(browser, options.url, options.coldRuns ?? 3));
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const total = await openGrid(page, options.url);
    await page.waitForTimeout(1_000); // the first render settles: start-up frames are not scrolling frames
    Object.assign(results, await measureLongFrames(page, total, options.scrollSeconds ?? 10));
    results.last_row_visible = (await lastRowVisible(page, total)) ? 1 : 0;
    Object.assign(results, await measureSoak(page, total, options.soakRounds ?? 10));
    await context.close();
  } finally {
    await browser.close();
  }
  return results;
}

/** Go to row (the toolbar's box, or More → Go to row… when the bar is narrow) jumps to the last row: it is rendered, with data, inside the viewport. */
async function lastRowVisible(page: Page, total: number): Promise<boolean> {
  await goToRow(page, total);
  const last = page.locator(`[data-testid="grid-scroll"] [role="row"][data-row-index="${total - 1}"][data-state="ready"]`);
  try {
    await last.waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    return false;
  }
  const [row, scroller] = await Promise.all([last.boundingBox(), page.getByTestId('grid-scroll').boundingBox()]);
  return row !== null && scroller !== null && row.y >= scroller.y - 1 && row.y + row.height <= scroller.y + scroller.height + 1;
}
