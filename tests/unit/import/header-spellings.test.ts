import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyImport } from '../../../core/import/apply-import.js';
import { openImportSource } from '../../../core/import/open-import-source.js';
import { catalogFromText, exportAll } from '../export/export-helpers.js';

/**
 * eBay's File Exchange template spells its columns `*ConditionID`, `*Format`; the Seller Hub upload
 * Listsmith writes spells them `Condition ID`, `Format`. Reading our export of such a file back is
 * the same listing: unchanged, its kept columns under the spelling it first came with.
 */

const FILE_EXCHANGE = [
  'Info,Version=1.0.0,Template=fx_category_template_EBAY_US',
  '*Action(SiteID=US|Country=US|Currency=USD|Version=1193|CC=UTF-8),CustomLabel,*Category,*Title,*ConditionID,*C:Brand,C:Model,PicURL,*Description,*Format,*Duration,*StartPrice,*Quantity,*Location,*DispatchTimeMax',
  'Add,LAP-1,177,Dell Vostro 7620 Laptop,3000,Dell,Vostro 7620,https://img.example/1.jpg,<p>Works</p>,FixedPrice,GTC,420.99,1,"Boca Raton, FL",3',
  'Add,LAP-2,177,HP EliteBook 840 G8,2500,HP,EliteBook 840,https://img.example/2.jpg,<p>Refurbished</p>,FixedPrice,GTC,389.00,2,"Boca Raton, FL",3',
].join('\n');

describe('a column spelled another way by our own export', () => {
  it('reads back unchanged, and the kept columns keep their first spelling', async () => {
    const catalog = await catalogFromText(FILE_EXCHANGE);
    const { summary } = await exportAll(catalog, 'ebay_seller_hub');
    const file = summary.files[0]!.path;
    const source = await openImportSource(file, { fileName: path.basename(file), defaultCurrency: 'USD' });
    const report = await applyImport(catalog, source, { fileName: path.basename(file), operationId: 'again' });
    expect(report.rows).toMatchObject({ new: 0, updated: 0, unchanged: 2 });
    const sources = catalog.db.prepare('SELECT data FROM listing_sources ORDER BY listing_id').pluck().all() as string[];
    expect(sources).toHaveLength(2);
    for (const text of sources) {
      const kept = Object.keys((JSON.parse(text) as { columns: Record<string, string> }).columns);
      // Kept once, under the upload column an eBay export writes it in (so a fresh catalog reads it back the same).
      expect(kept.filter((header) => /^\*?condition ?id$/i.test(header))).toEqual(['Condition ID']);
    }
    catalog.close();
  });
});
