import { describe, expect, it } from 'vitest';
import type { MethodName } from '../../../common/contract-names.js';
import type { ColumnMapping, ImportDialect, MatchBy, PreviewColumn } from '../../../common/import-types.js';
import { effectiveMapping, presetMapping } from '../../../renderer/src/features/import/import-slice.js';
import { fakeImportCore, FILE_ID, previewOf, useMemoryLocalStorage, wizardWithFile } from './wizard-fake-core.js';

/**
 * The wizard's column mapping and title matching: a marketplace format takes the seller's changes
 * as overrides (sent with the format, so a re-detection cannot apply them to another one), a
 * column can go back to the format's reading, presets hold the overrides, Other CSV keeps its whole
 * mapping, and "update listings with the same title" reaches the preview and the import.
 */

useMemoryLocalStorage();

const HEADER = ['Handle', 'Title', 'Listing name'];

/** A core that previews a Shopify file: Title is the title unless the mapping says otherwise. */
function fakeCore(detected: ImportDialect) {
  return fakeImportCore(
    (input) => {
      const dialect = (input.dialect as ImportDialect | undefined) ?? detected;
      const mapping = (input.mapping as ColumnMapping | undefined) ?? {};
      const own: (PreviewColumn['mappedTo'])[] = dialect === 'generic_csv' ? ['variantGroup', 'title', 'attribute:Listing name'] : ['sourceId', 'title', null];
      const columns = HEADER.map((header, index) => ({ index, header, mappedTo: (mapping[String(index)] as PreviewColumn['mappedTo']) ?? own[index] ?? null, chosen: String(index) in mapping, samples: [] }));
      return previewOf(dialect, {
        columns,
        listings: [{ line: 2, title: 'Mug', sku: null, priceMinor: 100, currency: 'EUR', currencyFromFile: true, quantity: 1, tags: [], images: 0, variants: 0, marketplace: 'shopify', matchedByTitle: input.matchBy === 'title' }],
        defaultCurrency: 'USD',
        currencyInFile: true,
        currencyHint: null,
        mappableFields: ['sourceId', 'title', 'ignore'],
        matchBy: (input.matchBy as MatchBy | undefined) ?? 'key',
        titleMatch: { matching: 1, checked: 1, scope: 'file' },
      });
    },
    (method, input) => {
      if (method === 'import.savePreset') return [{ name: 'mine', ...input }];
      if (method === 'import.presets') return [];
      return undefined;
    },
  );
}

async function wizard(detected: ImportDialect = 'shopify') {
  const core = fakeCore(detected);
  const { store, settle } = await wizardWithFile(core);
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
