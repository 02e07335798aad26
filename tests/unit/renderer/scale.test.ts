import { describe, expect, it } from 'vitest';
import {
  MAX_SCROLL_HEIGHT,
  ROW_HEIGHT,
  createScale,
  isScaled,
  offsetForRow,
  physicalForRow,
  physicalMaxOffset,
  toPhysical,
  toVirtual,
  virtualMaxOffset,
  visibleRows,
} from '../../../renderer/src/features/grid/scale.js';

const VIEWPORT = 640;

describe('scroll scaling at 1,000,000 rows', () => {
  const total = 1_000_000;
  const s = createScale(total, ROW_HEIGHT, VIEWPORT);

  it('caps the physical height below Chromium’s limit', () => {
    expect(s.virtualHeight).toBe(32_000_000);
    expect(s.physicalHeight).toBe(MAX_SCROLL_HEIGHT);
    expect(s.physicalHeight).toBeLessThan(33_554_432);
    expect(isScaled(s)).toBe(true);
  });

  it('maps both ends exactly', () => {
    expect(toVirtual(s, 0)).toBe(0);
    expect(toVirtual(s, physicalMaxOffset(s))).toBe(virtualMaxOffset(s));
    expect(toPhysical(s, virtualMaxOffset(s))).toBe(physicalMaxOffset(s));
    expect(toPhysical(s, 0)).toBe(0);
  });

  it('clamps out-of-range offsets', () => {
    expect(toVirtual(s, -50)).toBe(0);
    expect(toVirtual(s, 9e9)).toBe(virtualMaxOffset(s));
    expect(toPhysical(s, 9e12)).toBe(physicalMaxOffset(s));
  });

  it('shows the last row at the bottom when scrolled to the end', () => {
    const v = toVirtual(s, physicalMaxOffset(s));
    const { first, last } = visibleRows(total, ROW_HEIGHT, VIEWPORT, v);
    expect(last).toBe(total - 1);
    expect(first).toBe(total - VIEWPORT / ROW_HEIGHT);
  });

  it('dragging the thumb to a fraction lands on the rows at that fraction', () => {
    for (const fraction of [0.1, 0.25, 0.5, 0.75, 0.999]) {
      const v = toVirtual(s, fraction * physicalMaxOffset(s));
      const { first } = visibleRows(total, ROW_HEIGHT, VIEWPORT, v);
      expect(Math.abs(first - fraction * (total - VIEWPORT / ROW_HEIGHT))).toBeLessThanOrEqual(1);
    }
  });

  it('round-trips and is monotonic', () => {
    let prev = -1;
    for (let p = 0; p <= physicalMaxOffset(s); p += 123_457) {
      const v = toVirtual(s, p);
      expect(v).toBeGreaterThan(prev);
      prev = v;
      expect(toPhysical(s, v)).toBeCloseTo(p, 6);
    }
  });

  it('scrolls a row fully into view despite whole-pixel scrollTop', () => {
    for (const index of [0, 1, 17, 123_456, 500_000, 999_000, 999_998, total - 1]) {
      for (const align of ['start', 'end', 'auto'] as const) {
        const current = toVirtual(s, 3_000_000);
        const physical = physicalForRow(s, index, total, ROW_HEIGHT, current, align);
        expect(Number.isInteger(physical) || physical === physicalMaxOffset(s)).toBe(true);
        const v = toVirtual(s, physical);
        expect(v).toBeLessThanOrEqual(index * ROW_HEIGHT + 0.001);
        expect(v + VIEWPORT).toBeGreaterThanOrEqual((index + 1) * ROW_HEIGHT - 0.001);
      }
    }
  });

  it('reaches the last row with End', () => {
    const physical = physicalForRow(s, total - 1, total, ROW_HEIGHT, 0, 'end');
    expect(physical).toBe(physicalMaxOffset(s));
    expect(visibleRows(total, ROW_HEIGHT, VIEWPORT, toVirtual(s, physical)).last).toBe(total - 1);
  });

  it('also works for 2,000,000 rows (the demo maximum)', () => {
    const big = createScale(2_000_000, ROW_HEIGHT, VIEWPORT);
    const v = toVirtual(big, physicalMaxOffset(big));
    expect(visibleRows(2_000_000, ROW_HEIGHT, VIEWPORT, v).last).toBe(1_999_999);
  });
});

describe('small catalogs are not scaled', () => {
  it('is the identity below the cap', () => {
    const s = createScale(1_000, ROW_HEIGHT, VIEWPORT);
    expect(isScaled(s)).toBe(false);
    expect(toVirtual(s, 1234)).toBe(1234);
    expect(toPhysical(s, 1234)).toBe(1234);
    expect(toVirtual(s, 1e9)).toBe(32_000 - VIEWPORT);
  });

  it('handles an empty or tiny grid', () => {
    const empty = createScale(0, ROW_HEIGHT, VIEWPORT);
    expect(toVirtual(empty, 100)).toBe(0);
    expect(toPhysical(empty, 100)).toBe(0);
    expect(visibleRows(0, ROW_HEIGHT, VIEWPORT, 0)).toEqual({ first: 0, last: -1 });
    const three = createScale(3, ROW_HEIGHT, VIEWPORT);
    expect(visibleRows(3, ROW_HEIGHT, VIEWPORT, toVirtual(three, 0))).toEqual({ first: 0, last: 2 });
  });
});

describe('offsetForRow', () => {
  it('auto keeps a visible row in place and scrolls minimally otherwise', () => {
    expect(offsetForRow(5, 100, 32, 320, 0)).toBe(0);
    expect(offsetForRow(10, 100, 32, 320, 0)).toBe(11 * 32 - 320);
    expect(offsetForRow(2, 100, 32, 320, 200)).toBe(64);
  });
  it('start/center/end and clamping', () => {
    expect(offsetForRow(50, 100, 32, 320, 0, 'start')).toBe(1600);
    expect(offsetForRow(50, 100, 32, 320, 0, 'end')).toBe(51 * 32 - 320);
    expect(offsetForRow(50, 100, 32, 320, 0, 'center')).toBe(1600 - 144);
    expect(offsetForRow(99, 100, 32, 320, 0, 'start')).toBe(3200 - 320);
    expect(offsetForRow(500, 100, 32, 320, 0, 'start')).toBe(3200 - 320);
    expect(offsetForRow(-3, 100, 32, 320, 900, 'start')).toBe(0);
  });
});
