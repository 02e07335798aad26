import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { parseOpenDate } from '../../../core/import/amazon-open-date.js';
import { themeColumns } from '../../../core/import/amazon-variation-theme.js';
import { tempDbPath } from '../catalog/temp-catalog.js';
import { catalogFromText, exportAll, importInto, reimport } from '../export/export-helpers.js';
import { collect, corpusFiles, corpusPath, fixture, importText } from './helpers.js';
import { importTwice, tilesAddUp } from './import-twice.js';
import { lostCells } from './no-cell-lost.js';

/**
 * Amazon readers: the seller SKU is the identity (two offers of one ASIN are two listings), the
 * ASIN an attribute with its column, parent/child rows one listing with variants, and every
 * column Listsmith does not read kept as written. Fixtures use the category template's own
 * header rows (TemplateType row, labels row, API names).
 */

const STRUCTURAL = /^(parent_child|relationship_type)$/;

const FLAT = [
  'TemplateType=fptcustom,Version=2021.1209,TemplateSignature=Q0xPVEhJTkc=',
  'Seller SKU,Product Name,Product ID,Product ID Type,Brand Name,Product Type,Standard Price,Quantity,Main Image URL,Parentage,Parent SKU,Relationship Type,Variation Theme,Colour,Size,Department,Update Delete,Fulfillment Center ID',
  'item_sku,item_name,external_product_id,external_product_id_type,brand_name,feed_product_type,standard_price,quantity,main_image_url,parent_child,parent_sku,relationship_type,variation_theme,color_name,size_name,department_name,update_delete,fulfillment_center_id',
  'TEE-P,Heavy Cotton Tee,,,Acme,shirt,14.00,,https://m.example/p.jpg,parent,,,SizeColor,,,mens,Update,',
  'TEE-BLK-S,"Heavy Cotton Tee, Black, S",5012345678901,EAN,Acme,shirt,12.99,4,https://m.example/bs.jpg,child,TEE-P,variation,SizeColor,Black,S,mens,Update,DEFAULT',
  'TEE-BLK-M,"Heavy Cotton Tee, Black, M",5012345678902,EAN,Acme,shirt,,7,https://m.example/bm.jpg,Child,TEE-P,Variation,SizeColor,Black,M,mens,Update,AMAZON_EU',
  'TEE-RED-S,"Heavy Cotton Tee, Red, S",5012345678903,EAN,Acme,shirt,12.99,2,https://m.example/rs.jpg,child,TEE-GONE,variation,SizeColor,Red,S,mens,Update,DEFAULT',
  'MUG-1,Enamel Mug,B000111222,ASIN,Acme,kitchen,6.50,3,https://m.example/mug.jpg,,,,,White,,,PartialUpdate,DEFAULT',
  'MUG-1-FBA,Enamel Mug,B000111222,ASIN,Acme,kitchen,6.50,,https://m.example/mug.jpg,,,,,White,,,PartialUpdate,AMAZON_EU',
].join('\n');

