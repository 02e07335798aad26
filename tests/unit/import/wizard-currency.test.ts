import { describe, expect, it } from 'vitest';
import type { CurrencyHint, ImportDialect } from '../../../common/import-types.js';
import { importCurrencyFor, importNeedsCurrency, rememberedImportCurrency, rememberImportCurrency } from '../../../renderer/src/features/import/import-slice.js';
import { fakeImportCore, FILE_ID, previewOf, until, useMemoryLocalStorage, wizardWithFile as uploaded } from './wizard-fake-core.js';

/**
 * The wizard's side of the default currency: it previews in the file's hint, else the currency
 * remembered for the file's format, else asks with nothing chosen (the import waits); it re-previews
 * when the seller changes it, remembers the choice per format, and starts the import with exactly
 * the currency the preview showed.
 */

useMemoryLocalStorage();

/** A core that previews a one-listing file of `dialect` priced "1200" with no currency of its own. */
function fakeCore(dialect: ImportDialect, currencyHint: CurrencyHint | null = null) {
  return fakeImportCore((input) => {
    const currency = typeof input.defaultCurrency === 'string' ? input.defaultCurrency : 'USD';
    return previewOf(dialect, {
      columns: [],
      listings: [
        {
          line: 2,
          title: 'Mug',
          sku: 'MUG',
          priceMinor: currency === 'JPY' ? 1200 : 120000,
          currency,
          currencyFromFile: false,
          quantity: 1,
          tags: [],
          images: 0,
          variants: 0,
          marketplace: dialect === 'woocommerce' ? 'woocommerce' : 'shopify',
          matchedByTitle: false,
        },
      ],
      defaultCurrency: currency,
      currencyInFile: false,
      currencyHint,
      mappableFields: [],
      matchBy: 'key',
      titleMatch: null,
    });
  });
}

/** A wizard whose file is uploaded; the first preview is asked for as after an upload. */
async function wizardWithFile(dialect: ImportDialect, hint: CurrencyHint | null = null) {
  const core = fakeCore(dialect, hint);
  const { store } = await uploaded(core);
  const previews = () => core.calls.filter((c) => c.method === 'import.preview').map((c) => c.input.defaultCurrency);
  return { store, core, previews };
}

describe('import wizard: default currency', () => {
  it('chooses nothing at first and waits for the seller, re-previews in the chosen currency and imports in it', async () => {
    const { store, core, previews } = await wizardWithFile('shopify');
    expect(previews()).toEqual([undefined]);
    expect(store.getState().importWizard.preview).toMatchObject({ defaultCurrency: 'USD', currencyInFile: false });
    expect(importNeedsCurrency(store.getState().importWizard)).toBe(true);
    await store.getState().startImport();
    expect(core.calls.some((c) => c.method === 'import.start')).toBe(false);

    store.getState().setImportCurrency('JPY');
    await until(() => store.getState().importWizard.preview?.defaultCurrency === 'JPY' && !store.getState().importWizard.previewing);
    expect(previews()).toEqual([undefined, 'JPY']);
    expect(store.getState().importWizard.preview?.listings[0]).toMatchObject({ currency: 'JPY', priceMinor: 1200 });
    expect(rememberedImportCurrency('shopify')).toBe('JPY');

    await store.getState().startImport();
    expect(core.calls.find((c) => c.method === 'import.start')?.input).toEqual({ fileId: FILE_ID, dialect: 'shopify', defaultCurrency: 'JPY' });
  });

  it('preselects the currency last chosen for the format, before the seller sees a preview', async () => {
    rememberImportCurrency('shopify', 'EUR');
    const { store, previews } = await wizardWithFile('shopify');
    // The format is known only once detected: the first answer is asked again in the remembered currency.
    expect(previews()).toEqual([undefined, 'EUR']);
    expect(store.getState().importWizard.preview).toMatchObject({ defaultCurrency: 'EUR' });
    expect(store.getState().importWizard.currency).toBeNull();
  });

  it('remembers per format: a WooCommerce file is not read in the Shopify store’s currency', async () => {
    rememberImportCurrency('shopify', 'EUR');
    const { store, previews } = await wizardWithFile('woocommerce');
    expect(previews()).toEqual([undefined]);
    expect(importNeedsCurrency(store.getState().importWizard)).toBe(true);
  });

  it('pre-fills the file’s hint over the last choice, and imports with it as a hint', async () => {
    rememberImportCurrency('amazon_flat_file', 'USD');
    const { store, core, previews } = await wizardWithFile('amazon_flat_file', { code: 'GBP', reason: 'Amazon marketplace: United Kingdom' });
    expect(previews()).toEqual([undefined, 'GBP']);
    expect(importNeedsCurrency(store.getState().importWizard)).toBe(false);
    await store.getState().startImport();
    expect(core.calls.find((c) => c.method === 'import.start')?.input).toEqual({ fileId: FILE_ID, dialect: 'amazon_flat_file', defaultCurrency: 'GBP', currencyOrigin: 'hint' });
  });

  it('does not pre-fill a suggestion the seller must confirm (a Shopify primary market), nor import with it', async () => {
    const { store, previews } = await wizardWithFile('shopify', { code: 'EUR', reason: 'Shopify primary market: Netherlands', toConfirm: true });
    expect(previews()).toEqual([undefined]);
    expect(importNeedsCurrency(store.getState().importWizard)).toBe(true);
    expect(importCurrencyFor({ currency: null }, 'shopify', { code: 'EUR', reason: 'r', toConfirm: true })).toBeNull();
    expect(importCurrencyFor({ currency: 'EUR' }, 'shopify', { code: 'EUR', reason: 'r', toConfirm: true })).toBe('EUR');
  });

  it('a choice made in this wizard holds when the seller switches format', () => {
    rememberImportCurrency('generic_csv', 'GBP');
    expect(importCurrencyFor({ currency: null }, 'generic_csv')).toBe('GBP');
    expect(importCurrencyFor({ currency: 'CHF' }, 'generic_csv')).toBe('CHF');
    expect(importCurrencyFor({ currency: null }, 'generic_csv', { code: 'EUR', reason: 'r' })).toBe('EUR');
    expect(importCurrencyFor({ currency: 'CHF' }, 'generic_csv', { code: 'EUR', reason: 'r' })).toBe('CHF');
    expect(importCurrencyFor({ currency: null }, null)).toBeNull();
  });

  it('ignores what it cannot read back from storage', () => {
    window.localStorage.setItem('listsmith.import.defaultCurrency.v1', '{"shopify":"euro","etsy":42}');
    expect(rememberedImportCurrency('shopify')).toBeNull();
    window.localStorage.setItem('listsmith.import.defaultCurrency.v1', 'not json');
    expect(rememberedImportCurrency('shopify')).toBeNull();
  });
});
