import type { StateCreator } from 'zustand/vanilla';
import type { ContractClient } from '../../../../common/client.js';
import type { GridView } from '../../../../common/contract.js';
import type { GridRow } from '../../../../common/listing.js';
import type { AppState } from '../../store/app-store.js';
import { PageCache, pagesForRange } from './page-cache.js';
import { createPageLoader, type PageLoader } from './page-loader.js';
import { toOpenInput } from './query.js';

/* ----------------------------------------------------------------------------------------------
 * The grid's open view (a snapshot of the ordered ids in a core reader) and the rows around what
 * is visible. The renderer never holds the whole catalog: the page cache keeps at most
 * MAX_CACHED_PAGES pages of PAGE_SIZE rows and only the visible range (+ prefetch) is fetched.
 * -------------------------------------------------------------------------------------------- */

export type ViewState = 'idle' | 'opening' | 'ready' | 'error';

export interface ViewSlice {
  view: GridView | null;
  viewState: ViewState;
  /** Re-opens the view for the current query. `query`: scroll to top and reset the selection. */
  openView(reason: 'query' | 'refresh' | 'expired'): Promise<void>;
  /**
   * The catalog changed: re-opens the view, or — right after our own inline save — only reloads
   * the rows, keeping their order (the saved listing stays where the seller is looking).
   */
  refreshView(): void;
  /** Our own inline save is on its way: the catalog.changed it causes only reloads the rows. */
  keepRowOrderOnNextRefresh(): void;
}

export interface PagesSlice {
  /** Mutable LRU (not itself reactive); `pagesVersion` changes whenever its contents do. */
  pageCache: PageCache<GridRow>;
  pagesVersion: number;
  visible: { first: number; last: number };
  setVisibleRange(first: number, last: number): void;
}

/** After an inline save, the catalog.changed it causes only reloads the rows, keeping their order. */
const SOFT_REFRESH_WINDOW_MS = 3_000;

export function createViewSlice(client: ContractClient) {
  let openGeneration = 0;
  let softRefreshUntil = 0;
  let loader: PageLoader | null = null;

  const slice: StateCreator<AppState, [], [], ViewSlice & PagesSlice> = (set, get, api) => {
    const pages = createPageLoader(client, api);
    loader = pages;
    return {
      view: null,
      viewState: 'idle',
      async openView(reason) {
        if (reason === 'expired' && get().viewState === 'opening') return;
        const generation = ++openGeneration;
        const query = get().query;
        set({ viewState: 'opening' });
        try {
          const view = await client.call('grid.open', toOpenInput(query));
          if (generation !== openGeneration) {
            client.call('grid.close', { viewId: view.viewId }).catch(() => {});
            return;
          }
          const old = get().view;
          // A new query starts empty; a reload of the same query keeps showing the rows until fresh ones arrive.
          if (reason === 'query') get().pageCache.clear();
          else get().pageCache.markStale();
          pages.forgetFailures();
          const patch: Partial<AppState> = { view, viewState: 'ready', pagesVersion: get().pagesVersion + 1 };
          const selected = get().selectedIndex;
          if (reason === 'query') {
            get().resetSelection();
            get().cancelInlineEdit();
            patch.visible = { first: 0, last: Math.max(0, get().visible.last - get().visible.first) };
          } else if (selected !== null && selected >= view.total) {
            patch.selectedIndex = view.total > 0 ? view.total - 1 : null;
          }
          set(patch);
          if (old !== null && old.viewId !== view.viewId) client.call('grid.close', { viewId: old.viewId }).catch(() => {});
          pages.pump();
        } catch (err) {
          if (generation !== openGeneration) return;
          set({ viewState: 'error' });
          get().pushError(err);
        }
      },
      refreshView() {
        const s = get();
        if (Date.now() < softRefreshUntil && s.view !== null && s.viewState === 'ready') {
          // Our own inline save: same rows, same order, fresh values.
          softRefreshUntil = 0;
          s.pageCache.markStale();
          pages.forgetFailures();
          set({ pagesVersion: s.pagesVersion + 1 });
          pages.pump();
        } else {
          void s.openView('refresh');
        }
      },
      keepRowOrderOnNextRefresh() {
        softRefreshUntil = Date.now() + SOFT_REFRESH_WINDOW_MS;
      },
      pageCache: new PageCache<GridRow>(),
      pagesVersion: 0,
      visible: { first: 0, last: 40 },
      setVisibleRange(first, last) {
        const v = get().visible;
        if (v.first === first && v.last === last) return;
        set({ visible: { first, last } });
        const total = get().view?.total ?? 0;
        get().pageCache.touch(pagesForRange(first, last, total));
        pages.schedule();
      },
    };
  };

  return {
    slice,
    dispose: () => loader?.dispose(),
  };
}
