import { describe, expect, it } from 'vitest';
import { insertListings } from '../../../core/catalog/insert-listings.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { catalogQuery } from '../../../core/catalog/query-builder.js';
import { compileOnce, runWrite, selectFirstRow, selectRows } from '../../../core/catalog/run-compiled.js';
import { newListing, tempDbPath } from './temp-catalog.js';

describe('kysely queries run synchronously on better-sqlite3', () => {
  it('per call: rows, first row, writes', () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const [id] = insertListings(catalog.db, [newListing({ sku: 'A' })]);
    expect(selectRows(catalog.db, catalogQuery.selectFrom('listings').select(['id', 'sku']))).toEqual([{ id, sku: 'A' }]);
    expect(runWrite(catalog.db, catalogQuery.updateTable('listings').set({ sku: 'B' }).where('id', '=', id!)).changes).toBe(1);
    expect(selectFirstRow(catalog.db, catalogQuery.selectFrom('listings').select('sku').where('id', '=', id!))).toEqual({ sku: 'B' });
    catalog.close();
  });

  it('compiled once: arguments bound by name in any order, constants kept, one SQL text for every run', () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const ids = insertListings(catalog.db, [newListing({ sku: 'A', status: 'active' }), newListing({ sku: 'B', status: 'draft' }), newListing({ sku: 'C', status: 'active' })]);
    const query = compileOnce((args: { after: number; limit: number }) =>
      catalogQuery.selectFrom('listings').select('sku').where('status', '=', 'active').where('id', '>', args.after).orderBy('id').limit(args.limit),
    );
    expect(query.sql).toContain('limit ?');
    expect(query.rows(catalog.db, { limit: 5, after: 0 })).toEqual([{ sku: 'A' }, { sku: 'C' }]);
    expect(query.rows(catalog.db, { after: ids[0]!, limit: 5 })).toEqual([{ sku: 'C' }]);
    expect(query.first(catalog.db, { after: ids[2]!, limit: 1 })).toBeUndefined();

    const rename = compileOnce((args: { id: number; sku: string | null }) => catalogQuery.updateTable('listings').set({ sku: args.sku }).where('id', '=', args.id));
    expect(rename.run(catalog.db, { id: ids[1]!, sku: null }).changes).toBe(1);
    expect(selectFirstRow(catalog.db, catalogQuery.selectFrom('listings').select('sku').where('id', '=', ids[1]!))).toEqual({ sku: null });
    expect(() => rename.run(catalog.db, { id: ids[1]! } as { id: number; sku: string })).toThrow(/no value for "sku"/);
    catalog.close();
  });
});
