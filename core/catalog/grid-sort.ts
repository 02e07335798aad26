import type { SortColumn } from '../../common/grid.js';

/**
 * The SQL each grid sort orders by. Every expression matches an index of migration 001 exactly
 * (title's includes COLLATE NOCASE); rowid-table indexes end with the rowid, so
 * "ORDER BY <expression>, id" is a plain index walk.
 */
export const SORT_EXPRESSIONS: Readonly<Record<SortColumn, string>> = {
  title: 'title COLLATE NOCASE',
  sku: 'sku',
  price: 'price_minor',
  quantity: 'quantity',
  updated: 'updated_at',
  marketplace: 'marketplace',
  status: 'status',
};
