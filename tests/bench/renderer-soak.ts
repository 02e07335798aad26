import type { CDPSession, Page } from 'playwright-core';
import { jumpTo } from './renderer-page.js';

interface Counters {
  nodes: number;
  listeners: number;
  heapMb: number;
}

/**
 * Soak: `rounds` × (top → deep → top), a different depth each round so the page cache keeps
 * evicting, then a forced full GC and the renderer's DOM nodes, JS event listeners and used JS heap
 * (CDP Memory.getDOMCounters, Runtime.getHeapUsage). A leak shows as drift from round 1.
 */
export async function measureSoak(page: Page, total: number, rounds: number): Promise<{ soak_nodes_drift_pct: number; soak_listeners_drift_pct: number; soak_heap_mb: number; soak_nodes: number }> {
  const cdp = await page.context().newCDPSession(page);
  const samples: Counters[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      await jumpTo(page, 0, total);
      await jumpTo(page, 0.15 + (0.84 * (round * 7 % rounds)) / rounds, total);
      await jumpTo(page, 0, total);
      // The virtualizer's scroll-idle timer (150 ms) and any page fetches finish first.
      await page.waitForTimeout(300);
      samples.push(await countersAfterGc(cdp));
    }
  } finally {
    await cdp.detach();
  }
  const drift = (pick: (c: Counters) => number): number => {
    const base = pick(samples[0]!);
    return Math.round((Math.max(...samples.map((c) => Math.abs(pick(c) - base))) / Math.max(1, base)) * 1000) / 10;
  };
  return {
    soak_nodes_drift_pct: drift((c) => c.nodes),
    soak_listeners_drift_pct: drift((c) => c.listeners),
    soak_heap_mb: Math.round(Math.max(...samples.map((c) => c.heapMb)) * 10) / 10,
    soak_nodes: samples[0]!.nodes,
  };
}

async function countersAfterGc(cdp: CDPSession): Promise<Counters> {
  // Twice: objects freed by the first collection's finalizers go in the second.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const heap = await cdp.send('Runtime.getHeapUsage');
  return { nodes: dom.nodes, listeners: dom.jsEventListeners, heapMb: heap.usedSize / 2 ** 20 };
}
