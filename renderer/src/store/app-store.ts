import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import type { ContractClient } from '../../../common/client.js';
import type { AppInfo, CatalogStats, GridView } from '../../../common/contract.js';
import { DEFAULT_GRID_QUERY, MAX_PAGE_SIZE, type GridQuery, type SortColumn } from '../../../common/grid.js';
import type { GridRow, Listing, ListingStatus, Marketplace } from '../../../common/listing.js';
import { ContractError, type ErrorCode } from '../../../common/result.js';
import type { ConnectionInfo } from '../bridge/ws-transport.js';
import type { RowAlign } from '../grid/scale.js';
import { PAGE_SIZE, PageCache, pageRequest, pagesForRange, pagesToLoad } from './page-cache.js';
import { createHistorySlice, type HistorySlice } from './history.js';
import { createDeleteSlice, type DeleteSlice } from './delete.js';
import { createExportSlice, type ExportSlice } from './export.js';
import { createImportSlice, type ImportSlice } from './import.js';
import { inlineChanges, rowFromListing, startEdit, type InlineEdit, type InlineField } from './inline-edit.js';
import { nextSort, toggleIn, toOpenInput } from './query.js';
import {
  ALL_SELECTED,
  EMPTY_SELECTION,
  MAX_SELECTED_IDS,
  only,
  rangeBounds,
  toggle,
  withRange,
  type Selection,
  type SelectionChange,
} from './selection.js';

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
export interface RowModifiers {
  /** Shift: a range from the anchor row. */
  shift: boolean;
  /** Ctrl (Cmd on macOS): add or remove one row. */
  toggle: boolean;
}
export interface SelectionSlice {
  /** The active row (keyboard focus, highlighted, opens the detail pane). */
  selectedIndex: number | null;
  /** The listing of the active row, when known (the row is found again after the grid reloads). */
  activeId: number | null;
  scrollRequest: ScrollRequest | null;
  select(index: number): void;
  moveSelection(delta: number): void;
  goToRow(index: number, align?: RowAlign): void;
  openSelected(): void;
  /** The checked rows: ids, or everything matching the current query. */
  selection: Selection;
  /** Where Shift-click ranges start. */
  anchorIndex: number | null;
  /** A Shift-click range over rows not loaded yet is being resolved. */
  selectingRange: boolean;
  /** A click on a row: plain (select it alone, open it), Ctrl/Cmd (toggle) or Shift (range). */
  clickRow(index: number, row: GridRow | undefined, mods: RowModifiers): void;
  /** The row's checkbox: toggles it (Shift: a range from the anchor). */
  toggleRow(index: number, row: GridRow | undefined, shift: boolean): void;
  /** Space: toggles the active row. */
  toggleActiveRow(): void;
  /** Shift+Arrow: moves the active row and selects from the anchor to it. */
  extendSelection(delta: number): void;
  /** Ctrl/Cmd+A: everything matching the current search and filters. */
  selectAllMatching(): void;
  clearSelection(): void;
}

export interface InlineEditSlice {
  /** The grid cell being edited in place, with its draft. */
  inlineEdit: InlineEdit | null;
  startInlineEdit(index: number, field: InlineField): boolean;
  setInlineText(text: string): void;
  cancelInlineEdit(): void;
  /** Saves with `listing.update`; true when saved (or nothing to save), false when it stays open with a message. */
  commitInlineEdit(): Promise<boolean>;
}

export interface BulkEditSlice {
  bulkEditOpen: boolean;
  openBulkEdit(): void;
  closeBulkEdit(): void;
}

export interface Notice {
  id: number;
  text: string;
  tone: 'info' | 'error';
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
  /**
   * True while the core has not answered its first call in time: it is still opening the catalog
   * (the first start after an update may migrate a large one: ~12 s per million listings, after a
   * backup). The first calls wait for it instead of failing on their deadlines.
   */
  coreOpening: boolean;
  /**
   * True from a lost connection until the core answers a call again (an open socket alone is not
   * enough): the banner shows and editing is paused meanwhile (store/connection.ts).
   */
  offline: boolean;
  appInfo: AppInfo | null;
  stats: CatalogStats | null;
  errors: AppError[];
  demo: DemoState;
  /** A short message in the status bar ("Undid: Price +10 % on 10,000 listings"); clears itself. */
  notice: Notice | null;
  showNotice(text: string, tone?: 'info' | 'error'): void;
  dismissNotice(): void;
  pushError(err: unknown): void;
  dismissError(id: number): void;
  loadStats(): Promise<void>;
  startDemo(count: number): Promise<void>;
}

