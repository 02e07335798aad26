import { describe, expect, it } from 'vitest';
import { decodeFile } from '../../../core/import/decode-text.js';
import { openTable } from '../../../core/import/read-table.js';
import { fixture, importText } from './helpers.js';

async function read(text: string) {
  const table = await openTable(await decodeFile(fixture(text)));
  const rows: { line: number; cells: string[] }[] = [];
  for await (const row of table.rows) rows.push({ line: row.line, cells: row.cells });
  return { rows, notes: table.notes, count: table.rowCount() };
}

describe('a row split by a description with unquoted line breaks', () => {
  it('in the first column: the one-cell lines and the rest of the row are one row again, blank lines kept as paragraph breaks', async () => {
    const { rows, notes, count } = await read('Description,Price,Brand\nRed mug\n\nDishwasher safe.\nHandmade,12.00,Acme\nBlue mug,9.00,Acme\n');
    expect(rows).toEqual([
      { line: 2, cells: ['Red mug\n\nDishwasher safe.\nHandmade', '12.00', 'Acme'] },
      { line: 6, cells: ['Blue mug', '9.00', 'Acme'] },
    ]);
    expect(count).toBe(2);
    expect(notes).toEqual([{ line: 2, column: 'Description', message: expect.stringMatching(/^Lines 2–5 are one row: its "Description" cell has line breaks but no quotes/) }]);
  });

  it('in a middle column: the row before the break, the lines in it and the row after are one row', async () => {
    const { rows } = await read('Title,Body (HTML),Price,SKU\nMug,<p>Big\nand blue</p>\nstill blue,9.00,M-1\nCup,Small,4.00,C-1\n');
    expect(rows).toEqual([
      { line: 2, cells: ['Mug', '<p>Big\nand blue</p>\nstill blue', '9.00', 'M-1'] },
      { line: 5, cells: ['Cup', 'Small', '4.00', 'C-1'] },
    ]);
  });

  it('the listing gets the whole description and the report names the lines', async () => {
    const result = await importText('Title,Description,Price\nMug,Line one\nLine two,5.00\n', { defaultCurrency: 'USD' });
    expect(result.listings).toHaveLength(1);
    expect(result.listings[0]).toMatchObject({ title: 'Mug', description: 'Line one\nLine two', priceMinor: 500 });
    expect(result.rejected).toEqual([]);
    expect(result.source.notes?.map((note) => note.message)).toContainEqual(expect.stringMatching(/^Lines 2–3 are one row/));
  });

  it('ragged rows that do not add up to one row stay as read', async () => {
    const text = 'Title,Description,Price,SKU\nMug,Blue\nCup,Small,4.00,C-1\nBowl\n';
    const { rows, notes } = await read(text);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(notes).toEqual([]);
  });

  it('a one-cell line is not joined to the next row when the column is not long text (a stray handle is not a description)', async () => {
    const { rows, notes } = await read('Handle,Title,Price\nmug\ncup,Cup,4.00\n');
    expect(rows).toEqual([
      { line: 2, cells: ['mug', '', ''] },
      { line: 3, cells: ['cup', 'Cup', '4.00'] },
    ]);
    expect(notes).toEqual([]);
  });

  it('pieces the file ends in the middle of stay as read', async () => {
    const { rows } = await read('Title,Description,Price\nMug,Line one\nLine two\n');
    expect(rows.map((r) => r.cells)).toEqual([
      ['Mug', 'Line one', ''],
      ['Line two', '', ''],
    ]);
  });

  it('a quoted multi-line cell before the break counts its own lines', async () => {
    const { rows, notes } = await read('Title,Notes,Description,Price\nMug,"a\nb",Line one\n\nLine two,5.00\n');
    expect(rows).toEqual([{ line: 2, cells: ['Mug', 'a\nb', 'Line one\n\nLine two', '5.00'] }]);
    expect(notes[0]!.message).toMatch(/^Lines 2–5 are one row/);
  });
});
