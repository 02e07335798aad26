import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createClient, type Transport } from '../../../common/client.js';
import type { ChangeSetSummary, UndoState } from '../../../common/edit-types.js';
import type { Envelope } from '../../../common/result.js';
import { createDeleteSlice, type DeleteSlice } from '../../../renderer/src/features/delete/delete-slice.js';
import type { HistoryAction } from '../../../renderer/src/features/history/history-slice.js';
import { EMPTY_SELECTION, only, type Selection } from '../../../renderer/src/features/grid/selection.js';

/** The delete slice over a stub of the rest of the store and a fake core answering history.undo. */
function harness(options: { activeRowId?: number | null; undo?: (input: unknown) => Envelope<unknown> } = {}) {
  const importSet: ChangeSetSummary = { id: 7, author: 'import', kind: 'import', summary: 'Import of shop.csv: 3 new, 1 changed', listingCount: 4, state: 'applied', createdAt: 0 };
  const calls: unknown[] = [];
  const transport: Transport = {
    async invoke(method, input) {
      calls.push({ method, input });
      await Promise.resolve();
      if (method === 'history.undo' && options.undo) return options.undo(input);
      if (method === 'history.state') return { ok: true, value: { undo: null, redo: null } };
      return { ok: false, error: { code: 'unknown_method', message: method } };
    },
    subscribe: () => () => {},
  };
  type State = DeleteSlice & {
    undoState: UndoState | null;
    historyBusy: HistoryAction | null;
    detail: { id: number } | null;
    selection: Selection;
    notices: { text: string; tone: string }[];
    errors: unknown[];
    closeDetail(): void;
    clearSelection(): void;
    toggleActiveRow(): void;
    refreshHistory(): Promise<void>;
    pushError(err: unknown): void;
    showNotice(text: string, tone?: 'info' | 'error'): void;
  };
  const store = createStore<State>()((...a) => {
    const [set, get] = a;
    return {
      ...createDeleteSlice<State>(createClient(transport))(...a),
      undoState: { undo: importSet, redo: null },
      historyBusy: null,
      detail: { id: 12 },
      selection: EMPTY_SELECTION,
      notices: [],
      errors: [],
      closeDetail: () => set({ detail: null }),
      clearSelection: () => set({ selection: EMPTY_SELECTION }),
      toggleActiveRow: () => {
        if (options.activeRowId != null) set({ selection: only(options.activeRowId) });
      },
      refreshHistory: async () => {},
      pushError: (err) => set({ errors: [...get().errors, err] }),
      showNotice: (text, tone = 'info') => set({ notices: [...get().notices, { text, tone }] }),
    };
  });
  return { store, calls, importSet };
}

describe('renderer: deleting listings', () => {
  it('the Delete key opens the confirmation for the ticked rows, else for the active row, else not at all', () => {
    const none = harness({ activeRowId: null });
    expect(none.store.getState().deleteSelection()).toBe(false);
    expect(none.store.getState().deleteOpen).toBe(false);

    const active = harness({ activeRowId: 5 });
    expect(active.store.getState().deleteSelection()).toBe(true);
    expect(active.store.getState()).toMatchObject({ deleteOpen: true, selection: only(5) });

    const ticked = harness({ activeRowId: 5 });
    ticked.store.setState({ selection: only(9) });
    expect(ticked.store.getState().deleteSelection()).toBe(true);
    expect(ticked.store.getState().selection).toEqual(only(9));
  });

  it('after a delete: the selection and an open listing that went are let go, and the notice says how to undo', () => {
    const { store } = harness();
    store.setState({ selection: only(12) });
    store.getState().listingsDeleted({ kind: 'ids', ids: [3, 4] }, { deleted: 2, changeSet: null });
    expect(store.getState().detail).toEqual({ id: 12 });
    expect(store.getState().selection).toEqual(EMPTY_SELECTION);
    expect(store.getState().notices.at(-1)?.text).toMatch(/^Deleted 2 listings\. Undo with (Ctrl\+Z|⌘Z) or the Undo button\.$/);
    store.getState().listingsDeleted({ kind: 'query', filter: {} }, { deleted: 40, changeSet: null });
    expect(store.getState().detail).toBeNull();
  });

  it('"Undo this import" undoes exactly that change set, and shows the core\'s refusal when it is not the newest', async () => {
    const refused = harness({ undo: () => ({ ok: false, error: { code: 'conflict', message: '“Import of shop.csv” is not the last change.' } }) });
    expect(await refused.store.getState().undoChangeSet(7)).toBe(false);
    expect(refused.calls).toContainEqual({ method: 'history.undo', input: { changeSetId: 7 } });
    expect(refused.store.getState().notices).toEqual([{ text: '“Import of shop.csv” is not the last change.', tone: 'error' }]);
    expect(refused.store.getState().historyBusy).toBeNull();

    const done = harness({
      undo: () => ({
        ok: true,
        value: { changeSet: { id: 7, author: 'import', kind: 'import', summary: 'Import of shop.csv: 3 new, 1 changed', listingCount: 4, state: 'undone', createdAt: 0 }, changed: 1, conflicts: 0, removed: 3, putBack: 0, leftOut: 0, state: { undo: null, redo: null } },
      }),
    });
    expect(await done.store.getState().undoChangeSet(7)).toBe(true);
    expect(done.store.getState().notices.at(-1)?.text).toBe('Undid: Import of shop.csv: 3 new, 1 changed — 3 listings removed, 1 restored');
    expect(done.store.getState().undoState).toEqual({ undo: null, redo: null });
  });
});
