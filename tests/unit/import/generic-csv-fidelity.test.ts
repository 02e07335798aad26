import { describe, expect, it } from 'vitest';
import { decodeFile } from '../../../core/import/decode-text.js';
import { guessMapping } from '../../../core/import/dialects/generic-csv.js';
import { openTable } from '../../../core/import/read-table.js';
import { hasCorpusFile } from '../../corpus-files.js';
import { collect, corpusPath, importText } from './helpers.js';
import { unkeptCells } from './kept-cells.js';

/** A home-made sheet or dataset read with a column mapping keeps every cell no field takes. */

/** The columns the guessed mapping reads into listing fields (attributes and ignored columns are kept). */
async function guessedRead(path: string): Promise<(header: string) => boolean> {
  const header = (await openTable(await decodeFile(path))).header;
  const mapping = guessMapping(header);
  const fieldOf = (i: number): string => mapping[String(i)] ?? 'ignore';
  const read = new Set(header.filter((_, i) => fieldOf(i) !== 'ignore' && !fieldOf(i).startsWith('attribute:')));
  return (column) => read.has(column);
}

describe('generic CSV', () => {
  it.each(['dataset_myntra_products_catalog__KrishnakantDas.csv', 'depop_bulk-listing-template-v5__depopAutomation.csv', 'meta_vehicle-catalog_CAD_custom-label-0-shared-by-many_trimmed__adsemersonoliveira-midia.csv'].filter(hasCorpusFile))('%s: every unread cell kept', async (file) => {
    const path = corpusPath(file);
    const { records } = await collect(path);
    expect(await unkeptCells(path, records, await guessedRead(path))).toEqual([]);
  });

  it('ignored columns, a second column for a one-value field, and unreadable quantities are kept as written', async () => {
    const { listings } = await importText('Title,Price,Qty,Notes,Title,,Colour\nMug,5.00,lots,fragile ,Big mug,x7,Red\n', { mapping: { '3': 'ignore' } });
    expect(listings[0]).toMatchObject({ title: 'Mug', priceMinor: 500, quantity: null, attributes: { Colour: 'Red' } });
    expect(listings[0]!.source!.columns).toEqual({ Qty: 'lots', Notes: 'fragile ', 'Title (2)': 'Big mug', 'Column 6': 'x7' });
    expect(listings[0]!.source!.attributeColumns).toEqual({ Colour: 'Colour' });
  });

  it('fields without a column are unknown; a status word Listsmith only approximates is kept', async () => {
    const { listings } = await importText('Title,Price,Status\nMug,5,Paused\n');
    expect(listings[0]!.source!.unknown).toEqual(['brand', 'category', 'condition', 'description', 'images', 'materials', 'quantity', 'sku', 'tags']);
    expect(listings[0]).toMatchObject({ status: 'inactive', source: { status: 'Paused' } });
  });

  it('without a group column, title-less rows under a row with the same id are its variants, named by its option names (a Squarespace export)', async () => {
    const { listings, rejected } = await importText(
      [
        'Product ID [Non Editable],Variant ID [Non Editable],Title,Description,SKU,Option Name 1,Option Value 1,Option Name 2,Option Value 2,Price,Stock,Categories,Visible,Hosted Image URLs',
        '5f1a,9a01,Linen Shirt,<p>Soft</p>,SQ-1,Size,S,Color,White,45.00,3,Shirts,Yes,https://img.example/a.jpg https://img.example/b.jpg',
        '5f1a,9a02,,,SQ-2,,M,,White,45.00,4,,,',
        '5f1a,9a03,,,SQ-3,,L,,Blue,48.00,0,,,',
        '6b2c,9b01,Mug,,MUG-1,,,,,12.00,7,Home,Yes,https://img.example/m.jpg',
        '6b2c,9b02,Mug,,MUG-2,,,,,12.00,1,Home,Yes,',
      ].join('\n'),
      { defaultCurrency: 'USD' },
    );
    expect(rejected).toEqual([]);
    expect(listings.map((l) => [l.title, l.sourceId, l.lines])).toEqual([
      ['Linen Shirt', '5f1a', [2, 3, 4]],
      // A row with its own title is a listing of its own (the import merges two rows with one id, and says so).
      ['Mug', '6b2c', [5]],
      ['Mug', '6b2c', [6]],
    ]);
    const shirt = listings[0]!;
    expect(shirt.images).toEqual(['https://img.example/a.jpg', 'https://img.example/b.jpg']);
    expect(shirt.quantity).toBe(7);
    expect(shirt.variants.map((v) => [v.sku, v.options.map((o) => `${o.name}=${o.value}`).join(' '), v.priceMinor, v.quantity])).toEqual([
      ['SQ-1', 'Size=S Color=White', 4500, 3],
      ['SQ-2', 'Size=M Color=White', 4500, 4],
      ['SQ-3', 'Size=L Color=Blue', 4800, 0],
    ]);
    expect(shirt.variants[1]!.columns).toEqual({ 'Variant ID [Non Editable]': '9a02' });
    expect(listings[1]).toMatchObject({ sku: 'MUG-1', priceMinor: 1200, quantity: 7, variants: [] });
  });

  it('a variant row keeps the cells where it differs from its listing\'s row', async () => {
    const { listings } = await importText('Parent,Title,SKU,Size,Price,Material,Note\nT1,Tee,T-S,S,10,cotton,\nT1,Tee,T-M,M,11,cotton,last one\n', {
      mapping: { '0': 'variantGroup', '3': 'optionValue1', '6': 'attribute:Note' },
    });
    expect(listings).toHaveLength(1);
    expect(listings[0]!.variants.map((v) => [v.sku, v.columns])).toEqual([
      ['T-S', undefined],
      ['T-M', { Note: 'last one' }],
    ]);
  });
});
