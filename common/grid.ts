import { z } from 'zod';
import { listingStatusSchema, marketplaceSchema } from './listing.js';

/** Columns the grid can sort by; each one is backed by an index in the catalog. */
export const SORT_COLUMNS = ['title', 'sku', 'price', 'quantity', 'updated', 'marketplace', 'status', 'score'] as const;
export const sortColumnSchema = z.enum(SORT_COLUMNS);
export type SortColumn = z.infer<typeof sortColumnSchema>;

export const sortSchema = z.object({
  column: sortColumnSchema,
  direction: z.enum(['asc', 'desc']),
});
export type GridSort = z.infer<typeof sortSchema>;

export const filterSchema = z.object({
  /** Empty or missing = every marketplace. */
  marketplaces: z.array(marketplaceSchema).max(16).optional(),
  /** Empty or missing = every status. */
  statuses: z.array(listingStatusSchema).max(16).optional(),
  /** Only listings the import with this id created or changed (the import report's "show in grid"). */
  importId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  /** true: only listings failing at least one error-severity rule of their marketplace. */
  hasErrors: z.boolean().optional(),
  /** true: only listings with at least one pending optimizer proposal. */
  hasProposals: z.boolean().optional(),
  /** Only listings whose quality score is at most this (0–100). */
  maxScore: z.number().int().min(0).max(100).optional(),
});
export type GridFilter = z.infer<typeof filterSchema>;

/** A full-text query as the user typed it; the catalog turns it into a safe FTS5 query. */
export const searchTextSchema = z.string().max(500);

export const gridQuerySchema = z.object({
  sort: sortSchema,
  filter: filterSchema,
  search: searchTextSchema.optional(),
});
export type GridQuery = z.infer<typeof gridQuerySchema>;

/** Largest page the grid may request in one call. */
export const MAX_PAGE_SIZE = 500;

export const DEFAULT_GRID_QUERY: GridQuery = {
  sort: { column: 'updated', direction: 'desc' },
  filter: {},
};
