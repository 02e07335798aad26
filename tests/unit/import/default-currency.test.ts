import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { MethodParsedInput } from '../../../common/contract.js';
import { DEFAULT_CURRENCY_CHOICES, currencyCodeSchema } from '../../../common/import-types.js';
import { ContractError } from '../../../common/result.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { exportListings } from '../../../core/export/export-listings.js';
import { currencyDigits } from '../../../core/export/money.js';
import { reserveStagedFile } from '../../../core/host/file-staging.js';
import { validateCall } from '../../../core/host/validate-call.js';
import { applyImport } from '../../../core/import/apply-import.js';
import { openImportSource } from '../../../core/import/open-import-source.js';
import { previewImport } from '../../../core/import/preview-import.js';
import { parsePrice } from '../../../core/import/values.js';
import type { HandlerContext } from '../../../core/service/handlers-type.js';
import { createImportHandlers } from '../../../core/service/import-handlers.js';
import { tempDbPath, tempDir } from '../catalog/temp-catalog.js';
import { collect, fixture, importText } from './helpers.js';

/**
 * Files that state no currency (Shopify, WooCommerce, most home-made sheets) take the currency the
 * seller chose in the wizard; a currency the file does state always wins over it.
 */

const SHOPIFY = [
  'Handle,Title,Body (HTML),Vendor,Tags,Option1 Name,Option1 Value,Variant SKU,Variant Inventory Qty,Variant Price,Image Src,Status',
  'kiln-mug,Stoneware Mug,<p>Mug</p>,Kiln Co,mug,Size,Small,MUG-S,3,1200,,active',
  'kiln-mug,,,,,,Large,MUG-L,2,1450.50,,',
  'ramen-bowl,Ramen Bowl,<p>Bowl</p>,Kiln Co,bowl,Title,Default Title,BOWL,1,12.00,,active',
  '',
].join('\n');

const WOOCOMMERCE = [
  'ID,Type,SKU,Name,Published,Short description,Description,Sale price,Regular price,Categories,Tags,Images,Parent,Stock,In stock?,Attribute 1 name,Attribute 1 value(s)',
  '10,simple,TEE,Linen Tee,1,,A tee,,39.90,Clothing,,,,5,1,,',
  '11,variable,SCARF,Wool Scarf,1,,A scarf,,,Clothing,,,,,1,Colour,"Red, Blue"',
  '12,variation,SCARF-R,Wool Scarf - Red,1,,,,4500,,,,id:11,2,1,Colour,Red',
  '13,variation,SCARF-B,Wool Scarf - Blue,1,,,,4500,,,,id:11,1,1,Colour,Blue',
  '',
].join('\n');

const bySku = <T extends { sku: string | null }>(listings: T[], sku: string): T => {
  const found = listings.find((l) => l.sku === sku);
  if (!found) throw new Error(`no listing with SKU ${sku}`);
  return found;
};

