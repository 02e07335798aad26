import type { StateCreator, StoreApi } from 'zustand/vanilla';
import type { ContractClient } from '../../../common/client.js';
import type { EventPayloads, ExportPreview, Scope } from '../../../common/contract.js';
import type { GridQuery } from '../../../common/grid.js';
import type { ExportFormat, ExportSummary } from '../../../common/import-types.js';
import { downloadFile } from '../bridge/files.js';
import { messageOf, rememberEarly, type OperationProgress } from './operation-progress.js';
import { isFiltered, toOpenInput } from './query.js';

/* ----------------------------------------------------------------------------------------------
 * The export dialog: preview, start, follow `operation.progress` / `export.finished`, download.
 * -------------------------------------------------------------------------------------------- */

export type ExportScopeKind = 'all' | 'query';
export type ExportStep = 'setup' | 'starting' | 'running' | 'done';

export interface ExportDialog {
  open: boolean;
  step: ExportStep;
  format: ExportFormat;
  scope: ExportScopeKind;
  preview: ExportPreview | null;
  previewing: boolean;
  previewError: string | null;
  operationId: string | null;
  fileId: string | null;
  fileName: string | null;
  progress: OperationProgress | null;
  cancelling: boolean;
  summary: ExportSummary | null;
  /** Export failed (or was cancelled): the core's message. */
  error: string | null;
  cancelled: boolean;
  downloadedAs: string | null;
  downloadError: string | null;
}

export interface ExportSlice {
  exportDialog: ExportDialog;
  openExport(): void;
  closeExport(): void;
  setExportFormat(format: ExportFormat): void;
  setExportScope(scope: ExportScopeKind): void;
  startExport(): Promise<void>;
  cancelExport(): void;
  retryDownload(): void;
}

/** What this slice needs from the rest of the store. */
interface Host {
  query: GridQuery;
  pushError(err: unknown): void;
}

const IDLE_EXPORT: ExportDialog = {
  open: false,
  step: 'setup',
  format: 'shopify',
  scope: 'all',
  preview: null,
  previewing: false,
  previewError: null,
  operationId: null,
  fileId: null,
  fileName: null,
  progress: null,
  cancelling: false,
  summary: null,
  error: null,
  cancelled: false,
  downloadedAs: null,
  downloadError: null,
};

/** The export scope for the dialog's choice and the grid's current query. */
export function exportScope(kind: ExportScopeKind, query: GridQuery): Scope {
  if (kind === 'all' || !isFiltered(query)) return { kind: 'all' };
  const input = toOpenInput(query);
  return input.search !== undefined ? { kind: 'query', filter: input.filter, search: input.search } : { kind: 'query', filter: input.filter };
}

export function createExportSlice<S extends ExportSlice & Host>(client: ContractClient) {
  let exportPreviewGeneration = 0;
  /** `export.finished` events that arrived before the start call answered. */
  const earlyExports = new Map<string, EventPayloads['export.finished']>();
  let finishExportRef: (payload: EventPayloads['export.finished']) => void = () => {};

  const slice: StateCreator<S, [], [], ExportSlice> = (set, get) => {
    const patchExport = (patch: Partial<ExportDialog>) => set({ exportDialog: { ...get().exportDialog, ...patch } } as Partial<S>);

    const finishExport = (payload: EventPayloads['export.finished']) => {
      const d = get().exportDialog;
      const cancelled = d.cancelling || (payload.error !== null && /cancel/i.test(payload.error));
      patchExport({
        step: 'done',
        progress: null,
        summary: payload.summary,
        error: payload.error,
        cancelled: cancelled && payload.error !== null,
        cancelling: false,
        fileId: payload.fileId,
      });
      if (payload.error === null) void download();
    };

    const download = async () => {
      const d = get().exportDialog;
      if (d.fileId === null) return;
      patchExport({ downloadError: null });
      try {
        const name = await downloadFile(d.fileId, d.fileName ?? `listsmith-export-${d.format}`);
        patchExport({ downloadedAs: name });
      } catch (err) {
        patchExport({ downloadError: messageOf(err) });
      }
    };

    finishExportRef = finishExport;

    const runExportPreview = async () => {
      const d = get().exportDialog;
      const generation = ++exportPreviewGeneration;
      patchExport({ previewing: true, previewError: null });
      try {
        const preview = await client.call('export.preview', { format: d.format, scope: exportScope(d.scope, get().query) });
        if (generation !== exportPreviewGeneration) return;
        patchExport({ preview, previewing: false });
      } catch (err) {
        if (generation !== exportPreviewGeneration) return;
        patchExport({ preview: null, previewing: false, previewError: messageOf(err) });
      }
    };

    return {
      exportDialog: IDLE_EXPORT,
      openExport() {
        const d = get().exportDialog;
        if (d.step === 'running' || d.step === 'starting') {
          patchExport({ open: true });
          return;
        }
        const scope: ExportScopeKind = isFiltered(get().query) ? 'query' : 'all';
        set({ exportDialog: { ...IDLE_EXPORT, open: true, format: d.format, scope } } as Partial<S>);
        void runExportPreview();
      },
      closeExport() {
        const d = get().exportDialog;
        if (d.step === 'running' || d.step === 'starting') {
          patchExport({ open: false });
          return;
        }
        exportPreviewGeneration++;
        set({ exportDialog: { ...IDLE_EXPORT, format: d.format } } as Partial<S>);
      },
      setExportFormat(format) {
        patchExport({ format });
        void runExportPreview();
      },
      setExportScope(scope) {
        patchExport({ scope });
        void runExportPreview();
      },
      async startExport() {
        const d = get().exportDialog;
        if (d.step !== 'setup') return;
        patchExport({ step: 'starting', error: null, progress: null, downloadedAs: null, downloadError: null });
        try {
          const started = await client.call('export.start', { format: d.format, scope: exportScope(d.scope, get().query) });
          patchExport({ step: 'running', operationId: started.operationId, fileId: started.fileId, fileName: started.fileName });
          const early = earlyExports.get(started.operationId);
          if (early !== undefined) {
            earlyExports.delete(started.operationId);
            finishExport(early);
          }
        } catch (err) {
          patchExport({ step: 'setup', error: messageOf(err) });
        }
      },
      cancelExport() {
        const d = get().exportDialog;
        if (d.step !== 'running' || d.operationId === null || d.cancelling) return;
        patchExport({ cancelling: true });
        client.call('operation.cancel', { operationId: d.operationId }).catch((err: unknown) => {
          patchExport({ cancelling: false });
          get().pushError(err);
        });
      },
      retryDownload() {
        void download();
      },
    };
  };

  /** Follows the core's export events (and the desktop menu's Export…); returns the unsubscriber. */
  function subscribe(store: StoreApi<S>): () => void {
    const offProgress = client.on('operation.progress', (p) => {
      const { operationId, kind, ...progress } = p;
      const s = store.getState();
      if (kind === 'export' && s.exportDialog.operationId === operationId && s.exportDialog.step === 'running') {
        store.setState({ exportDialog: { ...s.exportDialog, progress } } as Partial<S>);
      }
    });
    const offExport = client.on('export.finished', (payload) => {
      const d = store.getState().exportDialog;
      if (d.operationId === payload.operationId && d.step === 'running') finishExportRef(payload);
      else if (d.step === 'starting') rememberEarly(earlyExports, payload.operationId, payload);
    });
    const offCommand = client.on('app.command', (command) => {
      if (command.id === 'export') store.getState().openExport();
    });
    return () => {
      offProgress();
      offExport();
      offCommand();
    };
  }

  return { slice, subscribe };
}
