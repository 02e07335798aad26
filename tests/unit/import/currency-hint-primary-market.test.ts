import { describe, expect, it } from 'vitest';
import { CurrencyNotStated, planImport } from '../../../core/cli/import-plan.js';
import { currencyHintOf } from '../../../core/import/currency-hint.js';
import { previewImport } from '../../../core/import/preview-import.js';
import { corpusPath } from './helpers.js';

/**
 * A Shopify export whose markets are of several currencies: its primary market (the first
 * `Included /` column, with no price columns of its own) suggests a currency the seller must
 * confirm; it is never used on its own.
 */

const DUTCH = 'shopify_products_export_2023_DUTCH-markets_apostrophe-guarded-digit-SKUs__Ronne2406.csv';
const POLISH = 'shopify_products_export_2024_POLISH_market-price-columns__mikolajroszak.csv';

async function previewOf(name: string) {
  return previewImport(corpusPath(name), { fileId: 'f', fileName: name, sizeBytes: 1 });
}

const none = { dialect: 'shopify' as const, preamble: [], rows: [] };
const market = (m: string) => [`Included / ${m}`, `Price / ${m}`, `Compare At Price / ${m}`];

describe('Shopify primary market: a suggestion to confirm', () => {
  it('the Dutch store’s export (13 markets, 8 currencies) suggests EUR from Included / Netherlands', async () => {
    const preview = await previewOf(DUTCH);
    expect(preview).toMatchObject({ dialect: 'shopify', currencyInFile: false, currencyHint: { code: 'EUR', reason: 'Shopify primary market: Netherlands', toConfirm: true } });
  });

  it('the Polish export’s one country is still a hint used as such (not a suggestion)', async () => {
    const preview = await previewOf(POLISH);
    expect(preview.currencyHint).toEqual({ code: 'PLN', reason: 'Shopify market: Poland' });
  });

  it('only a first market with no price columns of its own, named after a known country', () => {
    const hint = (...header: string[]) => currencyHintOf({ ...none, header: ['Handle', 'Title', ...header] });
    expect(hint('Included / Sweden', ...market('United States'), ...market('Norway'))).toEqual({ code: 'SEK', reason: 'Shopify primary market: Sweden', toConfirm: true });
    // The first market has its own price columns: not the primary market's layout.
    expect(hint(...market('Sweden'), ...market('United States'))).toBeNull();
    // The first market is named after no country.
    expect(hint('Included / Webshop', ...market('United States'), ...market('Norway'))).toBeNull();
    // A market after the first one without prices is not the primary one.
    expect(hint(...market('United States'), 'Included / Sweden', ...market('Norway'))).toBeNull();
  });

  it('the CLI names the suggestion and still asks for --currency; --currency EUR imports', async () => {
    const path = corpusPath(DUTCH);
    const plan = planImport(path, DUTCH, 1, { map: [], matchBy: 'key' }, () => []);
    await expect(plan).rejects.toThrow(CurrencyNotStated);
    await expect(plan).rejects.toThrow(`${DUTCH} does not say what currency its prices are in; it suggests EUR (Shopify primary market: Netherlands): add --currency EUR to confirm, or --currency CODE.`);
    expect((await planImport(path, DUTCH, 1, { map: [], matchBy: 'key', currency: 'EUR' }, () => [])).currency).toEqual({ defaultCurrency: 'EUR', currencyOrigin: 'chosen' });
  });
});
