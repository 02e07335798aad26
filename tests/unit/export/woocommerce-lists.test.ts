import { describe, expect, it } from 'vitest';
import { corpusPath } from '../../corpus-files.js';
import { readAllListings } from '../fidelity/catalog-state.js';
import { catalogFromText, exportAll, importInto, reimport } from './export-helpers.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { tempDbPath } from '../catalog/temp-catalog.js';

/**
 * WooCommerce writes a list (Categories, Tags, Images, an attribute's values) as values joined by
 * `, ` with every comma inside a value escaped as `\,`, and its importer splits only at the bare
 * commas (implode_values / explode_values in WC_CSV_Exporter and WC_Product_CSV_Importer). A
 * variation row's value is read the same way, and WooCommerce keeps its first part.
 */

/** WooCommerce's explode_values(): split at commas not preceded by `\`, unescape, trim. */
function wooSplit(cell: string): string[] {
  return cell
    .split(/(?<!\\),/)
    .map((part) => part.replaceAll('\\,', ',').trim())
    .filter((part) => part !== '');
}

describe('WooCommerce export: commas inside list values', () => {
  it('a pharmacy export whose tags end in a comma (`amaryl\\,`) goes back with every tag, escaped', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    await importInto(catalog, corpusPath('woocommerce_wc-product-export_escaped-commas-in-tags_pharmacy__MichaelOlanrewaju.csv'), { currency: 'NGN' });
    const listings = readAllListings(catalog);
    const amaryl = listings.find((listing) => listing.sourceId === '19835')!;
    expect(amaryl.tags).toEqual(['amaryl,', 'brand', 'diabetes', 'diabetes,', 'healthplus,', 'medication,', 'only,', 'prescription', 'top']);

    const { summary, files } = await exportAll(catalog, 'woocommerce');
    expect(summary.skipped).toBe(0);
    expect(summary.problems.filter((p) => /separates values/.test(p.message))).toEqual([]);
    const [file] = files;
    const row = file!.rows.find((r) => file!.at(r, 'ID') === '19835')!;
    expect(file!.at(row, 'Tags')).toBe('amaryl\\,, brand, diabetes, diabetes\\,, healthplus\\,, medication\\,, only\\,, prescription, top');
    // What WooCommerce itself reads from the cell.
    expect(wooSplit(file!.at(row, 'Tags'))).toEqual(amaryl.tags);

    const back = await reimport(summary, 'NGN');
    expect(back.map((listing) => [listing.sourceId, listing.tags])).toEqual(listings.map((listing) => [listing.sourceId, listing.tags]));
    catalog.close();
  });

  it('a variation value with a comma ("1,5 kg", as WooCommerce writes it: `1\\,5 kg`) stays one value both ways', async () => {
    const csv = [
      'ID,Type,SKU,Name,Regular price,Categories,Parent,Attribute 1 name,Attribute 1 value(s),Attribute 1 visible,Attribute 1 global',
      '501,variable,KAF,Kaffee,,"Kaffee\\, Tee",,Gewicht,"1\\,5 kg, 3 kg",1,0',
      '502,variation,KAF-15,"Kaffee - 1\\,5 kg",19.90,,id:501,Gewicht,"1\\,5 kg",,0',
      '503,variation,KAF-3,Kaffee - 3 kg,34.90,,id:501,Gewicht,3 kg,,0',
    ].join('\n');
    const catalog = await catalogFromText(csv, { currency: 'EUR' });
    const [listing] = readAllListings(catalog);
    expect(listing!.variants.map((variant) => variant.options)).toEqual([[{ name: 'Gewicht', value: '1,5 kg' }], [{ name: 'Gewicht', value: '3 kg' }]]);
    expect(listing!.category).toBe('Kaffee, Tee');

    const { summary, files } = await exportAll(catalog, 'woocommerce');
    const [file] = files;
    const [product, ...variations] = file!.rows;
    expect(file!.at(product!, 'Attribute 1 value(s)')).toBe('1\\,5 kg, 3 kg');
    expect(wooSplit(file!.at(product!, 'Attribute 1 value(s)'))).toEqual(['1,5 kg', '3 kg']);
    expect(file!.at(product!, 'Categories')).toBe('Kaffee\\, Tee');
    // WooCommerce keeps the first part of a variation's value split at bare commas: "1" without the escape.
    expect(variations.map((row) => wooSplit(file!.at(row, 'Attribute 1 value(s)'))[0])).toEqual(['1,5 kg', '3 kg']);

    const [back] = await reimport(summary, 'EUR');
    expect(back!.variants.map((variant) => variant.options)).toEqual(listing!.variants.map((variant) => variant.options));
    expect(back!.category).toBe('Kaffee, Tee');
    catalog.close();
  });
});

describe('WooCommerce export: variations that vary by more than three attributes', () => {
  // An awards seller's WooCommerce import file (Dylanmurzello/new woocommerce.csv) has six
  // attribute slots and 1,319 products whose variations vary by four of them; the export skipped
  // each ("this export writes 3"), though WooCommerce numbers attributes without a limit.
  it('writes the fourth attribute in its own columns and reads it back', async () => {
    const csv = [
      'ID,Type,SKU,Name,Regular price,Parent,Attribute 1 name,Attribute 1 value(s),Attribute 2 name,Attribute 2 value(s),Attribute 3 name,Attribute 3 value(s),Attribute 4 name,Attribute 4 value(s)',
      ',variable,AW-1,Football Ribbon Resin,,,Size,"Small, Large",Sport,Football,Material,Resin,Color,"Gold, Silver"',
      ',variation,AW-1-SG,Football Ribbon Resin - Small Gold,12.50,AW-1,Size,Small,Sport,Football,Material,Resin,Color,Gold',
      ',variation,AW-1-LS,Football Ribbon Resin - Large Silver,15.00,AW-1,Size,Large,Sport,Football,Material,Resin,Color,Silver',
    ].join('\n');
    const catalog = await catalogFromText(csv);
    const [listing] = readAllListings(catalog);
    expect(listing!.variants[0]!.options.map((option) => option.name)).toEqual(['Size', 'Sport', 'Material', 'Color']);

    const { summary, files } = await exportAll(catalog, 'woocommerce');
    expect(summary.skipped).toBe(0);
    const [file] = files;
    const [product, ...variations] = file!.rows;
    expect(file!.at(product!, 'Attribute 4 name')).toBe('Color');
    expect(file!.at(product!, 'Attribute 4 value(s)')).toBe('Gold, Silver');
    expect(variations.map((row) => [file!.at(row, 'Attribute 4 name'), file!.at(row, 'Attribute 4 value(s)')])).toEqual([
      ['Color', 'Gold'],
      ['Color', 'Silver'],
    ]);

    const [back] = await reimport(summary);
    expect(back!.variants.map((variant) => [variant.sku, variant.options, variant.priceMinor])).toEqual(listing!.variants.map((variant) => [variant.sku, variant.options, variant.priceMinor]));
    catalog.close();
  });
});
