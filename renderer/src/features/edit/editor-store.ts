import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractClient } from '../../../../common/client.js';
import type { EditOutcome } from '../../../../common/contract.js';
import { FIELD_LABELS } from '../../../../common/edit/field-labels.js';
import type { Listing } from '../../../../common/listing.js';
import { ContractError } from '../../../../common/result.js';
import { useClient } from '../../store/client-context.js';
import { changedDraftFields, diffDraft, draftFromListing, isDirty, type Draft, type DraftField } from './draft.js';

/* ----------------------------------------------------------------------------------------------
 * The detail pane's listing editor store: keeps one draft per listing — so switching listings,
 * closing the pane or a failed save never loses an edit — and saves with `expectedUpdatedAt` so a
 * listing changed elsewhere is never overwritten.
 * -------------------------------------------------------------------------------------------- */

export type SaveErrorKind = 'conflict' | 'invalid' | 'failed';
export interface SaveError {
  kind: SaveErrorKind;
  message: string;
}

export interface EditorSession {
  id: number;
  /** The listing as loaded: what the draft is compared with and `expectedUpdatedAt`. */
  base: Listing;
  draft: Draft;
  saving: boolean;
  error: SaveError | null;
  /** A newer version saved elsewhere (import, bulk edit, undo…) while this draft had changes. */
  newer: Listing | null;
  /** When the last save of this editor succeeded (for a short "Saved" note). */
  savedAt: number | null;
}

export interface EditorState {
  sessions: Readonly<Record<number, EditorSession>>;
  /** The detail pane loaded (or reloaded) `listing`: start editing it, or note it changed under a draft. */
  open(listing: Listing): void;
  edit(listing: Listing, patch: Partial<Draft>): void;
  /** Throws the draft away (and catches up with a newer version if one arrived). */
  discard(id: number): void;
  /** Loads the latest version and puts the seller's unsaved edits on top of it. */
  reload(id: number): Promise<void>;
  /** Sends the changed fields; the draft stays on any error. Resolves to the saved listing or null. */
  save(id: number): Promise<Listing | null>;
  /** Forgets clean drafts of other listings (a dirty draft is kept until saved or discarded). */
  prune(keepId: number | null): void;
}
export type EditorStore = StoreApi<EditorState>;

export const CONFLICT_MESSAGE = 'This listing changed since you opened it — reload to get the latest version. Your unsaved edits are kept.';

function cleanSession(listing: Listing, savedAt: number | null = null): EditorSession {
  return { id: listing.id, base: listing, draft: draftFromListing(listing), saving: false, error: null, newer: null, savedAt };
}

export function sessionDirty(session: EditorSession): boolean {
  return isDirty(diffDraft(session.base, session.draft));
}

