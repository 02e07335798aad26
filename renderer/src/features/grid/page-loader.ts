import type { StoreApi } from 'zustand/vanilla';
import type { ContractClient } from '../../../../common/client.js';
import type { GridView } from '../../../../common/contract.js';
import type { GridRow } from '../../../../common/listing.js';
import { ContractError } from '../../../../common/result.js';
import type { AppState } from '../../store/app-store.js';
import { PAGE_SIZE, pageRequest, pagesForRange, pagesToLoad } from './page-cache.js';

/* ----------------------------------------------------------------------------------------------
 * The page-fetch loop: keeps the page cache filled around the visible rows of the current view,
 * a few `grid.rows` calls at a time, debounced while scrolling, retrying a failed page after a
 * pause and re-opening a view the core expired. Owned by the view slice (view-slice.ts).
 * -------------------------------------------------------------------------------------------- */

/** Rows fetched beyond the visible range on each side. */
const PREFETCH_ROWS = 100;
const MAX_IN_FLIGHT = 4;
const RETRY_FAILED_PAGE_MS = 3_000;
const FETCH_DEBOUNCE_MS = 40;
const FETCH_MAX_WAIT_MS = 150;

export interface PageLoader {
  /** The visible range moved: fetch soon (debounced, at most FETCH_MAX_WAIT_MS after the first move). */
  schedule(): void;
  /** Starts the fetches the visible range needs now. */
  pump(): void;
  /** A new view or fresh rows: pages that failed before are asked again at once. */
  forgetFailures(): void;
  dispose(): void;
}

export function createPageLoader(client: ContractClient, store: StoreApi<AppState>): PageLoader {
  const inFlight = new Set<string>(); // `${viewId}#${page}`
  const failedAt = new Map<number, number>(); // page → time of failure (current view only)
  let fetchTimer: ReturnType<typeof setTimeout> | undefined;
  let fetchFirstScheduledAt: number | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  function schedule(): void {
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
   * edited listing moves to the top): when a fresh page holds it, the active row follows it, and so
   * does the Shift-range anchor, so Shift+↓ keeps extending from the row the seller started on.
   */
  function followActiveRow(page: number, rows: readonly GridRow[]): Partial<AppState> {
    const { activeId, selectedIndex, anchorId, anchorIndex, pageCache, inlineEdit } = store.getState();
    const patch: Partial<AppState> = {};
    const movedTo = (id: number | null, index: number | null): number | null => {
      if (id === null || index === null || pageCache.freshRow(index)?.id === id) return null;
      const at = rows.findIndex((r) => r.id === id);
      return at < 0 ? null : page * PAGE_SIZE + at;
    };
    const active = movedTo(activeId, selectedIndex);
    if (active !== null) {
      patch.selectedIndex = active;
      if (inlineEdit !== null && inlineEdit.id === activeId) patch.inlineEdit = { ...inlineEdit, index: active };
    }
    const anchor = movedTo(anchorId, anchorIndex);
    if (anchor !== null) patch.anchorIndex = anchor;
    return patch;
  }

  return {
    schedule,
    pump,
    forgetFailures: () => failedAt.clear(),
    dispose() {
      clearTimeout(fetchTimer);
      clearTimeout(retryTimer);
    },
  };
}