describe('Shopify and WooCommerce files take the chosen currency', () => {
  it('Shopify as EUR: amounts in cents, every listing EUR', async () => {
    const { listings, rejected } = await importText(SHOPIFY, { dialect: 'shopify', defaultCurrency: 'EUR' });
    expect(rejected).toEqual([]);
    const mug = listings.find((l) => l.sourceId === 'kiln-mug')!;
    expect(mug).toMatchObject({ currency: 'EUR', priceMinor: 120000 });
    expect(mug.variants.map((v) => v.priceMinor)).toEqual([120000, 145050]);
    expect(bySku(listings, 'BOWL')).toMatchObject({ currency: 'EUR', priceMinor: 1200 });
  });

  it('Shopify as JPY: no minor units, so "1200" is ¥1200 and "12.00" is ¥12', async () => {
    const { listings } = await importText(SHOPIFY, { dialect: 'shopify', defaultCurrency: 'JPY' });
    const mug = listings.find((l) => l.sourceId === 'kiln-mug')!;
    expect(mug).toMatchObject({ currency: 'JPY', priceMinor: 1200 });
    // Half up, like every other rounding in the importer.
    expect(mug.variants.map((v) => v.priceMinor)).toEqual([1200, 1451]);
    expect(bySku(listings, 'BOWL')).toMatchObject({ currency: 'JPY', priceMinor: 12 });
  });

  it('WooCommerce as EUR and as JPY, variations included', async () => {
    const eur = await importText(WOOCOMMERCE, { dialect: 'woocommerce', defaultCurrency: 'EUR' });
    expect(bySku(eur.listings, 'TEE')).toMatchObject({ currency: 'EUR', priceMinor: 3990 });
    const scarf = bySku(eur.listings, 'SCARF');
    expect(scarf.currency).toBe('EUR');
    expect(scarf.variants.map((v) => [v.sku, v.priceMinor])).toEqual([
      ['SCARF-R', 450000],
      ['SCARF-B', 450000],
    ]);

    const jpy = await importText(WOOCOMMERCE, { dialect: 'woocommerce', defaultCurrency: 'JPY' });
    expect(bySku(jpy.listings, 'TEE')).toMatchObject({ currency: 'JPY', priceMinor: 40 });
    expect(bySku(jpy.listings, 'SCARF').variants.map((v) => v.priceMinor)).toEqual([4500, 4500]);
    expect(jpy.listings.every((l) => l.currency === 'JPY')).toBe(true);
  });

  it('without a choice the currency stays USD, as before', async () => {
    const { listings } = await importText(SHOPIFY, { dialect: 'shopify' });
    expect(listings.map((l) => l.currency)).toEqual(['USD', 'USD']);
    expect(bySku(listings, 'BOWL').priceMinor).toBe(1200);
  });

  it('amounts read with the same minor units the exports and the grid use (HUF has none, KWD three)', async () => {
    for (const code of [...DEFAULT_CURRENCY_CHOICES, 'KWD']) {
      expect(parsePrice('7', 'Price', { currency: code })?.minor, code).toBe(7 * 10 ** currencyDigits(code));
    }
  });
});

describe('a currency the file states wins over the default', () => {
  it('Etsy: the CURRENCY_CODE column wins; a row without one takes the default', async () => {
    const text = 'TITLE,DESCRIPTION,PRICE,CURRENCY_CODE,QUANTITY,TAGS\nSoy Candle,A candle,12.50,GBP,3,candle\nLinen Napkins,Napkins,1200,,2,linen\n';
    const { listings, records } = await importText(text, { dialect: 'etsy', defaultCurrency: 'JPY' });
    expect(listings.map((l) => [l.title, l.currency, l.priceMinor])).toEqual([
      ['Soy Candle', 'GBP', 1250],
      ['Linen Napkins', 'JPY', 1200],
    ]);
    expect(records.map((r) => r.kind === 'listing' && r.currencyFromFile)).toEqual([true, false]);
  });

  it('Other CSV: the mapped currency column decides how the price reads, wherever the column is', async () => {
    const text = 'title,price,currency\nTeapot,12.50,EUR\nCup,1200,\nBowl,800,jpy\n';
    const { source, listings } = await importText(text, { defaultCurrency: 'JPY' });
    expect(source.dialect).toBe('generic_csv');
    expect(listings.map((l) => [l.title, l.currency, l.priceMinor])).toEqual([
      ['Teapot', 'EUR', 1250],
      ['Cup', 'JPY', 1200],
      ['Bowl', 'JPY', 800],
    ]);
  });

  it('a code or symbol next to the amount wins, and sets the amount’s minor units', async () => {
    const text = SHOPIFY.replace(',1200,,active', ',€12.00,,active').replace(',12.00,,active', ',12.00 GBP,,active');
    const { listings } = await importText(text, { dialect: 'shopify', defaultCurrency: 'JPY' });
    const mug = listings.find((l) => l.sourceId === 'kiln-mug')!;
    expect(mug).toMatchObject({ currency: 'EUR', priceMinor: 1200 });
    // The second variant names no currency: it is read in its product's (EUR), not the default.
    expect(mug.variants.map((v) => v.priceMinor)).toEqual([1200, 145050]);
    expect(bySku(listings, 'BOWL')).toMatchObject({ currency: 'GBP', priceMinor: 1200 });
  });

  it('JSON: a currency field, or one inside a money object, wins', async () => {
    const text = [
      JSON.stringify({ title: 'Vase', price: '30.00', currency: 'CHF' }),
      JSON.stringify({ title: 'Plate', price: { amount: '18.00', currency_code: 'SEK' } }),
      JSON.stringify({ title: 'Jug', price: '2500' }),
      '',
    ].join('\n');
    const { listings } = await importText(text, { defaultCurrency: 'JPY' }, 'jsonl');
    expect(listings.map((l) => [l.title, l.currency, l.priceMinor])).toEqual([
      ['Vase', 'CHF', 3000],
      ['Plate', 'SEK', 1800],
      ['Jug', 'JPY', 2500],
    ]);
  });

  it('"$" says dollars but not which: the chosen dollar, else USD — and the seller is still asked', async () => {
    const text = 'title,price\nWool Hat,$25.00\n';
    const cad = await importText(text, { defaultCurrency: 'CAD' });
    expect(cad.listings[0]).toMatchObject({ currency: 'CAD', priceMinor: 2500 });
    expect(cad.records[0]).toMatchObject({ currencyFromFile: false });
    const eur = await importText(text, { defaultCurrency: 'EUR' });
    expect(eur.listings[0]).toMatchObject({ currency: 'USD', priceMinor: 2500 });
    expect(eur.records[0]).toMatchObject({ currencyFromFile: false });
    const named = await importText('title,price\nWool Hat,CA$25.00\n', { defaultCurrency: 'EUR' });
    expect(named.listings[0]).toMatchObject({ currency: 'CAD', priceMinor: 2500 });
    expect(named.records[0]).toMatchObject({ currencyFromFile: true });
  });
});

