import { afterEach, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../core/catalog/open-catalog.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { applyBulkEdit } from '../../../core/edit/bulk-edit.js';
import { redoLast, undoLast, undoState } from '../../../core/edit/undo.js';
import { updateListing } from '../../../core/edit/update-listing.js';
import { applyImport } from '../../../core/import/apply-import.js';
import { memorySource } from '../import-apply/memory-source.js';
import { catalogWith, expectedQuality, ftsIds, listing, newListing, storedQuality } from './edit-catalog.js';

const open: Catalog[] = [];
afterEach(() => {
  for (const catalog of open.splice(0)) catalog.close();
});

function threeListings(path?: string) {
  const made = catalogWith(
    [
      newListing({ sourceId: 'S1', sku: 'A', title: 'Alpha mug', priceMinor: 1000 }),
      newListing({ sourceId: 'S2', sku: 'B', title: 'Beta mug', priceMinor: 2000 }),
      newListing({ sourceId: 'S3', sku: 'C', title: 'Gamma mug', priceMinor: 3000 }),
    ],
    path === undefined ? {} : { path },
  );
  open.push(made.catalog);
  return made;
}

const prices = (catalog: Catalog, ids: number[]): (number | null)[] => ids.map((id) => listing(catalog, id).priceMinor);
const state = (catalog: Catalog, id: number): string => catalog.db.prepare('SELECT state FROM change_sets WHERE id = ?').pluck().get(id) as string;

describe('undo / redo', () => {
  it('undoes and redoes a single edit, including search and quality', () => {
    const { catalog, ids } = threeListings();
    const id = ids[0]!;
    const original = listing(catalog, id);
    const edit = updateListing(catalog, { id, changes: { title: 'Omega bowl', priceMinor: 0 } });
    expect(undoState(catalog.db)).toEqual({ undo: edit.changeSet, redo: null });

    const undone = undoLast(catalog);
    expect(undone).toMatchObject({ changed: 1, conflicts: 0, changeSet: { id: edit.changeSet!.id, state: 'undone' } });
    expect(listing(catalog, id)).toMatchObject({ title: 'Alpha mug', priceMinor: 1000 });
    expect(listing(catalog, id).updatedAt).toBeGreaterThan(original.updatedAt);
    expect(storedQuality(catalog, id)).toEqual(expectedQuality(original));
    expect(ftsIds(catalog, 'alpha')).toEqual([id]);
    expect(ftsIds(catalog, 'omega')).toEqual([]);
    expect(undone.state).toEqual({ undo: null, redo: expect.objectContaining({ id: edit.changeSet!.id }) });

    const redone = redoLast(catalog);
    expect(redone).toMatchObject({ changed: 1, conflicts: 0, changeSet: { state: 'applied' } });
    expect(listing(catalog, id)).toMatchObject({ title: 'Omega bowl', priceMinor: 0 });
    expect(storedQuality(catalog, id)).toEqual(expectedQuality(listing(catalog, id)));
    expect(redone.state).toEqual({ undo: expect.objectContaining({ id: edit.changeSet!.id }), redo: null });
  });

  it('undoes and redoes a bulk edit on every listing', () => {
    const { catalog, ids } = threeListings();
    const bulk = applyBulkEdit(catalog, { kind: 'all' }, { kind: 'price', op: 'percent', amount: 10, rounding: '0.99' });
    expect(prices(catalog, ids)).toEqual([1099, 2199, 3299]);
    expect(undoLast(catalog)).toMatchObject({ changed: 3, conflicts: 0, changeSet: { id: bulk.changeSet!.id, kind: 'bulk' } });
    expect(prices(catalog, ids)).toEqual([1000, 2000, 3000]);
    expect(redoLast(catalog)).toMatchObject({ changed: 3, conflicts: 0 });
    expect(prices(catalog, ids)).toEqual([1099, 2199, 3299]);
  });

  it('walks the stack in order: undo newest first, redo the last undone first', () => {
    const { catalog, ids } = threeListings();
    const first = updateListing(catalog, { id: ids[0]!, changes: { priceMinor: 1 } }).changeSet!;
    const second = applyBulkEdit(catalog, { kind: 'all' }, { kind: 'price', op: 'add', amount: 1, rounding: 'none' }).changeSet!;
    const third = updateListing(catalog, { id: ids[0]!, changes: { priceMinor: 5 } }).changeSet!;
    expect(prices(catalog, ids)).toEqual([5, 2100, 3100]);

    expect(undoLast(catalog).changeSet!.id).toBe(third.id);
    expect(prices(catalog, ids)).toEqual([101, 2100, 3100]);
    expect(undoLast(catalog).changeSet!.id).toBe(second.id);
    expect(prices(catalog, ids)).toEqual([1, 2000, 3000]);
    expect(undoLast(catalog).changeSet!.id).toBe(first.id);
    expect(prices(catalog, ids)).toEqual([1000, 2000, 3000]);
    expect(undoLast(catalog)).toMatchObject({ changeSet: null, changed: 0, state: { undo: null } });

    expect(redoLast(catalog).changeSet!.id).toBe(first.id);
    expect(redoLast(catalog).changeSet!.id).toBe(second.id);
    expect(undoState(catalog.db)).toMatchObject({ undo: { id: second.id }, redo: { id: third.id } });
    expect(redoLast(catalog).changeSet!.id).toBe(third.id);
    expect(prices(catalog, ids)).toEqual([5, 2100, 3100]);
    expect(redoLast(catalog)).toMatchObject({ changeSet: null, changed: 0 });
  });

  it('a new edit clears redo: the undone change set is discarded', () => {
    const { catalog, ids } = threeListings();
    const edit = updateListing(catalog, { id: ids[0]!, changes: { title: 'Changed' } }).changeSet!;
    undoLast(catalog);
    expect(undoState(catalog.db).redo?.id).toBe(edit.id);
    const next = updateListing(catalog, { id: ids[1]!, changes: { title: 'Other' } }).changeSet!;
    expect(state(catalog, edit.id)).toBe('discarded');
    expect(undoState(catalog.db)).toEqual({ undo: next, redo: null });
    expect(redoLast(catalog)).toMatchObject({ changeSet: null, changed: 0 });
    expect(listing(catalog, ids[0]!).title).toBe('Alpha mug');
    // A bulk edit clears it too.
    undoLast(catalog);
    applyBulkEdit(catalog, { kind: 'all' }, { kind: 'status', status: 'draft' });
    expect(state(catalog, next.id)).toBe('discarded');
  });

  it('leaves fields changed since (by an import an older Listsmith could not undo) alone and counts them as conflicts', async () => {
    const { catalog, ids } = threeListings();
    applyBulkEdit(catalog, { kind: 'all' }, { kind: 'price', op: 'percent', amount: 10, rounding: 'none' });
    expect(prices(catalog, ids)).toEqual([1100, 2200, 3300]);
    // A later import changes listing S2's price: that is not ours to undo. Imports are undoable
    // change sets now (undo walks them in order); one recorded before schema 7 is not.
    const later = await applyImport(catalog, memorySource([newListing({ sourceId: 'S2', sku: 'B', title: 'Beta mug', priceMinor: 7777 })]), { fileName: 'later.jsonl', operationId: 'op' });
    catalog.db.prepare('UPDATE change_sets SET undoable = 0 WHERE id = ?').run(later.changeSetId);
    expect(prices(catalog, ids)).toEqual([1100, 7777, 3300]);

    const undone = undoLast(catalog);
    expect(undone).toMatchObject({ changed: 2, conflicts: 1 });
    expect(prices(catalog, ids)).toEqual([1000, 7777, 3000]);
    // Redo puts back only where undo did: S2 still holds the import's price.
    expect(redoLast(catalog)).toMatchObject({ changed: 2, conflicts: 1 });
    expect(prices(catalog, ids)).toEqual([1100, 7777, 3300]);
  });

  it('counts a field as a conflict when its listing was deleted', () => {
    const { catalog, ids } = threeListings();
    applyBulkEdit(catalog, { kind: 'all' }, { kind: 'status', status: 'draft' });
    catalog.db.prepare('DELETE FROM listings WHERE id = ?').run(ids[2]!);
    expect(undoLast(catalog)).toMatchObject({ changed: 2, conflicts: 1 });
  });

  it('survives closing and reopening the catalog', () => {
    const { catalog, ids, path } = threeListings();
    const bulk = applyBulkEdit(catalog, { kind: 'all' }, { kind: 'price', op: 'set', amount: 9.5, rounding: 'none' }).changeSet!;
    catalog.close();
    open.splice(0);

    const reopened = openCatalog(path, { role: 'writer' });
    open.push(reopened);
    expect(undoState(reopened.db).undo).toEqual(bulk);
    expect(undoLast(reopened)).toMatchObject({ changed: 3 });
    reopened.close();
    open.splice(0);

    const again = openCatalog(path, { role: 'writer' });
    open.push(again);
    expect(prices(again, ids)).toEqual([1000, 2000, 3000]);
    expect(undoState(again.db).redo?.id).toBe(bulk.id);
    expect(redoLast(again)).toMatchObject({ changed: 3 });
    expect(prices(again, ids)).toEqual([950, 950, 950]);
  });
});
