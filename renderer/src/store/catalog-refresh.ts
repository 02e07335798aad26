import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from './app-store.js';

/** A burst of catalog.changed events (an import's batches) reloads once. */
const CATALOG_CHANGED_DEBOUNCE_MS = 300;

export interface CatalogRefresh {
  /** The catalog changed (or the connection came back): reload what the window shows, soon. */
  schedule(): void;
  dispose(): void;
}

/** Reloads the counters, the undo/redo state, the grid and the open listing after a change. */
export function createCatalogRefresh(store: StoreApi<AppState>): CatalogRefresh {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const s = store.getState();
        void s.loadStats();
        void s.refreshHistory();
        s.refreshView();
        s.refreshDetail();
      }, CATALOG_CHANGED_DEBOUNCE_MS);
    },
    dispose: () => clearTimeout(timer),
  };
}
