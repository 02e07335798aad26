import { afterEach, describe, expect, it } from 'vitest';
import { applyBulkEdit } from '../../../core/edit/bulk-edit.js';
import { startUserChangeSet } from '../../../core/edit/change-sets.js';
import { REVISION_BATCH, UserRevisionBatch } from '../../../core/edit/revision-batch.js';
import { undoLast } from '../../../core/edit/undo.js';
import type { Catalog } from '../../../core/catalog/open-catalog.js';
import { catalogWith, newListing } from './edit-catalog.js';

const open: Catalog[] = [];
afterEach(() => {
  for (const catalog of open.splice(0)) catalog.close();
});

interface RevisionRow {
  id: number;
  listing_id: number;
  author: string;
  created_at: number;
  changes: string;
  change_set_id: number;
}

function revisions(catalog: Catalog): RevisionRow[] {
  return catalog.db.prepare('SELECT * FROM revisions ORDER BY id').all() as RevisionRow[];
}

describe('UserRevisionBatch', () => {
  it('writes every revision once, in the order added, across full batches and the remainder', () => {
    const { catalog } = catalogWith([newListing()]);
    open.push(catalog);
    const total = REVISION_BATCH * 2 + 7;
    catalog.db.transaction(() => {
      const batch = new UserRevisionBatch(catalog.db, startUserChangeSet(catalog.db, 'bulk', 'test', 0, 5), 5);
      for (let i = 0; i < total; i++) batch.add(1000 + i, JSON.stringify({ priceMinor: { before: i, after: i + 1 } }));
      batch.flush();
      batch.flush(); // nothing pending: writes nothing
    })();
    const rows = revisions(catalog);
    expect(rows).toHaveLength(total);
    rows.forEach((row, i) => {
      expect(row).toMatchObject({ listing_id: 1000 + i, author: 'user', created_at: 5 });
      expect(JSON.parse(row.changes)).toEqual({ priceMinor: { before: i, after: i + 1 } });
      expect(row.change_set_id).toBe(rows[0]!.change_set_id);
    });
  });

  it('a bulk edit over more listings than one batch: one revision per listing, before → after, undone exactly', () => {
    const count = REVISION_BATCH * 3 + 11;
    const { catalog, ids } = catalogWith(Array.from({ length: count }, (_, i) => newListing({ sku: `SKU-${i}`, priceMinor: 1000 + i })));
    open.push(catalog);
    const result = applyBulkEdit(catalog, { kind: 'all' }, { kind: 'price', op: 'add', amount: 1, rounding: 'none' }, 1_800_000_000_000);
    expect(result.changed).toBe(count);
    const rows = revisions(catalog);
    expect(rows.map((row) => row.listing_id)).toEqual(ids);
    rows.forEach((row, i) => {
      expect(row.change_set_id).toBe(result.changeSet!.id);
      expect(JSON.parse(row.changes)).toEqual({ priceMinor: { before: 1000 + i, after: 1100 + i } });
    });
    const undone = undoLast(catalog, 1_800_000_000_001);
    expect(undone).toMatchObject({ changed: count, conflicts: 0 });
    const prices = catalog.db.prepare('SELECT price_minor FROM listing_offers ORDER BY id').pluck().all();
    expect(prices).toEqual(Array.from({ length: count }, (_, i) => 1000 + i));
  });
});