describe('preview', () => {
  const preview = (text: string, defaultCurrency?: string) =>
    previewImport(fixture(text), { fileId: 'f', fileName: 'products.csv', sizeBytes: text.length, ...(defaultCurrency === undefined ? {} : { defaultCurrency }) });

  it('says a Shopify file states no currency, and shows the prices in the chosen one', async () => {
    const usd = await preview(SHOPIFY);
    expect(usd).toMatchObject({ dialect: 'shopify', defaultCurrency: 'USD', currencyInFile: false });
    const jpy = await preview(SHOPIFY, 'JPY');
    expect(jpy).toMatchObject({ defaultCurrency: 'JPY', currencyInFile: false });
    expect(jpy.listings.map((l) => [l.title, l.currency, l.priceMinor, l.currencyFromFile])).toEqual([
      ['Stoneware Mug', 'JPY', 1200, false],
      ['Ramen Bowl', 'JPY', 12, false],
    ]);
  });

  it('says a file with a currency for every listing carries its own', async () => {
    const etsy = await preview('TITLE,DESCRIPTION,PRICE,CURRENCY_CODE,QUANTITY,TAGS,MATERIALS,IMAGE1\nSoy Candle,A candle,12.50,GBP,3,candle,soy,\n', 'JPY');
    expect(etsy).toMatchObject({ dialect: 'etsy', currencyInFile: true });
    expect(etsy.listings[0]).toMatchObject({ currency: 'GBP', priceMinor: 1250, currencyFromFile: true });
    const symbols = await preview(SHOPIFY.replace(',1200,,active', ',€12.00,,active').replace(',12.00,,active', ',€12.00,,active'));
    expect(symbols.currencyInFile).toBe(true);
  });
});

