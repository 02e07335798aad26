import { describe, expect, it } from 'vitest';
import { readAllListings } from '../fidelity/catalog-state.js';
import { catalogFromText, exportAll, reimport } from './export-helpers.js';

/**
 * A File Exchange category template marks required columns with `*` (`*Format`, `*Duration`,
 * `*StartPrice`; fsoriano-sauce/laptop-diagnostic-n-reset ebay_listings_upload.csv). The listing's
 * `Format` went out in the upload's own `Format` column, so a re-import read it from another header
 * than the catalog remembered, and `*ConditionID` (written in the upload's `Condition ID`) came back
 * under that name: every listing of the file came back changed.
 */
const CSV = [
  'Info,Version=1.0.0,Template=fx_category_template_EBAY_US',
  '*Action(SiteID=US|Country=US|Currency=USD|Version=1193|CC=UTF-8),CustomLabel,*Category,*Title,*ConditionID,PicURL,*Description,*Format,*Duration,*StartPrice,*Quantity',
  'Add,JW3X9S3,177,Dell Vostro 7620,3000,https://img.example/1.jpg,Audited,FixedPrice,GTC,420.99,1',
].join('\n');

describe('eBay File Exchange upload with `*` required marks', () => {
  it('comes back from an eBay export unchanged: Format, Duration and the Condition ID it was given', async () => {
    const catalog = await catalogFromText(CSV);
    const before = readAllListings(catalog);
    expect(before[0]!.attributes).toMatchObject({ Format: 'FixedPrice', Duration: 'GTC' });
    const { summary } = await exportAll(catalog, 'ebay_seller_hub');
    const back = await reimport(summary);
    // The Action cell is kept under the header naming the site, which the export writes its own way.
    const kept = (l: (typeof before)[number]): unknown[] => [l.attributes, l.source?.attributeColumns, Object.entries(l.source?.columns ?? {}).filter(([header]) => !/^\*?action\(/i.test(header))];
    expect(back.map(kept)).toEqual(before.map(kept));
    catalog.close();
  });
});
