import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayloads } from '../../../common/contract.js';
import type { EventName } from '../../../common/contract-names.js';
import type { Catalog } from '../../../core/catalog/open-catalog.js';
import { validateCall } from '../../../core/host/validate-call.js';
import { createEditHandlers } from '../../../core/service/edit-handlers.js';
import type { HandlerContext } from '../../../core/service/handlers-type.js';
import { applyImport } from '../../../core/import/apply-import.js';
import { memorySource } from '../import-apply/memory-source.js';
import { catalogWith, listing, newListing, snapshot } from './edit-catalog.js';

const open: Catalog[] = [];
afterEach(() => {
  for (const catalog of open.splice(0)) catalog.close();
});

function setup() {
  const made = catalogWith([newListing({ marketplace: 'ebay', title: 'Copper bracelet', priceMinor: 1000 }), newListing({ marketplace: 'etsy', title: 'Silver ring' })]);
  open.push(made.catalog);
  const events: { event: EventName; payload: EventPayloads[EventName] }[] = [];
  const operations: Promise<void>[] = [];
  const ctx: HandlerContext = {
    emit: (event, payload) => void events.push({ event, payload }),
    startOperation: (run) => {
      operations.push(run({ operationId: `op${operations.length}`, signal: new AbortController().signal }));
      return `op${operations.length}`;
    },
  };
  const handlers = createEditHandlers(made.catalog) as Record<string, (input: unknown, ctx: HandlerContext) => unknown>;
  /** A call as the host runs it: validated at the boundary first, then handled. */
  const call = async (method: string, input: unknown): Promise<unknown> => {
    const checked = validateCall(method, input);
    if (!checked.ok) throw Object.assign(new Error(checked.error.message), checked.error);
    return handlers[checked.method]!(checked.input, ctx);
  };
  return { ...made, events, operations, call };
}

