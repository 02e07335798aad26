import { describe, expect, it } from 'vitest';
import { detectTableDialect } from '../../../core/import/detect-dialect.js';
import { importText } from './helpers.js';

/**
 * Wix Stores products export: a Product row and its Variant rows are one listing; a variant's
 * price is the product's base price plus its surcharge; stock words and media names are read and
 * kept as written.
 */

const HEAD =
  'handleId,fieldType,name,description,productImageUrl,collection,sku,ribbon,price,surcharge,visible,discountMode,discountValue,inventory,weight,productOptionName1,productOptionType1,productOptionDescription1,productOptionName2,productOptionType2,productOptionDescription2,additionalInfoTitle1,additionalInfoDescription1';

describe('Wix products export', () => {
  it('is detected from its header', () => {
    expect(detectTableDialect(HEAD.split(','))[0]).toMatchObject({ dialect: 'wix' });
  });

  it('a product and its variants are one listing; a variant costs the base price plus its surcharge', async () => {
    const { listings, rejected } = await importText(
      [
        HEAD,
        'product_1,Product,Sun Print,<p>Bright</p>,2077e7_a~mv2.jpg;https://example.com/b.jpg,Prints;Sale,,NEW,10,,true,PERCENT,0,0,0,Size,DROP_DOWN,5x7;8x10,Paper,DROP_DOWN,Matte;Gloss,Care,<p>Keep dry</p>',
        'product_1,Variant,,,,,P-57,,,0,true,,,1,0.18,,,5x7,,,Matte,,',
        'product_1,Variant,,,,,P-810,,,5.5,true,,,2,0.25,,,8x10,,,Gloss,,',
        'product_1,Variant,,,,,P-SMALL,,,-2,true,,,OutOfStock,0.1,,,5x7,,,Gloss,,',
      ].join('\n'),
      { defaultCurrency: 'USD' },
    );
    expect(rejected).toEqual([]);
    expect(listings).toHaveLength(1);
    const sun = listings[0]!;
    expect(sun).toMatchObject({ marketplace: 'other', sourceId: 'product_1', title: 'Sun Print', description: '<p>Bright</p>', priceMinor: 1000, quantity: 3, category: 'Prints;Sale' });
    expect(sun.images).toEqual(['https://static.wixstatic.com/media/2077e7_a~mv2.jpg', 'https://example.com/b.jpg']);
    expect(sun.lines).toEqual([2, 3, 4, 5]);
    expect(sun.variants.map((v) => [v.sku, v.options.map((o) => `${o.name}=${o.value}`).join(' '), v.priceMinor, v.quantity])).toEqual([
      ['P-57', 'Size=5x7 Paper=Matte', 1000, 1],
      ['P-810', 'Size=8x10 Paper=Gloss', 1550, 2],
      ['P-SMALL', 'Size=5x7 Paper=Gloss', 800, 0],
    ]);
    // What is not read into a field is kept as written: the media names, the choices, the ribbon, the product's own stock cell.
    expect(sun.source?.columns).toMatchObject({ productImageUrl: '2077e7_a~mv2.jpg;https://example.com/b.jpg', productOptionDescription1: '5x7;8x10', ribbon: 'NEW', inventory: '0', additionalInfoDescription1: '<p>Keep dry</p>' });
    expect(sun.variants[1]!.columns).toEqual({ surcharge: '5.5', weight: '0.25' });
    expect(sun.variants[2]!.columns).toMatchObject({ inventory: 'OutOfStock' });
  });

  it('untracked stock (InStock) is unknown, without a warning; a hidden product is inactive', async () => {
    const { listings } = await importText([HEAD, 'product_2,Product,Mug,,,,M-1,,19.99,,false,PERCENT,0,InStock,0,,,,,,,,'].join('\n'), { defaultCurrency: 'USD' });
    expect(listings[0]).toMatchObject({ title: 'Mug', sku: 'M-1', priceMinor: 1999, quantity: null, status: 'inactive', warnings: [] });
    expect(listings[0]!.source?.columns).toMatchObject({ inventory: 'InStock', visible: 'false' });
  });

  it('a variant row away from its product is rejected with the reason, not read into another product', async () => {
    const { listings, rejected } = await importText(
      [HEAD, 'product_1,Product,Sun Print,,,,,,10,,true,,,0,,Size,DROP_DOWN,S;M,,,,,', 'product_3,Product,Moon Print,,,,,,10,,true,,,4,,,,,,,,,', 'product_1,Variant,,,,,P-M,,,1,true,,,1,,,,M,,,,,'].join('\n'),
      { defaultCurrency: 'USD' },
    );
    expect(listings.map((l) => l.title)).toEqual(['Sun Print', 'Moon Print']);
    expect(rejected).toEqual([expect.objectContaining({ line: 4, message: expect.stringMatching(/^This variant row's product \(handleId "product_1"\) is not the Product row above it/) })]);
  });
});
