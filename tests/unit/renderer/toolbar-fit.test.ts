import { describe, expect, it } from 'vitest';
import { fittingItemCount } from '../../../renderer/src/features/toolbar/toolbar-fit.js';

describe('fittingItemCount: what the toolbar keeps and what goes to More', () => {
  const widths = [160, 95, 34, 180, 170, 200, 80];
  const all = widths.reduce((sum, w) => sum + w + 10, 0);

  it('shows every item when they all fit, without room kept for More', () => {
    expect(fittingItemCount(all, widths, 10, 70)).toBe(widths.length);
  });

  it('keeps room for More once one item does not fit', () => {
    // One pixel short of all: the last item (80 px) goes to More (70 px), which fits in its place.
    expect(fittingItemCount(all - 1, widths, 10, 70)).toBe(6);
    const firstFive = widths.slice(0, 5).reduce((sum, w) => sum + w + 10, 0);
    expect(fittingItemCount(firstFive + 80, widths, 10, 70)).toBe(5);
    expect(fittingItemCount(firstFive + 79, widths, 10, 70)).toBe(4);
  });

  it('moves items in order, last first, down to none', () => {
    expect(fittingItemCount(300, widths, 10, 70)).toBe(1);
    expect(fittingItemCount(100, widths, 10, 70)).toBe(0);
    expect(fittingItemCount(-50, widths, 10, 70)).toBe(0);
  });
});
