import type { SortColumn } from '../../../common/grid.js';

export type ColumnKey = 'title' | 'sku' | 'marketplace' | 'price' | 'quantity' | 'status' | 'score' | 'errors' | 'variants' | 'updated';

export interface ColumnDef {
  key: ColumnKey;
  label: string;
  /** The grid.open sort column, or null when the column cannot be sorted. */
  sort: SortColumn | null;
  align: 'start' | 'end' | 'center';
  /** Shown as the header's tooltip and accessible description. */
  description?: string;
}

/** The row checkbox lives in the title cell (so cell positions stay: title first, quantity fifth…). */
export const COLUMNS: readonly ColumnDef[] = [
  { key: 'title', label: 'Title', sort: 'title', align: 'start' },
  { key: 'sku', label: 'SKU', sort: 'sku', align: 'start' },
  { key: 'marketplace', label: 'Marketplace', sort: 'marketplace', align: 'start' },
  { key: 'price', label: 'Price', sort: 'price', align: 'end' },
  { key: 'quantity', label: 'Qty', sort: 'quantity', align: 'end' },
  { key: 'status', label: 'Status', sort: 'status', align: 'start' },
  { key: 'score', label: 'Score', sort: 'score', align: 'center', description: 'Quality score 0–100 against the listing’s marketplace rules' },
  { key: 'errors', label: 'Errors', sort: null, align: 'center', description: 'Marketplace rules the listing breaks (it would be rejected or suppressed)' },
  { key: 'variants', label: 'Variants', sort: null, align: 'end' },
  { key: 'updated', label: 'Updated', sort: 'updated', align: 'start' },
];

/** Badge color band of a quality score. */
export function scoreBand(score: number): 'good' | 'fair' | 'poor' {
  return score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor';
}
