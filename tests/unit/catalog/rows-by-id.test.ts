import { describe, expect, it } from 'vitest';
import { insertListings } from '../../../core/catalog/insert-listings.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { ID_CHUNK, idChunks, IN_ID_CHUNK, readByIds, readRowsById } from '../../../core/catalog/rows-by-id.js';
import { newListing, tempDbPath } from './temp-catalog.js';

describe('the by-ids reader', () => {
  it('splits ids into chunks of at most the given size, in order', () => {
    expect([...idChunks([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]]);
    expect([...idChunks(Float64Array.from([9, 8]))]).toEqual([[9, 8]]);
    expect([...idChunks([])]).toEqual([]);
    expect([...idChunks(Array.from({ length: ID_CHUNK + 1 }, (_, i) => i))].map((chunk) => chunk.length)).toEqual([ID_CHUNK, 1]);
  });

  it('reads the rows of the ids asked for (absent ids left out, none twice), and refuses more than one chunk', () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const ids = insertListings(catalog.db, [newListing({ sku: 'A', title: 'First' }), newListing({ sku: 'B', title: 'Second' }), newListing({ sku: 'C', title: 'Third' })]);
    const rows = readByIds<{ id: number; sku: string }>(catalog.db, `SELECT id, sku FROM listings WHERE id ${IN_ID_CHUNK} ORDER BY id`, [ids[2]!, ids[0]!, 999_999]);
    expect(rows).toEqual([{ id: ids[0], sku: 'A' }, { id: ids[2], sku: 'C' }]);
    expect(readByIds(catalog.db, `SELECT id FROM listings WHERE id ${IN_ID_CHUNK}`, [])).toEqual([]);
    expect(() => readByIds(catalog.db, `SELECT id FROM listings WHERE id ${IN_ID_CHUNK}`, Array.from({ length: ID_CHUNK + 1 }, (_, i) => i + 1))).toThrow(/at most 500 ids/);

    const byId = readRowsById(catalog.db, ['title', 'price_minor'], [ids[1]!, 999_999]);
    expect([...byId.entries()]).toEqual([[ids[1], { id: ids[1], title: 'Second', price_minor: 1000 }]]);
    catalog.close();
  });
});
