import type { SortColumn } from '../../../common/grid.js';

export type ColumnKey = 'title' | 'sku' | 'marketplace' | 'price' | 'quantity' | 'status' | 'variants' | 'updated';

export interface ColumnDef {
  key: ColumnKey;
  label: string;
  /** The grid.open sort column, or null when the column cannot be sorted. */
  sort: SortColumn | null;
  align: 'start' | 'end';
}

export const COLUMNS: readonly ColumnDef[] = [
  { key: 'title', label: 'Title', sort: 'title', align: 'start' },
  { key: 'sku', label: 'SKU', sort: 'sku', align: 'start' },
  { key: 'marketplace', label: 'Marketplace', sort: 'marketplace', align: 'start' },
  { key: 'price', label: 'Price', sort: 'price', align: 'end' },
  { key: 'quantity', label: 'Qty', sort: 'quantity', align: 'end' },
  { key: 'status', label: 'Status', sort: 'status', align: 'start' },
  { key: 'variants', label: 'Variants', sort: null, align: 'end' },
  { key: 'updated', label: 'Updated', sort: 'updated', align: 'start' },
];