describe('the contract checks the default currency', () => {
  const fileId = 'a'.repeat(32);

  it.each([
    ['eur', 'three-letter currency code'],
    ['EURO', 'three-letter currency code'],
    ['€', 'three-letter currency code'],
    ['ABC', '"ABC" is not an ISO 4217 currency code'],
  ])('refuses %s with a message naming the field', (code, message) => {
    for (const [method, input] of [
      ['import.preview', { fileId, defaultCurrency: code }],
      ['import.start', { fileId, dialect: 'shopify', defaultCurrency: code }],
    ] as const) {
      const call = validateCall(method, input);
      if (call.ok) throw new Error(`${method} accepted ${code}`);
      expect(call.error.code).toBe('invalid_input');
      expect(call.error.message).toContain('defaultCurrency');
      expect(call.error.message).toContain(message);
      // One clear reason, not the pattern failure and the lookup failure both.
      expect((call.error.details as { issues: unknown[] }).issues).toHaveLength(1);
    }
  });

  it('accepts every currency the wizard offers, and leaving it out', () => {
    for (const code of DEFAULT_CURRENCY_CHOICES) {
      expect(validateCall('import.preview', { fileId, defaultCurrency: code }).ok, code).toBe(true);
      expect(currencyCodeSchema.safeParse(code).success).toBe(true);
    }
    expect(validateCall('import.start', { fileId, dialect: 'woocommerce' }).ok).toBe(true);
  });

  it('direct callers of the importer get the same check', async () => {
    await expect(openImportSource(fixture(SHOPIFY), { fileName: 's.csv', defaultCurrency: 'usd' })).rejects.toThrow(ContractError);
    await expect(collect(fixture(SHOPIFY), { defaultCurrency: 'XYZ' })).rejects.toThrow('"XYZ" is not an ISO 4217 currency code');
  });
});

describe('through the service: preview and import store what the seller chose', () => {
  it('import.preview and import.start thread defaultCurrency from the validated call to the catalog', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const stagingDir = tempDir();
    const staged = reserveStagedFile(stagingDir, 'shopify.csv');
    writeFileSync(staged.path, SHOPIFY);
    const handlers = createImportHandlers(catalog, stagingDir);
    const operations: Promise<void>[] = [];
    const ctx: HandlerContext = {
      emit: () => {},
      startOperation: (run) => {
        operations.push(run({ operationId: 'op-1', signal: new AbortController().signal }));
        return 'op-1';
      },
    };

    const previewCall = validateCall('import.preview', { fileId: staged.fileId, defaultCurrency: 'EUR' });
    if (!previewCall.ok) throw new Error(previewCall.error.message);
    const shown = await handlers['import.preview'](previewCall.input as MethodParsedInput<'import.preview'>, ctx);
    expect(shown).toMatchObject({ defaultCurrency: 'EUR', currencyInFile: false });

    const startCall = validateCall('import.start', { fileId: staged.fileId, dialect: shown.dialect, defaultCurrency: shown.defaultCurrency });
    if (!startCall.ok) throw new Error(startCall.error.message);
    await handlers['import.start'](startCall.input as MethodParsedInput<'import.start'>, ctx);
    await Promise.all(operations);
    const stored = catalog.db.prepare('SELECT sku, currency, price_minor AS priceMinor FROM listing_rows ORDER BY id').all();
    expect(stored).toEqual([
      { sku: null, currency: 'EUR', priceMinor: 120000 },
      { sku: 'BOWL', currency: 'EUR', priceMinor: 1200 },
    ]);
    catalog.close();
  });
});

describe('round trip: a Shopify file imported in EUR or JPY exports with its prices written right', () => {
  async function importShopify(catalog: Catalog, file: string, defaultCurrency: string) {
    const source = await openImportSource(file, { fileName: path.basename(file), dialect: 'shopify', defaultCurrency });
    return applyImport(catalog, source, { fileName: path.basename(file), operationId: 'test' });
  }

  it.each([
    ['EUR', ['1200.00', '1450.50', '12.00']],
    ['JPY', ['1200', '1451', '12']],
  ])('%s', async (currency, prices) => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const first = await importShopify(catalog, fixture(SHOPIFY), currency);
    expect(first).toMatchObject({ imported: 2, rejected: 0 });
    const currencies = catalog.db.prepare('SELECT DISTINCT currency FROM listing_rows').pluck().all();
    expect(currencies).toEqual([currency]);

    const out = path.join(tempDir(), 'shopify.csv');
    const summary = await exportListings(catalog, { format: 'shopify', scope: { kind: 'all' }, outPath: out });
    expect(summary.rows).toBe(2);
    const rows = parse(readFileSync(out, 'utf8').replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r['Price']).filter((p) => p !== '')).toEqual(prices);

    // Imported again in the same currency, the export changes nothing.
    const again = await importShopify(catalog, out, currency);
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 2 });
    catalog.close();
  });
});