describe('Amazon inventory flat file', () => {
  it('the seller SKU is the identity: two offers of one ASIN are two listings; the ASIN is an attribute with its column', async () => {
    const { listings } = await importText(FLAT);
    const mugs = listings.filter((l) => l.title === 'Enamel Mug');
    expect(mugs.map((l) => [l.sourceId, l.sku, l.quantity])).toEqual([
      ['MUG-1', 'MUG-1', 3],
      ['MUG-1-FBA', 'MUG-1-FBA', null],
    ]);
    expect(mugs[0]!.attributes['ASIN']).toBe('B000111222');
    expect(mugs[0]!.source?.attributeColumns?.['ASIN']).toBe('external_product_id');
    expect(mugs[1]!.source?.columns).toEqual({ external_product_id_type: 'ASIN', update_delete: 'PartialUpdate', color_name: 'White', fulfillment_center_id: 'AMAZON_EU' });
  });

  it('parent/child rows: one listing keyed by the parent SKU, children as variants with options from the theme', async () => {
    const { listings } = await importText(FLAT);
    const tee = listings.find((l) => l.sku === 'TEE-P')!;
    expect(tee).toMatchObject({ sourceId: 'TEE-P', title: 'Heavy Cotton Tee', priceMinor: 1400, currency: 'USD', quantity: 11, lines: [4, 5, 6] });
    expect(tee.variants).toEqual([
      {
        sku: 'TEE-BLK-S',
        options: [{ name: 'Size', value: 'S' }, { name: 'Color', value: 'Black' }],
        priceMinor: 1299,
        quantity: 4,
        image: 'https://m.example/bs.jpg',
        columns: { item_name: 'Heavy Cotton Tee, Black, S', external_product_id: '5012345678901', external_product_id_type: 'EAN', fulfillment_center_id: 'DEFAULT' },
      },
      {
        // No price of its own: the parent's.
        sku: 'TEE-BLK-M',
        options: [{ name: 'Size', value: 'M' }, { name: 'Color', value: 'Black' }],
        priceMinor: 1400,
        quantity: 7,
        image: 'https://m.example/bm.jpg',
        columns: { item_name: 'Heavy Cotton Tee, Black, M', external_product_id: '5012345678902', external_product_id_type: 'EAN', fulfillment_center_id: 'AMAZON_EU' },
      },
    ]);
    // The family's own cells are the parent's kept columns (the theme names the option columns on export).
    expect(tee.source?.columns).toEqual({ update_delete: 'Update', parent_child: 'parent', variation_theme: 'SizeColor' });
    expect(tee.attributes).toEqual({ 'Product type': 'shirt', department_name: 'mens' });
  });

  it('a child whose parent is not in the file is a listing of its own, with a warning', async () => {
    const { listings } = await importText(FLAT);
    const orphan = listings.find((l) => l.sku === 'TEE-RED-S')!;
    expect(orphan).toMatchObject({ sourceId: 'TEE-RED-S', variants: [], priceMinor: 1299, quantity: 2, lines: [7] });
    expect(orphan.warnings).toContainEqual({ line: 7, column: 'parent_sku', message: 'Parent SKU "TEE-GONE" is not in the file; imported as a listing of its own.' });
    expect(orphan.source?.columns).toMatchObject({ parent_child: 'child', parent_sku: 'TEE-GONE', relationship_type: 'variation', color_name: 'Red', size_name: 'S' });
  });

  it("children of a parent row that cannot be read are listings of their own, naming the parent's line", async () => {
    const { listings, rejected } = await importText(FLAT.replace('shirt,14.00,', 'shirt,fourteen,'));
    expect(rejected.map((r) => r.line)).toEqual([4]);
    const child = listings.find((l) => l.sku === 'TEE-BLK-S')!;
    expect(child.warnings).toContainEqual({ line: 5, column: 'parent_sku', message: 'Parent SKU "TEE-P" (line 4) could not be read; imported as a listing of its own.' });
  });

  it('no cell is lost; fields the template has no column for are unknown', async () => {
    const path = fixture(FLAT);
    const { listings, records } = await collect(path);
    expect(await lostCells(path, records, { structural: STRUCTURAL })).toEqual([]);
    expect(listings[0]!.source?.unknown).toEqual(['condition', 'description', 'materials', 'tags']);
  });

  it('re-importing the file changes nothing', async () => {
    const [first, again] = await importTwice(fixture(FLAT));
    expect(first.rows).toEqual({ new: 4, updated: 0, unchanged: 0, partOf: 2, merged: 0, rejected: 0 });
    expect(again.rows).toEqual({ new: 0, updated: 0, unchanged: 4, partOf: 2, merged: 0, rejected: 0 });
    expect([first, again].every(tilesAddUp)).toBe(true);
  });

  it('oversold stock is a warning, not a rejection', async () => {
    const { listings, rejected } = await importText(FLAT.replace('6.50,3,', '6.50,-3,'));
    expect(rejected).toEqual([]);
    const mug = listings.find((l) => l.sku === 'MUG-1')!;
    expect(mug.quantity).toBe(-3);
    expect(mug.warnings).toContainEqual({ line: 8, column: 'quantity', message: expect.stringContaining('negative (-3)') });
  });
});

describe('Amazon flat file: a parent row without a currency', () => {
  // As category templates are filled in: the parent row has no price, so no currency either; its children say EUR (decimal commas).
  const FAMILY = [
    'TemplateType=ConsumerElectronics\tVersion=2014.0729',
    'Artikelnummer\tProduktname\tMarke\tPreis\tWährung\tMenge\tElternteil\tElternteil-SKU\tBeziehung\tVariante\tFarbe',
    'item_sku\titem_name\tbrand_name\tstandard_price\tcurrency\tquantity\tparent_child\tparent_sku\trelationship_type\tvariation_theme\tcolor_name',
    'CASE-P\tHülle\tEasyAcc\t\t\t\tparent\t\t\tColor\t',
    'CASE-BLK\tHülle Schwarz\tEasyAcc\t1.299,00\tEUR\t2\tchild\tCASE-P\tVariation\tColor\tSchwarz',
    'CASE-RED\tHülle Rot\tEasyAcc\t12,99\tEUR\t1\tchild\tCASE-P\tVariation\tColor\tRot',
  ].join('\r\n');

  it("takes its children's currency, and the file is not taken to leave its currency unsaid", async () => {
    const { records } = await importText(FAMILY, { defaultCurrency: 'USD' }, 'txt');
    const [family] = records;
    expect(family).toMatchObject({ kind: 'listing', currencyFromFile: true, listing: { sku: 'CASE-P', currency: 'EUR', priceMinor: 129900 } });
    expect(family!.kind === 'listing' ? family!.listing.variants.map((v) => v.priceMinor) : []).toEqual([129900, 1299]);
  });
});