export function createEditorStore(client: ContractClient): EditorStore {
  const store = createStore<EditorState>()((set, get) => {
    const put = (session: EditorSession) => set({ sessions: { ...get().sessions, [session.id]: session } });
    const patchSession = (id: number, patch: Partial<EditorSession>) => {
      const s = get().sessions[id];
      if (s !== undefined) put({ ...s, ...patch });
    };
    return {
      sessions: {},
      open(listing) {
        const s = get().sessions[listing.id];
        if (s === undefined) {
          put(cleanSession(listing));
          return;
        }
        // A save in flight decides; an older copy (a read that raced our save) is ignored.
        if (s.saving || listing === s.base || listing.updatedAt < s.base.updatedAt) return;
        const dirty = sessionDirty(s);
        if (listing.updatedAt === s.base.updatedAt) {
          if (!dirty) put({ ...cleanSession(listing, s.savedAt), error: s.error });
          return;
        }
        if (!dirty) put(cleanSession(listing));
        else if (s.newer === null || listing.updatedAt > s.newer.updatedAt) put({ ...s, newer: listing });
      },
      edit(listing, patch) {
        const s = get().sessions[listing.id] ?? cleanSession(listing);
        put({ ...s, draft: { ...s.draft, ...patch }, savedAt: null, error: s.error?.kind === 'conflict' ? s.error : null });
      },
      discard(id) {
        const s = get().sessions[id];
        if (s === undefined || s.saving) return;
        put(cleanSession(s.newer ?? s.base));
      },
      async reload(id) {
        const s = get().sessions[id];
        if (s === undefined || s.saving) return;
        let latest = s.newer;
        if (latest === null) {
          try {
            latest = await client.call('listing.get', { id });
          } catch (err) {
            patchSession(id, { error: { kind: 'failed', message: err instanceof Error ? err.message : 'Could not load the listing.' } });
            return;
          }
        }
        const current = get().sessions[id];
        if (current === undefined) return;
        const edited = changedDraftFields(draftFromListing(current.base), current.draft);
        const draft = draftFromListing(latest);
        const merged: Draft = { ...draft };
        for (const f of edited) (merged as unknown as Record<DraftField, unknown>)[f] = current.draft[f];
        put({ id, base: latest, draft: merged, saving: false, error: null, newer: null, savedAt: null });
      },
      async save(id) {
        const s = get().sessions[id];
        if (s === undefined || s.saving) return null;
        const diff = diffDraft(s.base, s.draft);
        const problemFields = Object.keys(diff.problems) as DraftField[];
        if (problemFields.length > 0) {
          const names = problemFields.map((f) => FIELD_LABELS[f]).join(', ');
          put({ ...s, error: { kind: 'invalid', message: `Fix the ${names} before saving.` } });
          return null;
        }
        if (Object.keys(diff.changes).length === 0) {
          put({ ...cleanSession(s.base, s.savedAt), newer: s.newer });
          return null;
        }
        const sent = s.draft;
        put({ ...s, saving: true, error: null });
        let outcome: EditOutcome;
        try {
          outcome = await client.call('listing.update', { id, changes: diff.changes, expectedUpdatedAt: s.base.updatedAt });
        } catch (err) {
          const conflict = err instanceof ContractError && err.code === 'conflict';
          const error: SaveError = conflict
            ? { kind: 'conflict', message: CONFLICT_MESSAGE }
            : err instanceof ContractError && err.code === 'invalid_input'
              ? { kind: 'invalid', message: err.message }
              : { kind: 'failed', message: `Not saved: ${err instanceof Error ? err.message : 'something went wrong.'} Your edits are kept; try again.` };
          patchSession(id, { saving: false, error });
          if (conflict) {
            client.call('listing.get', { id }).then(
              (latest) => {
                const cur = get().sessions[id];
                if (cur !== undefined && latest.updatedAt !== cur.base.updatedAt) put({ ...cur, newer: latest });
              },
              () => {},
            );
          }
          return null;
        }
        const current = get().sessions[id];
        const saved = outcome.listing;
        if (current === undefined || current.draft === sent) put(cleanSession(saved, Date.now()));
        // The seller kept typing while it saved: keep those edits on top of the saved listing.
        else put({ ...current, base: saved, saving: false, error: null, newer: null, savedAt: Date.now() });
        return saved;
      },
      prune(keepId) {
        const sessions = get().sessions;
        const kept: Record<number, EditorSession> = {};
        let dropped = false;
        for (const s of Object.values(sessions)) {
          if (s.id === keepId || s.saving || sessionDirty(s)) kept[s.id] = s;
          else dropped = true;
        }
        if (dropped) set({ sessions: kept });
      },
    };
  });
  return store;
}

const stores = new WeakMap<ContractClient, EditorStore>();

/** One editor store per client (the app has one), created on first use. */
export function editorStoreFor(client: ContractClient): EditorStore {
  let store = stores.get(client);
  if (store === undefined) {
    store = createEditorStore(client);
    stores.set(client, store);
  }
  return store;
}

/** The app's editor store, for components (one per client: drafts outlive the detail pane). */
export function useEditorStore(): EditorStore {
  return editorStoreFor(useClient());
}
