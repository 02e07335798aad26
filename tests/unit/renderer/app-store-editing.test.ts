import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type Transport } from '../../../common/client.js';
import type { EventName, MethodName } from '../../../common/contract-names.js';
import type { ChangeSetSummary, UndoState } from '../../../common/edit-types.js';
import type { GridRow, Listing } from '../../../common/listing.js';
import type { Envelope } from '../../../common/result.js';
import { createAppStore, type AppStoreHandle } from '../../../renderer/src/store/app-store.js';

/** A fake core: 30 listings, listing.update with the conflict check, undo/redo of one change set. */
function fakeCore() {
  const rows: GridRow[] = Array.from({ length: 30 }, (_, i) => ({
    id: 100 + i,
    marketplace: 'etsy',
    sku: `S-${i}`,
    title: `Listing ${i}`,
    priceMinor: 1000 + i,
    currency: 'USD',
    quantity: 1,
    status: 'active',
    variantCount: 0,
    updatedAt: 1_000 + i,
    score: 90,
    errors: 0,
    pendingProposals: false,
    mainImage: null,
  }));
  const calls: { method: MethodName; input: unknown }[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const changeSet: ChangeSetSummary = { id: 1, author: 'user', kind: 'bulk', summary: 'Price +10 % on 30 listings', listingCount: 30, state: 'applied', createdAt: 0 };
  let undo: UndoState = { undo: changeSet, redo: null };
  /** Each grid.open is a new view (a refresh swaps views, as the core does). */
  let opened = 0;
  /** When set, the next grid.rows call waits for this before answering. */
  const hold: { nextRows: Promise<void> | null } = { nextRows: null };
  const listingOf = (row: GridRow): Listing => ({
    ...row,
    sourceId: null,
    description: 'A fine listing with a long enough description to pass the description rules of the marketplace.',
    tags: [],
    materials: [],
    images: [],
    category: null,
    brand: null,
    condition: null,
    attributes: {},
    variants: [],
    createdAt: 0,
  });
  const ok = (value: unknown): Envelope<unknown> => ({ ok: true, value });
  const handle = (method: MethodName, input: Record<string, unknown>): Envelope<unknown> => {
    switch (method) {
      case 'app.info':
        return ok({ name: 'Listsmith', version: 'test', schemaVersion: 3, databasePath: '/x', transport: 'web' });
      case 'catalog.stats':
        return ok({ listings: rows.length, byMarketplace: { etsy: rows.length }, byStatus: { active: rows.length } });
      case 'history.state':
        return ok(undo);
      case 'grid.open':
        return ok({ viewId: `v${++opened}`, total: rows.length });
      case 'grid.close':
        return ok({ closed: true });
      case 'grid.rows': {
        const offset = input.offset as number;
        return ok({ viewId: input.viewId, offset, rows: rows.slice(offset, offset + (input.limit as number)) });
      }
      case 'listing.update': {
        const row = rows.find((r) => r.id === input.id)!;
        if (input.expectedUpdatedAt !== row.updatedAt) return { ok: false, error: { code: 'conflict', message: 'This listing changed since you opened it.' } };
        const changes = input.changes as { title?: string; priceMinor?: number };
        if (changes.title !== undefined && changes.title.length > 140) return { ok: false, error: { code: 'invalid_input', message: 'Title is too long for Etsy.' } };
        Object.assign(row, changes, { updatedAt: row.updatedAt + 1 });
        return ok({ listing: listingOf(row), changeSet: { ...changeSet, id: 2, kind: 'edit', summary: 'Edited title' } });
      }
      case 'history.undo': {
        const done = undo.undo;
        undo = { undo: null, redo: done === null ? null : { ...done, state: 'undone' } };
        return ok({ changeSet: done, changed: 30, conflicts: 0, state: undo });
      }
      default:
        return { ok: false, error: { code: 'unknown_method', message: method } };
    }
  };
  const transport: Transport = {
    async invoke(method, input) {
      calls.push({ method, input });
      await Promise.resolve();
      if (method === 'grid.rows' && hold.nextRows !== null) {
        const wait = hold.nextRows;
        hold.nextRows = null;
        await wait;
      }
      return handle(method, input as Record<string, unknown>);
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  const emit = (event: EventName, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
  return { rows, calls, emit, hold, client: createClient(transport) };
}

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(test: () => boolean, ms = 2_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await tick(5);
  }
}

let handle: AppStoreHandle | null = null;
let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
  handle = null;
});

async function started() {
  const core = fakeCore();
  handle = createAppStore({ client: core.client, transportKind: 'web' });
  stop = handle.start();
  const store = handle.store;
  await until(() => store.getState().viewState === 'ready' && store.getState().pageCache.row(0) !== undefined);
  await until(() => store.getState().undoState !== null);
  return { core, store };
}

describe('app store: selection', () => {
  it('click, Shift-click range, Ctrl-click and select-all', async () => {
    const { store } = await started();
    const s = () => store.getState();
    const row = (i: number) => s().pageCache.row(i);
    const ids = (): number[] => {
      const sel = s().selection;
      return sel.kind === 'ids' ? [...sel.ids].sort((a, b) => a - b) : [];
    };
    s().clickRow(2, row(2), { shift: false, toggle: false });
    expect(s().selection).toEqual({ kind: 'ids', ids: new Set([102]) });
    expect(s().selectedIndex).toBe(2);
    s().clickRow(6, row(6), { shift: true, toggle: false });
    await until(() => ids().length === 5);
    s().clickRow(4, row(4), { shift: false, toggle: true });
    expect(ids()).toEqual([102, 103, 105, 106]);
    s().selectAllMatching();
    expect(s().selection).toEqual({ kind: 'all' });
    // One cannot leave a listing out of "all matching": the selection stays, a notice says why.
    s().toggleRow(3, row(3), false);
    expect(s().selection).toEqual({ kind: 'all' });
    expect(s().notice?.text).toMatch(/cannot be left out/);
    s().clearSelection();
    expect(s().selection.kind).toBe('ids');
    expect(ids()).toEqual([]);
  });
});

describe('app store: Shift+Arrow while the grid refreshes', () => {
  it('a range read while a refresh swaps the view is read again from the new view, not dropped', async () => {
    const { core, store } = await started();
    const s = () => store.getState();
    s().clickRow(0, s().pageCache.row(0), { shift: false, toggle: false });
    // Rows on screen but stale (a catalog change is being reloaded): the range is read from the core.
    s().pageCache.markStale();
    let release: () => void = () => {};
    core.hold.nextRows = new Promise((r) => (release = r));
    s().extendSelection(1);
    await until(() => core.calls.some((c) => c.method === 'grid.rows' && (c.input as { viewId: string }).viewId === 'v1' && s().selectingRange));
    // The refresh opens view v2 while the range's rows of v1 are on their way.
    await s().openView('refresh');
    expect(s().view?.viewId).toBe('v2');
    release();
    await until(() => !s().selectingRange);
    const sel = s().selection;
    expect(sel.kind === 'ids' ? [...sel.ids].sort((a, b) => a - b) : sel).toEqual([100, 101]);
  });
});

describe('app store: Shift+Arrow after a reload reorders the rows', () => {
  it('the range keeps starting from the listing the seller anchored, not from its old position', async () => {
    const { core, store } = await started();
    const s = () => store.getState();
    const ids = (): number[] => {
      const sel = s().selection;
      return sel.kind === 'ids' ? [...sel.ids].sort((a, b) => a - b) : [];
    };
    s().select(3);
    s().toggleActiveRow();
    s().extendSelection(1);
    await until(() => !s().selectingRange && ids().length === 2);
    expect(ids()).toEqual([103, 104]);
    // An undo touched listings 103–105 (sorted by "updated", they move to the top) and the grid reloads.
    const moved = core.rows.splice(3, 3);
    core.rows.unshift(...moved);
    await s().openView('refresh');
    await until(() => s().pageCache.freshRow(0)?.id === 103);
    expect(s().selectedIndex).toBe(1);
    expect(s().anchorIndex).toBe(0);
    s().extendSelection(1);
    await until(() => !s().selectingRange && ids().length !== 2);
    expect(ids()).toEqual([103, 104, 105]);
  });
});

describe('app store: inline edit', () => {
  it('saves with expectedUpdatedAt and shows the new value at once', async () => {
    const { core, store } = await started();
    const s = () => store.getState();
    expect(s().startInlineEdit(3, 'title')).toBe(true);
    s().setInlineText('Speckled mug');
    expect(await s().commitInlineEdit()).toBe(true);
    const update = core.calls.find((c) => c.method === 'listing.update');
    expect(update?.input).toEqual({ id: 103, changes: { title: 'Speckled mug' }, expectedUpdatedAt: 1_003 });
    expect(s().inlineEdit).toBeNull();
    expect(s().pageCache.row(3)?.title).toBe('Speckled mug');
  });

  it('keeps the input open with the core’s message when the save is refused, changing nothing', async () => {
    const { core, store } = await started();
    const s = () => store.getState();
    s().startInlineEdit(5, 'title');
    s().setInlineText('x'.repeat(150));
    expect(await s().commitInlineEdit()).toBe(false);
    expect(s().inlineEdit?.error).toBe('Title is too long for Etsy.');
    expect(s().pageCache.row(5)?.title).toBe('Listing 5');
    // A conflict: the listing changed since the row was loaded.
    core.rows[5]!.updatedAt = 9_999;
    s().setInlineText('Fine title');
    expect(await s().commitInlineEdit()).toBe(false);
    expect(s().inlineEdit?.error).toMatch(/changed since/);
    s().cancelInlineEdit();
    expect(s().inlineEdit).toBeNull();
  });

  it('refuses a price that is not a number before calling the core', async () => {
    const { core, store } = await started();
    const s = () => store.getState();
    s().startInlineEdit(0, 'price');
    expect(s().inlineEdit?.text).toBe('10.00');
    s().setInlineText('ten');
    expect(await s().commitInlineEdit()).toBe(false);
    expect(s().inlineEdit?.error).toMatch(/number/);
    expect(core.calls.some((c) => c.method === 'listing.update')).toBe(false);
  });
});

describe('app store: undo/redo', () => {
  it('undoes once when the menu and the keyboard both fire for one key press, and says what it did', async () => {
    const { core, store } = await started();
    const s = () => store.getState();
    expect(s().undoState?.undo?.summary).toBe('Price +10 % on 30 listings');
    core.emit('app.command', { id: 'edit.undo' });
    void s().undo('keyboard');
    await until(() => s().historyBusy === null && s().undoState?.undo === null);
    await tick(20);
    expect(core.calls.filter((c) => c.method === 'history.undo')).toHaveLength(1);
    expect(s().notice?.text).toBe('Undid: Price +10 % on 30 listings');
    expect(s().undoState?.redo?.summary).toBe('Price +10 % on 30 listings');
    // Nothing left to undo: no call, a message.
    await s().undo('button');
    expect(core.calls.filter((c) => c.method === 'history.undo')).toHaveLength(1);
    expect(s().notice?.text).toBe('Nothing to undo.');
  });
});
