import type { GridFilter, GridQuery, GridSort, SortColumn } from '../../../common/grid.js';
import type { ListingStatus, Marketplace } from '../../../common/listing.js';

/** Pure helpers for the grid query (unit-tested). */

/** Clicking a header: same column toggles the direction; a new column starts with its natural direction. */
export function nextSort(current: GridSort, column: SortColumn): GridSort {
  if (current.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: column === 'updated' || column === 'price' || column === 'quantity' ? 'desc' : 'asc' };
}

export function toggleIn<T>(list: readonly T[] | undefined, value: T): T[] {
  const current = list ?? [];
  return current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
}

/** The import whose listings the grid is limited to ("show imported listings in the grid"), if any. */
export function importIdOf(filter: GridFilter): number | undefined {
  const id = filter.importId;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** The grid.open input for a query: no empty arrays, no blank search. */
export function toOpenInput(query: GridQuery): GridQuery {
  const filter: { marketplaces?: Marketplace[]; statuses?: ListingStatus[]; importId?: number } = {};
  if (query.filter.marketplaces !== undefined && query.filter.marketplaces.length > 0) filter.marketplaces = [...query.filter.marketplaces];
  if (query.filter.statuses !== undefined && query.filter.statuses.length > 0) filter.statuses = [...query.filter.statuses];
  const importId = importIdOf(query.filter);
  if (importId !== undefined) filter.importId = importId;
  const search = query.search?.trim().slice(0, 500) ?? '';
  return search === '' ? { sort: query.sort, filter } : { sort: query.sort, filter, search };
}

export function isFiltered(query: GridQuery): boolean {
  return (
    (query.search?.trim() ?? '') !== '' ||
    (query.filter.marketplaces?.length ?? 0) > 0 ||
    (query.filter.statuses?.length ?? 0) > 0 ||
    importIdOf(query.filter) !== undefined
  );
}