describe('variation themes name their option columns', () => {
  const header = ['item_sku', 'color_name', 'color_map', 'size_name', 'size_map', 'metal_type', 'ring_size', 'item_package_quantity', 'style_name', 'variation_theme'];
  it.each([
    ['SizeColor', ['size_name', 'color_name']],
    ['Size-Color', ['size_name', 'color_name']],
    ['SizeName-ColorName', ['size_name', 'color_name']],
    ['color_name-size_name', ['color_name', 'size_name']],
    ['SIZE/COLOR', ['size_name', 'color_name']],
    ['Colour', ['color_name']],
    ['MetalType-RingSize', ['metal_type', 'ring_size']],
    ['ItemPackageQuantity', ['item_package_quantity']],
    ['StyleName', ['style_name']],
    ['Flavor', []],
  ])('%s', (theme, columns) => {
    expect(themeColumns(theme, header).map((i) => header[i])).toEqual(columns);
  });
});

describe('Amazon All Listings report', () => {
  const REPORT = [
    'item-name\titem-description\tlisting-id\tseller-sku\tprice\tquantity\topen-date\timage-url\titem-is-marketplace\tproduct-id-type\tzshop-shipping-fee\titem-note\titem-condition\tasin1\tasin2\twill-ship-internationally\tpending-quantity\tfulfillment-channel\tmerchant-shipping-group\tstatus',
    'Blue mug\tA mug\t0101ABC\tMUG-1\t7.99\t12\t2021-03-04 10:00:00 PST\thttps://i/m.jpg\ty\t1\t\t\t11\tB000111\t\t\t0\tDEFAULT\tMigrated Template\tIncomplete',
    'Blue mug\tA mug\t0101ABD\tMUG-1-FBA\t7.99\t\t2021-03-04 10:00:00 PST\thttps://i/m.jpg\ty\t1\t\t\t11\tB000111\t\t\t0\tAMAZON_EU\tMigrated Template\tActive',
  ].join('\n');

  it('SKU identity, ASIN attribute, lossy cells and every other column kept', async () => {
    const path = fixture(REPORT, 'txt');
    const { listings, records } = await collect(path);
    expect(listings.map((l) => [l.sourceId, l.sku, l.status])).toEqual([
      ['MUG-1', 'MUG-1', 'draft'],
      ['MUG-1-FBA', 'MUG-1-FBA', 'active'],
    ]);
    const mug = listings[0]!;
    expect(mug.attributes['ASIN']).toBe('B000111');
    expect(mug.source?.attributeColumns?.['ASIN']).toBe('asin1');
    expect(mug.source?.status).toBe('Incomplete');
    expect(mug.source?.columns).toEqual({ 'open-date': '2021-03-04 10:00:00 PST', 'item-condition': '11', 'item-is-marketplace': 'y', 'pending-quantity': '0', 'merchant-shipping-group': 'Migrated Template' });
    expect(listings[1]!.source?.status).toBeUndefined();
    expect(await lostCells(path, records)).toEqual([]);
  });

  it("an Incomplete or Inactive listing is so again after the flat-file export and back, twice: the report's status goes back under its column", async () => {
    const inactive = REPORT.split('\n')[2]!.replace('MUG-1-FBA', 'MUG-2').replace('0101ABD', '0101ABE').replace(/Active$/, 'Inactive');
    const catalog = await catalogFromText([REPORT, inactive].join('\n'), { ext: 'txt' });
    const { summary, files } = await exportAll(catalog, 'amazon_flat_file');
    expect(files[0]!.rows.map((r) => [files[0]!.at(r, 'item_sku'), files[0]!.at(r, 'status')])).toEqual([
      ['MUG-1', 'Incomplete'],
      ['MUG-1-FBA', 'Active'],
      ['MUG-2', 'Inactive'],
    ]);
    const statuses = (listings: { sku: string | null; status: string; source?: { status?: string } }[]) => listings.map((l) => [l.sku, l.status, l.source?.status]);
    const expected = [
      ['MUG-1', 'draft', 'Incomplete'],
      ['MUG-1-FBA', 'active', undefined],
      ['MUG-2', 'inactive', undefined],
    ];
    expect(statuses(await reimport(summary))).toEqual(expected);
    // The re-imported listings (now a flat file's) write it again.
    const second = openCatalog(tempDbPath(), { role: 'writer' });
    await importInto(second, summary.path);
    expect(statuses(await reimport((await exportAll(second, 'amazon_flat_file')).summary))).toEqual(expected);
    second.close();
    catalog.close();
  });
});

