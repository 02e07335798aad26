import { describe, expect, it } from 'vitest';
import { CsvTokenizer, type CsvRecord } from '../../../core/import/csv-tokenizer.js';
import { importText } from './helpers.js';

/**
 * A cell that starts with a quoted phrase and goes on after it (`"THE DETAIL MATE" MULTI
 * FUNCTION…`, a real Wix product of TTMA-Main/EzeeWax) is how a writer without CSV quoting leaves
 * it: Google's TSV. Exported there and read back, the title lost its two quotes, and the listing
 * could no longer be told by its title.
 */
function cells(text: string, delimiter = ',', chunk = text.length): string[][] {
  const tokenizer = new CsvTokenizer(delimiter);
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += chunk) tokenizer.push(text.slice(i, i + chunk), out);
  tokenizer.end(out);
  return out.map((record) => record.cells);
}

describe('a cell that starts with a quoted phrase', () => {
  it('is read as written, quotes included', () => {
    expect(cells('id\ttitle\nDM-1\t"THE DETAIL MATE" MULTI FUNCTION\n', '\t')).toEqual([['id', 'title'], ['DM-1', '"THE DETAIL MATE" MULTI FUNCTION']]);
    // Split anywhere across chunks.
    for (const chunk of [1, 2, 3, 5, 7]) expect(cells('a,"Big" mug,c\n', ',', chunk)).toEqual([['a', '"Big" mug', 'c']]);
  });

  it('a properly quoted cell, spaces after its quote, doubled quotes and line breaks read as before', () => {
    expect(cells('"a, b","c ""d"" e"\n')).toEqual([['a, b', 'c "d" e']]);
    expect(cells('"Title" ,"Desc"\n')).toEqual([['Title ', 'Desc']]);
    expect(cells('"a""b"c,d\n')).toEqual([['a"bc', 'd']]);
    expect(cells('"line\nbreak"x,d\n')).toEqual([['line\nbreakx', 'd']]);
  });

  it('a Google TSV title comes back whole', async () => {
    const { listings } = await importText('id\ttitle\tprice\tlink\tavailability\nDM-SBK\t"THE DETAIL MATE" MULTI FUNCTION-CLEANING# DM-SBK\t49.98 USD\thttps://x/dm\tin stock\n');
    expect(listings[0]!.title).toBe('"THE DETAIL MATE" MULTI FUNCTION-CLEANING# DM-SBK');
  });
});
