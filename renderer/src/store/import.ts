import type { StateCreator, StoreApi } from 'zustand/vanilla';
import type { ContractClient } from '../../../common/client.js';
import type { MappingPreset } from '../../../common/contract.js';
import {
  FALLBACK_CURRENCY,
  IMPORT_DIALECTS,
  type ColumnMapping,
  type ImportDialect,
  type ImportPreview,
  type ImportReport,
  type MappableField,
} from '../../../common/import-types.js';
import type { Marketplace } from '../../../common/listing.js';
import { uploadFile, type UploadHandle } from '../bridge/files.js';
import { messageOf, rememberEarly, type OperationProgress } from './operation-progress.js';

/* ----------------------------------------------------------------------------------------------
 * The import wizard. It talks to the core only through the contract (plus the /files endpoint for
 * the bytes) and follows the import through `operation.progress` and `import.finished`.
 * -------------------------------------------------------------------------------------------- */

export type ImportStep = 'idle' | 'uploading' | 'preview' | 'starting' | 'running' | 'report';

export interface ImportWizard {
  open: boolean;
  step: ImportStep;
  fileName: string | null;
  fileSize: number | null;
  uploaded: number;
  fileId: string | null;
  preview: ImportPreview | null;
  previewing: boolean;
  /** User overrides; null = what the core detects. */
  dialect: ImportDialect | null;
  mapping: ColumnMapping | null;
  marketplace: Marketplace | null;
  /**
   * The seller's answer to "Prices in this file are in" for listings whose file states no currency;
   * null = the answer remembered for the file's format, else USD.
   */
  currency: string | null;
  /** The core's (or the upload's) message when something failed; shown in the wizard. */
  error: string | null;
  presets: MappingPreset[];
  presetMessage: string | null;
  operationId: string | null;
  importId: number | null;
  progress: OperationProgress | null;
  cancelling: boolean;
  report: ImportReport | null;
}

export interface ImportSlice {
  importWizard: ImportWizard;
  importFile(file: File): boolean;
  closeImport(): void;
  reopenImport(): void;
  setImportDialect(dialect: ImportDialect | null): void;
  setImportMapping(column: number, field: MappableField): void;
  setImportMarketplace(marketplace: Marketplace | null): void;
  /** ISO 4217 code; remembered for the file's format and preselected next time. */
  setImportCurrency(currency: string): void;
  applyPreset(name: string): void;
  savePreset(name: string): Promise<void>;
  startImport(): Promise<void>;
  cancelImport(): void;
}

/** What this slice needs from the rest of the store. */
interface Host {
  pushError(err: unknown): void;
}

const IDLE_IMPORT: ImportWizard = {
  open: false,
  step: 'idle',
  fileName: null,
  fileSize: null,
  uploaded: 0,
  fileId: null,
  preview: null,
  previewing: false,
  dialect: null,
  mapping: null,
  marketplace: null,
  currency: null,
  error: null,
  presets: [],
  presetMessage: null,
  operationId: null,
  importId: null,
  progress: null,
  cancelling: false,
  report: null,
};

/** The mapping the preview used (the user's override, else what the core detected). */
export function effectiveMapping(preview: ImportPreview | null, override: ColumnMapping | null): ColumnMapping {
  if (override !== null && (preview === null || preview.dialect === 'generic_csv')) return override;
  const mapping: ColumnMapping = {};
  for (const c of preview?.columns ?? []) mapping[String(c.index)] = c.mappedTo ?? 'ignore';
  return mapping;
}

const CURRENCY_STORAGE_KEY = 'listsmith.import.defaultCurrency.v1';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function readRememberedCurrencies(): Partial<Record<ImportDialect, string>> {
  try {
    const parsed = JSON.parse(storage()?.getItem(CURRENCY_STORAGE_KEY) ?? '{}') as unknown;
    if (typeof parsed !== 'object' || parsed === null) return {};
    const out: Partial<Record<ImportDialect, string>> = {};
    for (const dialect of IMPORT_DIALECTS) {
      const code = (parsed as Record<string, unknown>)[dialect];
      if (typeof code === 'string' && /^[A-Z]{3}$/.test(code)) out[dialect] = code;
    }
    return out;
  } catch {
    return {};
  }
}

/** The currency the seller last chose for files of this format (a store sells in one currency). */
export function rememberedImportCurrency(dialect: ImportDialect | null): string | null {
  return dialect === null ? null : (readRememberedCurrencies()[dialect] ?? null);
}

