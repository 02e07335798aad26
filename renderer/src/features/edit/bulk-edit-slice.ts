import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../../store/app-store.js';

/** Whether the bulk edit dialog is open (the dialog itself calls the core: BulkEditDialog.tsx). */
export interface BulkEditSlice {
  bulkEditOpen: boolean;
  openBulkEdit(): void;
  closeBulkEdit(): void;
}

export const createBulkEditSlice: StateCreator<AppState, [], [], BulkEditSlice> = (set) => ({
  bulkEditOpen: false,
  openBulkEdit: () => set({ bulkEditOpen: true }),
  closeBulkEdit: () => set({ bulkEditOpen: false }),
});
