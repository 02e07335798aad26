import { afterEach, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../core/catalog/open-catalog.js';
import { applyBulkEdit } from '../../../core/edit/bulk-edit.js';
import { listingHistory } from '../../../core/edit/history.js';
import { revertRevision } from '../../../core/edit/revert.js';
import { undoLast } from '../../../core/edit/undo.js';
import { updateListing } from '../../../core/edit/update-listing.js';
import { applyImport } from '../../../core/import/apply-import.js';
import { memorySource } from '../import-apply/memory-source.js';
import { catalogWith, listing, newListing, snapshot } from './edit-catalog.js';

const open: Catalog[] = [];
afterEach(() => {
  for (const catalog of open.splice(0)) catalog.close();
});

function setup() {
  const made = catalogWith([newListing({ sourceId: 'S1', title: 'Alpha mug', priceMinor: 1000 }), newListing({ sourceId: 'S2', sku: 'B', title: 'Beta mug' })]);
  open.push(made.catalog);
  return made;
}

describe('listing.history', () => {
  it('lists a listing’s revisions newest first, with their change set and its state', () => {
    const { catalog, ids } = setup();
    const id = ids[0]!;
    const first = updateListing(catalog, { id, changes: { title: 'Alpha cup' } }, 1_800_000_000_000).changeSet!;
    const bulk = applyBulkEdit(catalog, { kind: 'all' }, { kind: 'price', op: 'percent', amount: 10, rounding: 'none' }, 1_800_000_001_000).changeSet!;
    const third = updateListing(catalog, { id, changes: { tags: ['x'] } }, 1_800_000_001_000).changeSet!;
    undoLast(catalog);

    const history = listingHistory(catalog.db, id);
    expect(history.map((entry) => entry.changeSet?.id)).toEqual([third.id, bulk.id, first.id]);
    expect(history[0]).toMatchObject({ listingId: id, author: 'user', createdAt: 1_800_000_001_000, changes: { tags: { before: ['tag'], after: ['x'] } }, changeSet: { state: 'undone' } });
    expect(history[1]).toMatchObject({ changes: { priceMinor: { before: 1000, after: 1100 } }, changeSet: { kind: 'bulk', summary: 'Price +10 % on 2 listings', listingCount: 2, state: 'applied' } });
    expect(history[2]).toMatchObject({ changes: { title: { before: 'Alpha mug', after: 'Alpha cup' } }, changeSet: { kind: 'edit' } });
    expect(listingHistory(catalog.db, id, 1)).toHaveLength(1);
    expect(listingHistory(catalog.db, ids[1]!).map((entry) => entry.changeSet?.id)).toEqual([bulk.id]);
  });

  it('shows import revisions (without a change set) too', async () => {
    const { catalog, ids } = setup();
    await applyImport(catalog, memorySource([newListing({ sourceId: 'S1', title: 'Alpha mug v2', priceMinor: 1000 })]), { fileName: 'f.jsonl', operationId: 'op' });
    const [entry] = listingHistory(catalog.db, ids[0]!);
    expect(entry).toMatchObject({ author: 'import', changes: { title: { before: 'Alpha mug', after: 'Alpha mug v2' } } });
  });
});

describe('revision.revert', () => {
  it('sets the fields back to before that revision as a new, undoable change', () => {
    const { catalog, ids } = setup();
    const id = ids[0]!;
    updateListing(catalog, { id, changes: { title: 'Alpha cup', priceMinor: 1500 } });
    updateListing(catalog, { id, changes: { tags: ['later'] } });
    const revision = listingHistory(catalog.db, id)[1]!;

    const outcome = revertRevision(catalog, revision.id);
    expect(outcome.listing).toMatchObject({ title: 'Alpha mug', priceMinor: 1000, tags: ['later'] });
    expect(outcome.changeSet).toMatchObject({ kind: 'revert', summary: 'Reverted title and price of “Alpha mug”', state: 'applied' });
    expect(listingHistory(catalog.db, id)[0]).toMatchObject({ changes: { title: { before: 'Alpha cup', after: 'Alpha mug' } }, changeSet: { kind: 'revert' } });

    // Undo takes the revert back.
    undoLast(catalog);
    expect(listing(catalog, id)).toMatchObject({ title: 'Alpha cup', priceMinor: 1500 });
  });

  it('reverts an import revision’s editable fields', async () => {
    const { catalog, ids } = setup();
    await applyImport(catalog, memorySource([newListing({ sourceId: 'S1', title: 'Imported title', priceMinor: 1000 })]), { fileName: 'f.jsonl', operationId: 'op' });
    const [imported] = listingHistory(catalog.db, ids[0]!);
    expect(revertRevision(catalog, imported!.id).listing.title).toBe('Alpha mug');
  });

  it('changes nothing when the fields already hold the old values', () => {
    const { catalog, ids } = setup();
    const edit = updateListing(catalog, { id: ids[0]!, changes: { title: 'Alpha cup' } });
    undoLast(catalog);
    const state = snapshot(catalog);
    const revisionId = listingHistory(catalog.db, ids[0]!)[0]!.id;
    expect(edit.changeSet).not.toBeNull();
    expect(revertRevision(catalog, revisionId).changeSet).toBeNull();
    expect(snapshot(catalog)).toEqual(state);
  });

  it('fails for an unknown revision or one with nothing revertible, changing nothing', () => {
    const { catalog, ids } = setup();
    catalog.db.prepare("INSERT INTO revisions (listing_id, author, created_at, changes) VALUES (?, 'import', 1, ?)").run(ids[0]!, JSON.stringify({ variants: { before: [], after: [] } }));
    const variantsOnly = catalog.db.prepare('SELECT max(id) FROM revisions').pluck().get() as number;
    const state = snapshot(catalog);
    expect(() => revertRevision(catalog, 12_345)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => revertRevision(catalog, variantsOnly)).toThrow(expect.objectContaining({ code: 'invalid_input', message: expect.stringContaining('only variants') }));
    expect(snapshot(catalog)).toEqual(state);
  });

  it('applies the hard limits: a title over the limit is not written back', () => {
    const { catalog, ids } = setup();
    catalog.db.prepare('UPDATE listings SET title = ? WHERE id = ?').run('x'.repeat(150), ids[0]!);
    updateListing(catalog, { id: ids[0]!, changes: { title: 'Short title' } });
    const revisionId = listingHistory(catalog.db, ids[0]!)[0]!.id;
    expect(() => revertRevision(catalog, revisionId)).toThrow(expect.objectContaining({ code: 'invalid_input', message: expect.stringContaining('Etsy allows 140') }));
    expect(listing(catalog, ids[0]!).title).toBe('Short title');
  });
});
