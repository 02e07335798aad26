import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import type { ContractClient } from '../../../common/client.js';
import type { AppInfo, CatalogStats, GridView } from '../../../common/contract.js';
import { DEFAULT_GRID_QUERY, type GridQuery, type SortColumn } from '../../../common/grid.js';
import type { GridRow, Listing, ListingStatus, Marketplace } from '../../../common/listing.js';
import { ContractError, type ErrorCode } from '../../../common/result.js';
import type { ConnectionInfo } from '../bridge/ws-transport.js';
import type { RowAlign } from '../grid/scale.js';
import { PAGE_SIZE, PageCache, pageRequest, pagesForRange, pagesToLoad } from './page-cache.js';
import { createImportExportSlice, type ImportExportSlice } from './import-export.js';
import { nextSort, toggleIn, toOpenInput } from './query.js';

/* ----------------------------------------------------------------------------------------------
 * One store built from slices. The renderer never holds the whole catalog: the page cache keeps at
 * most MAX_CACHED_PAGES pages of PAGE_SIZE rows and only the visible range (+ prefetch) is fetched.
 * -------------------------------------------------------------------------------------------- */

export interface QuerySlice {
  query: GridQuery;
  setSortColumn(column: SortColumn): void;
  setSearch(text: string): void;
  toggleMarketplace(m: Marketplace): void;
  toggleStatus(s: ListingStatus): void;
  clearFilters(): void;
  /** Shows exactly the listings an import created or updated (clears search and other filters). */
  showImport(importId: number, label: string): void;
  /** What the import filter is called in the filter bar ("shopify.csv"), while it is on. */
  importLabel: string | null;
}

export type ViewState = 'idle' | 'opening' | 'ready' | 'error';
export interface ViewSlice {
  view: GridView | null;
  viewState: ViewState;
  /** Re-opens the view for the current query. `query`: scroll to top and reset the selection. */
  openView(reason: 'query' | 'refresh' | 'expired'): Promise<void>;
}

export interface PagesSlice {
  /** Mutable LRU (not itself reactive); `pagesVersion` changes whenever its contents do. */
  pageCache: PageCache<GridRow>;
  pagesVersion: number;
  visible: { first: number; last: number };
  setVisibleRange(first: number, last: number): void;
}

export interface ScrollRequest {
  index: number;
  align: RowAlign;
  nonce: number;
}
export interface SelectionSlice {
  selectedIndex: number | null;
  scrollRequest: ScrollRequest | null;
  select(index: number): void;
  moveSelection(delta: number): void;
  goToRow(index: number, align?: RowAlign): void;
  openSelected(): void;
}

export interface DetailState {
  id: number;
  listing: Listing | null;
  loading: boolean;
  error: string | null;
}
export interface DetailSlice {
  detail: DetailState | null;
  openDetail(id: number): void;
  closeDetail(): void;
}

export interface AppError {
  id: number;
  code: ErrorCode;
  message: string;
  count: number;
}
export interface DemoState {
  running: boolean;
  done: number;
  total: number;
}
export interface StatusSlice {
  transportKind: 'electron' | 'web';
  connection: ConnectionInfo;
  appInfo: AppInfo | null;
  stats: CatalogStats | null;
  errors: AppError[];
  demo: DemoState;
  pushError(err: unknown): void;
  dismissError(id: number): void;
  loadStats(): Promise<void>;
  startDemo(count: number): Promise<void>;
}

export type AppState = QuerySlice & ViewSlice & PagesSlice & SelectionSlice & DetailSlice & StatusSlice & ImportExportSlice;
export type AppStore = StoreApi<AppState>;

/** Rows fetched beyond the visible range on each side. */
const PREFETCH_ROWS = 100;
const MAX_IN_FLIGHT = 4;
const RETRY_FAILED_PAGE_MS = 3_000;
const FETCH_DEBOUNCE_MS = 40;
const FETCH_MAX_WAIT_MS = 150;
const CATALOG_CHANGED_DEBOUNCE_MS = 300;

export function errorMessage(err: unknown): { code: ErrorCode; message: string } {
  if (err instanceof ContractError) return { code: err.code, message: err.message };
  if (err instanceof Error) return { code: 'internal', message: err.message || 'Something went wrong.' };
  return { code: 'internal', message: 'Something went wrong.' };
}

export interface StoreDeps {
  client: ContractClient;
  transportKind: 'electron' | 'web';
  initialConnection?: ConnectionInfo;
}

export interface AppStoreHandle {
  store: AppStore;
  /** Subscribes to core events and loads the first view; returns a disposer. */
  start(): () => void;
  /** Tells the store about WebSocket (re)connections. */
  connectionChanged(info: ConnectionInfo): void;
}

