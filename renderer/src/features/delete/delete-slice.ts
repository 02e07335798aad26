import type { StateCreator } from 'zustand/vanilla';
import type { ContractClient } from '../../../../common/client.js';
import type { Scope } from '../../../../common/contract.js';
import type { DeleteResult, UndoState } from '../../../../common/edit-types.js';
import { describeHistoryStep } from '../../../../common/history-text.js';
import { ContractError } from '../../../../common/result.js';
import { formatCount } from '../../format.js';
import type { HistoryAction } from '../history/history-slice.js';
import type { Selection } from '../grid/selection.js';

/* ----------------------------------------------------------------------------------------------
 * Deleting listings (the toolbar's Delete… and the Delete key on the grid's selection open the
 * confirmation, DeleteDialog.tsx) and undoing one named change set (the import report's "Undo this
 * import"). The core keeps deletes undoable: this slice only follows up in the window.
 * -------------------------------------------------------------------------------------------- */

export interface DeleteSlice {
  deleteOpen: boolean;
  openDelete(): void;
  closeDelete(): void;
  /**
   * The Delete key on the grid: the confirmation for the ticked listings, or for the active row
   * when none is ticked (it becomes the selection). False when there is nothing to delete.
   */
  deleteSelection(): boolean;
  /** After `listings.delete`: the selection and an open listing that went are let go, and the seller is told how to undo. */
  listingsDeleted(scope: Scope, result: DeleteResult): void;
  /**
   * Undoes exactly this change set — the core refuses when another change came after it, and
   * the refusal is shown as it says. True when undone.
   */
  undoChangeSet(changeSetId: number): Promise<boolean>;
}

/** What the slice needs from the rest of the store. */
interface DeleteHost {
  selection: Selection;
  toggleActiveRow(): void;
  undoState: UndoState | null;
  historyBusy: HistoryAction | null;
  detail: { id: number } | null;
  closeDetail(): void;
  clearSelection(): void;
  refreshHistory(): Promise<void>;
  pushError(err: unknown): void;
  showNotice(text: string, tone?: 'info' | 'error'): void;
}

const UNDO_KEYS = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘Z' : 'Ctrl+Z';

export function createDeleteSlice<S extends DeleteSlice & DeleteHost>(client: ContractClient): StateCreator<S, [], [], DeleteSlice> {
  return (set, get) => ({
    deleteOpen: false,
    openDelete: () => set({ deleteOpen: true } as Partial<S>),
    closeDelete: () => set({ deleteOpen: false } as Partial<S>),
    deleteSelection() {
      const nothingTicked = (): boolean => {
        const selection = get().selection;
        return selection.kind === 'ids' && selection.ids.size === 0;
      };
      if (nothingTicked()) get().toggleActiveRow();
      if (nothingTicked()) return false;
      set({ deleteOpen: true } as Partial<S>);
      return true;
    },

    listingsDeleted(scope, result) {
      if (result.deleted === 0) {
        get().showNotice('Nothing was deleted: those listings are no longer in the catalog.');
        return;
      }
      get().clearSelection();
      const detail = get().detail;
      if (detail !== null && (scope.kind !== 'ids' || scope.ids.includes(detail.id))) get().closeDetail();
      get().showNotice(`Deleted ${formatCount(result.deleted, 'listing', 'listings')}. Undo with ${UNDO_KEYS} or the Undo button.`);
      void get().refreshHistory();
    },

    async undoChangeSet(changeSetId) {
      if (get().historyBusy !== null) return false;
      set({ historyBusy: 'undo' } as Partial<S>);
      try {
        const outcome = await client.call('history.undo', { changeSetId });
        set({ undoState: outcome.state } as Partial<S>);
        get().showNotice(describeHistoryStep('undo', outcome));
        return true;
      } catch (err) {
        if (err instanceof ContractError && err.code === 'conflict') get().showNotice(err.message, 'error');
        else get().pushError(err);
        void get().refreshHistory();
        return false;
      } finally {
        set({ historyBusy: null } as Partial<S>);
      }
    },
  });
}
