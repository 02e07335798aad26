import type { StateCreator } from 'zustand/vanilla';
import { DEFAULT_GRID_QUERY, type GridQuery, type SortColumn } from '../../../../common/grid.js';
import type { ListingStatus, Marketplace } from '../../../../common/listing.js';
import type { AppState } from '../../store/app-store.js';
import { nextSort, toggleIn } from './query.js';

/* ----------------------------------------------------------------------------------------------
 * The grid's query: sort, search and filters. Every change re-opens the view (view-slice.ts).
 * -------------------------------------------------------------------------------------------- */

export interface QuerySlice {
  query: GridQuery;
  setSortColumn(column: SortColumn): void;
  setSearch(text: string): void;
  toggleMarketplace(m: Marketplace): void;
  toggleStatus(s: ListingStatus): void;
  /** "Has errors": only listings failing an error-severity rule of their marketplace. */
  setHasErrors(on: boolean): void;
  setHasProposals(on: boolean): void;
  /** "Score ≤ N" (undefined: any score). */
  setMaxScore(max: number | undefined): void;
  clearFilters(): void;
  /** Shows exactly the listings an import created or updated (clears search and other filters). */
  showImport(importId: number, label: string): void;
  /** What the import filter is called in the filter bar ("shopify.csv"), while it is on. */
  importLabel: string | null;
}

export const createQuerySlice: StateCreator<AppState, [], [], QuerySlice> = (set, get) => {
  const update = (query: GridQuery) => {
    set({ query });
    void get().openView('query');
  };
  return {
    query: DEFAULT_GRID_QUERY,
    setSortColumn: (column) => update({ ...get().query, sort: nextSort(get().query.sort, column) }),
    setSearch: (text) => {
      const q = get().query;
      if ((q.search ?? '') === text) return;
      update({ ...q, search: text });
    },
    toggleMarketplace: (m) => {
      const q = get().query;
      update({ ...q, filter: { ...q.filter, marketplaces: toggleIn(q.filter.marketplaces, m) } });
    },
    toggleStatus: (s) => {
      const q = get().query;
      update({ ...q, filter: { ...q.filter, statuses: toggleIn(q.filter.statuses, s) } });
    },
    setHasErrors: (on) => {
      const q = get().query;
      if ((q.filter.hasErrors === true) === on) return;
      const { hasErrors: _drop, ...rest } = q.filter;
      update({ ...q, filter: on ? { ...rest, hasErrors: true } : rest });
    },
    setHasProposals: (on) => {
      const q = get().query;
      if ((q.filter.hasProposals === true) === on) return;
      const { hasProposals: _drop, ...rest } = q.filter;
      update({ ...q, filter: on ? { ...rest, hasProposals: true } : rest });
    },
    setMaxScore: (max) => {
      const q = get().query;
      if (q.filter.maxScore === max) return;
      const { maxScore: _drop, ...rest } = q.filter;
      update({ ...q, filter: max === undefined ? rest : { ...rest, maxScore: max } });
    },
    clearFilters: () => {
      set({ importLabel: null });
      update({ ...get().query, filter: {}, search: '' });
    },
    importLabel: null,
    showImport: (importId, label) => {
      set({ importLabel: label });
      get().closeDetail();
      update({ ...get().query, filter: { importId }, search: '' });
    },
  };
};
