import type { StateCreator, StoreApi } from 'zustand/vanilla';
import type { ContractClient } from '../../../../common/client.js';
import type { MappingPreset } from '../../../../common/contract.js';
import {
  IMPORT_DIALECTS,
  type ColumnMapping,
  type CurrencyHint,
  type ImportDialect,
  type ImportPreview,
  type ImportReport,
  type MappableField,
  type MatchBy,
} from '../../../../common/import-types.js';
import type { Marketplace } from '../../../../common/listing.js';
import { uploadFile, type UploadHandle } from '../../bridge/files.js';
import { messageOf } from '../../store/error-message.js';
import { rememberEarly } from '../../store/remember-early.js';
import { readRemembered, remember } from '../../io/remembered.js';
import type { Progress } from '../../ui/OperationProgress.js';

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
   * null = not answered in this wizard: the file's hint, else the answer remembered for the file's
   * format, else none (the seller must choose: Listsmith never guesses a currency).
   */
  currency: string | null;
  /** Listings without id or SKU: 'key' adds them (default), 'title' updates the stored listing with the same title. */
  matchBy: MatchBy;
  /** The core's (or the upload's) message when something failed; shown in the wizard. */
  error: string | null;
  presets: MappingPreset[];
  presetMessage: string | null;
  operationId: string | null;
  importId: number | null;
  progress: Progress | null;
  cancelling: boolean;
  report: ImportReport | null;
}

export interface ImportSlice {
  importWizard: ImportWizard;
  importFile(file: File): boolean;
  /** A file the shell already staged ("Open with Listsmith", a second launch): preview it, no upload. */
  importStagedFile(fileId: string, fileName: string): boolean;
  closeImport(): void;
  reopenImport(): void;
  setImportDialect(dialect: ImportDialect | null): void;
  /** null: back to the format's own reading of that column (marketplace formats). */
  setImportMapping(column: number, field: MappableField | null): void;
  /** Back to the format's own reading of every column (or the guess, for Other CSV). */
  resetImportMapping(): void;
  setImportMatchBy(matchBy: MatchBy): void;
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
  matchBy: 'key',
  error: null,
  presets: [],
  presetMessage: null,
  operationId: null,
  importId: null,
  progress: null,
  cancelling: false,
  report: null,
};

/**
 * The mapping the preview used, column by column: for Other CSV the seller's (else the guess); for a
 * marketplace format what the preview says each column is read as, the seller's overrides included.
 */
export function effectiveMapping(preview: ImportPreview | null, override: ColumnMapping | null): ColumnMapping {
  if (override !== null && (preview === null || preview.dialect === 'generic_csv')) return override;
  const mapping: ColumnMapping = {};
  for (const c of preview?.columns ?? []) if (c.mappedTo !== null) mapping[String(c.index)] = c.mappedTo;
  return mapping;
}

/** What a mapping preset of this wizard holds: Other CSV's whole mapping, a marketplace format's overrides. */
export function presetMapping(wizard: Pick<ImportWizard, 'preview' | 'mapping' | 'dialect'>): ColumnMapping {
  const dialect = wizard.dialect ?? wizard.preview?.dialect ?? null;
  return dialect === 'generic_csv' ? effectiveMapping(wizard.preview, wizard.mapping) : { ...(wizard.mapping ?? {}) };
}

const CURRENCY_STORAGE_KEY = 'listsmith.import.defaultCurrency.v1';

function readRememberedCurrencies(): Partial<Record<ImportDialect, string>> {
  const stored = readRemembered(CURRENCY_STORAGE_KEY);
  const out: Partial<Record<ImportDialect, string>> = {};
  for (const dialect of IMPORT_DIALECTS) {
    const code = stored[dialect];
    if (typeof code === 'string' && /^[A-Z]{3}$/.test(code)) out[dialect] = code;
  }
  return out;
}

/** The currency the seller last chose for files of this format (a store sells in one currency). */
export function rememberedImportCurrency(dialect: ImportDialect | null): string | null {
  return dialect === null ? null : (readRememberedCurrencies()[dialect] ?? null);
}

export function rememberImportCurrency(dialect: ImportDialect, currency: string): void {
  remember(CURRENCY_STORAGE_KEY, { ...readRememberedCurrencies(), [dialect]: currency });
}

/** Where the currency the wizard shows for a file that states none comes from. */
export type ImportCurrencySource = 'chosen' | 'hint' | 'remembered';

/**
 * The currency to preview and import with when the file is read as `dialect`: the seller's choice
 * in this wizard, else the file's hint, else the last choice for that format, else none.
 */
export function importCurrencyChoice(
  wizard: Pick<ImportWizard, 'currency'>,
  dialect: ImportDialect | null,
  hint: CurrencyHint | null = null,
): { code: string; source: ImportCurrencySource } | null {
  if (wizard.currency !== null) return { code: wizard.currency, source: 'chosen' };
  // A suggestion (toConfirm) waits for the seller to choose it.
  if (hint !== null && hint.toConfirm !== true) return { code: hint.code, source: 'hint' };
  const remembered = rememberedImportCurrency(dialect);
  return remembered === null ? null : { code: remembered, source: 'remembered' };
}

