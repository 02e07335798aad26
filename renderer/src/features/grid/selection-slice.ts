import type { StateCreator } from 'zustand/vanilla';
import type { ContractClient } from '../../../../common/client.js';
import type { GridView } from '../../../../common/contract.js';
import { MAX_PAGE_SIZE } from '../../../../common/grid.js';
import type { GridRow } from '../../../../common/listing.js';
import type { RowAlign } from './scale.js';
import type { AppState } from '../../store/app-store.js';
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
 * The grid's active row (keyboard focus, opens the detail pane) and its checked rows (selection.ts
 * holds the pure rules). A Shift-click range over rows not loaded yet is read from the core.
 * -------------------------------------------------------------------------------------------- */

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
  /** The listing at the anchor, when known: after a reload reorders rows, the anchor follows it. */
  anchorId: number | null;
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
  /** A new query: no active row, nothing selected, back to the top. */
  resetSelection(): void;
  /** Calls off a click's delayed opening of the detail pane (a double-click edits the cell instead). */
  cancelPendingOpen(): void;
}

/**
 * A click on a row opens the detail pane a moment later when the pane is closed: opening it narrows
 * the grid, and a double-click (inline edit) must not have its second click land on another cell.
 */
const DETAIL_OPEN_DELAY_MS = 260;

export function createSelectionSlice(client: ContractClient) {
  /** Bumped to drop the answer of a Shift-click range still being read. */
  let rangeGeneration = 0;
  let detailTimer: ReturnType<typeof setTimeout> | undefined;

  const slice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => {
    const nextScroll = (index: number, align: RowAlign): ScrollRequest => ({ index, align, nonce: (get().scrollRequest?.nonce ?? 0) + 1 });

    /** Applies a selection change, or says why it cannot be made. */
    const applySelection = (change: SelectionChange): boolean => {
      if (change.ok) {
        set({ selection: change.selection });
        return true;
      }
      get().showNotice(
        change.reason === 'all'
          ? 'Every listing matching the search and filters is selected, so one cannot be left out. Narrow the search or filters, or click a row to start a new selection.'
          : `At most ${MAX_SELECTED_IDS.toLocaleString('en-US')} listings can be picked one by one. Use Select all (Ctrl+A) to select everything matching the search and filters.`,
      );
      return false;
    };

    /** Ids of the rows [lo, hi] of the current view: from the cache, else read from the core. */
    const idsInRange = async (view: GridView, lo: number, hi: number, generation: number): Promise<number[] | null> => {
      const ids: number[] = [];
      const cache = get().pageCache;
      let i = lo;
      while (i <= hi) {
        const row = cache.freshRow(i);
        if (row !== undefined) {
          ids.push(row.id);
          i++;
          continue;
        }
        const limit = Math.min(MAX_PAGE_SIZE, hi - i + 1);
        const swapped = () => generation !== rangeGeneration || get().view?.viewId !== view.viewId;
        // The old view is closed once a refresh swaps it: its read failing is no error to show.
        const page = await client.call('grid.rows', { viewId: view.viewId, offset: i, limit }).catch((err: unknown) => {
          if (swapped()) return null;
          throw err;
        });
        if (page === null || swapped()) return null;
        if (page.rows.length === 0) break;
        for (const r of page.rows) ids.push(r.id);
        i += page.rows.length;
      }
      return ids;
    };

    /** The rows [lo, hi] a range covers in `view`, or null when it has too many to pick one by one. */
    const boundsIn = (view: GridView, anchor: number, index: number) => {
      const bounds = rangeBounds(Math.min(anchor, view.total - 1), Math.min(index, view.total - 1));
      return bounds.hi - bounds.lo + 1 > MAX_SELECTED_IDS ? null : bounds;
    };

    const selectRange = (anchor: number, index: number, additive: boolean) => {
      const { view } = get();
      if (view === null) return;
      if (boundsIn(view, anchor, index) === null) {
        applySelection({ ok: false, reason: 'too-many' });
        return;
      }
      const generation = ++rangeGeneration;
      set({ selectingRange: true });
      rangeInView(anchor, index, additive, generation);
    };

    /**
     * Reads the range's ids from the current view. A refresh of the same query (catalog.changed)
     * can swap the view while rows are read: the range is then read again from the new view, whose
     * rows are the same, rather than dropped. Only a newer range or selection (a new generation)
     * drops it.
     */
    const rangeInView = (anchor: number, index: number, additive: boolean, generation: number) => {
      const { view } = get();
      if (view === null) {
        set({ selectingRange: false });
        return;
      }
      const bounds = boundsIn(view, anchor, index);
      if (bounds === null) {
        set({ selectingRange: false });
        applySelection({ ok: false, reason: 'too-many' });
        return;
      }
      idsInRange(view, bounds.lo, bounds.hi, generation).then(
        (ids) => {
          if (generation !== rangeGeneration) return;
          if (ids === null) {
            rangeInView(anchor, index, additive, generation);
            return;
          }
          set({ selectingRange: false });
          applySelection(withRange(get().selection, ids, additive));
        },
        (err: unknown) => {
          if (generation !== rangeGeneration) return;
          set({ selectingRange: false });
          get().pushError(err);
        },
      );
    };

    const activate = (index: number) => {
      const row = get().pageCache.row(index);
      return { selectedIndex: index, activeId: row?.id ?? null };
    };
    const anchorAt = (index: number | null, id?: number) => ({
      anchorIndex: index,
      anchorId: index === null ? null : (id ?? get().pageCache.row(index)?.id ?? null),
    });

    return {
      selectedIndex: null,
      activeId: null,
      scrollRequest: null,
      selection: EMPTY_SELECTION,
      anchorIndex: null,
      anchorId: null,
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
        set({ ...activate(index), scrollRequest: nextScroll(index, 'auto') });
      },
      goToRow(index, align = 'start') {
        const total = get().view?.total ?? 0;
        if (total <= 0) return;
        const i = Math.max(0, Math.min(total - 1, Math.trunc(index)));
        set({ ...activate(i), scrollRequest: nextScroll(i, align) });
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
        set(anchorAt(index, row?.id));
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
        if (applySelection(toggle(get().selection, row.id))) set(anchorAt(index, row.id));
      },
      toggleActiveRow() {
        const i = get().selectedIndex;
        if (i === null) return;
        const row = get().pageCache.row(i);
        if (row === undefined) return;
        if (applySelection(toggle(get().selection, row.id))) set(anchorAt(i, row.id));
      },
      extendSelection(delta) {
        const start = get().selectedIndex;
        const anchor = get().anchorIndex ?? start ?? 0;
        if (get().anchorIndex === null) set(anchorAt(anchor));
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
      resetSelection() {
        clearTimeout(detailTimer);
        rangeGeneration++;
        set({
          selectedIndex: null,
          activeId: null,
          selection: EMPTY_SELECTION,
          ...anchorAt(null),
          selectingRange: false,
          scrollRequest: nextScroll(0, 'start'),
        });
      },
      cancelPendingOpen() {
        clearTimeout(detailTimer);
      },
    };
  };

  return {
    slice,
    dispose: () => clearTimeout(detailTimer),
  };
}
