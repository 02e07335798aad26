import { describe, expect, it } from 'vitest';
import type { GridRow } from '../../../common/listing.js';
import { gridTemplate, grownWidths, middleEllipsis, MIN_CONTENT_WIDTHS } from '../../../renderer/src/features/grid/column-widths.js';
import { VISUAL_ORDER } from '../../../renderer/src/features/grid/columns.js';

const row = (overrides: Partial<GridRow>): GridRow => ({
  id: 1,
  marketplace: 'etsy',
  sku: 'A',
  title: 'T',
  priceMinor: 100,
  currency: 'USD',
  quantity: 1,
  status: 'active',
  variantCount: 0,
  updatedAt: 0,
  score: 90,
  errors: 0,
  pendingProposals: false,
  mainImage: null,
  ...overrides,
});

/** 8 px per character, either font: enough to check the arithmetic. */
const eightPx = (text: string) => text.length * 8;

describe('grid column widths (issue 17 item 7)', () => {
  it('keeps the end of a SKU that does not fit, so twins stay apart', () => {
    expect(middleEllipsis('MUG-BLUE-12', 20)).toBe('MUG-BLUE-12');
    const plain = middleEllipsis('MUG-BLUE-CERAMIC-LARGE-12', 16);
    const fba = middleEllipsis('MUG-BLUE-CERAMIC-LARGE-12-FBA', 16);
    expect(plain).toHaveLength(16);
    expect(fba).toHaveLength(16);
    expect(fba.endsWith('12-FBA')).toBe(true);
    expect(plain).not.toBe(fba);
    expect(fba).toContain('…');
  });

  it('grows a column to its widest value, within its limits, and never shrinks it within a view', () => {
    const wide = grownWidths(MIN_CONTENT_WIDTHS, [row({ quantity: 1_234_567, priceMinor: 12_345_678_900_000, sku: 'X'.repeat(80) })], eightPx);
    expect(wide.quantity).toBe('1,234,567'.length * 8 + 20);
    expect(wide.sku).toBe(232);
    expect(wide.price).toBe(160);
    // A later page of small values keeps the widths (no jumping while scrolling).
    expect(grownWidths(wide, [row({})], eightPx)).toBe(wide);
    expect(grownWidths(MIN_CONTENT_WIDTHS, [row({})], eightPx)).toBe(MIN_CONTENT_WIDTHS);
  });

  it('builds the template in on-screen order with the photo first and the title flexible', () => {
    const { template, minWidth } = gridTemplate(VISUAL_ORDER, MIN_CONTENT_WIDTHS);
    const parts = template.split(' ');
    expect(parts).toHaveLength(VISUAL_ORDER.length + 1); // minmax(200px, 1fr) is two words
    expect(VISUAL_ORDER[0]).toBe('photo');
    expect(template).toContain('minmax(200px, 1fr)');
    expect(minWidth).toBeGreaterThan(900);
  });
});
