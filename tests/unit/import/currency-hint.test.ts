import { describe, expect, it } from 'vitest';
import type { ImportDialect } from '../../../common/import-types.js';
import { currencyHintOf } from '../../../core/import/currency-hint.js';
import { previewImport } from '../../../core/import/preview-import.js';
import { corpusFiles, corpusPath, fixture } from './helpers.js';

/**
 * Currency hints: what a file says about its currency without writing it next to a price. Each
 * source on real corpus files where one exists, and small fixtures for the others and for the
 * cases that must give no hint (a guess would be worse than asking).
 */

async function hintOf(path: string, dialect?: ImportDialect) {
  const preview = await previewImport(path, { fileId: 'f', fileName: path.split('/').pop()!, sizeBytes: 1, ...(dialect === undefined ? {} : { dialect }) });
  return { dialect: preview.dialect, hint: preview.currencyHint, inFile: preview.currencyInFile };
}

const inCorpus = (name: string): string => corpusPath(name);
const haveCorpus = corpusFiles().length > 0;

describe.skipIf(!haveCorpus)('currency hints on real files', () => {
  it('Amazon flat file: the TemplateType row’s primaryMarketplaceId (UK → GBP); the API-only copy has none', async () => {
    expect(await hintOf(inCorpus('amazon_uk_flatfile_jewelry_fptcustom_3row-header_cp1252__pmrgraphics.csv'))).toMatchObject({
      dialect: 'amazon_flat_file',
      hint: { code: 'GBP', reason: 'Amazon marketplace: United Kingdom' },
    });
    expect((await hintOf(inCorpus('amazon_uk_flatfile_jewelry_apiheader-only_utf8bom__pmrgraphics.csv'))).hint).toBeNull();
  });

  it('eBay Seller Hub: the Action header’s Currency=', async () => {
    expect(await hintOf(inCorpus('ebay_seller-hub_draft-listings-upload__MattBitt-sellerr.csv'))).toMatchObject({
      dialect: 'ebay_seller_hub',
      hint: { code: 'USD', reason: 'eBay upload header: Currency=USD' },
    });
  });

  it('eBay listings report: the site column (Site Listed 0 and 100 are both US sites)', async () => {
    expect(await hintOf(inCorpus('ebay_file-exchange_active-listings-download_legacy__emailnjv.csv'), 'ebay_report')).toMatchObject({
      dialect: 'ebay_report',
      hint: { code: 'USD', reason: expect.stringMatching(/^eBay US.*\(column Site Listed\)$/) },
      inFile: false,
    });
  });

  it('Shopify: the one country among the market columns (Poland beside a market named “Nike”; United States beside “International”)', async () => {
    expect((await hintOf(inCorpus('shopify_products_export_2024_POLISH_market-price-columns__mikolajroszak.csv'))).hint).toEqual({ code: 'PLN', reason: 'Shopify market: Poland' });
    expect((await hintOf(inCorpus('shopify_product_template_2023_clean__yavuztopsever.csv'))).hint).toEqual({ code: 'USD', reason: 'Shopify market: United States' });
    // A store export without market columns says nothing.
    expect((await hintOf(inCorpus('shopify_products_export_2026_BRL_no-inventory-qty-column__biliscosaf.csv'))).hint).toBeNull();
  });

  it('a shop’s own export whose price headers say rupees: `Price (₹)` → INR', async () => {
    expect(await hintOf(inCorpus('generic_store-export_INR-symbol-in-price-header__artvellehandmade.csv'))).toMatchObject({
      dialect: 'generic_csv',
      inFile: false,
      hint: { code: 'INR', reason: 'column "Compare-at price (₹)"' },
    });
  });

  it('WooCommerce and Etsy files give no hint (Etsy states its currency per row)', async () => {
    expect((await hintOf(inCorpus('woocommerce_sample_products.csv'))).hint).toBeNull();
    expect(await hintOf(inCorpus('etsy_EtsyListingsDownload__Marvilusart.csv'))).toMatchObject({ hint: null, inFile: true });
  });
});

