import type { StateCreator } from 'zustand/vanilla';
import type { ContractClient } from '../../../../common/client.js';
import type { Listing } from '../../../../common/listing.js';
import type { AppState } from '../../store/app-store.js';
import { errorMessage } from '../../store/error-message.js';

/* ----------------------------------------------------------------------------------------------
 * The listing open in the detail pane, loaded with `listing.get` (the pane's editor keeps its
 * drafts in editor-store.ts).
 * -------------------------------------------------------------------------------------------- */

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
  /** The catalog changed: reads the open listing again (quietly: a failure keeps what is shown). */
  refreshDetail(): void;
}

export function createDetailSlice(client: ContractClient): StateCreator<AppState, [], [], DetailSlice> {
  /** Bumped on every open and close: only the newest `listing.get` is shown. */
  let detailGeneration = 0;

  return (set, get) => ({
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
          // Opening the listing already shown (a click on its row) keeps showing it when the
          // reload fails — the connection dropped, say: the error goes to the banner instead.
          const shown = get().detail;
          const listing = shown?.id === id ? shown.listing : null;
          set({ detail: { id, listing, loading: false, error: listing === null ? message : null } });
          get().pushError(err);
        },
      );
    },
    closeDetail() {
      detailGeneration++;
      set({ detail: null });
    },
    refreshDetail() {
      const d = get().detail;
      if (d === null || d.loading) return;
      client.call('listing.get', { id: d.id }).then(
        (listing) => {
          if (get().detail?.id === d.id) set({ detail: { id: d.id, listing, loading: false, error: null } });
        },
        () => {},
      );
    },
  });
}
