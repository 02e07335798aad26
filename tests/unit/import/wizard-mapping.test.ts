import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient, type Transport } from '../../../common/client.js';
import type { MethodName } from '../../../common/contract-names.js';
import type { ColumnMapping, ImportDialect, ImportPreview, MatchBy, PreviewColumn } from '../../../common/import-types.js';
import type { Envelope } from '../../../common/result.js';
import { createAppStore } from '../../../renderer/src/store/app-store.js';
import { effectiveMapping, presetMapping } from '../../../renderer/src/store/import.js';

/**
 * The wizard's column mapping and title matching: a marketplace format takes the seller's changes
 * as overrides (sent with the format, so a re-detection cannot apply them to another one), a
 * column can go back to the format's reading, presets hold the overrides, Other CSV keeps its whole
 * mapping, and "update listings with the same title" reaches the preview and the import.
 */

const FILE_ID = 'f'.repeat(32);

beforeEach(() => {
  const items = new Map<string, string>();
  vi.stubGlobal('window', { localStorage: { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) } });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const HEADER = ['Handle', 'Title', 'Listing name'];

/** A core that previews a Shopify file: Title is the title unless the mapping says otherwise. */
function fakeCore(detected: ImportDialect) {
  const calls: { method: MethodName; input: Record<string, unknown> }[] = [];
  const preview = (input: Record<string, unknown>): ImportPreview => {
    const dialect = (input.dialect as ImportDialect | undefined) ?? detected;
    const mapping = (input.mapping as ColumnMapping | undefined) ?? {};
    const own: (PreviewColumn['mappedTo'])[] = dialect === 'generic_csv' ? ['variantGroup', 'title', 'attribute:Listing name'] : ['sourceId', 'title', null];
    const columns = HEADER.map((header, index) => ({ index, header, mappedTo: (mapping[String(index)] as PreviewColumn['mappedTo']) ?? own[index] ?? null, chosen: String(index) in mapping, samples: [] }));
    return {
      fileId: FILE_ID,
      fileName: 'products.csv',
      sizeBytes: 100,
      encoding: 'utf-8',
      encodingNote: null,
      dialect,
      confidence: 1,
      candidates: [{ dialect, confidence: 1 }],
      delimiter: ',',
      headerLine: 1,
      rowUnit: 'line',
      columns,
      listings: [{ line: 2, title: 'Mug', sku: null, priceMinor: 100, currency: 'EUR', currencyFromFile: true, quantity: 1, tags: [], images: 0, variants: 0, marketplace: 'shopify', matchedByTitle: input.matchBy === 'title' }],
      defaultCurrency: 'USD',
      currencyInFile: true,
      currencyHint: null,
      mappableFields: ['sourceId', 'title', 'ignore'],
      matchBy: (input.matchBy as MatchBy | undefined) ?? 'key',
      titleMatch: { matching: 1, checked: 1, scope: 'file' },
      problems: [],
      warnings: [],
    };
  };
  const transport: Transport = {
    async invoke(method, input) {
      calls.push({ method, input: input as Record<string, unknown> });
      await Promise.resolve();
      const ok = (value: unknown): Envelope<unknown> => ({ ok: true, value });
      if (method === 'import.preview') return ok(preview(input as Record<string, unknown>));
      if (method === 'import.start') return ok({ importId: 1, operationId: 'op-1' });
      if (method === 'import.savePreset') return ok([{ name: 'mine', ...(input as object) }]);
      if (method === 'import.presets') return ok([]);
      return { ok: false, error: { code: 'unknown_method', message: method } };
    },
    subscribe: () => () => {},
  };
  return { calls, client: createClient(transport) };
}

async function until(test: () => boolean, ms = 2_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function wizard(detected: ImportDialect = 'shopify') {
  const core = fakeCore(detected);
  const { store } = createAppStore({ client: core.client, transportKind: 'web' });
  store.setState({ importWizard: { ...store.getState().importWizard, open: true, step: 'uploading', fileId: FILE_ID, fileName: 'products.csv' } });
  const settle = () => until(() => store.getState().importWizard.step === 'preview' && !store.getState().importWizard.previewing);
  store.getState().setImportMarketplace(null);
  await settle();
  const last = (method: MethodName) => core.calls.filter((c) => c.method === method).at(-1)?.input;
  return { store, core, settle, last };
}

describe('import wizard: column mapping for a marketplace format', () => {
  it('sends the seller’s changes as overrides with the detected format, and imports with them', async () => {
    const { store, settle, last } = await wizard();
    expect(effectiveMapping(store.getState().importWizard.preview, null)).toEqual({ '0': 'sourceId', '1': 'title' });
    store.getState().setImportMapping(2, 'title');
    await settle();
    expect(last('import.preview')).toMatchObject({ dialect: 'shopify', mapping: { '2': 'title' } });
    expect(store.getState().importWizard.dialect).toBeNull();
    expect(store.getState().importWizard.preview?.columns[2]).toMatchObject({ mappedTo: 'title', chosen: true });
    await store.getState().startImport();
    expect(last('import.start')).toEqual({ fileId: FILE_ID, dialect: 'shopify', mapping: { '2': 'title' } });
  });

  it('a column goes back to the format’s reading; with no change left the mapping is the format’s again', async () => {
    const { store, settle, last } = await wizard();
    store.getState().setImportMapping(2, 'title');
    await settle();
    store.getState().setImportMapping(2, null);
    await settle();
    expect(store.getState().importWizard.mapping).toBeNull();
    expect(last('import.preview')).not.toHaveProperty('mapping');
    store.getState().setImportMapping(1, 'ignore');
    await settle();
    store.getState().resetImportMapping();
    await settle();
    expect(store.getState().importWizard.mapping).toBeNull();
  });

  it('a preset holds the overrides for a marketplace format, the whole mapping for Other CSV', async () => {
    const { store, settle, last } = await wizard();
    store.getState().setImportMapping(2, 'attribute:Name');
    await settle();
    expect(presetMapping(store.getState().importWizard)).toEqual({ '2': 'attribute:Name' });
    await store.getState().savePreset('mine');
    expect(last('import.savePreset')).toEqual({ name: 'mine', dialect: 'shopify', mapping: { '2': 'attribute:Name' } });

    store.getState().setImportDialect('generic_csv');
    await settle();
    store.getState().setImportMapping(0, 'ignore');
    await settle();
    expect(last('import.preview')).toMatchObject({ dialect: 'generic_csv', mapping: { '0': 'ignore', '1': 'title', '2': 'attribute:Listing name' } });
    expect(presetMapping(store.getState().importWizard)).toEqual({ '0': 'ignore', '1': 'title', '2': 'attribute:Listing name' });
  });
});

describe('import wizard: matching by title', () => {
  it('is off by default; when chosen, the preview and the import both get it', async () => {
    const { store, settle, last } = await wizard();
    expect(store.getState().importWizard.matchBy).toBe('key');
    expect(last('import.preview')).not.toHaveProperty('matchBy');
    store.getState().setImportMatchBy('title');
    await settle();
    expect(last('import.preview')).toMatchObject({ matchBy: 'title' });
    expect(store.getState().importWizard.preview?.listings[0]?.matchedByTitle).toBe(true);
    await store.getState().startImport();
    expect(last('import.start')).toMatchObject({ matchBy: 'title' });
  });
});