export type AppState = QuerySlice &
  ViewSlice &
  PagesSlice &
  SelectionSlice &
  InlineEditSlice &
  BulkEditSlice &
  DetailSlice &
  StatusSlice &
  ImportSlice &
  ExportSlice &
  HistorySlice &
  DeleteSlice;
export type AppStore = StoreApi<AppState>;

/** Rows fetched beyond the visible range on each side. */
const PREFETCH_ROWS = 100;
const MAX_IN_FLIGHT = 4;
const RETRY_FAILED_PAGE_MS = 3_000;
const FETCH_DEBOUNCE_MS = 40;
const FETCH_MAX_WAIT_MS = 150;
const CATALOG_CHANGED_DEBOUNCE_MS = 300;
const NOTICE_MS = 8_000;
/**
 * A click on a row opens the detail pane a moment later when the pane is closed: opening it narrows
 * the grid, and a double-click (inline edit) must not have its second click land on another cell.
 */
const DETAIL_OPEN_DELAY_MS = 260;
/** After an inline save, the catalog.changed it causes only reloads the rows, keeping their order. */
const SOFT_REFRESH_WINDOW_MS = 3_000;

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
  let noticeSeq = 0;
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  let rangeGeneration = 0;
  let inlineGeneration = 0;
  let softRefreshUntil = 0;
  let detailTimer: ReturnType<typeof setTimeout> | undefined;

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
        // A new query starts empty; a reload of the same query keeps showing the rows until fresh ones arrive.
        if (reason === 'query') get().pageCache.clear();
        else get().pageCache.markStale();
        failedAt.clear();
        const patch: Partial<AppState> = { view, viewState: 'ready', pagesVersion: get().pagesVersion + 1 };
        const selected = get().selectedIndex;
        if (reason === 'query') {
          clearTimeout(detailTimer);
          rangeGeneration++;
          inlineGeneration++;
          patch.selectedIndex = null;
          patch.activeId = null;
          patch.selection = EMPTY_SELECTION;
          patch.anchorIndex = null;
          patch.selectingRange = false;
          patch.inlineEdit = null;
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

  /** Applies a selection change, or says why it cannot be made. */
  const applySelection = (change: SelectionChange): boolean => {
    if (change.ok) {
      store.setState({ selection: change.selection });
      return true;
    }
    store
      .getState()
      .showNotice(
        change.reason === 'all'
          ? 'Every listing matching the search and filters is selected, so one cannot be left out. Narrow the search or filters, or click a row to start a new selection.'
          : `At most ${MAX_SELECTED_IDS.toLocaleString('en-US')} listings can be picked one by one. Use Select all (Ctrl+A) to select everything matching the search and filters.`,
      );
    return false;
  };

  /** Ids of the rows [lo, hi] of the current view: from the cache, else read from the core. */
  async function idsInRange(view: GridView, lo: number, hi: number, generation: number): Promise<number[] | null> {
    const ids: number[] = [];
    const cache = store.getState().pageCache;
    let i = lo;
    while (i <= hi) {
      const row = cache.freshRow(i);
      if (row !== undefined) {
        ids.push(row.id);
        i++;
        continue;
      }
      const limit = Math.min(MAX_PAGE_SIZE, hi - i + 1);
      const page = await client.call('grid.rows', { viewId: view.viewId, offset: i, limit });
      if (generation !== rangeGeneration || store.getState().view?.viewId !== view.viewId) return null;
      if (page.rows.length === 0) break;
      for (const r of page.rows) ids.push(r.id);
      i += page.rows.length;
    }
    return ids;
  }

  const selectRange = (anchor: number, index: number, additive: boolean) => {
    const { view } = store.getState();
    if (view === null) return;
    const { lo, hi } = rangeBounds(Math.min(anchor, view.total - 1), Math.min(index, view.total - 1));
    if (hi - lo + 1 > MAX_SELECTED_IDS) {
      applySelection({ ok: false, reason: 'too-many' });
      return;
    }
    const generation = ++rangeGeneration;
    store.setState({ selectingRange: true });
    idsInRange(view, lo, hi, generation).then(
      (ids) => {
        if (ids === null || generation !== rangeGeneration) return;
        store.setState({ selectingRange: false });
        applySelection(withRange(store.getState().selection, ids, additive));
      },
      (err: unknown) => {
        if (generation !== rangeGeneration) return;
        store.setState({ selectingRange: false });
        store.getState().pushError(err);
      },
    );
  };

  const selectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => {
    const activate = (index: number) => {
      const row = get().pageCache.row(index);
      return { selectedIndex: index, activeId: row?.id ?? null };
    };
    return {
      selectedIndex: null,
      activeId: null,
      scrollRequest: null,
      selection: EMPTY_SELECTION,
      anchorIndex: null,
      selectingRange: false,
      select(index) {
        const total = get().view?.total ?? 0;
        if (total <= 0) return;
        set(activate(Math.max(0, Math.min(total - 1, Math.trunc(index)))));
      },
      moveSelection(delta) {
        const total = get().view?.total ?? 0;
        if (total <= 0) return;
        const current = get().selectedIndex;
        const next = current === null ? (delta > 0 ? 0 : Math.max(0, get().visible.first)) : current + delta;
        const index = Math.max(0, Math.min(total - 1, next));
        set({ ...activate(index), scrollRequest: { index, align: 'auto', nonce: ++scrollNonce } });
      },
      goToRow(index, align = 'start') {
        const total = get().view?.total ?? 0;
        if (total <= 0) return;
        const i = Math.max(0, Math.min(total - 1, Math.trunc(index)));
        set({ ...activate(i), scrollRequest: { index: i, align, nonce: ++scrollNonce } });
      },
      openSelected() {
        const i = get().selectedIndex;
        if (i === null) return;
        const row = get().pageCache.row(i);
        if (row !== undefined) get().openDetail(row.id);
      },
      clickRow(index, row, mods) {
        const total = get().view?.total ?? 0;
        if (total <= 0 || index < 0 || index >= total) return;
        const anchor = get().anchorIndex;
        set({ selectedIndex: index, activeId: row?.id ?? null });
        if (mods.shift && anchor !== null) {
          selectRange(anchor, index, mods.toggle);
          return;
        }
        set({ anchorIndex: index });
        if (row === undefined) return;
        if (mods.toggle) {
          applySelection(toggle(get().selection, row.id));
          return;
        }
        rangeGeneration++;
        set({ selection: only(row.id), selectingRange: false });
        clearTimeout(detailTimer);
        if (get().detail === null) detailTimer = setTimeout(() => get().openDetail(row.id), DETAIL_OPEN_DELAY_MS);
        else get().openDetail(row.id);
      },
      toggleRow(index, row, shift) {
        const anchor = get().anchorIndex;
        if (shift && anchor !== null) {
          set({ selectedIndex: index, activeId: row?.id ?? null });
          selectRange(anchor, index, true);
          return;
        }
        if (row === undefined) return;
        if (applySelection(toggle(get().selection, row.id))) set({ anchorIndex: index });
      },
      toggleActiveRow() {
        const i = get().selectedIndex;
        if (i === null) return;
        const row = get().pageCache.row(i);
        if (row === undefined) return;
        if (applySelection(toggle(get().selection, row.id))) set({ anchorIndex: i });
      },
      extendSelection(delta) {
        const start = get().selectedIndex;
        const anchor = get().anchorIndex ?? start ?? 0;
        if (get().anchorIndex === null) set({ anchorIndex: anchor });
        get().moveSelection(delta);
        const index = get().selectedIndex;
        if (index !== null) selectRange(anchor, index, false);
      },
      selectAllMatching() {
        if ((get().view?.total ?? 0) <= 0) return;
        rangeGeneration++;
        set({ selection: ALL_SELECTED, selectingRange: false });
      },
      clearSelection() {
        rangeGeneration++;
        set({ selection: EMPTY_SELECTION, selectingRange: false });
      },
    };
  };

  const inlineEditSlice: StateCreator<AppState, [], [], InlineEditSlice> = (set, get) => ({
    inlineEdit: null,
    startInlineEdit(index, field) {
      const row = get().pageCache.row(index);
      if (row === undefined || get().pageCache.isStale(Math.floor(index / PAGE_SIZE))) return false;
      const current = get().inlineEdit;
      if (current !== null && current.saving) return false;
      clearTimeout(detailTimer);
      inlineGeneration++;
      set({ inlineEdit: startEdit(row, index, field), selectedIndex: index, activeId: row.id });
      return true;
    },
    setInlineText(text) {
      const e = get().inlineEdit;
      if (e === null || e.saving) return;
      set({ inlineEdit: { ...e, text, error: null } });
    },
    cancelInlineEdit() {
      inlineGeneration++;
      set({ inlineEdit: null });
    },
    async commitInlineEdit() {
      const e = get().inlineEdit;
      if (e === null) return true;
      // Offline: the editor is disabled and says why; the typed text waits for the connection.
      if (e.saving || get().offline) return false;
      const parsed = inlineChanges(e);
      if (!parsed.ok) {
        set({ inlineEdit: { ...e, error: parsed.message } });
        return false;
      }
      if (parsed.changes === null) {
        get().cancelInlineEdit();
        return true;
      }
      const generation = ++inlineGeneration;
      set({ inlineEdit: { ...e, saving: true, error: null } });
      try {
        const outcome = await client.call('listing.update', { id: e.id, changes: parsed.changes, expectedUpdatedAt: e.expectedUpdatedAt });
        const listing = outcome.listing;
        // Show the saved value at once; the reload that catalog.changed triggers keeps rows in place.
        softRefreshUntil = Date.now() + SOFT_REFRESH_WINDOW_MS;
        get().pageCache.patch((row) => (row.id === listing.id ? rowFromListing(row, listing) : undefined));
        const patch: Partial<AppState> = { pagesVersion: get().pagesVersion + 1 };
        if (generation === inlineGeneration) patch.inlineEdit = null;
        const d = get().detail;
        if (d !== null && d.id === listing.id && !d.loading) patch.detail = { id: listing.id, listing, loading: false, error: null };
        set(patch);
        return true;
      } catch (err) {
        const current = get().inlineEdit;
        if (generation === inlineGeneration && current !== null && current.id === e.id) {
          set({ inlineEdit: { ...current, saving: false, error: errorMessage(err).message } });
        } else {
          get().pushError(err);
        }
        return false;
      }
    },
  });

  const bulkEditSlice: StateCreator<AppState, [], [], BulkEditSlice> = (set) => ({
    bulkEditOpen: false,
    openBulkEdit: () => set({ bulkEditOpen: true }),
    closeBulkEdit: () => set({ bulkEditOpen: false }),
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
    coreOpening: false,
    offline: false,
    appInfo: null,
    stats: null,
    errors: [],
    demo: { running: false, done: 0, total: 0 },
    notice: null,
    showNotice(text, tone = 'info') {
      clearTimeout(noticeTimer);
      const id = ++noticeSeq;
      set({ notice: { id, text, tone } });
      noticeTimer = setTimeout(() => {
        if (get().notice?.id === id) set({ notice: null });
      }, NOTICE_MS);
    },
    dismissNotice() {
      clearTimeout(noticeTimer);
      set({ notice: null });
    },
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

  const importing = createImportSlice<AppState>(client);
  const exporting = createExportSlice<AppState>(client);
  const history = createHistorySlice<AppState>(client);
  const deleting = createDeleteSlice<AppState>(client);

  const store: AppStore = createStore<AppState>()((...a) => ({
    ...importing.slice(...a),
    ...exporting.slice(...a),
    ...history.slice(...a),
    ...deleting(...a),
    ...querySlice(...a),
    ...viewSlice(...a),
    ...pagesSlice(...a),
    ...selectionSlice(...a),
    ...inlineEditSlice(...a),
    ...bulkEditSlice(...a),
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
      store.setState({ pagesVersion: state.pagesVersion + 1, ...followActiveRow(page, result.rows) });
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

  /**
   * After a reload the active listing may sit at another position (e.g. sorted by "updated", an
   * edited listing moves to the top): when a fresh page holds it, the active row follows it.
   */
  function followActiveRow(page: number, rows: readonly GridRow[]): Partial<AppState> {
    const { activeId, selectedIndex, pageCache, inlineEdit } = store.getState();
    if (activeId === null || selectedIndex === null) return {};
    if (pageCache.freshRow(selectedIndex)?.id === activeId) return {};
    const at = rows.findIndex((r) => r.id === activeId);
    if (at < 0) return {};
    const index = page * PAGE_SIZE + at;
    const patch: Partial<AppState> = { selectedIndex: index };
    if (inlineEdit !== null && inlineEdit.id === activeId) patch.inlineEdit = { ...inlineEdit, index };
    return patch;
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  let changedTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshAfterChange = () => {
    clearTimeout(changedTimer);
    changedTimer = setTimeout(() => {
      const s = store.getState();
      void s.loadStats();
      void s.refreshHistory();
      if (Date.now() < softRefreshUntil && s.view !== null && s.viewState === 'ready') {
        // Our own inline save: same rows, same order, fresh values.
        softRefreshUntil = 0;
        s.pageCache.markStale();
        failedAt.clear();
        store.setState({ pagesVersion: s.pagesVersion + 1 });
        pump();
      } else {
        void s.openView('refresh');
      }
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
      const offImport = importing.subscribe(store);
      const offExport = exporting.subscribe(store);
      const offHistory = history.subscribe(store);
      const s = store.getState();
      let stopped = false;
      // app.info first, asked again for as long as it times out (the core is still opening the
      // catalog); then the calls that would otherwise fail on their deadlines meanwhile. Any other
      // failure (no connection yet) is shown and the calls go ahead: reconnecting retries them.
      const openWhenCoreAnswers = async (): Promise<void> => {
        while (!stopped) {
          try {
            store.setState({ appInfo: await client.call('app.info', {}) });
            break;
          } catch (err) {
            if (!(err instanceof ContractError && err.code === 'timeout')) {
              s.pushError(err);
              break;
            }
            store.setState({ coreOpening: true });
          }
        }
        if (stopped) return;
        store.setState({ coreOpening: false });
        void s.refreshHistory();
        void s.loadStats();
        void s.openView('query');
      };
      void openWhenCoreAnswers();
      return () => {
        stopped = true;
        offChanged();
        offProgress();
        offImport();
        offExport();
        offHistory();
        clearTimeout(changedTimer);
        clearTimeout(noticeTimer);
        clearTimeout(detailTimer);
        clearTimeout(fetchTimer);
        clearTimeout(retryTimer);
      };
    },
    connectionChanged(info) {
      const prev = store.getState().connection;
      store.setState({ connection: info });
      if (info.state !== 'open' && info.everOpened) store.setState({ offline: true });
      // Back when the core answers, not merely when a socket opens.
      if (info.state === 'open' && store.getState().offline) {
        client.call('app.info', {}).then(
          () => {
            if (store.getState().connection.state !== 'open' || !store.getState().offline) return;
            store.setState({ offline: false });
            store.getState().showNotice('Connected again. Edits you kept can be saved now.');
          },
          () => {},
        );
      }
      // Back online: the "connection lost" messages are stale.
      if (info.state === 'open' && prev.state !== 'open') store.setState({ errors: store.getState().errors.filter((e) => e.code !== 'disconnected') });
      // Reconnected after a drop: views may be gone, the catalog may have changed.
      // Also after a first connection that failed the initial calls.
      if (info.state === 'open' && prev.state !== 'open' && (prev.everOpened || store.getState().viewState === 'error')) refreshAfterChange();
    },
  };
}
