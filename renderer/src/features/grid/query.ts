import type { Scope } from '../../../../common/contract.js';
import type { GridFilter, GridQuery, GridSort, SortColumn } from '../../../../common/grid.js';
import { MARKETPLACE_LABELS, STATUS_LABELS, type ListingStatus, type Marketplace } from '../../../../common/listing.js';

/** Pure helpers for the grid query (unit-tested). */

/** Clicking a header: same column toggles the direction; a new column starts with its natural direction. */
export function nextSort(current: GridSort, column: SortColumn): GridSort {
  if (current.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  // Score starts with the weakest listings: the ones worth fixing first.
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

/** The "score ≤ N" filter, if set to a whole number 0–100. */
export function maxScoreOf(filter: GridFilter): number | undefined {
  const n = filter.maxScore;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 100 ? n : undefined;
}

/**
 * What the seller typed into the "Score ≤" box → the filter value: '' clears it (undefined); a
 * number is rounded down and clamped to 0–100; anything else is null (not a number).
 */
export function parseMaxScore(text: string): number | undefined | null {
  const t = text.trim();
  if (t === '') return undefined;
  if (!/^\d+([.,]\d*)?$/.test(t)) return null;
  const n = Math.floor(Number(t.replace(',', '.')));
  if (!Number.isFinite(n)) return null;
  return Math.max(0, Math.min(100, n));
}

/** The grid.open input for a query: no empty arrays, no blank search, no unset flags. */
export function toOpenInput(query: GridQuery): GridQuery {
  const filter: GridFilter = {};
  if (query.filter.marketplaces !== undefined && query.filter.marketplaces.length > 0) filter.marketplaces = [...query.filter.marketplaces];
  if (query.filter.statuses !== undefined && query.filter.statuses.length > 0) filter.statuses = [...query.filter.statuses];
  const importId = importIdOf(query.filter);
  if (importId !== undefined) filter.importId = importId;
  if (query.filter.hasErrors === true) filter.hasErrors = true;
  if (query.filter.hasProposals === true) filter.hasProposals = true;
  const maxScore = maxScoreOf(query.filter);
  if (maxScore !== undefined) filter.maxScore = maxScore;
  const search = query.search?.trim().slice(0, 500) ?? '';
  return search === '' ? { sort: query.sort, filter } : { sort: query.sort, filter, search };
}

export function isFiltered(query: GridQuery): boolean {
  return (
    (query.search?.trim() ?? '') !== '' ||
    (query.filter.marketplaces?.length ?? 0) > 0 ||
    (query.filter.statuses?.length ?? 0) > 0 ||
    importIdOf(query.filter) !== undefined ||
    query.filter.hasErrors === true ||
    query.filter.hasProposals === true ||
    maxScoreOf(query.filter) !== undefined
  );
}

/** The bulk/export scope "everything the grid shows for this query" (the whole catalog when unfiltered). */
export function queryScope(query: GridQuery): Scope {
  if (!isFiltered(query)) return { kind: 'all' };
  const { filter, search } = toOpenInput(query);
  return search === undefined ? { kind: 'query', filter } : { kind: 'query', filter, search };
}

/** "search “mug” · Etsy, eBay · Active · has errors · score ≤ 60": what the current filter means. */
export function describeQuery(query: GridQuery, importLabel: string | null): string {
  const parts: string[] = [];
  const search = query.search?.trim() ?? '';
  if (search !== '') parts.push(`search “${search}”`);
  if (importIdOf(query.filter) !== undefined) parts.push(`imported from ${importLabel ?? 'a file'}`);
  const marketplaces: readonly Marketplace[] = query.filter.marketplaces ?? [];
  if (marketplaces.length > 0) parts.push(marketplaces.map((m) => MARKETPLACE_LABELS[m]).join(', '));
  const statuses: readonly ListingStatus[] = query.filter.statuses ?? [];
  if (statuses.length > 0) parts.push(statuses.map((s) => STATUS_LABELS[s]).join(', '));
  if (query.filter.hasErrors === true) parts.push('has errors');
  if (query.filter.hasProposals === true) parts.push('has proposals');
  const maxScore = maxScoreOf(query.filter);
  if (maxScore !== undefined) parts.push(`score ≤ ${maxScore}`);
  return parts.join(' · ');
}
