import { describe, expect, it } from 'vitest';
import { decodeFile } from '../../../core/import/decode-text.js';
import { openTable } from '../../../core/import/read-table.js';
import { fixture, importText } from './helpers.js';

async function notesOf(text: string) {
  return (await openTable(await decodeFile(fixture(text)))).notes;
}

describe('duplicate column names', () => {
  it('are reported once each, on the header line, naming the column read and the one kept', async () => {
    expect(await notesOf('#INFO,Version=1.0\nTitle,Price,price,Price,Tags\nA,1,2,3,x\n')).toEqual([
      { line: 2, column: 'price (2)', message: 'Columns 2 and 3 are both named "price". Column 2 is read as "Price"; column 3 is shown as "price (2)" and kept with each listing exactly as written (map it in the wizard to read it instead).' },
      { line: 2, column: 'Price (3)', message: expect.stringMatching(/^Columns 2 and 4 are both named "Price"\. Column 2 is read as "Price"; column 4 is shown as "Price \(3\)"/) },
    ]);
  });

  it('a header that only looks numbered, and empty headers, are not duplicates', async () => {
    expect(await notesOf('Size (2),Title,,\nS,A,,\n')).toEqual([]);
  });

  it('the later column\'s values are kept with the listing, in every reader', async () => {
    const shopify = await importText('Handle,Title,Tags,Tags,Variant Price\nmug,Mug,a,b,5\n');
    expect(shopify.listings[0]).toMatchObject({ tags: ['a'] });
    expect(shopify.listings[0]!.source!.columns).toMatchObject({ 'Tags (2)': 'b' });
    const woo = await importText('ID,Type,SKU,Name,Name,Regular price\n1,simple,A,Mug,Big mug,5\n');
    expect(woo.listings[0]).toMatchObject({ title: 'Mug' });
    expect(woo.listings[0]!.source!.columns).toMatchObject({ 'Name (2)': 'Big mug' });
    const generic = await importText('Title,Price,Title\nMug,5,Big mug\n');
    expect(generic.listings[0]).toMatchObject({ title: 'Mug', priceMinor: 500 });
    expect(generic.listings[0]!.source!.columns).toEqual({ 'Title (2)': 'Big mug' });
  });
});

describe("Meta's catalog template", () => {
  // As Meta's template writes it (ChuprinaDaria/skrynia catalog_products.csv, Russian notes): a
  // row of `# Required | …` notes above the header. It was read as the header, and the file refused.
  const META = [
    '\uFEFF# Обязательно | A unique content ID for the item. Character limit: 100,# Обязательно | A specific and relevant title for the item.,"# Обязательно | The price of the item. Format the price as a number followed by the 3-letter currency code",# Необязательно | The brand name',
    'id,title,price,brand',
    '0,Blue Facebook T-Shirt (Unisex),"10,00 USD",Facebook',
  ].join('\n');

  it('skips the notes row above the header', async () => {
    const table = await openTable(await decodeFile(fixture(META)));
    expect(table.header).toEqual(['id', 'title', 'price', 'brand']);
    expect(table.headerLine).toBe(2);
    const result = await importText(META);
    expect(result.listings).toHaveLength(1);
    expect(result.listings[0]).toMatchObject({ title: 'Blue Facebook T-Shirt (Unisex)', priceMinor: 1000, currency: 'USD' });
  });

  it('a header whose cells only start with # stays the header', async () => {
    const table = await openTable(await decodeFile(fixture('#,Title,Price\n1,Mug,5\n')));
    expect(table.header).toEqual(['#', 'Title', 'Price']);
  });
});
