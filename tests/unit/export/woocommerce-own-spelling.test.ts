import { describe, expect, it } from 'vitest';
import { catalogFromText, exportAll } from './export-helpers.js';

/**
 * A script-written WooCommerce import file may spell WooCommerce's headers in lower case (`type`,
 * `name`, `description`: WooCommerce reads headers without regard to case), as an awards seller's
 * file does (tests/real-files, Dylanmurzello). Its kept cells are stored under those headers, so
 * its export writes them back so spelled; a file with WooCommerce's own headers gets them as before.
 */
describe("WooCommerce export: the file's own spelling of WooCommerce's headers", () => {
  it('a file with lower-case labels goes back with lower-case labels, its attribute headers as written', async () => {
    const csv = [
      'type,sku,name,regular_price,categories,description,Attribute 1 name,Attribute 1 value(s),Attribute 1 visible,Attribute 1 global,parent',
      'variable,P1,Award,,Resins,,Size,"Medium,Large",1,1,',
      'variation,A1,Award,15.0,Resins,"7 in",Size,Medium,1,1,P1',
      'variation,A2,Award,20.5,Resins,"8 in",Size,Large,1,1,P1',
      'simple,S1,Plaque,9.00,Plaques,A plaque,,,,,',
    ].join('\n');
    const catalog = await catalogFromText(csv, { currency: 'USD' });
    const { files } = await exportAll(catalog, 'woocommerce');
    expect(files).toHaveLength(1);
    const [file] = files;
    expect(file!.header.slice(0, 8)).toEqual(['id', 'type', 'sku', 'name', 'published', 'description', 'regular price', 'categories']);
    expect(file!.header).toContain('Attribute 1 name');
    // The variations' own names and descriptions went back to their columns, not beside them.
    expect(file!.header.filter((h) => h.toLowerCase() === 'name' || h.toLowerCase() === 'description')).toEqual(['name', 'description']);
    const a1 = file!.rows.find((row) => file!.at(row, 'sku') === 'A1')!;
    expect([file!.at(a1, 'name'), file!.at(a1, 'description')]).toEqual(['Award', '7 in']);
    catalog.close();
  });

  it("a file with WooCommerce's own headers gets WooCommerce's own headers", async () => {
    const csv = ['ID,Type,SKU,Name,Published,Description,Regular price,Categories', '12,simple,S1,Plaque,1,A plaque,9.00,Plaques'].join('\n');
    const catalog = await catalogFromText(csv, { currency: 'USD' });
    const { files } = await exportAll(catalog, 'woocommerce');
    expect(files[0]!.header.slice(0, 4)).toEqual(['ID', 'Type', 'SKU', 'Name']);
    catalog.close();
  });
});