describe('edit methods through the contract boundary', () => {
  it('rejects a negative price, changing nothing', async () => {
    const { catalog, ids, call } = setup();
    const state = snapshot(catalog);
    await expect(call('listing.update', { id: ids[0], changes: { priceMinor: -500 } })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('A price cannot be negative.'),
    });
    expect(snapshot(catalog)).toEqual(state);
  });

  it('rejects wrong types and unknown fields, changing nothing', async () => {
    const { catalog, ids, call } = setup();
    const state = snapshot(catalog);
    for (const changes of [{ title: 42 }, { tags: 'a,b' }, { quantity: 1.5 }, { status: 'gone' }, { variantCount: 3 }, { currency: 'euro' }]) {
      await expect(call('listing.update', { id: ids[0], changes }), JSON.stringify(changes)).rejects.toMatchObject({ code: 'invalid_input' });
    }
    await expect(call('listing.update', { id: 'one', changes: {} })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call('bulk.apply', { scope: { kind: 'all' }, edit: { kind: 'price', op: 'percent', amount: '10', rounding: 'none' } })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(snapshot(catalog)).toEqual(state);
  });

  it('rejects a title over the marketplace limit with the seller-facing message, changing nothing', async () => {
    const { catalog, ids, call, events } = setup();
    const state = snapshot(catalog);
    await expect(call('listing.update', { id: ids[0], changes: { title: 'x'.repeat(152) } })).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'Title is 152 characters; eBay allows 80. Shorten it by 72. Nothing was saved.',
    });
    expect(snapshot(catalog)).toEqual(state);
    expect(events).toEqual([]);
  });

  it('announces catalog.changed (reason edit) only when something changed', async () => {
    const { ids, call, events, operations, catalog } = setup();
    await call('listing.update', { id: ids[0], changes: { title: 'Copper cuff' } });
    expect(events).toEqual([{ event: 'catalog.changed', payload: { reason: 'edit', at: expect.any(Number) } }]);
    await call('listing.update', { id: ids[0], changes: { title: 'Copper cuff' } });
    await call('bulk.apply', { scope: { kind: 'all' }, edit: { kind: 'status', status: 'active' } });
    await call('history.redo', {});
    expect(events).toHaveLength(1);

    const preview = (await call('bulk.preview', { scope: { kind: 'all' }, edit: { kind: 'price', op: 'percent', amount: 10, rounding: 'none' } })) as { willChange: number };
    expect(preview.willChange).toBe(2);
    expect(events).toHaveLength(1);
    await call('bulk.apply', { scope: { kind: 'all' }, edit: { kind: 'price', op: 'percent', amount: 10, rounding: 'none' } });
    await call('history.undo', {});
    await call('history.redo', {});
    expect(events).toHaveLength(4);
    // Each bulk write left its WAL checkpoint to run after the answer.
    expect(operations).toHaveLength(3);
    await Promise.all(operations);
    expect(await call('history.state', {})).toMatchObject({ undo: { kind: 'bulk' }, redo: null });
    const history = (await call('listing.history', { id: ids[0] })) as { revisions: { id: number }[] };
    expect(history.revisions).toHaveLength(2);
    await call('revision.revert', { revisionId: history.revisions[1]!.id });
    expect(listing(catalog, ids[0]!).title).toBe('Copper bracelet');
    expect(events).toHaveLength(5);
  });

  it('deletes through the contract: preview, one undoable change, catalog.changed, and undo only of the change named', async () => {
    const { catalog, ids, call, events, operations } = setup();
    await expect(call('listings.delete', { scope: { kind: 'ids', ids: [] } })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await call('listings.deletePreview', { scope: { kind: 'ids', ids: [ids[0]] } })).toEqual({ listings: 1, samples: [{ id: ids[0], title: 'Copper bracelet' }] });
    expect(events).toEqual([]);

    const result = (await call('listings.delete', { scope: { kind: 'ids', ids: [ids[0]] } })) as { deleted: number; changeSet: { id: number } };
    expect(result).toMatchObject({ deleted: 1, changeSet: { kind: 'delete', summary: 'Delete of 1 listing' } });
    expect(events).toHaveLength(1);
    expect(operations).toHaveLength(1);
    expect(await call('history.state', {})).toMatchObject({ undo: { id: result.changeSet.id } });

    await expect(call('history.undo', { changeSetId: result.changeSet.id + 1 })).rejects.toMatchObject({ code: 'not_found' });
    expect(await call('history.undo', { changeSetId: result.changeSet.id })).toMatchObject({ putBack: 1 });
    expect(listing(catalog, ids[0]!).title).toBe('Copper bracelet');
    // Putting listings back is a change the windows must hear of, though no field was edited.
    expect(events).toHaveLength(2);
    await call('history.redo', {});
    expect(events).toHaveLength(3);
    await Promise.all(operations);
  });

  it('forgets the listings kept for a redo that a new change made impossible, after answering', async () => {
    const { catalog, ids, call, operations } = setup();
    const snapshots = (): number => catalog.db.prepare('SELECT count(*) FROM listing_snapshots').pluck().get() as number;
    await applyImport(catalog, memorySource([newListing({ sourceId: 'N1', sku: 'N1', title: 'New one' }), newListing({ sourceId: 'N2', sku: 'N2', title: 'New two' })]), { fileName: 'new.jsonl', operationId: 'op' });
    await call('history.undo', {});
    expect(snapshots()).toBe(2);
    await Promise.all(operations);
    // Redo is still possible: nothing is forgotten by a call that discards nothing.
    expect(snapshots()).toBe(2);

    const before = operations.length;
    await call('listing.update', { id: ids[1], changes: { title: 'Silver band' } });
    expect(operations).toHaveLength(before + 1);
    await Promise.all(operations);
    expect(snapshots()).toBe(0);
    expect(await call('history.redo', {})).toMatchObject({ changeSet: null });
  });
});
