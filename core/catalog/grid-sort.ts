import type { SortColumn } from '../../common/grid.js';

/**
 * The SQL each grid sort orders by. Every expression matches an index exactly (migration 001's,
 * title's with COLLATE NOCASE; score: listings_score of migration 003, unscored rows first
 * ascending, as SQLite sorts NULLs; quantity, updated: listing_offers' of migration 006; price:
 * (currency, price_minor) of migration 008 — amounts in different currencies are not comparable, so
 * price sorts by currency, then amount);
 * rowid-table indexes end with the rowid, so "ORDER BY <expression>, id" is a plain index walk.
 */
export const SORT_EXPRESSIONS: Readonly<Record<SortColumn, string>> = {
  title: 'title COLLATE NOCASE',
  sku: 'sku',
  price: 'currency, price_minor',
  quantity: 'quantity',
  updated: 'updated_at',
  marketplace: 'marketplace',
  status: 'status',
  score: 'quality_score',
};

/**
 * The table holding each sort column. Every listing has exactly one row in each (same id), so the
 * whole catalog's order is one index walk over that table alone, with no join.
 */
export const SORT_TABLES: Readonly<Record<SortColumn, 'listings' | 'listing_offers'>> = {
  title: 'listings',
  sku: 'listings',
  price: 'listing_offers',
  quantity: 'listing_offers',
  updated: 'listing_offers',
  marketplace: 'listings',
  status: 'listings',
  score: 'listings',
};
