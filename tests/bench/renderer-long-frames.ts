import type { Page } from 'playwright-core';
import { jumpTo, READY_ROWS } from './renderer-page.js';

declare global {
  interface Window {
    __longFrames?: number[];
  }
}

/** Where the scrollbar is dropped during the scroll test (fractions of the scroll range). */
const JUMPS = [0.25, 0.8, 0.5, 0.999];

/**
 * long_frames / long_frames_max_ms: frames over 50 ms while the user scrolls the grid. Counted with
 * Long Animation Frames (whole frames: script, style, layout, paint; Chromium ≥ 123), else long
 * tasks. The observer starts after the first render has settled, so start-up work is not counted.
 * The scroll: `seconds` of wheel input (one 100 px event per frame, a fast trackpad flick), split
 * around scrollbar jumps that each need new pages from the host.
 */
export async function measureLongFrames(page: Page, total: number, seconds: number): Promise<{ long_frames: number; long_frames_max_ms: number; long_frames_kind: number }> {
  const kind = await page.evaluate(() => {
    const type = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame') ? 'long-animation-frame' : 'longtask';
    window.__longFrames = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.duration > 50) window.__longFrames!.push(entry.duration);
    }).observe({ type, buffered: false });
    return type;
  });
  const box = await page.getByTestId('grid-scroll').boundingBox();
  if (box === null) throw new Error('the grid is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const slice = (seconds * 1000) / (JUMPS.length + 1);
  const before = await firstReadyIndex(page);
  await wheelFor(page, slice);
  // A wheel that did not move the grid would measure nothing: fail instead of reporting 0.
  if ((await firstReadyIndex(page)) <= before) throw new Error('wheel scrolling did not move the grid');
  for (const fraction of JUMPS) {
    await jumpTo(page, fraction, total);
    await wheelFor(page, slice);
  }
  // Frames still being painted when the last input was sent.
  await page.waitForTimeout(500);
  const durations = await page.evaluate(() => window.__longFrames ?? []);
  return {
    long_frames: durations.length,
    long_frames_max_ms: Math.round(Math.max(0, ...durations)),
    // 1 = Long Animation Frames, 0 = long tasks (the fallback): says which number this is.
    long_frames_kind: kind === 'long-animation-frame' ? 1 : 0,
  };
}

async function firstReadyIndex(page: Page): Promise<number> {
  return page.evaluate((selector) => Math.min(...Array.from(document.querySelectorAll<HTMLElement>(selector), (row) => Number(row.dataset.rowIndex))), READY_ROWS);
}

async function wheelFor(page: Page, ms: number): Promise<void> {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    await page.mouse.wheel(0, 100);
    await page.waitForTimeout(16);
  }
}