export function createAppStore({ client, transportKind, initialConnection }: StoreDeps): AppStoreHandle {
  // Non-reactive machinery shared by the slices.
  let openGeneration = 0;
  let detailGeneration = 0;
  let errorSeq = 0;
  let scrollNonce = 0;
  const inFlight = new Set<string>(); // `${viewId}#${page}`
  const failedAt = new Map<number, number>(); // page → time of failure (current view only)
  let fetchTimer: ReturnType<typeof setTimeout> | undefined;
  let fetchFirstScheduledAt: number | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const querySlice: StateCreator<AppState, [], [], QuerySlice> = (set, get) => {
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

  const viewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
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
        get().pageCache.clear();
        failedAt.clear();
        const patch: Partial<AppState> = { view, viewState: 'ready', pagesVersion: get().pagesVersion + 1 };
        const selected = get().selectedIndex;
        if (reason === 'query') {
          patch.selectedIndex = null;
          patch.scrollRequest = { index: 0, align: 'start', nonce: ++scrollNonce };
          patch.visible = { first: 0, last: Math.max(0, get().visible.last - get().visible.first) };
        } else if (selected !== null && selected >= view.total) {
          patch.selectedIndex = view.total > 0 ? view.total - 1 : null;
        }
        set(patch);
        if (old !== null && old.viewId !== view.viewId) client.call('grid.close', { viewId: old.viewId }).catch(() => {});
        pump();
      } catch (err) {
        if (generation !== openGeneration) return;
        set({ viewState: 'error' });
        get().pushError(err);
      }
    },
  });

  const pagesSlice: StateCreator<AppState, [], [], PagesSlice> = (set, get) => ({
    pageCache: new PageCache<GridRow>(),
    pagesVersion: 0,
    visible: { first: 0, last: 40 },
    setVisibleRange(first, last) {
      const v = get().visible;
      if (v.first === first && v.last === last) return;
      set({ visible: { first, last } });
      const total = get().view?.total ?? 0;
      get().pageCache.touch(pagesForRange(first, last, total));
      schedulePump();
    },
  });

  const selectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => ({
    selectedIndex: null,
    scrollRequest: null,
    select(index) {
      const total = get().view?.total ?? 0;
      if (total <= 0) return;
      set({ selectedIndex: Math.max(0, Math.min(total - 1, Math.trunc(index))) });
    },
    moveSelection(delta) {
      const total = get().view?.total ?? 0;
      if (total <= 0) return;
      const current = get().selectedIndex;
      const next = current === null ? (delta > 0 ? 0 : Math.max(0, get().visible.first)) : current + delta;
      const index = Math.max(0, Math.min(total - 1, next));
      set({ selectedIndex: index, scrollRequest: { index, align: 'auto', nonce: ++scrollNonce } });
    },
    goToRow(index, align = 'start') {
      const total = get().view?.total ?? 0;
      if (total <= 0) return;
      const i = Math.max(0, Math.min(total - 1, Math.trunc(index)));
      set({ selectedIndex: i, scrollRequest: { index: i, align, nonce: ++scrollNonce } });
    },
    openSelected() {
      const i = get().selectedIndex;
      if (i === null) return;
      const row = get().pageCache.row(i);
      if (row !== undefined) get().openDetail(row.id);
    },
  });

  const detailSlice: StateCreator<AppState, [], [], DetailSlice> = (set, get) => ({
    detail: null,
    openDetail(id) {
      const generation = ++detailGeneration;
      const prev = get().detail;
      set({ detail: { id, listing: prev?.id === id ? prev.listing : null, loading: true, error: null } });
      client.call('listing.get', { id }).then(
        (listing) => {
          if (generation === detailGeneration) set({ detail: { id, listing, loading: false, error: null } });
        },
        (err: unknown) => {
          if (generation !== detailGeneration) return;
          const { message } = errorMessage(err);
          set({ detail: { id, listing: null, loading: false, error: message } });
          get().pushError(err);
        },
      );
    },
    closeDetail() {
      detailGeneration++;
      set({ detail: null });
    },
  });

  const statusSlice: StateCreator<AppState, [], [], StatusSlice> = (set, get) => ({
    transportKind,
    connection: initialConnection ?? { state: 'open', retryAt: null, everOpened: true },
    appInfo: null,
    stats: null,
    errors: [],
    demo: { running: false, done: 0, total: 0 },
    pushError(err) {
      const { code, message } = errorMessage(err);
      const errors = get().errors;
      const same = errors.find((e) => e.message === message);
      if (same !== undefined) {
        set({ errors: errors.map((e) => (e === same ? { ...e, count: e.count + 1 } : e)) });
        return;
      }
      set({ errors: [...errors, { id: ++errorSeq, code, message, count: 1 }].slice(-4) });
    },
    dismissError(id) {
      set({ errors: get().errors.filter((e) => e.id !== id) });
    },
    async loadStats() {
      try {
        set({ stats: await client.call('catalog.stats', {}) });
      } catch (err) {
        get().pushError(err);
      }
    },
    async startDemo(count) {
      if (get().demo.running) return;
      set({ demo: { running: true, done: 0, total: count } });
      try {
        await client.call('demo.generate', { count });
        await get().loadStats();
        await get().openView('query');
      } catch (err) {
        get().pushError(err);
      } finally {
        set({ demo: { running: false, done: 0, total: 0 } });
      }
    },
  });

  const importExport = createImportExportSlice<AppState>(client);

  const store = createStore<AppState>()((...a) => ({
    ...importExport.slice(...a),
    ...querySlice(...a),
    ...viewSlice(...a),
    ...pagesSlice(...a),
    ...selectionSlice(...a),
    ...detailSlice(...a),
    ...statusSlice(...a),
  }));

  // ---- page loading --------------------------------------------------------------------------

  function schedulePump(): void {
    const now = Date.now();
    fetchFirstScheduledAt ??= now;
    clearTimeout(fetchTimer);
    const wait = Math.max(0, Math.min(FETCH_DEBOUNCE_MS, fetchFirstScheduledAt + FETCH_MAX_WAIT_MS - now));
    fetchTimer = setTimeout(() => {
      fetchFirstScheduledAt = null;
      pump();
    }, wait);
  }

  function pump(): void {
    const { view, viewState, visible, pageCache } = store.getState();
    if (view === null || viewState === 'error') return;
    const now = Date.now();
    const wanted = pagesToLoad(visible.first, visible.last, view.total, PREFETCH_ROWS);
    let active = 0;
    for (const key of inFlight) if (key.startsWith(view.viewId + '#')) active++;
    for (const page of wanted) {
      if (active >= MAX_IN_FLIGHT) break;
      if (pageCache.has(page) || inFlight.has(`${view.viewId}#${page}`)) continue;
      const failed = failedAt.get(page);
      if (failed !== undefined && now - failed < RETRY_FAILED_PAGE_MS) continue;
      active++;
      void fetchPage(view, page);
    }
  }

  async function fetchPage(view: GridView, page: number): Promise<void> {
    const req = pageRequest(page, view.total, PAGE_SIZE);
    if (req === null) return;
    const key = `${view.viewId}#${page}`;
    inFlight.add(key);
    try {
      const result = await client.call('grid.rows', { viewId: view.viewId, ...req });
      const state = store.getState();
      if (state.view?.viewId !== view.viewId) return; // stale: the view changed meanwhile
      failedAt.delete(page);
      const keep = new Set(pagesForRange(state.visible.first, state.visible.last, view.total));
      state.pageCache.set(page, result.rows, keep);
      store.setState({ pagesVersion: state.pagesVersion + 1 });
    } catch (err) {
      const state = store.getState();
      if (state.view?.viewId !== view.viewId) return;
      if (err instanceof ContractError && err.code === 'not_found') {
        // The core expired the view (idle too long, or restarted): reopen it transparently.
        void state.openView('expired');
        return;
      }
      failedAt.set(page, Date.now());
      state.pushError(err);
      clearTimeout(retryTimer);
      retryTimer = setTimeout(pump, RETRY_FAILED_PAGE_MS + 50);
    } finally {
      inFlight.delete(key);
      if (store.getState().view?.viewId === view.viewId) pump();
    }
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  let changedTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshAfterChange = () => {
    clearTimeout(changedTimer);
    changedTimer = setTimeout(() => {
      const s = store.getState();
      void s.loadStats();
      void s.openView('refresh');
      const d = s.detail;
      if (d !== null && !d.loading) {
        client.call('listing.get', { id: d.id }).then(
          (listing) => {
            if (store.getState().detail?.id === d.id) store.setState({ detail: { id: d.id, listing, loading: false, error: null } });
          },
          () => {},
        );
      }
    }, CATALOG_CHANGED_DEBOUNCE_MS);
  };

  return {
    store,
    start() {
      const offChanged = client.on('catalog.changed', refreshAfterChange);
      const offProgress = client.on('demo.progress', (p) => {
        const demo = store.getState().demo;
        if (demo.running) store.setState({ demo: { running: true, done: p.done, total: p.total } });
      });
      const offImportExport = importExport.subscribe(store);
      const s = store.getState();
      client.call('app.info', {}).then(
        (appInfo) => store.setState({ appInfo }),
        (err: unknown) => s.pushError(err),
      );
      void s.loadStats();
      void s.openView('query');
      return () => {
        offChanged();
        offProgress();
        offImportExport();
        clearTimeout(changedTimer);
        clearTimeout(fetchTimer);
        clearTimeout(retryTimer);
      };
    },
    connectionChanged(info) {
      const prev = store.getState().connection;
      store.setState({ connection: info });
      // Back online: the "connection lost" messages are stale.
      if (info.state === 'open' && prev.state !== 'open') store.setState({ errors: store.getState().errors.filter((e) => e.code !== 'disconnected') });
      // Reconnected after a drop: views may be gone, the catalog may have changed.
      // Also after a first connection that failed the initial calls.
      if (info.state === 'open' && prev.state !== 'open' && (prev.everOpened || store.getState().viewState === 'error')) refreshAfterChange();
    },
  };
}