describe('All Listings report: open dates and conditions as each marketplace writes them', () => {
  const HEAD = 'item-name\titem-description\tlisting-id\tseller-sku\tprice\tquantity\topen-date\titem-condition\tasin1\tfulfillment-channel\tstatus';
  const row = (sku: string, date: string, condition: string): string => `Item ${sku}\t\t01${sku}\t${sku}\t5.00\t1\t${date}\t${condition}\tB00000${sku}\tDEFAULT\tActive`;

  it.each([
    // amazon.co.uk writes the day first (8 July, not 7 August), amazon.com ISO, amazon.co.jp year/month/day.
    ['08/07/2016 10:12:40 BST', Date.UTC(2016, 6, 8, 9, 12, 40)],
    ['30/03/2011 16:23:57 BST', Date.UTC(2011, 2, 30, 15, 23, 57)],
    ['13/12/2019 09:00:00 GMT', Date.UTC(2019, 11, 13, 9, 0, 0)],
    ['2013-01-07 07:35:42 PST', Date.UTC(2013, 0, 7, 15, 35, 42)],
    ['2019/10/09 15:37:57 JST', Date.UTC(2019, 9, 9, 6, 37, 57)],
    ['07.09.2015 17:10:58 MESZ', Date.UTC(2015, 8, 7, 15, 10, 58)],
    ['2022-05-01T10:00:00+02:00', Date.UTC(2022, 4, 1, 8, 0, 0)],
    ['08/07/2016 10:12:40 PDT', Date.UTC(2016, 7, 7, 17, 12, 40)],
    // Which part is the day cannot be told: no date rather than a wrong one.
    ['08/07/2016 10:12:40', null],
    ['31/06/2016 10:00:00 BST', null],
  ])('%s', (text, ms) => {
    expect(parseOpenDate(text)).toBe(ms);
  });

  it('every item-condition number is its name; the raw cells are kept', async () => {
    const codes = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11'];
    const path = fixture([HEAD, ...codes.map((code) => row(`C${code}`, '08/07/2016 10:12:40 BST', code))].join('\n'), 'txt');
    const { listings, records } = await collect(path);
    expect(listings.map((l) => l.condition)).toEqual([
      'Used - Like New', 'Used - Very Good', 'Used - Good', 'Used - Acceptable',
      'Collectible - Like New', 'Collectible - Very Good', 'Collectible - Good', 'Collectible - Acceptable',
      '9', 'Refurbished', 'New',
    ]);
    expect(listings[0]!.createdAt).toBe(Date.UTC(2016, 6, 8, 9, 12, 40));
    expect(listings[0]!.source?.columns?.['item-condition']).toBe('1');
    expect(await lostCells(path, records)).toEqual([]);
  });

  it("the flat-file export writes Amazon's condition tokens; reading it back gives the same conditions and attributes", async () => {
    const catalog = await catalogFromText([HEAD, row('U2', '2013-01-07 07:35:42 PST', '2'), row('K7', '2013-01-07 07:35:42 PST', '7'), row('N11', '2013-01-07 07:35:42 PST', '11'), row('X9', '2013-01-07 07:35:42 PST', '9')].join('\n'), { ext: 'txt' });
    const { summary, files } = await exportAll(catalog, 'amazon_flat_file');
    const [file] = files;
    expect(file!.rows.map((r) => file!.at(r, 'condition_type'))).toEqual(['UsedVeryGood', 'CollectibleGood', 'New', '9']);
    const again = await reimport(summary);
    expect(again.map((l) => [l.sku, l.condition])).toEqual([
      ['U2', 'Used - Very Good'],
      ['K7', 'Collectible - Good'],
      ['N11', 'New'],
      ['X9', '9'],
    ]);
    // The report's ASIN and listing columns go out under their own headers and come back as the same attributes.
    expect(again[0]!.attributes).toEqual({ ASIN: 'B00000U2', 'listing-id': '01U2', 'fulfillment-channel': 'DEFAULT' });
    // The ASIN also goes where a flat file matches the offer: external_product_id, typed ASIN.
    expect(file!.rows.map((r) => [file!.at(r, 'external_product_id'), file!.at(r, 'external_product_id_type'), file!.at(r, 'asin1')])[0]).toEqual(['B00000U2', 'ASIN', 'B00000U2']);
    expect(again[0]!.source?.attributeColumns?.['ASIN']).toBe('external_product_id');
    // And the open date, kept as written, is the listing's creation again.
    expect(again.map((l) => l.createdAt)).toEqual(again.map(() => Date.UTC(2013, 0, 7, 15, 35, 42)));
    catalog.close();
  });
});

