import { describe, expect, it } from 'vitest';
import type { MappedRecord } from '../../../core/import/mapped-record.js';
import { collect, fixture } from './helpers.js';
import { lostCells } from './no-cell-lost.js';

/** The check itself: it must see a cell a reader dropped, or it proves nothing. */

const REPORT = 'Item number,Title,Custom label (SKU),Available quantity,Currency,Current price,Watchers,Listing site\n111,Brass bell,B-1,3,GBP,24.00,9,UK\n222,Tin cup,C-1,1,GBP,5.00,,UK\n';

function without(records: MappedRecord[], column: string): MappedRecord[] {
  return records.map((record) => {
    if (record.kind !== 'listing' || !record.listing.source) return record;
    const { [column]: _dropped, ...columns } = record.listing.source.columns;
    return { ...record, listing: { ...record.listing, source: { ...record.listing.source, columns } } };
  });
}

describe('lostCells', () => {
  it('finds nothing lost when the reader kept every cell', async () => {
    const path = fixture(REPORT);
    expect(await lostCells(path, (await collect(path)).records)).toEqual([]);
  });

  it('names the line, column and value of a cell no listing holds', async () => {
    const path = fixture(REPORT);
    const { records } = await collect(path);
    expect(await lostCells(path, without(records, 'Watchers'))).toEqual([{ line: 2, column: 'Watchers', value: '9' }]);
  });

  it('a row in no record is lost whole; rows of rejected records are not checked', async () => {
    const path = fixture(REPORT);
    const { records } = await collect(path);
    expect(await lostCells(path, records.slice(1))).toEqual([{ line: 2, column: '(whole row)', value: expect.stringContaining('Brass bell') }]);
    const rejected: MappedRecord = { kind: 'rejected', lines: [2], problem: { line: 2, column: null, message: 'x' } };
    expect(await lostCells(path, [rejected, records[1]!])).toEqual([]);
  });

  it('checks XML feeds element by element', async () => {
    const rss = '<?xml version="1.0"?><rss xmlns:g="http://base.google.com/ns/1.0"><channel><item><g:id>9</g:id><title>Rug</title><g:price>30.00 EUR</g:price><g:custom_label_1>spring</g:custom_label_1></item></channel></rss>';
    const path = fixture(rss, 'xml');
    const { records } = await collect(path);
    expect(await lostCells(path, records)).toEqual([]);
    const dropped = records.map((r) => (r.kind === 'listing' ? { ...r, listing: { ...r.listing, attributes: {} } } : r));
    expect(await lostCells(path, dropped)).toEqual([{ line: 1, column: 'custom_label_1', value: 'spring' }]);
  });
});
