import type { GridRow } from '../../../../common/listing.js';
import { formatInteger, formatPrice } from '../../format.js';
import type { ColumnKey } from './columns.js';

/**
 * Column widths that fit the content: fixed widths where the values have a known shape (status,
 * score, dates) and, for SKU, price and quantity, the widest value on the rows shown so far in
 * this view (measured with the cell's font), between a minimum and a maximum. Widths only grow
 * within a view, so columns do not jump while scrolling.
 */
const CELL_PADDING = 20;

/** [minimum, maximum] of the measured columns (px). */
export const MEASURED_LIMITS = {
  sku: [96, 232],
  price: [84, 160],
  quantity: [60, 120],
} as const satisfies Partial<Record<ColumnKey, readonly [number, number]>>;

export type MeasuredColumn = keyof typeof MEASURED_LIMITS;
export type ContentWidths = Record<MeasuredColumn, number>;

export const MIN_CONTENT_WIDTHS: ContentWidths = { sku: MEASURED_LIMITS.sku[0], price: MEASURED_LIMITS.price[0], quantity: MEASURED_LIMITS.quantity[0] };

const FIXED: Record<Exclude<ColumnKey, MeasuredColumn | 'title'>, number> = {
  photo: 88,
  marketplace: 124,
  status: 92,
  score: 72,
  errors: 64,
  variants: 76,
  updated: 164,
};

const TITLE_MIN = 200;

export type TextWidth = (text: string, mono: boolean) => number;

/** The widths the given rows need (never below `current`), clamped to each column's limits. */
export function grownWidths(current: ContentWidths, rows: readonly GridRow[], textWidth: TextWidth): ContentWidths {
  let sku = 0;
  let price = 0;
  let quantity = 0;
  for (const row of rows) {
    if (row.sku !== null) sku = Math.max(sku, textWidth(row.sku, true));
    price = Math.max(price, textWidth(formatPrice(row.priceMinor, row.currency), false));
    quantity = Math.max(quantity, textWidth(formatInteger(row.quantity), false));
  }
  const fit = (column: MeasuredColumn, content: number) => {
    const [min, max] = MEASURED_LIMITS[column];
    return Math.max(current[column], Math.min(max, Math.max(min, Math.ceil(content) + CELL_PADDING)));
  };
  const next = { sku: fit('sku', sku), price: fit('price', price), quantity: fit('quantity', quantity) };
  return next.sku === current.sku && next.price === current.price && next.quantity === current.quantity ? current : next;
}

/** The CSS grid template of a row for `order`, and the width below which the grid scrolls sideways. */
export function gridTemplate(order: readonly ColumnKey[], widths: ContentWidths): { template: string; minWidth: number } {
  let minWidth = 0;
  const parts = order.map((key) => {
    if (key === 'title') {
      minWidth += TITLE_MIN;
      return `minmax(${TITLE_MIN}px, 1fr)`;
    }
    const px = key in widths ? widths[key as MeasuredColumn] : FIXED[key as keyof typeof FIXED];
    minWidth += px;
    return `${px}px`;
  });
  return { template: parts.join(' '), minWidth };
}

/**
 * A SKU that does not fit, shortened in the middle: sellers tell SKUs apart by their ends
 * (`MUG-BLUE-12` vs `MUG-BLUE-12-FBA`), so the end is always kept whole.
 */
export function middleEllipsis(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  if (maxChars < 3) return text.slice(-Math.max(1, maxChars));
  const tail = Math.ceil((maxChars - 1) * 0.6);
  const head = maxChars - 1 - tail;
  return `${text.slice(0, head)}…${text.slice(text.length - tail)}`;
}

/** Measures text with a canvas in the cell's fonts (no layout, no DOM nodes). */
export function canvasTextWidth(proportionalFont: string, monoFont: string): TextWidth {
  const context = document.createElement('canvas').getContext('2d');
  const cache = new Map<string, number>();
  return (text, mono) => {
    const key = `${mono ? 'm' : 'p'}${text}`;
    const known = cache.get(key);
    if (known !== undefined) return known;
    let width = text.length * (mono ? 7.8 : 7.2);
    if (context !== null) {
      context.font = mono ? monoFont : proportionalFont;
      width = context.measureText(text).width;
    }
    if (cache.size > 5_000) cache.clear();
    cache.set(key, width);
    return width;
  };
}