describe('All Listings report from amazon.co.jp: Japanese headers, Shift_JIS', () => {
  // The column names public clients of the JP report read (出品者SKU is seller-sku); the rest stay English.
  const HEAD = ['商品名', 'item-description', '出品ID', '出品者SKU', '価格', '数量', '出品日', 'image-url', 'item-is-marketplace', '商品IDタイプ', 'zshop-shipping-fee', 'コンディション説明', 'コンディション', 'ASIN 1', '国外へ配送可', '商品ID', 'フルフィルメント・チャンネル', 'ステータス'];
  const ROW = ['ワイヤレスイヤホン 黒', '', '0924XJ7K1', 'EAR-BLK', '2980', '5', '2019/10/09 15:37:57 JST', '', 'y', '1', '', '箱に傷あり', '11', 'B07XJ8C8F5', '', 'B07XJ8C8F5', 'DEFAULT', 'Active'];
  const bytes = (): Uint8Array => new Uint8Array(Buffer.from(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'CP932'], { input: `${HEAD.join('\t')}\n${ROW.join('\t')}\n` })));

  it('is read as Shift_JIS, detected with no hint, every value in its place and no cell lost', async () => {
    const path = fixture(bytes(), 'txt');
    const { source, listings, records } = await collect(path, { defaultCurrency: 'JPY' });
    expect(source.encoding).toBe('shift_jis');
    expect(source.dialect).toBe('amazon_all_listings');
    const [earphones] = listings;
    expect(earphones).toMatchObject({ title: 'ワイヤレスイヤホン 黒', sku: 'EAR-BLK', sourceId: 'EAR-BLK', priceMinor: 2980, currency: 'JPY', quantity: 5, condition: 'New', status: 'active', createdAt: Date.UTC(2019, 9, 9, 6, 37, 57) });
    expect(earphones!.attributes).toMatchObject({ ASIN: 'B07XJ8C8F5', 出品ID: '0924XJ7K1', コンディション説明: '箱に傷あり', 'フルフィルメント・チャンネル': 'DEFAULT' });
    expect(await lostCells(path, records)).toEqual([]);
  });

  it('an export to the flat file and back keeps its values', async () => {
    const catalog = await catalogFromText(bytes(), { ext: 'txt', currency: 'JPY' });
    const { summary } = await exportAll(catalog, 'amazon_flat_file');
    const [again] = await reimport(summary, 'JPY');
    expect(again).toMatchObject({ title: 'ワイヤレスイヤホン 黒', sku: 'EAR-BLK', priceMinor: 2980, currency: 'JPY', quantity: 5, condition: 'New' });
    expect(again!.attributes).toMatchObject({ ASIN: 'B07XJ8C8F5', 出品ID: '0924XJ7K1', コンディション説明: '箱に傷あり' });
    catalog.close();
  });

  it('Windows-1252 text is not taken for Shift_JIS', async () => {
    const { source, listings } = await importText(Buffer.from('title,price\nGr\xf6\xdfe Tasse \xe0 caf\xe9 \x80,4.50\n', 'latin1'));
    expect(source.encoding).toBe('windows-1252');
    expect(listings[0]!.title).toBe('Größe Tasse à café €');
  });
});

