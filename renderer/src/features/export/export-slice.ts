import type { StateCreator, StoreApi } from 'zustand/vanilla';
import type { ContractClient } from '../../../../common/client.js';
import type { EventPayloads, ExportPreview, Scope } from '../../../../common/contract.js';
import type { EbaySiteCode } from '../../../../common/ebay-sites.js';
import type { GridQuery } from '../../../../common/grid.js';
import type { ExportFormat, ExportSummary } from '../../../../common/import-types.js';
import { downloadFile } from '../../bridge/files.js';
import { messageOf } from '../../store/error-message.js';
import { rememberEarly } from '../../store/remember-early.js';
import type { Progress } from '../../ui/OperationProgress.js';
import { isFiltered, toOpenInput } from '../grid/query.js';

/* ----------------------------------------------------------------------------------------------
 * The export dialog: preview, start, follow `operation.progress` / `export.finished`, download.
 * -------------------------------------------------------------------------------------------- */

export type ExportScopeKind = 'all' | 'query';
export type ExportStep = 'setup' | 'starting' | 'running' | 'done';

/** One written file of a finished export and its download (each file is staged under its own id). */
export interface ExportDownload {
  fileId: string;
  fileName: string;
  rows: number;
  note: string;
  state: 'waiting' | 'downloading' | 'saved' | 'failed';
  /** The name the browser saved it under. */
  savedAs: string | null;
  error: string | null;
}

export interface ExportDialog {
  open: boolean;
  step: ExportStep;
  format: ExportFormat;
  scope: ExportScopeKind;
  /** Where EUR listings that name no eBay site go (null: the core's default, Germany). */
  ebaySite: EbaySiteCode | null;
  preview: ExportPreview | null;
  previewing: boolean;
  previewError: string | null;
  operationId: string | null;
  fileId: string | null;
  fileName: string | null;
  progress: Progress | null;
  cancelling: boolean;
  summary: ExportSummary | null;
  /** Export failed (or was cancelled): the core's message. */
  error: string | null;
  cancelled: boolean;
  /** The export's files, downloaded one after the other once it finished. */
  downloads: ExportDownload[];
}

export interface ExportSlice {
  exportDialog: ExportDialog;
  openExport(): void;
  closeExport(): void;
  setExportFormat(format: ExportFormat): void;
  setExportScope(scope: ExportScopeKind): void;
  setExportEbaySite(site: EbaySiteCode): void;
  startExport(): Promise<void>;
  cancelExport(): void;
  /** Downloads one file again (or the first time, when the browser held back a second download). */
  downloadExportFile(fileId: string): void;
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
  ebaySite: null,
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
  downloads: [],
};

/** The calls' input for the dialog's choices: format, scope and (when chosen) the eBay site of EUR listings. */
function exportInput(d: ExportDialog, query: GridQuery): { format: ExportFormat; scope: Scope; ebaySite?: EbaySiteCode } {
  return { format: d.format, scope: exportScope(d.scope, query), ...(d.ebaySite !== null && d.format === 'ebay_seller_hub' ? { ebaySite: d.ebaySite } : {}) };
}

/** Every file a finished export wrote, waiting to be downloaded (older cores name only the first). */
function downloadsOf(payload: EventPayloads['export.finished'], fallbackName: string): ExportDownload[] {
  const files = payload.summary?.files ?? [];
  const listed = files.filter((file): file is typeof file & { fileId: string } => file.fileId !== undefined);
  const base = { state: 'waiting' as const, savedAs: null, error: null };
  if (listed.length > 0) return listed.map((file) => ({ ...base, fileId: file.fileId, fileName: file.fileName, rows: file.rows, note: file.note }));
  return [{ ...base, fileId: payload.fileId, fileName: fallbackName, rows: payload.summary?.rows ?? 0, note: '' }];
}

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
        downloads: payload.error === null ? downloadsOf(payload, d.fileName ?? `listsmith-export-${d.format}`) : [],
      });
      if (payload.error === null) void downloadAll();
    };

    const patchDownload = (fileId: string, patch: Partial<ExportDownload>) =>
      patchExport({ downloads: get().exportDialog.downloads.map((file) => (file.fileId === fileId ? { ...file, ...patch } : file)) });

    const download = async (fileId: string) => {
      const file = get().exportDialog.downloads.find((item) => item.fileId === fileId);
      if (file === undefined) return;
      patchDownload(fileId, { state: 'downloading', error: null });
      try {
        patchDownload(fileId, { state: 'saved', savedAs: await downloadFile(fileId, file.fileName) });
      } catch (err) {
        patchDownload(fileId, { state: 'failed', error: messageOf(err) });
      }
    };

    /** One after the other: a browser asks once before letting a page save several files. */
    const downloadAll = async () => {
      for (const file of get().exportDialog.downloads) if (file.state === 'waiting') await download(file.fileId);
    };

    finishExportRef = finishExport;

    const runExportPreview = async () => {
      const d = get().exportDialog;
      const generation = ++exportPreviewGeneration;
      patchExport({ previewing: true, previewError: null });
      try {
        const preview = await client.call('export.preview', exportInput(d, get().query));
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
        set({ exportDialog: { ...IDLE_EXPORT, open: true, format: d.format, ebaySite: d.ebaySite, scope } } as Partial<S>);
        void runExportPreview();
      },
      closeExport() {
        const d = get().exportDialog;
        if (d.step === 'running' || d.step === 'starting') {
          patchExport({ open: false });
          return;
        }
        exportPreviewGeneration++;
        set({ exportDialog: { ...IDLE_EXPORT, format: d.format, ebaySite: d.ebaySite } } as Partial<S>);
      },
      setExportFormat(format) {
        patchExport({ format });
        void runExportPreview();
      },
      setExportScope(scope) {
        patchExport({ scope });
        void runExportPreview();
      },
      setExportEbaySite(site) {
        patchExport({ ebaySite: site });
        void runExportPreview();
      },
      async startExport() {
        const d = get().exportDialog;
        if (d.step !== 'setup') return;
        patchExport({ step: 'starting', error: null, progress: null, downloads: [] });
        try {
          const started = await client.call('export.start', exportInput(d, get().query));
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
      downloadExportFile(fileId) {
        void download(fileId);
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
