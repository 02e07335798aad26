import { describe, expect, it } from 'vitest';
import { readAllListings } from '../fidelity/catalog-state.js';
import { catalogFromText, exportAll, reimport } from './export-helpers.js';

/**
 * WooCommerce's own exporter numbers a variable product's attributes from 1 and each variation's
 * apart: a product attribute that is not a variation attribute often holds slot 1 of the product
 * row while the variations vary by slot 1 of theirs (real file: marroxo/Website
 * wc-product-export.csv, product 14796, "Tiers" beside "Exodus menu full").
 */
const TIERS = 'Day (USA), Day (Europe), Week (USA), Week (Europe)';
const CSV = [
  'ID,Type,SKU,Name,Published,In stock?,Stock,Regular price,Parent,Attribute 1 name,Attribute 1 value(s),Attribute 1 visible,Attribute 1 global,Attribute 2 name,Attribute 2 value(s),Attribute 2 visible,Attribute 2 global',
  `14796,variable,,Mod menu,1,1,,,,Tiers,"${TIERS}",0,0,Menu,"Day, Week",1,0`,
  '15038,variation,,Mod menu - Day,1,1,,5,id:14796,Menu,Day,,0,,,,',
  '15040,variation,,Mod menu - Week,1,1,,8.20,id:14796,Menu,Week,,0,,,,',
].join('\n');

describe('WooCommerce export: product attributes and variation attributes in distinct slots', () => {
  it('a product attribute read from slot 1 goes back to slot 1, the variation attribute to a free slot', async () => {
    const catalog = await catalogFromText(CSV);
    const [listing] = readAllListings(catalog);
    expect(listing!.attributes['Tiers']).toBe(TIERS);

    const { summary, files } = await exportAll(catalog, 'woocommerce');
    const [file] = files;
    const [product, ...variations] = file!.rows;
    expect(file!.at(product!, 'Attribute 1 name')).toBe('Tiers');
    expect(file!.at(product!, 'Attribute 1 value(s)')).toBe(TIERS);
    expect(file!.at(product!, 'Attribute 1 visible')).toBe('0');
    expect(file!.at(product!, 'Attribute 2 name')).toBe('Menu');
    expect(file!.at(product!, 'Attribute 2 value(s)')).toBe('Day, Week');
    expect(file!.at(product!, 'Attribute 2 visible')).toBe('1');
    expect(variations.map((row) => file!.at(row, 'Attribute 1 value(s)'))).toEqual(['Day', 'Week']);

    const [back] = await reimport(summary);
    expect(back!.attributes['Tiers']).toBe(TIERS);
    expect(back!.variants.map((variant) => variant.options)).toEqual([[{ name: 'Menu', value: 'Day' }], [{ name: 'Menu', value: 'Week' }]]);
    catalog.close();
  });

  it('a variation attribute whose product row offers more values than its variations have goes back with that list, in its slot', async () => {
    const csv = [
      'ID,Type,SKU,Name,Regular price,Parent,Attribute 1 name,Attribute 1 value(s),Attribute 2 name,Attribute 2 value(s)',
      '103126,variable,,Aim tool,,,Platform,PC,Plan,"Day, Week, Month, Quarterly"',
      '103129,variation,,Aim tool - Week,8,id:103126,Plan,Week,,',
      '103130,variation,,Aim tool - Month,20,id:103126,Plan,Month,,',
    ].join('\n');
    const catalog = await catalogFromText(csv);
    const { summary, files } = await exportAll(catalog, 'woocommerce');
    const [product] = files[0]!.rows;
    expect(files[0]!.at(product!, 'Attribute 1 name')).toBe('Platform');
    expect(files[0]!.at(product!, 'Attribute 2 name')).toBe('Plan');
    expect(files[0]!.at(product!, 'Attribute 2 value(s)')).toBe('Day, Week, Month, Quarterly');
    const [back] = await reimport(summary);
    expect(back!.source?.columns['Attribute 2 value(s)']).toBe('Day, Week, Month, Quarterly');
    expect(back!.attributes['Platform']).toBe('PC');
    catalog.close();
  });

  it('a product without kept attribute slots still writes its variation attributes from slot 1', async () => {
    const csv = [
      'ID,Type,SKU,Name,Regular price,Parent,Attribute 1 name,Attribute 1 value(s)',
      '7,variable,MUG,Mug,,,Colour,"Red, Blue"',
      '8,variation,MUG-R,Mug - Red,4,id:7,Colour,Red',
      '9,variation,MUG-B,Mug - Blue,4,id:7,Colour,Blue',
    ].join('\n');
    const catalog = await catalogFromText(csv);
    const { files } = await exportAll(catalog, 'woocommerce');
    const [product] = files[0]!.rows;
    expect(files[0]!.at(product!, 'Attribute 1 name')).toBe('Colour');
    expect(files[0]!.at(product!, 'Attribute 1 value(s)')).toBe('Red, Blue');
    catalog.close();
  });

  it('an attribute named without values keeps its slot; the variation attributes take free ones', async () => {
    // An awards seller's import file (Dylanmurzello/new woocommerce.csv) names Color, Shape… with no
    // values beside the Size and Material its variations vary by; Material was written over Color.
    const csv = [
      'type,sku,name,regular_price,parent,Attribute 1 name,Attribute 1 value(s),Attribute 2 name,Attribute 2 value(s),Attribute 3 name,Attribute 3 value(s)',
      'variable,PARENT_2,Astro Spinner,,,Size,Medium,Color,,Material,Resin',
      'variation,ASP101,Astro Spinner,16.50,PARENT_2,Size,Medium,Color,,Material,Resin',
    ].join('\n');
    const catalog = await catalogFromText(csv);
    const [listing] = readAllListings(catalog);
    expect(listing!.source?.columns['Attribute 2 name']).toBe('Color');
    const { summary, files } = await exportAll(catalog, 'woocommerce');
    const [product] = files[0]!.rows;
    expect(files[0]!.at(product!, 'Attribute 2 name')).toBe('Color');
    expect([1, 3].map((n) => files[0]!.at(product!, `Attribute ${n} name`))).toEqual(['Size', 'Material']);
    const [back] = await reimport(summary);
    expect(back!.source?.columns['Attribute 2 name']).toBe('Color');
    expect(back!.variants.map((variant) => variant.options)).toEqual(listing!.variants.map((variant) => variant.options));
    catalog.close();
  });
});