describe('Amazon reports that hold no listings are refused, naming the report to download', () => {
  // Headers as Amazon writes them (an orders report and a settlement report seen in public repositories, the Inventory Report as documented).
  const ORDERS = 'order-id\torder-item-id\tpurchase-date\tpayments-date\treporting-date\tpromise-date\tdays-past-promise\tbuyer-email\tbuyer-name\tpayment-method-details\tbuyer-phone-number\tsku\tnumber-of-items\tproduct-name\tquantity-purchased\tquantity-shipped\tquantity-to-ship\tship-service-level\trecipient-name\tship-address-1\tship-city\tship-postal-code\tship-country';
  const SETTLEMENT = 'settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\tcurrency\ttransaction-type\torder-id\tmerchant-order-id\tadjustment-id\tshipment-id\tmarketplace-name\tamount-type\tamount-description\tamount\tfulfillment-id\tposted-date\tposted-date-time\torder-item-code\tmerchant-order-item-id\tmerchant-adjustment-item-id\tsku\tquantity-purchased\tpromotion-id';

  it('an orders report: its product names and SKUs would have been imported as listings, with the buyers', async () => {
    const rows = ['203-1617865-6793944\t48744706466802\t2025-05-01T16:23:42+00:00\t\t\t\t-1\tx@marketplace.amazon.co.uk\tA Buyer\tStandard\t0100\tOD045003\t1\tMemorial Plaque\t1\t0\t1\tStandard\tA Buyer\t1 Street\tTown\tAB1 2CD\tGB'];
    await expect(importText([ORDERS, ...rows].join('\n'), {}, 'txt')).rejects.toThrow(/is an Amazon orders report \(order-id, order-item-id, purchase-date…\).*Nothing was imported.*All Listings Report/);
  });

  it('a settlement report, whatever format the seller picked', async () => {
    const row = '6300993871\t2017-02-24 23:57:39 UTC\t2017-03-10 23:58:56 UTC\t2017-03-12 23:58:56 UTC\t4246.20\tUSD' + '\t'.repeat(18);
    await expect(importText(`${SETTLEMENT}\n${row}\n`, { dialect: 'generic_csv' }, 'txt')).rejects.toThrow(/is an Amazon settlement \(payments\) report.*All Listings Report/);
  });

  it('the Inventory Report (sku, asin, price, quantity) has no titles: the All Listings Report has them', async () => {
    await expect(importText('sku\tasin\tprice\tquantity\nW-1\tB0000W1\t9.99\t3\n', {}, 'txt')).rejects.toThrow(/is Amazon's Inventory Report \(sku, asin, price, quantity\): it has no titles.*All Listings Report/);
    // The offer uploads sellers keep: Inventory Loader (EU files write decimal commas) and Price & Quantity.
    const loader = 'sku\tproduct-id\tproduct-id-type\tprice\titem-condition\tquantity\tadd-delete\tleadtime-to-ship\nIT-1\t8001234567890\t4\t12,90\t11\t5\ta\t2\n';
    await expect(importText(loader, {}, 'txt')).rejects.toThrow(/is an Amazon inventory upload \(Inventory Loader or Price & Quantity file: sku, product-id, product-id-type…\).*without titles.*All Listings Report/);
    await expect(importText('sku\tprice\tminimum-seller-allowed-price\tmaximum-seller-allowed-price\tquantity\tleadtime-to-ship\nW-1\t9.99\t\t\t3\t2\n', {}, 'txt')).rejects.toThrow(/is an Amazon inventory upload/);
    // A listings file that has a title column is not that report.
    const { listings } = await importText('sku\tasin\ttitle\tprice\tquantity\nW-1\tB0000W1\tWidget\t9.99\t3\n', { defaultCurrency: 'USD' }, 'txt');
    expect(listings.map((l) => l.title)).toEqual(['Widget']);
  });
});

describe('All Listings report: a " in a title is text (Amazon does not quote its reports)', () => {
  const HEAD = 'item-name\titem-description\tlisting-id\tseller-sku\tprice\tquantity\topen-date\tasin1\tstatus';
  const row = (title: string, sku: string): string => `${title}\t\t01${sku}\t${sku}\t9.99\t3\t2020-01-02 03:04:05 PST\tB000${sku}\tActive`;

  it('titles starting with a quote, or with one that never closes, keep it, and no row after them is swallowed', async () => {
    const path = fixture([HEAD, row('"Heavy" Duty 12" Vinyl Record Sleeves', 'V1'), row('Samsung 55" TV Stand', 'V2'), row('"Quoted start title', 'V3'), row('After item', 'V4')].join('\n'), 'txt');
    const { listings, rejected, records } = await collect(path, { defaultCurrency: 'USD' });
    expect(rejected).toEqual([]);
    expect(listings.map((l) => [l.sku, l.title])).toEqual([
      ['V1', '"Heavy" Duty 12" Vinyl Record Sleeves'],
      ['V2', 'Samsung 55" TV Stand'],
      ['V3', '"Quoted start title'],
      ['V4', 'After item'],
    ]);
    expect(await lostCells(path, records)).toEqual([]);
  });

  it('a report saved again from Excel (quoted, quotes doubled) is read with quoting', async () => {
    const { listings } = await importText([HEAD, row('"""Heavy"" Duty 12"" Vinyl Record Sleeves"', 'V1'), row('Plain', 'V2')].join('\n'), { defaultCurrency: 'USD' }, 'txt');
    expect(listings.map((l) => l.title)).toEqual(['"Heavy" Duty 12" Vinyl Record Sleeves', 'Plain']);
  });
});

const JEWELRY = 'amazon_uk_flatfile_jewelry_fptcustom_3row-header_cp1252__pmrgraphics.csv';
const AMAZON_FILES = corpusFiles().filter((f) => f.startsWith('amazon'));

describe.skipIf(AMAZON_FILES.length === 0)('Amazon corpus files', () => {
  it.each(AMAZON_FILES)('%s: every row accounted for, no cell lost', async (file) => {
    const path = corpusPath(file);
    const { source, records } = await collect(path);
    const lines = records.flatMap((r) => r.lines);
    expect(new Set(lines).size).toBe(source.dataRows());
    expect(lines).toHaveLength(source.dataRows());
    expect(await lostCells(path, records, { structural: STRUCTURAL })).toEqual([]);
  });

  it.each(AMAZON_FILES.filter((f) => f.startsWith('amazon_uk_flatfile_jewelry')))('%s: 1,615 listings, 4 PartialUpdate rows without a title rejected', async (file) => {
    const { source, listings, rejected } = await collect(corpusPath(file));
    expect(source.dataRows()).toBe(1619);
    expect([listings.length, rejected.length]).toEqual([1615, 4]);
    // Amazon keeps its title for a PartialUpdate without item_name; Listsmith has none to store.
    expect(rejected.every((r) => r.column === 'item_name' && /PartialUpdate/.test(r.message))).toBe(true);
    expect(new Set(listings.map((l) => l.sourceId)).size).toBe(1615);
  });

  it('lines 24 and 25 (one ASIN, merchant and FBA offers) are two listings', async () => {
    if (!AMAZON_FILES.includes(JEWELRY)) return;
    const { listings } = await collect(corpusPath(JEWELRY));
    const [merchant, fba] = [listings.find((l) => l.lines[0] === 24)!, listings.find((l) => l.lines[0] === 25)!];
    expect([merchant.sku, merchant.sourceId, merchant.quantity]).toEqual(['0V-586O-C2JL', '0V-586O-C2JL', 3]);
    expect([fba.sku, fba.sourceId, fba.quantity]).toEqual(['0V-586O-C2JL-FBA', '0V-586O-C2JL-FBA', null]);
    expect(merchant.attributes['ASIN']).toBe('B07DH9L7MY');
    expect(fba.attributes['ASIN']).toBe('B07DH9L7MY');
  });

  it('through applyImport: new listings + rejected rows = data rows, nothing merged, and a re-import changes nothing', async () => {
    if (!AMAZON_FILES.includes(JEWELRY)) return;
    const [first, again] = await importTwice(corpusPath(JEWELRY));
    expect(first.dataRows).toBe(1619);
    expect(first.rows).toEqual({ new: 1615, updated: 0, unchanged: 0, partOf: 0, merged: 0, rejected: 4 });
    expect(again.rows).toEqual({ new: 0, updated: 0, unchanged: 1615, partOf: 0, merged: 0, rejected: 4 });
    expect([first, again].every(tilesAddUp)).toBe(true);
  }, 60_000);
});

describe("Amazon's FBA inventory report (real files from amazon.it, amazon.de and amazon.fr)", () => {
  const IT = 'amazon_fba-inventory-report_IT_merchant-and-fba-offers__Vladiuse.txt';
  const DE = 'amazon_fba-inventory-report_DE_unknown-condition-no-offer__Vladiuse.txt';

  it("is Amazon's: SKU, title, price, ASIN and condition in their fields, the stock of the offer each SKU has, no cell lost", async () => {
    const path = corpusPath(IT);
    const { source, listings, records } = await collect(path, { defaultCurrency: 'EUR' });
    expect(source.dialect).toBe('amazon_all_listings');
    expect(listings).toHaveLength(96);
    expect(new Set(listings.map((l) => l.marketplace))).toEqual(new Set(['amazon']));
    const sku = (s: string) => listings.find((l) => l.sku === s)!;
    // Shipped by the seller (mfn-listing-exists Yes): its own stock, 32.
    expect(sku('SMICHI2RD')).toMatchObject({ sourceId: 'SMICHI2RD', title: 'Polonord Adeste Scatola da 50 mascherine chirurgiche monouso a 3 strati di Tipo IIR', priceMinor: 790, currency: 'EUR', quantity: 32, condition: 'New', status: 'active', attributes: { ASIN: 'B08K3M4YDK' } });
    // Shipped by Amazon: the units Amazon can ship (afn-fulfillable-quantity), not its warehouse total.
    const fba = sku('HT-ORHIV-1');
    expect([fba.quantity, fba.priceMinor, fba.source?.columns?.['afn-total-quantity'], fba.source?.columns?.['fnsku']]).toEqual([8, 2999, '31', 'B0CBQ9FMLL']);
    // The file names no currency: the seller's choice, not a guess.
    expect(listings.every((l) => l.currency === 'EUR')).toBe(true);
    expect(await lostCells(path, records)).toEqual([]);
  });

  it('a SKU without an offer on either channel (condition Unknown, no price) is Inactive, its cells kept as written', async () => {
    const { listings } = await collect(corpusPath(DE), { defaultCurrency: 'EUR' });
    const none = listings.filter((l) => l.status === 'inactive');
    expect(none.map((l) => l.sku)).toEqual(['SMITJN10-340726', 'SMITLY10-C']);
    expect(none[0]).toMatchObject({ condition: null, priceMinor: null, quantity: null });
    expect(none[0]!.source?.columns).toMatchObject({ condition: 'Unknown', 'afn-warehouse-quantity': '2938', 'afn-fulfillable-quantity': '2905' });
    expect(listings.filter((l) => l.status === 'active')).toHaveLength(44);
  });

  it("the flat-file export leaves Amazon's stock out of quantity (a quantity is stock the seller ships), and reads back the same listings", async () => {
    const catalog = await catalogFromText(new Uint8Array(readFileSync(corpusPath(IT))), { ext: 'txt', currency: 'EUR' });
    const before = await collect(corpusPath(IT), { defaultCurrency: 'EUR' });
    const { summary, files } = await exportAll(catalog, 'amazon_flat_file');
    expect(summary.skipped).toBe(0);
    const rows = files.flatMap((file) => file.rows.map((row) => ({ sku: file.at(row, 'item_sku'), quantity: file.at(row, 'quantity'), update: file.at(row, 'update_delete') })));
    expect(rows.find((r) => r.sku === 'SMICHI2RD')).toEqual({ sku: 'SMICHI2RD', quantity: '32', update: 'PartialUpdate' });
    expect(rows.find((r) => r.sku === 'HT-ORHIV-1')).toEqual({ sku: 'HT-ORHIV-1', quantity: '', update: 'PartialUpdate' });
    expect(summary.problems.filter((p) => /fulfilled by Amazon/.test(p.message)).map((p) => p.message)).toEqual([
      '91 listings are fulfilled by Amazon: their quantity is left blank, as Amazon counts the stock in its warehouses (a quantity in the file is stock you ship yourself).',
    ]);
    const again = await reimport(summary, 'EUR');
    const fields = (l: { sku: string | null; title: string; priceMinor: number | null; quantity: number | null; condition: string | null; status: string; attributes: Record<string, string> }) =>
      [l.sku, l.title, l.priceMinor, l.quantity, l.condition, l.status, l.attributes['ASIN']];
    const bySku = (list: typeof again) => [...list].sort((a, b) => (a.sku ?? '').localeCompare(b.sku ?? '')).map(fields);
    expect(bySku(again)).toEqual(bySku(before.listings as unknown as typeof again));
    catalog.close();
  });

  it("a title over Amazon's 200 characters (Amazon's own, on amazon.fr) does not leave the listing out of a partial update; a new listing's still does", async () => {
    const catalog = await catalogFromText(new Uint8Array(readFileSync(corpusPath('amazon_fba-inventory-report_FR_titles-over-200-characters__Vladiuse.txt'))), { ext: 'txt', currency: 'EUR' });
    const { summary, files } = await exportAll(catalog, 'amazon_flat_file');
    expect([summary.rows, summary.skipped]).toEqual([22, 0]);
    const long = files[0]!.rows.filter((row) => [...files[0]!.at(row, 'item_name')].length > 200);
    expect(long.map((row) => [...files[0]!.at(row, 'item_name')].length).sort()).toEqual([207, 208, 211, 218, 225, 227]);
    expect(long.every((row) => files[0]!.at(row, 'update_delete') === 'PartialUpdate')).toBe(true);
    expect(summary.problems.filter((p) => /Amazon allows 200\. Written as it is in a partial update/.test(p.message))).toHaveLength(6);
    expect((await reimport(summary, 'EUR')).filter((l) => [...l.title].length > 200)).toHaveLength(6);
    catalog.close();
    // A listing from elsewhere would be created by the file (Update): Amazon's limit stands.
    const other = await catalogFromText(`title,price,sku\n${'Long title '.repeat(20)}x,5.00,LT-1\n`);
    const refused = await exportAll(other, 'amazon_flat_file');
    expect([refused.summary.rows, refused.summary.skipped]).toEqual([0, 1]);
    other.close();
  });
});
