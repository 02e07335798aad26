/**
 * Scroll scaling for very large grids.
 *
 * Chromium caps an element's height at 33,554,432 px, so a grid of 1,000,000+ rows at 32 px cannot
 * have a scroll content as tall as its rows. The scroll container therefore gets a capped
 * "physical" content height and every scroll position is mapped proportionally onto the "virtual"
 * offset the virtualizer works in (rows × row height). Both ends map exactly onto each other, so
 * the first and the last row are always reachable, and dragging the scrollbar thumb to any
 * fraction lands on the rows at that fraction.
 *
 * Pure functions only: unit-tested without a DOM.
 */

export const ROW_HEIGHT = 32;
/** Well under Chromium's 33,554,432 px limit (and Firefox's ~17.8M) with margin for zoom. */
export const MAX_SCROLL_HEIGHT = 8_000_000;

export interface ScrollScale {
  /** Rows × row height: the offsets the virtualizer computes with. */
  virtualHeight: number;
  /** The height actually given to the scroll content (≤ cap). */
  physicalHeight: number;
  /** The scroll container's visible height. */
  viewport: number;
}

export function createScale(total: number, rowHeight: number, viewport: number, cap: number = MAX_SCROLL_HEIGHT): ScrollScale {
  const virtualHeight = Math.max(0, total) * rowHeight;
  return { virtualHeight, physicalHeight: Math.min(virtualHeight, cap), viewport: Math.max(0, viewport) };
}

export function virtualMaxOffset(s: ScrollScale): number {
  return Math.max(0, s.virtualHeight - s.viewport);
}

export function physicalMaxOffset(s: ScrollScale): number {
  return Math.max(0, s.physicalHeight - s.viewport);
}

export function isScaled(s: ScrollScale): boolean {
  return s.virtualHeight > s.physicalHeight;
}

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

/** Physical scrollTop → virtual offset. */
export function toVirtual(s: ScrollScale, physical: number): number {
  const pMax = physicalMaxOffset(s);
  const vMax = virtualMaxOffset(s);
  if (!isScaled(s)) return clamp(physical, 0, vMax);
  if (pMax <= 0) return 0;
  const p = clamp(physical, 0, pMax);
  if (p === pMax) return vMax;
  return (p * vMax) / pMax;
}

export type Rounding = 'none' | 'floor' | 'ceil' | 'round';

/**
 * Virtual offset → physical scrollTop. Chromium stores scrollTop in whole (device) pixels, so a
 * caller that needs a row fully visible chooses the rounding: `floor` never scrolls past a row's
 * top, `ceil` never stops short of a row's bottom.
 */
export function toPhysical(s: ScrollScale, virtual: number, rounding: Rounding = 'none'): number {
  const pMax = physicalMaxOffset(s);
  const vMax = virtualMaxOffset(s);
  let p: number;
  if (!isScaled(s)) p = clamp(virtual, 0, vMax);
  else if (vMax <= 0) p = 0;
  else {
    const v = clamp(virtual, 0, vMax);
    p = v === vMax ? pMax : (v * pMax) / vMax;
  }
  switch (rounding) {
    case 'floor':
      return Math.floor(p);
    case 'ceil':
      return Math.min(Math.ceil(p), Math.ceil(pMax));
    case 'round':
      return Math.round(p);
    default:
      return p;
  }
}

export type RowAlign = 'auto' | 'start' | 'center' | 'end';

/**
 * The virtual offset that shows row `index` (0-based) with the given alignment; `auto` keeps the
 * current offset when the row is already fully visible, else scrolls the least distance.
 */
export function offsetForRow(
  index: number,
  total: number,
  rowHeight: number,
  viewport: number,
  current: number,
  align: RowAlign = 'auto',
): number {
  if (total <= 0) return 0;
  const i = clamp(Math.trunc(index), 0, total - 1);
  const vMax = Math.max(0, total * rowHeight - viewport);
  const top = i * rowHeight;
  const bottom = top + rowHeight;
  let target: number;
  switch (align) {
    case 'start':
      target = top;
      break;
    case 'end':
      target = bottom - viewport;
      break;
    case 'center':
      target = top - (viewport - rowHeight) / 2;
      break;
    default:
      if (top < current) target = top;
      else if (bottom > current + viewport) target = bottom - viewport;
      else target = current;
  }
  return clamp(target, 0, vMax);
}

/**
 * The physical scrollTop that shows row `index` fully (rounded the safe way for the alignment).
 * `current` is the current virtual offset.
 */
export function physicalForRow(s: ScrollScale, index: number, total: number, rowHeight: number, current: number, align: RowAlign = 'auto'): number {
  const target = offsetForRow(index, total, rowHeight, s.viewport, current, align);
  if (target === current) return toPhysical(s, current);
  const top = Math.trunc(index) * rowHeight;
  // Row at the top edge (target ≥ its top) → never scroll past the row's top; row at the bottom edge
  // (target < its top) → never stop short of its bottom. Virtual offsets are monotonic in physical
  // ones, so the rounding direction carries over.
  const rounding: Rounding = align === 'center' ? 'round' : target >= top ? 'floor' : 'ceil';
  return toPhysical(s, target, rounding);
}

/** Rows [first, last] (0-based, inclusive) visible at a virtual offset. */
export function visibleRows(total: number, rowHeight: number, viewport: number, virtualOffset: number): { first: number; last: number } {
  if (total <= 0) return { first: 0, last: -1 };
  const first = clamp(Math.floor(virtualOffset / rowHeight), 0, total - 1);
  const last = clamp(Math.ceil((virtualOffset + viewport) / rowHeight) - 1, first, total - 1);
  return { first, last };
}
