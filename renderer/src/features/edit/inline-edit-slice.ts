import type { StateCreator } from 'zustand/vanilla';
import type { ContractClient } from '../../../../common/client.js';
import type { AppState } from '../../store/app-store.js';
import { errorMessage } from '../../store/error-message.js';
import { PAGE_SIZE } from '../grid/page-cache.js';
import { inlineChanges, rowFromListing, startEdit, type InlineEdit, type InlineField } from './inline-edit.js';

/* ----------------------------------------------------------------------------------------------
 * Editing one grid cell in place (title or price): the draft lives in the store so it survives
 * the row scrolling out of view; inline-edit.ts holds the pure parts.
 * -------------------------------------------------------------------------------------------- */

export interface InlineEditSlice {
  /** The grid cell being edited in place, with its draft. */
  inlineEdit: InlineEdit | null;
  startInlineEdit(index: number, field: InlineField): boolean;
  setInlineText(text: string): void;
  cancelInlineEdit(): void;
  /** Saves with `listing.update`; true when saved (or nothing to save), false when it stays open with a message. */
  commitInlineEdit(): Promise<boolean>;
}

export function createInlineEditSlice(client: ContractClient): StateCreator<AppState, [], [], InlineEditSlice> {
  /** Bumped when the edit ends or another starts: a save answering later no longer closes it. */
  let inlineGeneration = 0;

  return (set, get) => ({
    inlineEdit: null,
    startInlineEdit(index, field) {
      const row = get().pageCache.row(index);
      if (row === undefined || get().pageCache.isStale(Math.floor(index / PAGE_SIZE))) return false;
      const current = get().inlineEdit;
      if (current !== null && current.saving) return false;
      get().cancelPendingOpen();
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
        get().keepRowOrderOnNextRefresh();
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
}
