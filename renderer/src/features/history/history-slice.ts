import type { StateCreator, StoreApi } from 'zustand/vanilla';
import type { ContractClient } from '../../../../common/client.js';
import type { UndoState } from '../../../../common/edit-types.js';
import { describeHistoryStep, type HistoryStep } from '../../../../common/history-text.js';

/* ----------------------------------------------------------------------------------------------
 * Undo/redo of catalog changes (inline edits, bulk edits, reverts). The core keeps the history —
 * it survives a restart — and this slice mirrors `history.state` (refreshed after every
 * catalog.changed) for the toolbar's "Undo …" / "Redo …" buttons, Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z,
 * Ctrl+Y and the desktop menu's Edit › Undo / Redo (app.command 'edit.undo' / 'edit.redo').
 * -------------------------------------------------------------------------------------------- */

export type HistoryAction = 'undo' | 'redo';
/** Where an undo/redo request came from (the keyboard and the desktop menu can both fire for one key press). */
export type HistorySource = 'keyboard' | 'menu' | 'button';

export interface HistorySlice {
  /** null until first loaded. */
  undoState: UndoState | null;
  /** The undo/redo running now (they can take a second or two on 100k listings). */
  historyBusy: HistoryAction | null;
  refreshHistory(): Promise<void>;
  undo(source?: HistorySource): Promise<void>;
  redo(source?: HistorySource): Promise<void>;
}

/** What the host state needs for the slice: a way to report errors and show a short message. */
export interface HistoryHost {
  pushError(err: unknown): void;
  showNotice(text: string, tone?: 'info' | 'error'): void;
}

/** The same key press seen by the menu accelerator and by the page within this long counts once. */
const DUPLICATE_WINDOW_MS = 400;

/** "Undid: Price +10 % on 10,000 listings" (+ listings removed or put back, + what was left alone because it changed since). */
export function historyMessage(action: HistoryAction, outcome: HistoryStep): string {
  return describeHistoryStep(action, outcome);
}

/** True when the key press belongs to a text field (its own native text undo applies there). */
export function isTextEditingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return !target.readOnly && !target.disabled;
  if (target instanceof HTMLInputElement) {
    const textual = ['text', 'search', 'url', 'email', 'tel', 'password', 'number', ''];
    return textual.includes(target.type) && !target.readOnly && !target.disabled;
  }
  return false;
}

/** Which history action a key press asks for (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl+Y), if any. */
export function historyKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, mac: boolean): HistoryAction | null {
  const mod = mac ? e.metaKey : e.ctrlKey;
  if (!mod || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !mac && !e.shiftKey) return 'redo';
  return null;
}

export function createHistorySlice<S extends HistorySlice & HistoryHost>(client: ContractClient) {
  let last: { action: HistoryAction; source: HistorySource; at: number } | null = null;

  const slice: StateCreator<S, [], [], HistorySlice> = (set, get) => {
    const run = async (action: HistoryAction, source: HistorySource) => {
      const now = Date.now();
      const keyPress = (x: HistorySource) => x === 'keyboard' || x === 'menu';
      if (last !== null && last.action === action && last.source !== source && keyPress(last.source) && keyPress(source) && now - last.at < DUPLICATE_WINDOW_MS) return;
      last = { action, source, at: now };
      if (get().historyBusy !== null) return;
      const next = get().undoState?.[action];
      if (next === null) {
        get().showNotice(action === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
        return;
      }
      set({ historyBusy: action } as Partial<S>);
      try {
        const outcome = await client.call(action === 'undo' ? 'history.undo' : 'history.redo', {});
        set({ undoState: outcome.state } as Partial<S>);
        get().showNotice(historyMessage(action, outcome));
      } catch (err) {
        get().pushError(err);
        void get().refreshHistory();
      } finally {
        set({ historyBusy: null } as Partial<S>);
      }
    };
    return {
      undoState: null,
      historyBusy: null,
      async refreshHistory() {
        try {
          set({ undoState: await client.call('history.state', {}) } as Partial<S>);
        } catch {
          // Not fatal: the buttons stay as they were; the next change refreshes again.
        }
      },
      undo: (source = 'button') => run('undo', source),
      redo: (source = 'button') => run('redo', source),
    };
  };

  /** Follows the desktop menu's Edit › Undo / Redo; returns the unsubscriber. */
  function subscribe(store: StoreApi<S>): () => void {
    return client.on('app.command', (command) => {
      if (command.id !== 'edit.undo' && command.id !== 'edit.redo') return;
      const action: HistoryAction = command.id === 'edit.undo' ? 'undo' : 'redo';
      // The menu's accelerator also fires while the seller types in a field: undo the typing there.
      if (typeof document !== 'undefined' && isTextEditingTarget(document.activeElement)) {
        document.execCommand(action);
        return;
      }
      void store.getState()[action]('menu');
    });
  }

  return { slice, subscribe };
}
