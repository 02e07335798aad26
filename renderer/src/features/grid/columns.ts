import type { SortColumn } from '../../../../common/grid.js';

export type ColumnKey = 'photo' | 'title' | 'sku' | 'marketplace' | 'price' | 'quantity' | 'status' | 'score' | 'errors' | 'variants' | 'updated';

export interface ColumnDef {
  key: ColumnKey;
  label: string;
  /** The grid.open sort column, or null when the column cannot be sorted. */
  sort: SortColumn | null;
  align: 'start' | 'end' | 'center';
  /** Shown as the header's tooltip and accessible description. */
  description?: string;
}

/**
 * Cells in DOM order: title first, quantity fifth… (what scripts and tests address), the photo
 * last. On screen the photo comes first, with the row checkbox: [☐ photo] Title SKU … (CSS
 * `order`, grid.css); VISUAL_ORDER is that order, for the column template.
 */
export const COLUMNS: readonly ColumnDef[] = [
  { key: 'title', label: 'Title', sort: 'title', align: 'start' },
  { key: 'sku', label: 'SKU', sort: 'sku', align: 'start' },
  { key: 'marketplace', label: 'Marketplace', sort: 'marketplace', align: 'start' },
  { key: 'price', label: 'Price', sort: 'price', align: 'end', description: 'Sorted by currency, then amount (amounts in different currencies are not compared)' },
  { key: 'quantity', label: 'Qty', sort: 'quantity', align: 'end' },
  { key: 'status', label: 'Status', sort: 'status', align: 'start' },
  { key: 'score', label: 'Score', sort: 'score', align: 'center', description: 'Quality score 0–100 against the listing’s marketplace rules' },
  { key: 'errors', label: 'Errors', sort: null, align: 'center', description: 'Marketplace rules the listing breaks (it would be rejected or suppressed)' },
  { key: 'variants', label: 'Variants', sort: null, align: 'end' },
  { key: 'updated', label: 'Updated', sort: 'updated', align: 'start' },
  { key: 'photo', label: 'Photo', sort: null, align: 'start', description: 'The main photo, from the local photo cache (shown offline too)' },
];

export const VISUAL_ORDER: readonly ColumnKey[] = ['photo', ...COLUMNS.map((col) => col.key).filter((key) => key !== 'photo')];

/** Badge color band of a quality score. */
export function scoreBand(score: number): 'good' | 'fair' | 'poor' {
  return score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor';
}
