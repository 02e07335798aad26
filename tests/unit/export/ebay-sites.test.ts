import { describe, expect, it } from 'vitest';
import { ebayActionHeader, ebaySiteByName } from '../../../common/ebay-sites.js';
import { previewExport } from '../../../core/export/export-listings.js';
import { ebayConditionId } from '../../../core/export/formats/ebay.js';
import { newListing } from '../catalog/temp-catalog.js';
import { catalogFromText, catalogWith, exportAll, reimport } from './export-helpers.js';

/** eBay uploads name one site in their Action header; every price in the file is in its currency. */

const ebay = (overrides: Parameters<typeof newListing>[0] = {}) => newListing({ marketplace: 'ebay', ...overrides });

describe('eBay files per site', () => {
  it('names sites as File Exchange does', () => {
    expect(ebayActionHeader('UK')).toBe('Action(SiteID=UK|Country=GB|Currency=GBP|Version=1193|CC=UTF-8)');
    expect(ebayActionHeader('DE')).toBe('Action(SiteID=Germany|Country=DE|Currency=EUR|Version=1193|CC=UTF-8)');
    expect(ebayActionHeader('AU')).toBe('Action(SiteID=Australia|Country=AU|Currency=AUD|Version=1193|CC=UTF-8)');
    expect(['US', 'UK', 'Germany', 'eBay Motors', '77', '100', 'Spain', 'nonsense'].map(ebaySiteByName)).toEqual(['US', 'UK', 'DE', 'MOTORS', 'DE', 'MOTORS', 'ES', null]);
  });

  it('GBP and EUR listings can be exported: each site gets its file, the largest keeps the plain name', async () => {
    const catalog = catalogWith([
      ebay({ sku: 'US-1', title: 'Dollar mug', currency: 'USD' }),
      ebay({ sku: 'UK-1', title: 'Pound mug', currency: 'GBP' }),
      ebay({ sku: 'UK-2', title: 'Pound cup', currency: 'GBP' }),
      ebay({ sku: 'EU-1', title: 'Euro mug', currency: 'EUR' }),
    ]);
    const { summary, files } = await exportAll(catalog, 'ebay_seller_hub');
    expect(summary.skipped).toBe(0);
    expect(files.map((file) => [file.name, file.header[0], file.rows.map((row) => file.at(row, 'Custom label (SKU)'))])).toEqual([
      ['export.csv', ebayActionHeader('UK'), ['UK-1', 'UK-2']],
      ['export-2-us.csv', ebayActionHeader('US'), ['US-1']],
      ['export-3-de.csv', ebayActionHeader('DE'), ['EU-1']],
    ]);
    expect(summary.files.map((file) => file.note)).toEqual(['2 listings · eBay UK (GBP)', '1 listing · eBay US (USD)', '1 listing · eBay Germany (EUR)']);
    catalog.close();
  });

  it('EUR listings that name no site go where the seller says (Germany unless chosen); the preview asks', async () => {
    const catalog = catalogWith([ebay({ sku: 'EU-1', title: 'Euro mug', currency: 'EUR' })]);
    const preview = await previewExport(catalog, { format: 'ebay_seller_hub', scope: { kind: 'all' } });
    expect(preview.ebaySiteChoice).toEqual({ listings: 1, site: 'DE' });
    const { files } = await exportAll(catalog, 'ebay_seller_hub', { ebaySite: 'FR' });
    expect(files[0]!.header[0]).toBe(ebayActionHeader('FR'));
    catalog.close();
  });

  it('a listing goes to the site its source names (the Action header, a report\'s Listing site); a price in another currency is skipped', async () => {
    const catalog = catalogWith([
      ebay({ sku: 'IT-1', title: 'Tazza', currency: 'EUR', source: { dialect: 'ebay_seller_hub', layout: '*Action(SiteID=Italy|Country=IT|Currency=EUR|Version=941)', columns: {} } }),
      ebay({ sku: 'AU-1', title: 'Mug', currency: 'AUD', source: { dialect: 'ebay_report', columns: { 'Listing site': 'Australia' } } }),
      ebay({ sku: 'UK-X', title: 'Mismatch', currency: 'USD', source: { dialect: 'ebay_report', columns: { 'Listing site': 'UK' } } }),
      ebay({ sku: 'JP-1', title: 'Yen mug', currency: 'JPY' }),
    ]);
    const { summary, files } = await exportAll(catalog, 'ebay_seller_hub');
    expect(files.map((file) => file.header[0])).toEqual([ebayActionHeader('IT'), ebayActionHeader('AU')]);
    expect(summary.skipped).toBe(2);
    expect(summary.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/"Mismatch".*USD, but it is listed on eBay UK, which takes GBP/), expect.stringMatching(/"Yen mug".*no eBay site takes JPY/)]),
    );
    catalog.close();
  });
});