export function rememberImportCurrency(dialect: ImportDialect, currency: string): void {
  try {
    storage()?.setItem(CURRENCY_STORAGE_KEY, JSON.stringify({ ...readRememberedCurrencies(), [dialect]: currency }));
  } catch {
    // Full or blocked storage: the choice still applies to this import, it is just not remembered.
  }
}

/** The default currency to preview and import with when the file is read as `dialect`. */
export function importCurrencyFor(wizard: Pick<ImportWizard, 'currency'>, dialect: ImportDialect | null): string {
  return wizard.currency ?? rememberedImportCurrency(dialect) ?? FALLBACK_CURRENCY;
}

export function createImportSlice<S extends ImportSlice & Host>(client: ContractClient) {
  let upload: UploadHandle | null = null;
  let previewGeneration = 0;
  let importSession = 0;
  /** `import.finished` events that arrived before the start call answered. */
  const earlyImports = new Map<string, ImportReport>();
  /** Set by the slice creator; used by the event subscriptions. */
  let finishImportRef: (report: ImportReport) => void = () => {};

  const slice: StateCreator<S, [], [], ImportSlice> = (set, get) => {
    const patchImport = (patch: Partial<ImportWizard>) => set({ importWizard: { ...get().importWizard, ...patch } } as Partial<S>);

    const runPreview = async () => {
      const w = get().importWizard;
      if (w.fileId === null) return;
      const generation = ++previewGeneration;
      patchImport({ previewing: true, error: null });
      const fileId = w.fileId;
      const ask = (defaultCurrency: string) => {
        const input: Parameters<typeof client.call<'import.preview'>>[1] = { fileId, defaultCurrency };
        if (w.dialect !== null) input.dialect = w.dialect;
        if (w.mapping !== null) input.mapping = w.mapping;
        if (w.marketplace !== null) input.marketplace = w.marketplace;
        return client.call('import.preview', input);
      };
      try {
        let preview = await ask(importCurrencyFor(w, w.dialect ?? w.preview?.dialect ?? null));
        // Detection may name a format with another remembered currency: preview again with that one,
        // before showing anything, so the first preview the seller sees is already in it.
        const wanted = importCurrencyFor(w, preview.dialect);
        if (generation === previewGeneration && wanted !== preview.defaultCurrency) preview = await ask(wanted);
        if (generation !== previewGeneration) return;
        patchImport({ preview, previewing: false, step: 'preview' });
      } catch (err) {
        if (generation !== previewGeneration) return;
        patchImport({ previewing: false, error: messageOf(err), step: 'preview' });
      }
    };

    const loadPresets = async () => {
      try {
        const presets = await client.call('import.presets', {});
        patchImport({ presets });
      } catch {
        // Presets are optional; the wizard works without them.
      }
    };

    const finishImport = (report: ImportReport) => {
      patchImport({ step: 'report', report, progress: null, cancelling: false, importId: report.importId });
    };

    finishImportRef = finishImport;

    return {
      importWizard: IDLE_IMPORT,
      importFile(file) {
        const w = get().importWizard;
        if (w.step === 'running' || w.step === 'starting') {
          patchImport({ open: true });
          return false;
        }
        upload?.abort();
        const session = ++importSession;
        previewGeneration++;
        set({
          importWizard: { ...IDLE_IMPORT, open: true, step: 'uploading', fileName: file.name, fileSize: file.size, presets: w.presets },
        } as Partial<S>);
        void loadPresets();
        const handle = uploadFile(file, (loaded) => {
          if (session === importSession) patchImport({ uploaded: loaded });
        });
        upload = handle;
        handle.promise.then(
          (staged) => {
            if (session !== importSession) return;
            upload = null;
            patchImport({ fileId: staged.fileId, fileSize: staged.sizeBytes, uploaded: staged.sizeBytes });
            void runPreview();
          },
          (err: unknown) => {
            if (session !== importSession) return;
            upload = null;
            if (err instanceof Error && err.name === 'FileTransferError' && (err as { code?: string }).code === 'cancelled') return;
            patchImport({ step: 'preview', error: messageOf(err) });
          },
        );
        return true;
      },
      closeImport() {
        const w = get().importWizard;
        if (w.step === 'running' || w.step === 'starting') {
          // The import goes on; the toolbar shows its progress and reopens the wizard.
          patchImport({ open: false });
          return;
        }
        upload?.abort();
        upload = null;
        importSession++;
        previewGeneration++;
        set({ importWizard: { ...IDLE_IMPORT, presets: w.presets } } as Partial<S>);
      },
      reopenImport() {
        if (get().importWizard.step !== 'idle') patchImport({ open: true });
      },
      setImportDialect(dialect) {
        patchImport({ dialect, mapping: null });
        void runPreview();
      },
      setImportMapping(column, field) {
        const w = get().importWizard;
        const mapping = { ...effectiveMapping(w.preview, w.mapping), [String(column)]: field };
        // Only "Other CSV" reads a column mapping; marketplace formats read their own columns.
        patchImport({ mapping, dialect: 'generic_csv' });
        void runPreview();
      },
      setImportMarketplace(marketplace) {
        patchImport({ marketplace });
        void runPreview();
      },
      setImportCurrency(currency) {
        const w = get().importWizard;
        const dialect = w.dialect ?? w.preview?.dialect ?? null;
        if (dialect !== null) rememberImportCurrency(dialect, currency);
        patchImport({ currency });
        void runPreview();
      },
      applyPreset(name) {
        const preset = get().importWizard.presets.find((p) => p.name === name);
        if (preset === undefined) return;
        patchImport({ dialect: preset.dialect, mapping: { ...preset.mapping }, presetMessage: `Using preset “${preset.name}”.` });
        void runPreview();
      },
      async savePreset(name) {
        const w = get().importWizard;
        const dialect = w.dialect ?? w.preview?.dialect;
        if (dialect === undefined || name.trim() === '') return;
        try {
          const presets = await client.call('import.savePreset', { name: name.trim(), dialect, mapping: effectiveMapping(w.preview, w.mapping) });
          patchImport({ presets, presetMessage: `Saved preset “${name.trim()}”.` });
        } catch (err) {
          patchImport({ presetMessage: `Could not save the preset: ${messageOf(err)}` });
        }
      },
      async startImport() {
        const w = get().importWizard;
        if (w.fileId === null || w.preview === null || w.step !== 'preview') return;
        patchImport({ step: 'starting', error: null, progress: null });
        try {
          const input: Parameters<typeof client.call<'import.start'>>[1] = { fileId: w.fileId, dialect: w.dialect ?? w.preview.dialect };
          if (w.mapping !== null) input.mapping = w.mapping;
          if (w.marketplace !== null) input.marketplace = w.marketplace;
          // The currency the preview showed, so the import stores exactly what the seller saw.
          input.defaultCurrency = w.preview.defaultCurrency;
          const { importId, operationId } = await client.call('import.start', input);
          patchImport({ step: 'running', importId, operationId });
          const early = earlyImports.get(operationId);
          if (early !== undefined) {
            earlyImports.delete(operationId);
            finishImport(early);
          }
        } catch (err) {
          patchImport({ step: 'preview', error: messageOf(err) });
        }
      },
      cancelImport() {
        const w = get().importWizard;
        if (w.step === 'uploading') {
          upload?.abort();
          upload = null;
          importSession++;
          set({ importWizard: { ...IDLE_IMPORT, presets: w.presets } } as Partial<S>);
          return;
        }
        if (w.step !== 'running' || w.operationId === null || w.cancelling) return;
        patchImport({ cancelling: true });
        client.call('operation.cancel', { operationId: w.operationId }).catch((err: unknown) => {
          patchImport({ cancelling: false });
          get().pushError(err);
        });
      },
    };
  };

  /** Follows the core's import events (and the desktop menu's Import…); returns the unsubscriber. */
  function subscribe(store: StoreApi<S>): () => void {
    const offProgress = client.on('operation.progress', (p) => {
      const { operationId, kind, ...progress } = p;
      const s = store.getState();
      if (kind === 'import' && s.importWizard.operationId === operationId && s.importWizard.step === 'running') {
        store.setState({ importWizard: { ...s.importWizard, progress } } as Partial<S>);
      }
    });
    const offImport = client.on('import.finished', ({ operationId, report }) => {
      const w = store.getState().importWizard;
      if (w.operationId === operationId && w.step === 'running') finishImportRef(report);
      else if (w.step === 'starting') rememberEarly(earlyImports, operationId, report);
    });
    const offCommand = client.on('app.command', (command) => {
      if (command.id === 'import') document.querySelector<HTMLInputElement>('[data-testid="import-file-input"]')?.click();
    });
    return () => {
      offProgress();
      offImport();
      offCommand();
    };
  }

  return { slice, subscribe };
}
