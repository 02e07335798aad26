import type { StateCreator } from 'zustand/vanilla';
import type { ContractClient } from '../../../../common/client.js';
import type { AppInfo, CatalogStats } from '../../../../common/contract.js';
import type { ErrorCode } from '../../../../common/result.js';
import type { AppState } from '../../store/app-store.js';
import { errorMessage } from '../../store/error-message.js';

/* ----------------------------------------------------------------------------------------------
 * What the window says about itself: the core's app info and whether it is still opening the
 * catalog, the catalog counters, the error banners and the status bar's short notice.
 * -------------------------------------------------------------------------------------------- */

export interface Notice {
  id: number;
  text: string;
  tone: 'info' | 'error';
}

export interface AppError {
  id: number;
  code: ErrorCode;
  message: string;
  count: number;
}

export interface StatusSlice {
  /**
   * True while the core has not answered its first call in time: it is still opening the catalog
   * (the first start after an update may migrate a large one: ~12 s per million listings, after a
   * backup). The first calls wait for it instead of failing on their deadlines.
   */
  coreOpening: boolean;
  appInfo: AppInfo | null;
  stats: CatalogStats | null;
  errors: AppError[];
  /** A short message in the status bar ("Undid: Price +10 % on 10,000 listings"); clears itself. */
  notice: Notice | null;
  showNotice(text: string, tone?: 'info' | 'error'): void;
  dismissNotice(): void;
  pushError(err: unknown): void;
  dismissError(id: number): void;
  loadStats(): Promise<void>;
}

const NOTICE_MS = 8_000;
/** The error banners shown at once (the oldest goes first). */
const MAX_ERRORS = 4;

export function createStatusSlice(client: ContractClient) {
  let errorSeq = 0;
  let noticeSeq = 0;
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;

  const slice: StateCreator<AppState, [], [], StatusSlice> = (set, get) => ({
    coreOpening: false,
    appInfo: null,
    stats: null,
    errors: [],
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
      set({ errors: [...errors, { id: ++errorSeq, code, message, count: 1 }].slice(-MAX_ERRORS) });
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
  });

  return {
    slice,
    dispose: () => clearTimeout(noticeTimer),
  };
}
