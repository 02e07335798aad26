/**
 * The import wizard tests' shared setup: window.localStorage in memory, a fake core answering the
 * import calls over the real typed client (recording each call), and a wizard whose file is
 * uploaded and previewed once, as after an upload.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { createClient, type Transport } from '../../../common/client.js';
import type { MethodName } from '../../../common/contract-names.js';
import type { ImportDialect, ImportPreview } from '../../../common/import-types.js';
import type { Envelope } from '../../../common/result.js';
import { createAppStore } from '../../../renderer/src/store/app-store.js';

export const FILE_ID = 'f'.repeat(32);

/** Gives each test a fresh, empty window.localStorage (the wizard remembers choices there). */
export function useMemoryLocalStorage(): void {
  beforeEach(() => {
    const items = new Map<string, string>();
    vi.stubGlobal('window', { localStorage: { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) } });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
}

/** The parts of a preview of `products.csv` that these tests do not vary. */
export function previewOf(dialect: ImportDialect, rest: Omit<ImportPreview, 'fileId' | 'fileName' | 'sizeBytes' | 'encoding' | 'encodingNote' | 'containerNote' | 'dialect' | 'confidence' | 'candidates' | 'delimiter' | 'headerLine' | 'rowUnit' | 'problems' | 'warnings'>): ImportPreview {
  return {
    fileId: FILE_ID,
    fileName: 'products.csv',
    sizeBytes: 100,
    encoding: 'utf-8',
    encodingNote: null,
    containerNote: null,
    dialect,
    confidence: 1,
    candidates: [{ dialect, confidence: 1 }],
    delimiter: ',',
    headerLine: 1,
    rowUnit: 'line',
    ...rest,
    problems: [],
    warnings: [],
  };
}

export type RecordedCall = { method: MethodName; input: Record<string, unknown> };

/**
 * A core that answers import.preview with `preview(input)`, import.start with import 1, and any
 * method `more` answers (undefined: not known here); every call is recorded in `calls`.
 */
export function fakeImportCore(preview: (input: Record<string, unknown>) => ImportPreview, more: (method: MethodName, input: Record<string, unknown>) => unknown = () => undefined) {
  const calls: RecordedCall[] = [];
  const transport: Transport = {
    async invoke(method, input) {
      const args = input as Record<string, unknown>;
      calls.push({ method, input: args });
      await Promise.resolve();
      const ok = (value: unknown): Envelope<unknown> => ({ ok: true, value });
      if (method === 'import.preview') return ok(preview(args));
      if (method === 'import.start') return ok({ importId: 1, operationId: 'op-1' });
      const answer = more(method, args);
      if (answer !== undefined) return ok(answer);
      return { ok: false, error: { code: 'unknown_method', message: method } };
    },
    subscribe: () => () => {},
  };
  return { calls, client: createClient(transport) };
}

export async function until(test: () => boolean, ms = 2_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** An app store whose wizard has the file uploaded and previewed once ("from the file format"). */
export async function wizardWithFile(core: ReturnType<typeof fakeImportCore>) {
  const { store } = createAppStore({ client: core.client, transportKind: 'web' });
  store.setState({ importWizard: { ...store.getState().importWizard, open: true, step: 'uploading', fileId: FILE_ID, fileName: 'products.csv' } });
  const settle = () => until(() => store.getState().importWizard.step === 'preview' && !store.getState().importWizard.previewing);
  // Any setting change previews again; "from the file format" is the untouched marketplace.
  store.getState().setImportMarketplace(null);
  await settle();
  return { store, settle };
}
