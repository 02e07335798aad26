import type { SortColumn } from '../../common/grid.js';

/**
 * The SQL each grid sort orders by. Every expression matches an index exactly (migration 001's,
 * title's with COLLATE NOCASE; score: listings_score of migration 003, unscored rows first
 * ascending, as SQLite sorts NULLs); rowid-table indexes end with the rowid, so
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
  score: 'quality_score',
};
