import { describe, expect, it } from 'vitest';
import { newListing } from '../catalog/temp-catalog.js';
import { readAllListings } from '../fidelity/catalog-state.js';
import { catalogFromText, catalogWith, exportAll, reimport } from './export-helpers.js';

/**
 * docs/FIDELITY.md §3: what Listsmith does not model goes back, under its own header, when a
 * listing is exported to the format it came from.
 */

const SHOPIFY = [
  'Handle,Title,Body (HTML),Vendor,Type,Tags,Option1 Name,Option1 Value,Variant SKU,Variant Grams,Variant Inventory Tracker,Variant Inventory Qty,Variant Price,Image Src,Image Position,Image Alt Text,Fabric (product.metafields.custom.fabric),Status',
  'wool-scarf,Wool scarf,<p>Warm.</p>,Acme,Scarves,winter,Color,Grey,SC-G,180,shopify,4,35.00,https://x/grey.jpg,1,Grey scarf folded,Merino,active',
  'wool-scarf,,,,,,,Navy,SC-N,190,,2,35.00,https://x/navy.jpg,2,Navy scarf worn,,',
].join('\n');

describe('kept columns go back to the format they came from', () => {
  it('Shopify: variant columns on their variant rows, image alt text on its image row, a metafield with its edited value', async () => {
    const catalog = await catalogFromText(SHOPIFY);
    const [listing] = readAllListings(catalog);
    expect(listing!.source?.attributeColumns?.['Fabric']).toBe('Fabric (product.metafields.custom.fabric)');
    // The seller edits the metafield in Listsmith: the export writes the edited value under its header.
    catalog.db.prepare("UPDATE listings SET attributes = json_set(attributes, '$.Fabric', 'Cashmere')").run();
    // Its own format: the 2019–2023 headers it came with.
    const { summary, files } = await exportAll(catalog, 'shopify_legacy');
    expect(files).toHaveLength(1);
    const [file] = files;
    expect(file!.header).toContain('Handle');
    const cells = (column: string) => file!.rows.map((row) => file!.at(row, column));
    expect(cells('Variant Grams')).toEqual(['180', '190']);
    expect(cells('Variant Inventory Tracker')).toEqual(['shopify', '']);
    expect(cells('Image Alt Text')).toEqual(['Grey scarf folded', 'Navy scarf worn']);
    expect(cells('Fabric (product.metafields.custom.fabric)')).toEqual(['Cashmere', '']);
    // The kept columns come after the format's own, in first-seen order.
    const own = file!.header.indexOf('Status');
    expect(['Variant Grams', 'Image Alt Text', 'Fabric (product.metafields.custom.fabric)'].every((column) => file!.header.indexOf(column) > own)).toBe(true);

    const [back] = await reimport(summary);
    expect(back!.attributes['Fabric']).toBe('Cashmere');
    expect(back!.variants.map((v) => v.columns?.['Variant Grams'])).toEqual(['180', '190']);
    expect(back!.source?.imageColumns?.['https://x/navy.jpg']).toEqual({ 'Image Alt Text': 'Navy scarf worn' });
    catalog.close();
  });

  it('exported in the 2024/25 headers, its kept columns still fill the columns they name there', async () => {
    const catalog = await catalogFromText(SHOPIFY);
    const { summary, files } = await exportAll(catalog, 'shopify');
    const [file] = files;
    // The legacy tracker column is this generation's "Inventory tracker": no second column for it.
    expect(file!.header.filter((column) => /tracker/i.test(column))).toEqual(['Inventory tracker']);
    expect(file!.rows.map((row) => file!.at(row, 'Inventory tracker'))).toEqual(['shopify', '']);
    expect(file!.rows.map((row) => file!.at(row, 'Variant Grams'))).toEqual(['180', '190']);
    expect(summary.problems.some((p) => /1 listings came from Shopify files with the 2019–2023 headers/.test(p.message))).toBe(true);
    catalog.close();
  });

  it("kept columns stay out of other formats' files", async () => {
    const catalog = await catalogFromText(SHOPIFY);
    const { files } = await exportAll(catalog, 'woocommerce');
    expect(files[0]!.header.filter((column) => /Grams|Alt Text|metafields/.test(column))).toEqual([]);
    catalog.close();
  });

  it("a status word Listsmith only approximates goes back while the listing's status still maps from it", async () => {
    const unlisted = (status: 'active' | 'draft', handle: string) =>
      newListing({ marketplace: 'shopify', sourceId: handle, title: handle, status, source: { dialect: 'shopify', layout: 'current', columns: {}, status: 'published' } });
    const catalog = catalogWith([unlisted('active', 'still-active'), unlisted('draft', 'now-draft')]);
    const { files } = await exportAll(catalog, 'shopify');
    const [file] = files;
    expect(file!.rows.map((row) => [file!.at(row, 'URL handle'), file!.at(row, 'Status')])).toEqual([
      ['still-active', 'published'],
      ['now-draft', 'draft'],
    ]);
    catalog.close();
  });

  it('a field the reader could not read is kept as written and fills its own column again', async () => {
    const listing = newListing({ marketplace: 'woocommerce', sourceId: '7', sku: 'W-7', title: 'Wax candle', priceMinor: null, source: { dialect: 'woocommerce', columns: { 'Regular price': '15 000 Fcfa' } } });
    const catalog = catalogWith([listing]);
    const { files } = await exportAll(catalog, 'woocommerce');
    expect(files[0]!.at(files[0]!.rows[0]!, 'Regular price')).toBe('15 000 Fcfa');
    catalog.close();
  });

  it('a WooCommerce file from a German admin goes back with German headers, its kept columns under theirs', async () => {
    const csv = ['ID,Typ,Artikelnummer,Name,Veröffentlicht,Ist hervorgehoben?,Beschreibung,Bestand,Regulärer Preis', '21,simple,KR-1,Krug,1,1,<p>Steingut.</p>,3,24.00'].join('\n');
    const catalog = await catalogFromText(csv, { currency: 'EUR' });
    expect(readAllListings(catalog)[0]!.source?.layout).toBe('de_DE');
    const { summary, files } = await exportAll(catalog, 'woocommerce');
    const [file] = files;
    expect(file!.header).toEqual(expect.arrayContaining(['ID', 'Typ', 'Artikelnummer', 'Veröffentlicht', 'Beschreibung', 'Bestand', 'Regulärer Preis', 'Ist hervorgehoben?']));
    expect(file!.header).not.toContain('Is featured?');
    expect(summary.files[0]!.note).toContain('headers in de_DE');
    const [back] = await reimport(summary, 'EUR');
    expect(back).toMatchObject({ sourceId: '21', sku: 'KR-1', priceMinor: 2400, quantity: 3, source: { layout: 'de_DE', columns: { 'Ist hervorgehoben?': '1' } } });
    catalog.close();
  });
});