describe('eBay columns', () => {
  it('Condition ID from the condition name or number; Category ID from an eBay category number', async () => {
    expect(['New', 'used', '3000', 'Like New', 'Pre-owned', 'Mint-ish', null].map(ebayConditionId)).toEqual(['1000', '3000', '3000', '2750', '3000', null, null]);
    const catalog = catalogWith([ebay({ sku: 'C-1', title: 'Used lamp', condition: 'Used', category: '112581' }), ebay({ sku: 'C-2', title: 'Odd lamp', condition: 'Mint-ish', category: 'Lamps' })]);
    const { summary, files } = await exportAll(catalog, 'ebay_seller_hub');
    const [file] = files;
    expect(file!.rows.map((row) => [file!.at(row, 'Condition ID'), file!.at(row, 'Category ID')])).toEqual([
      ['3000', '112581'],
      ['', ''],
    ]);
    expect(summary.problems.some((p) => /"Mint-ish" has no eBay condition ID/.test(p.message))).toBe(true);
    catalog.close();
  });

  it('a report listing: Revise of its item, report-only columns neither written nor item specifics, listed as not uploadable', async () => {
    const report = [
      'Item number,Title,Custom label (SKU),Available quantity,Format,Currency,Start price,Current price,Sold quantity,Watchers,Start date,End date,Condition,eBay category 1 name,eBay category 1 number,Listing site,C:Brand',
      '266012345678,Brass desk lamp,LAMP-1,3,FIXED_PRICE,GBP,40.00,45.00,7,12,Mar-01-24,,Used,Desk Lamps,112581,UK,Acme',
    ].join('\n');
    const catalog = await catalogFromText(report, { currency: 'GBP' });
    const { summary, files } = await exportAll(catalog, 'ebay_seller_hub');
    expect(summary.skipped).toBe(0);
    const [file] = files;
    expect(file!.header[0]).toBe(ebayActionHeader('UK'));
    const row = file!.rows[0]!;
    expect([file!.at(row, file!.header[0]!), file!.at(row, 'Item number'), file!.at(row, 'Category ID'), file!.at(row, 'Condition ID'), file!.at(row, 'C:Brand')]).toEqual(['Revise', '266012345678', '112581', '3000', 'Acme']);
    for (const reportOnly of ['Sold quantity', 'Watchers', 'Start date', 'Listing site', 'eBay category 1 number', 'C:Watchers', 'C:Sold quantity', 'C:Start date']) {
      expect(file!.header, reportOnly).not.toContain(reportOnly);
    }
    const note = summary.problems.find((p) => /not uploadable/.test(p.message))!.message;
    for (const reportOnly of ['Sold quantity', 'Watchers', 'Start date', 'Listing site']) expect(note).toContain(`"${reportOnly}"`);
    expect(summary.problems.some((p) => /1 listings with an eBay item number are written as Revise/.test(p.message))).toBe(true);
    catalog.close();
  });

  it('a Seller Hub file goes back with its own site, action, Condition ID and item specifics under their headers', async () => {
    const upload = [
      '*Action(SiteID=Germany|Country=DE|Currency=EUR|Version=941),Custom label (SKU),Category ID,Title,Price,Quantity,Condition ID,Format, C:Marke,C:Farbe',
      'Add,TASSE-1,20625,Kaffeetasse,12.50,4,1000,FixedPrice,Acme,Blau',
    ].join('\n');
    const catalog = await catalogFromText(upload, { currency: 'EUR' });
    const { summary, files } = await exportAll(catalog, 'ebay_seller_hub');
    const [file] = files;
    expect(file!.header[0]).toBe(ebayActionHeader('DE'));
    const row = file!.rows[0]!;
    expect([file!.at(row, file!.header[0]!), file!.at(row, 'Price'), file!.at(row, 'Condition ID'), file!.at(row, 'C:Marke'), file!.at(row, 'C:Farbe')]).toEqual(['Add', '12.50', '1000', 'Acme', 'Blau']);
    const [back] = await reimport(summary, 'EUR');
    expect(back).toMatchObject({ sku: 'TASSE-1', title: 'Kaffeetasse', priceMinor: 1250, currency: 'EUR', quantity: 4, condition: 'New', status: 'active', attributes: { Marke: 'Acme', Farbe: 'Blau' } });
    catalog.close();
  });
});
