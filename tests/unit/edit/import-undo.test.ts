import { afterEach, describe, expect, it } from 'vitest';
import { describeHistoryStep } from '../../../common/history-text.js';
import type { Listing } from '../../../common/listing.js';
import type { NewListing } from '../../../core/catalog/insert-listings.js';
import type { Catalog } from '../../../core/catalog/open-catalog.js';
import { readStats } from '../../../core/catalog/stats.js';
import { deleteListings } from '../../../core/edit/delete-listings.js';
import { listingHistory } from '../../../core/edit/history.js';
import { redoLast, undoLast, undoState } from '../../../core/edit/undo.js';
import { updateListing } from '../../../core/edit/update-listing.js';
import { applyImport } from '../../../core/import/apply-import.js';
import { memorySource } from '../import-apply/memory-source.js';
import { expectConsistent, listingTables, searchIds } from './catalog-state.js';
import { catalogWith, expectedQuality, listing, newListing, storedQuality } from './edit-catalog.js';

const open: Catalog[] = [];
afterEach(() => {
  for (const catalog of open.splice(0)) catalog.close();
});

const board = (overrides: Partial<NewListing> = {}): NewListing =>
  newListing({
    marketplace: 'shopify',
    sourceId: 'walnut-board',
    sku: 'WB-1',
    title: 'Walnut cutting board',
    priceMinor: 4500,
    attributes: { Wood: 'Walnut' },
    variants: [{ sku: 'WB-1-S', options: [{ name: 'Size', value: 'Small' }], priceMinor: 4500, quantity: 3, image: null, columns: { 'Variant Grams': '900' } }],
    source: { dialect: 'shopify', columns: { 'Metafield: custom.finish': 'oil' } },
    ...overrides,
  });

/** The fields a seller sees (not updated_at or the import mark, which an import and its undo stamp). */
function fields(listing: Listing): Omit<Listing, 'updatedAt' | 'variants'> & { variants: unknown[] } {
  const { updatedAt: _updated, variants, ...rest } = listing;
  return { ...rest, variants: variants.map(({ id: _id, ...variant }) => variant) };
}

async function importListings(catalog: Catalog, listings: readonly NewListing[], fileName = 'shop.jsonl') {
  return applyImport(catalog, memorySource(listings), { fileName, operationId: 'op' });
}

function setup() {
  const made = catalogWith([board(), newListing({ marketplace: 'etsy', sourceId: 'E1', sku: 'MUG', title: 'Stoneware mug' })]);
  open.push(made.catalog);
  return made;
}

