import { describe, expect, it } from 'vitest';
import { evaluateField, fieldLimit } from '../../../common/rules/index.js';
import { readAllListings } from '../fidelity/catalog-state.js';
import { catalogFromText, exportAll, reimport } from './export-helpers.js';

/**
 * eBay takes up to 24 photos in a listing in most categories (eBay's developer guides, "Introduction
 * to Pictures in Listings"; 12 per variation). A real seller's File Exchange upload had 13 to 15
 * (fsoriano-sauce/laptop-diagnostic-n-reset ebay_listings_upload.csv): the export cut them to 12, so
 * the photos past 12 were gone from the upload and a re-import found the listing changed.
 */
const photos = (n: number, id: string): string[] => Array.from({ length: n }, (_, i) => `https://img.example/${id}/${i + 1}.jpg`);
const HEADER = 'Info,Version=1.0.0,Template=fx_category_template_EBAY_US\n*Action(SiteID=US|Country=US|Currency=USD|Version=1193|CC=UTF-8),CustomLabel,*Category,*Title,*ConditionID,PicURL,*Description,*Format,*StartPrice,*Quantity';
const row = (sku: string, n: number): string => `Add,${sku},177,Laptop ${sku},3000,${photos(n, sku).join('|')},Audited and restored,FixedPrice,420.99,1`;

describe('eBay export: photos past 12', () => {
  it('writes all 15 photos of a listing and reads them back unchanged', async () => {
    const catalog = await catalogFromText([HEADER, row('JW3X9S3', 15)].join('\n'));
    const before = readAllListings(catalog);
    expect(before[0]!.images).toHaveLength(15);
    const { summary, files } = await exportAll(catalog, 'ebay_seller_hub');
    const file = files[0]!;
    const listingRow = file.rows.find((r) => file.at(r, 'Title') === 'Laptop JW3X9S3')!;
    expect(file.at(listingRow, 'Item photo URL').split('|')).toEqual(photos(15, 'JW3X9S3'));
    expect(JSON.stringify(summary.problems)).not.toContain('photos');
    const back = await reimport(summary);
    expect(back[0]!.images).toEqual(before[0]!.images);
    catalog.close();
  });

  it('keeps 24 and names the photos past 24 it leaves out', async () => {
    const catalog = await catalogFromText([HEADER, row('BIG', 26)].join('\n'));
    const { summary, files } = await exportAll(catalog, 'ebay_seller_hub');
    const file = files[0]!;
    expect(file.at(file.rows[0]!, 'Item photo URL').split('|')).toEqual(photos(24, 'BIG'));
    expect(JSON.stringify(summary)).toContain("2 photos past eBay's 24 are left out.");
    catalog.close();
  });

  it('the quality check uses the same limit: 24 photos pass, 25 are too many', () => {
    expect(fieldLimit('ebay', 'images')).toEqual({ max: 24, unit: 'items' });
    const over = (n: number): boolean => evaluateField('images', photos(n, 'x'), 'ebay').some((issue) => issue.ruleId === 'ebay.images.max_count');
    expect([over(13), over(24), over(25)]).toEqual([false, false, true]);
  });
});
