import { describe, expect, it } from 'vitest';
import { BoundedRing } from '../../../core/diagnostics/bounded-ring.js';
import { IpcTimings } from '../../../core/diagnostics/ipc-timings.js';
import { RollingWindow } from '../../../core/diagnostics/rolling-window.js';

describe('RollingWindow', () => {
  it('gives nearest-rank percentiles of what it holds', () => {
    const w = new RollingWindow(100);
    for (let i = 1; i <= 100; i++) w.push(i);
    expect(w.percentiles([50, 95, 100])).toEqual([50, 95, 100]);
    expect(w.max()).toBe(100);
  });

  it('keeps only the last N samples', () => {
    const w = new RollingWindow(10);
    for (let i = 1; i <= 1000; i++) w.push(i < 990 ? 1_000_000 : i);
    expect(w.size).toBe(10);
    // Only 990…999 and 1000 are left: the million-ms outliers have rolled out... all but the last.
    expect(w.percentile(50)).toBeLessThan(1_000_000);
    expect(w.percentile(0)).toBe(991);
  });

  it('answers 0 when empty and refuses a silly capacity', () => {
    expect(new RollingWindow(5).percentile(95)).toBe(0);
    expect(() => new RollingWindow(0)).toThrow(RangeError);
  });
});

describe('BoundedRing', () => {
  it('drops the oldest and lists newest first', () => {
    const ring = new BoundedRing<number>(3);
    for (const n of [1, 2, 3, 4, 5]) ring.push(n);
    expect(ring.newestFirst()).toEqual([5, 4, 3]);
    expect(ring.size).toBe(3);
  });
});

describe('IpcTimings', () => {
  it('keeps p50/p95/count/errors per method, busiest first', () => {
    const t = new IpcTimings(50);
    for (let i = 0; i < 100; i++) t.record('grid.rows', i < 95 ? 2 : 30, true, 1000 + i);
    t.record('listing.get', 5, false, 5000);
    const [rows, get] = t.snapshot();
    expect(rows).toMatchObject({ method: 'grid.rows', count: 100, errors: 0, p50Ms: 2, p95Ms: 30, maxMs: 30, lastAt: 1099 });
    expect(get).toMatchObject({ method: 'listing.get', count: 1, errors: 1, p50Ms: 5 });
  });
});