describe('undoing an import', () => {
  it('removes the listings it created and restores every field of the ones it updated, then redo brings both back', async () => {
    const { catalog, ids } = setup();
    const [boardId, mugId] = ids as [number, number];
    const original = fields(listing(catalog, boardId));
    const before = listingTables(catalog);

    const report = await importListings(catalog, [
      board({
        sourceId: 'walnut-board',
        title: 'Walnut board, end grain',
        priceMinor: 5200,
        attributes: { Wood: 'Walnut', Finish: 'Oil' },
        variants: [
          { sku: 'WB-1-S', options: [{ name: 'Size', value: 'Small' }], priceMinor: 5200, quantity: 2, image: null, columns: { 'Variant Grams': '950' } },
          { sku: 'WB-1-L', options: [{ name: 'Size', value: 'Large' }], priceMinor: 7200, quantity: 1, image: null },
        ],
        source: { dialect: 'shopify', columns: { 'Metafield: custom.finish': 'wax', 'Gift Card': 'FALSE' } },
      }),
      newListing({ marketplace: 'shopify', sourceId: 'oak-spoon', sku: 'OS-1', title: 'Oak spoon' }),
      newListing({ marketplace: 'shopify', sourceId: 'ash-bowl', sku: 'AB-1', title: 'Ash bowl' }),
    ]);
    expect(report).toMatchObject({ imported: 2, updated: 1 });
    const imported = fields(listing(catalog, boardId));
    expect(imported.variants).toHaveLength(2);
    const created = catalog.db.prepare("SELECT id FROM listings WHERE sku IN ('OS-1', 'AB-1') ORDER BY id").pluck().all() as number[];
    expect(undoState(catalog.db).undo).toMatchObject({ id: report.changeSetId, kind: 'import', summary: 'Import of shop.jsonl: 2 new, 1 changed' });

    const undone = undoLast(catalog);
    expect(undone).toMatchObject({ changeSet: { id: report.changeSetId, state: 'undone' }, removed: 2, changed: 1, conflicts: 0, putBack: 0 });
    expect(describeHistoryStep('undo', undone)).toBe('Undid: Import of shop.jsonl: 2 new, 1 changed — 2 listings removed, 1 restored');
    expect(fields(listing(catalog, boardId))).toEqual(original);
    expect(storedQuality(catalog, boardId)).toEqual(expectedQuality(listing(catalog, boardId)));
    expect(readStats(catalog).listings).toBe(2);
    expect(searchIds(catalog, 'spoon OR bowl')).toEqual([]);
    expect(listing(catalog, mugId).title).toBe('Stoneware mug');
    // Only updated_at (and the import mark) of the restored listing differ from before the import.
    const after = listingTables(catalog);
    const unstamped = (tables: Record<string, unknown[]>) => ({
      ...tables,
      listings: tables.listings!.map((row) => ({ ...(row as object), import_id: null })),
      offers: tables.offers!.map((row) => ({ ...(row as object), updated_at: 0 })),
      variants: tables.variants!.map((row) => ({ ...(row as object), id: 0 })),
      revisions: [],
    });
    expect(unstamped(after)).toEqual(unstamped(before));
    expectConsistent(catalog);

    const redone = redoLast(catalog);
    expect(redone).toMatchObject({ putBack: 2, changed: 1, conflicts: 0, removed: 0 });
    expect(describeHistoryStep('redo', redone)).toBe('Redid: Import of shop.jsonl: 2 new, 1 changed — 2 listings back, 1 changed again');
    expect(fields(listing(catalog, boardId))).toEqual(imported);
    expect(catalog.db.prepare("SELECT id FROM listings WHERE sku IN ('OS-1', 'AB-1') ORDER BY id").pluck().all()).toEqual(created);
    expect(searchIds(catalog, 'spoon OR bowl')).toEqual(created);
    expectConsistent(catalog);

    // And once more: undo after redo takes the created listings out again by their ranges.
    expect(undoLast(catalog)).toMatchObject({ removed: 2, changed: 1 });
    expect(fields(listing(catalog, boardId))).toEqual(original);
  });

  it('undoes a one-listing import (a new listing) and a many-listing one, counters and search exact', async () => {
    const { catalog } = setup();
    const before = listingTables(catalog);
    const one = await importListings(catalog, [newListing({ marketplace: 'etsy', sourceId: 'E9', sku: 'VASE', title: 'Celadon vase' })], 'one.jsonl');
    expect(one.imported).toBe(1);
    expect(undoLast(catalog)).toMatchObject({ changeSet: { id: one.changeSetId }, removed: 1, changed: 0 });
    expect(listingTables(catalog)).toMatchObject({ listings: before.listings, listingCounts: before.listingCounts });
    expect(searchIds(catalog, 'celadon')).toEqual([]);
    expectConsistent(catalog);

    const many = Array.from({ length: 1_300 }, (_, i) => newListing({ marketplace: 'etsy', sourceId: `M${i}`, sku: `M-${i}`, title: `Glazed tile ${i}` }));
    const big = await importListings(catalog, [...many, newListing({ marketplace: 'etsy', sourceId: 'E1', sku: 'MUG', title: 'Stoneware mug, blue' })], 'tiles.jsonl');
    expect(big).toMatchObject({ imported: 1_300, updated: 1 });
    expect(searchIds(catalog, 'glazed')).toHaveLength(1_300);
    expectConsistent(catalog);
    expect(undoLast(catalog)).toMatchObject({ changeSet: { id: big.changeSetId }, removed: 1_300, changed: 1 });
    expect(readStats(catalog).listings).toBe(2);
    expect(searchIds(catalog, 'glazed')).toEqual([]);
    expect(catalog.db.prepare("SELECT title FROM listings WHERE sku = 'MUG'").pluck().get()).toBe('Stoneware mug');
    expectConsistent(catalog);
    expect(redoLast(catalog)).toMatchObject({ putBack: 1_300, changed: 1 });
    expect(searchIds(catalog, 'glazed')).toHaveLength(1_300);
    expectConsistent(catalog);
  });

  it('leaves a field changed since by a write outside the history alone and counts it as a conflict', async () => {
    const { catalog, ids } = setup();
    const boardId = ids[0]!;
    await importListings(catalog, [board({ title: 'Walnut board, end grain', priceMinor: 5200, attributes: { Wood: 'Oak' } })]);
    // Something that records no change set (an older Listsmith, a repair) changes the title since.
    catalog.db.prepare("UPDATE listings SET title = 'Walnut board (repaired)' WHERE id = ?").run(boardId);

    const undone = undoLast(catalog);
    expect(undone).toMatchObject({ changed: 1, conflicts: 1, removed: 0 });
    expect(describeHistoryStep('undo', undone)).toBe('Undid: Import of shop.jsonl: 0 new, 1 changed — 1 restored; 1 value was left as it is: changed again since');
    expect(listing(catalog, boardId)).toMatchObject({ title: 'Walnut board (repaired)', priceMinor: 4500, attributes: { Wood: 'Walnut' } });
    // Redo puts back only where undo did.
    expect(redoLast(catalog)).toMatchObject({ changed: 1, conflicts: 1 });
    expect(listing(catalog, boardId)).toMatchObject({ title: 'Walnut board (repaired)', priceMinor: 5200, attributes: { Wood: 'Oak' } });
  });

  it('compares variants and kept columns by content: a reordered source object is not a change', async () => {
    const { catalog, ids } = setup();
    const boardId = ids[0]!;
    await importListings(catalog, [
      board({
        variants: [{ sku: 'WB-1-S', options: [{ name: 'Size', value: 'Small' }], priceMinor: 4000, quantity: 3, image: null, columns: { 'Variant Grams': '900' } }],
        source: { dialect: 'shopify', columns: { 'Gift Card': 'FALSE', 'Metafield: custom.finish': 'wax' } },
      }),
    ]);
    // The same kept columns in another order, as another writer might store them.
    const data = JSON.parse(catalog.db.prepare('SELECT data FROM listing_sources WHERE listing_id = ?').pluck().get(boardId) as string) as { columns: Record<string, string> };
    const reordered = { ...data, columns: Object.fromEntries(Object.entries(data.columns).reverse()) };
    catalog.db.prepare('UPDATE listing_sources SET data = ? WHERE listing_id = ?').run(JSON.stringify(reordered), boardId);
    expect(undoLast(catalog)).toMatchObject({ changed: 1, conflicts: 0 });
    expect(listing(catalog, boardId)).toMatchObject({ source: { dialect: 'shopify', columns: { 'Metafield: custom.finish': 'oil' } } });
    expect(listing(catalog, boardId).variants[0]).toMatchObject({ priceMinor: 4500 });
  });

  it('unwinds a listing the import updated twice (the same listing on two lines), newest first', async () => {
    const { catalog, ids } = setup();
    const mugId = ids[1]!;
    const report = await importListings(catalog, [
      newListing({ marketplace: 'etsy', sourceId: 'E1', sku: 'MUG', title: 'Stoneware mug, blue' }),
      newListing({ marketplace: 'etsy', sourceId: 'E1', sku: 'MUG', title: 'Stoneware mug, green', priceMinor: 2500 }),
    ]);
    expect(report.updated).toBe(1);
    expect(listing(catalog, mugId)).toMatchObject({ title: 'Stoneware mug, green', priceMinor: 2500 });
    expect(undoLast(catalog)).toMatchObject({ conflicts: 0 });
    expect(listing(catalog, mugId)).toMatchObject({ title: 'Stoneware mug', priceMinor: 1000 });
  });

  it('walks an import and a later delete of its listings in order', async () => {
    const { catalog } = setup();
    const report = await importListings(catalog, [newListing({ marketplace: 'etsy', sourceId: 'E2', sku: 'JUG', title: 'Milk jug' })]);
    const jug = catalog.db.prepare("SELECT id FROM listings WHERE sku = 'JUG'").pluck().get() as number;
    updateListing(catalog, { id: jug, changes: { priceMinor: 3900 } });
    const removal = deleteListings(catalog, { kind: 'ids', ids: [jug] }).changeSet!;

    // Only the newest change can be undone by id.
    expect(() => undoLast(catalog, Date.now(), report.changeSetId!)).toThrow(/is not the last change: 2 changes were made after it, newest first: “Delete of 1 listing”/);
    expect(undoLast(catalog)).toMatchObject({ changeSet: { id: removal.id }, putBack: 1 });
    expect(listing(catalog, jug).priceMinor).toBe(3900);
    expect(listingHistory(catalog.db, jug)).toHaveLength(1);
    undoLast(catalog);
    expect(undoLast(catalog, Date.now(), report.changeSetId!)).toMatchObject({ removed: 1 });
    expect(() => undoLast(catalog, Date.now(), report.changeSetId!)).toThrow(/already undone/);
    expect(readStats(catalog).listings).toBe(2);
    // Redo walks forward again: the import, the edit, the delete.
    expect(redoLast(catalog)).toMatchObject({ putBack: 1 });
    expect(redoLast(catalog)).toMatchObject({ changed: 1 });
    expect(listing(catalog, jug).priceMinor).toBe(3900);
    expect(redoLast(catalog)).toMatchObject({ changeSet: { id: removal.id }, removed: 1 });
    expectConsistent(catalog);
  });
});