describe('currency hints from fixtures', () => {
  const none = { header: [], preamble: [], rows: [] };

  it('eBay upload: SiteID when the header has no Currency=', () => {
    expect(currencyHintOf({ ...none, dialect: 'ebay_seller_hub', header: ['*Action(SiteID=UK|Country=GB|Version=1193)', 'Title'] })).toEqual({ code: 'GBP', reason: 'eBay UK (SiteID=UK in the header)' });
    expect(currencyHintOf({ ...none, dialect: 'ebay_seller_hub', header: ['Action(SiteID=Germany|Version=1193)'] })?.code).toBe('EUR');
    expect(currencyHintOf({ ...none, dialect: 'ebay_seller_hub', header: ['Action(Version=1193)'] })).toBeNull();
  });

  it('eBay report: one site → its currency; sites in two currencies or an unknown site → no hint', () => {
    const header = ['Item number', 'Title', 'Listing site'];
    const rows = (...sites: string[]) => sites.map((site, i) => [String(i), 'x', site]);
    expect(currencyHintOf({ ...none, dialect: 'ebay_report', header, rows: rows('UK', 'UK', '') })).toEqual({ code: 'GBP', reason: 'eBay UK (column Listing site)' });
    expect(currencyHintOf({ ...none, dialect: 'ebay_report', header, rows: rows('Germany', 'France') })?.code).toBe('EUR');
    expect(currencyHintOf({ ...none, dialect: 'ebay_report', header, rows: rows('US', 'UK') })).toBeNull();
    expect(currencyHintOf({ ...none, dialect: 'ebay_report', header, rows: rows('US', 'Atlantis') })).toBeNull();
    expect(currencyHintOf({ ...none, dialect: 'ebay_report', header: ['Item number', 'Title'], rows: rows('US') })).toBeNull();
  });

  it('Shopify markets: two countries of different currencies, or none, give no hint', () => {
    const hint = (...markets: string[]) => currencyHintOf({ ...none, dialect: 'shopify', header: ['Handle', 'Title', ...markets.flatMap((m) => [`Included / ${m}`, `Price / ${m}`])] });
    expect(hint('France')).toEqual({ code: 'EUR', reason: 'Shopify market: France' });
    expect(hint('France', 'Germany')?.code).toBe('EUR');
    expect(hint('Brazil', 'International')).toEqual({ code: 'BRL', reason: 'Shopify market: Brazil' });
    expect(hint('France', 'United Kingdom')).toBeNull();
    expect(hint('International')).toBeNull();
    expect(hint()).toBeNull();
  });

  it('Amazon: an unknown marketplace id gives no hint', () => {
    const preamble = [['TemplateType=fptcustom', 'settings=primaryMarketplaceId=amzn1.mp.o.A1PA6795UKMFR9&x=y']];
    expect(currencyHintOf({ ...none, dialect: 'amazon_flat_file', preamble })).toEqual({ code: 'EUR', reason: 'Amazon marketplace: Germany' });
    expect(currencyHintOf({ ...none, dialect: 'amazon_flat_file', preamble: [['settings=primaryMarketplaceId=amzn1.mp.o.NOPE']] })).toBeNull();
  });

  it('a price column whose header names one currency, in any dialect: a symbol only it writes or its code', () => {
    const hint = (...header: string[]) => currencyHintOf({ ...none, dialect: 'generic_csv', header: ['Name', ...header] });
    expect(hint('Compare-at price (₹)', 'Price (₹)')).toEqual({ code: 'INR', reason: 'column "Compare-at price (₹)"' });
    expect(hint('Preis [EUR]')?.code).toBe('EUR');
    expect(hint('Prix en EUR')?.code).toBe('EUR');
    expect(hint('Price, £')?.code).toBe('GBP');
    expect(hint('Цена (RUB)')?.code).toBe('RUB');
    expect(hint('sale_price R$')?.code).toBe('BRL');
    // Several currencies write "$" and "¥"; two currencies disagree; a word that is no currency.
    expect(hint('Price ($)')).toBeNull();
    expect(hint('Price (¥)')).toBeNull();
    expect(hint('Price (EUR)', 'Price (GBP)')).toBeNull();
    expect(hint('Regular price', 'Sale price')).toBeNull();
    expect(hint('Price (tax incl.)')).toBeNull();
    // Only price columns speak for the prices: "Enterprise (EUR)" is no price word.
    expect(hint('Enterprise (EUR)', 'Shipping (EUR)')).toBeNull();
    // A dialect's own source comes first: the Shopify market over a header.
    expect(currencyHintOf({ ...none, dialect: 'shopify', header: ['Handle', 'Included / Sweden', 'Price / Sweden', 'Cost (EUR)'] })?.code).toBe('SEK');
  });

  it('Google feed: the shipping costs’ currency when no price states one', () => {
    const header = ['id', 'title', 'price', 'shipping'];
    const hint = (...rows: string[][]) => currencyHintOf({ ...none, dialect: 'google_merchant', header, rows });
    expect(hint(['1', 'Mug', '10.99', 'US:::5.99 USD'])).toEqual({ code: 'USD', reason: 'shipping cost "US:::5.99 USD"' });
    expect(hint(['1', 'Mug', '49', 'AE:::AED 15'], ['2', 'Cup', '39', ''])?.code).toBe('AED');
    expect(hint(['1', 'Mug', '49', '15 AED'])?.code).toBe('AED');
    // Several entries in a cell, a decimal comma in one of them: one currency.
    expect(hint(['1', 'Mug', '12,50', 'DE:::4,95 EUR,AT:::6,90 EUR'])?.code).toBe('EUR');
    // Google's own TSV names the grouped column by its parts; `g:` prefixed headers are read too.
    expect(currencyHintOf({ ...none, dialect: 'google_merchant', header: ['g:id', 'g:price', 'shipping(country:service:price)'], rows: [['1', '8.00', 'GB:Standard:3.50 GBP']] })?.code).toBe('GBP');
    // A price that states a currency speaks for itself, even another one; a bare "$" in the price does not.
    expect(hint(['1', 'Mug', '10.99 USD', 'US:::5.99 USD'])).toBeNull();
    expect(hint(['1', 'Mug', '10.99', 'US:::5.99 USD'], ['2', 'Cup', '9.00 CAD', 'CA:::7.00 CAD'])).toBeNull();
    expect(hint(['1', 'Mug', '$10.99', 'CA:::7.00 CAD'])?.code).toBe('CAD');
    // Shipping in two currencies, a shared symbol only, or no shipping column: no hint.
    expect(hint(['1', 'Mug', '10.99', 'US:::5.99 USD,CA:::7.00 CAD'])).toBeNull();
    expect(hint(['1', 'Mug', '10.99', 'US:::$5.99'])).toBeNull();
    expect(currencyHintOf({ ...none, dialect: 'google_merchant', header: ['id', 'title', 'price'], rows: [['1', 'Mug', '10.99']] })).toBeNull();
    // Other formats' shipping columns are not Google's.
    expect(currencyHintOf({ ...none, dialect: 'generic_csv', header, rows: [['1', 'Mug', '10.99', 'US:::5.99 USD']] })).toBeNull();
  });

  it('the preview of a Google TSV feed with bare prices carries its shipping currency', async () => {
    const text = 'id\ttitle\tdescription\tlink\timage_link\tavailability\tprice\tcondition\tshipping\nA-1\tBrass lamp\tA lamp.\thttps://x.ae/a\thttps://x.ae/a.jpg\tin stock\t149.00\tnew\tAE:::AED 15\n';
    const preview = await previewImport(fixture(text, 'tsv'), { fileId: 'f', fileName: 'feed.tsv', sizeBytes: text.length });
    expect(preview).toMatchObject({ dialect: 'google_merchant', currencyInFile: false, currencyHint: { code: 'AED', reason: 'shipping cost "AE:::AED 15"' } });
  });

  it('the preview carries the hint of a file that states no currency', async () => {
    const text = 'Handle,Title,Variant SKU,Variant Price,Included / Sweden,Price / Sweden\nmug,Mug,M-1,120,true,\n';
    const preview = await previewImport(fixture(text), { fileId: 'f', fileName: 'products.csv', sizeBytes: text.length });
    expect(preview).toMatchObject({ dialect: 'shopify', currencyInFile: false, currencyHint: { code: 'SEK', reason: 'Shopify market: Sweden' } });
  });
});