export function importCurrencyFor(wizard: Pick<ImportWizard, 'currency'>, dialect: ImportDialect | null, hint: CurrencyHint | null = null): string | null {
  return importCurrencyChoice(wizard, dialect, hint)?.code ?? null;
}

/** The import needs the seller to say a currency first: some previewed prices state none and nothing suggests one. */
export function importNeedsCurrency(wizard: Pick<ImportWizard, 'currency' | 'preview'>): boolean {
  const preview = wizard.preview;
  return preview !== null && !preview.currencyInFile && preview.listings.length > 0 && importCurrencyFor(wizard, preview.dialect, preview.currencyHint) === null;
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

    /** The format to preview and import as: the seller's, else the detected one once columns are mapped for it. */
    const dialectToSend = (w: ImportWizard): ImportDialect | null => w.dialect ?? (w.mapping !== null ? (w.preview?.dialect ?? null) : null);

    const runPreview = async () => {
      const w = get().importWizard;
      if (w.fileId === null) return;
      const generation = ++previewGeneration;
      patchImport({ previewing: true, error: null });
      const fileId = w.fileId;
      const dialect = dialectToSend(w);
      const ask = (defaultCurrency: string | null) => {
        const input: Parameters<typeof client.call<'import.preview'>>[1] = { fileId };
        if (defaultCurrency !== null) input.defaultCurrency = defaultCurrency;
        if (dialect !== null) input.dialect = dialect;
        if (w.mapping !== null) input.mapping = w.mapping;
        if (w.marketplace !== null) input.marketplace = w.marketplace;
        if (w.matchBy !== 'key') input.matchBy = w.matchBy;
        return client.call('import.preview', input);
      };
      try {
        const asked = importCurrencyFor(w, dialect ?? w.preview?.dialect ?? null, w.preview?.currencyHint ?? null);
        let preview = await ask(asked);
        // Detection may name a format with another hint or remembered currency: preview again with
        // that one before showing anything, so the first preview the seller sees is already in it.
        const wanted = importCurrencyFor(w, preview.dialect, preview.currencyHint);
        if (generation === previewGeneration && wanted !== asked) preview = await ask(wanted);
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
      importStagedFile(fileId, fileName) {
        const w = get().importWizard;
        if (w.step === 'running' || w.step === 'starting') {
          patchImport({ open: true });
          return false;
        }
        upload?.abort();
        upload = null;
        importSession++;
        previewGeneration++;
        set({ importWizard: { ...IDLE_IMPORT, open: true, step: 'uploading', fileName, fileId, presets: w.presets } } as Partial<S>);
        void loadPresets();
        void runPreview();
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
        const generic = (w.dialect ?? w.preview?.dialect) === 'generic_csv';
        // Other CSV reads the whole mapping; a marketplace format reads its own columns but these overrides.
        const mapping: ColumnMapping = generic ? effectiveMapping(w.preview, w.mapping) : { ...(w.mapping ?? {}) };
        if (field === null) delete mapping[String(column)];
        else mapping[String(column)] = field;
        patchImport({ mapping: Object.keys(mapping).length === 0 && !generic ? null : mapping, presetMessage: null });
        void runPreview();
      },
      resetImportMapping() {
        patchImport({ mapping: null, presetMessage: null });
        void runPreview();
      },
      setImportMatchBy(matchBy) {
        patchImport({ matchBy });
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
          const presets = await client.call('import.savePreset', { name: name.trim(), dialect, mapping: presetMapping(w) });
          patchImport({ presets, presetMessage: `Saved preset “${name.trim()}”.` });
        } catch (err) {
          patchImport({ presetMessage: `Could not save the preset: ${messageOf(err)}` });
        }
      },
      async startImport() {
        const w = get().importWizard;
        // The import button waits for a currency when the file states none; so does this.
        if (w.fileId === null || w.preview === null || w.step !== 'preview' || importNeedsCurrency(w)) return;
        patchImport({ step: 'starting', error: null, progress: null });
        try {
          const input: Parameters<typeof client.call<'import.start'>>[1] = { fileId: w.fileId, dialect: w.dialect ?? w.preview.dialect };
          if (w.mapping !== null) input.mapping = w.mapping;
          if (w.marketplace !== null) input.marketplace = w.marketplace;
          // The currency the preview showed, so the import stores exactly what the seller saw.
          const currency = importCurrencyChoice(w, w.preview.dialect, w.preview.currencyHint);
          if (currency !== null) {
            input.defaultCurrency = w.preview.defaultCurrency;
            if (currency.source === 'hint') input.currencyOrigin = 'hint';
          }
          if (w.matchBy !== 'key') input.matchBy = w.matchBy;
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
      if (command.id !== 'import') return;
      // A file opened with Listsmith arrives staged; the menu's Import… asks for one.
      if (command.fileId) store.getState().importStagedFile(command.fileId, command.name ?? command.fileId);
      else document.querySelector<HTMLInputElement>('[data-testid="import-file-input"]')?.click();
    });
    return () => {
      offProgress();
      offImport();
      offCommand();
    };
  }

  return { slice, subscribe };
}
