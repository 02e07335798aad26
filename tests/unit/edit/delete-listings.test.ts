import { afterEach, describe, expect, it } from 'vitest';
import { describeHistoryStep } from '../../../common/history-text.js';
import { insertListings, type NewListing } from '../../../core/catalog/insert-listings.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { readStats } from '../../../core/catalog/stats.js';
import { deleteListings, previewDelete } from '../../../core/edit/delete-listings.js';
import { listingHistory } from '../../../core/edit/history.js';
import { redoLast, undoLast, undoState } from '../../../core/edit/undo.js';
import { updateListing } from '../../../core/edit/update-listing.js';
import { expectConsistent, listingTables, searchIds } from './catalog-state.js';
import { catalogWith, listing, newListing, tempDbPath } from './edit-catalog.js';

const open: Catalog[] = [];
afterEach(() => {
  for (const catalog of open.splice(0)) catalog.close();
});

function made(listings: readonly NewListing[], path?: string) {
  const result = catalogWith(listings, path === undefined ? {} : { path });
  open.push(result.catalog);
  return result;
}

/** A listing with every part a delete must keep: variants with kept columns, kept source columns, attributes. */
function richListing(overrides: Partial<NewListing> = {}): NewListing {
  return newListing({
    marketplace: 'shopify',
    sourceId: 'walnut-board',
    sku: 'WB-1',
    title: 'Walnut cutting board',
    description: 'End grain walnut, oiled.',
    tags: ['walnut', 'kitchen'],
    attributes: { Wood: 'Walnut' },
    variants: [
      { sku: 'WB-1-S', options: [{ name: 'Size', value: 'Small' }], priceMinor: 4500, quantity: 3, image: null, columns: { 'Variant Grams': '900' } },
      { sku: 'WB-1-L', options: [{ name: 'Size', value: 'Large' }], priceMinor: 6500, quantity: -2, image: null },
    ],
    source: { dialect: 'shopify', layout: 'current', columns: { 'Metafield: custom.finish': 'oil' }, attributeColumns: { Wood: 'Option1 Value' } },
    ...overrides,
  });
}

const changeSetCount = (catalog: Catalog): number => catalog.db.prepare('SELECT count(*) FROM change_sets').pluck().get() as number;

describe('deleting listings', () => {
  it('puts one listing back exactly on undo: id, every row it owns, proposals, history, counters and search', () => {
    const { catalog, ids } = made([richListing(), newListing({ sourceId: 'E1', title: 'Linen napkin set' })]);
    const [board, napkins] = ids as [number, number];
    const edit = updateListing(catalog, { id: board, changes: { title: 'Walnut cutting board, large' } }).changeSet!;
    const { db } = catalog;
    db.prepare('UPDATE listings SET ai_fields = 2, import_id = 7 WHERE id = ?').run(board);
    db.prepare("INSERT INTO jobs (kind, created_at, updated_at) VALUES ('optimize', 1, 1)").run();
    db.prepare(`INSERT INTO proposals (listing_id, job_id, field, before_value, after_value, rule, state, created_at) VALUES (?, 1, 'description', '"a"', '"b"', 'r', 'pending', 5)`).run(board);
    const before = listingTables(catalog);
    expectConsistent(catalog);

    expect(previewDelete(catalog, { kind: 'ids', ids: [board] })).toEqual({ listings: 1, samples: [{ id: board, title: 'Walnut cutting board, large' }] });
    const result = deleteListings(catalog, { kind: 'ids', ids: [board] });
    expect(result).toMatchObject({ deleted: 1, changeSet: { kind: 'delete', author: 'user', summary: 'Delete of 1 listing', listingCount: 1, state: 'applied' } });
    expect(db.prepare('SELECT count(*) FROM listings WHERE id = ?').pluck().get(board)).toBe(0);
    for (const table of ['variants', 'listing_sources', 'proposals']) {
      expect(db.prepare(`SELECT count(*) FROM ${table} WHERE listing_id = ?`).pluck().get(board), table).toBe(0);
    }
    expect(searchIds(catalog, 'walnut')).toEqual([]);
    expect(listingHistory(db, board)).toEqual([]);
    expect(readStats(catalog).listings).toBe(1);
    expectConsistent(catalog);
    expect(undoState(db).undo).toEqual(result.changeSet);

    const undone = undoLast(catalog);
    expect(undone).toMatchObject({ changeSet: { id: result.changeSet!.id, state: 'undone' }, putBack: 1, removed: 0, leftOut: 0, changed: 0, conflicts: 0 });
    expect(describeHistoryStep('undo', undone)).toBe('Undid: Delete of 1 listing — 1 listing back');
    expect(listingTables(catalog)).toEqual(before);
    expect(searchIds(catalog, 'walnut')).toEqual([board]);
    expect(listing(catalog, board).aiWritten).toEqual(['description']);
    expectConsistent(catalog);

    // Redo takes it out again; undo brings it back again, still exactly.
    expect(redoLast(catalog)).toMatchObject({ removed: 1, putBack: 0 });
    expect(searchIds(catalog, 'walnut')).toEqual([]);
    expectConsistent(catalog);
    expect(undoLast(catalog)).toMatchObject({ putBack: 1 });
    expect(listingTables(catalog)).toEqual(before);

    // Its history survived: the edit before the delete is still undoable.
    expect(listingHistory(db, board).map((revision) => revision.changeSet?.id)).toEqual([edit.id]);
    expect(undoLast(catalog)).toMatchObject({ changeSet: { id: edit.id }, changed: 1 });
    expect(listing(catalog, board).title).toBe('Walnut cutting board');
    expect(listing(catalog, napkins).title).toBe('Linen napkin set');
  });

  it('deletes everything matching a filter across several chunks, and undo restores the whole catalog', () => {
    const listings = Array.from({ length: 1_234 }, (_, i) =>
      newListing({ marketplace: i % 3 === 0 ? 'ebay' : 'etsy', sourceId: `S${i}`, sku: `SKU-${i}`, title: `${i % 3 === 0 ? 'Brass' : 'Silver'} ring number ${i}`, status: i % 5 === 0 ? 'draft' : 'active' }),
    );
    const { catalog } = made(listings);
    const before = listingTables(catalog);
    const scope = { kind: 'query' as const, filter: { marketplaces: ['ebay' as const] } };
    expect(previewDelete(catalog, scope).listings).toBe(412);

    const result = deleteListings(catalog, scope);
    expect(result.deleted).toBe(412);
    expect(result.changeSet?.summary).toBe('Delete of 412 listings');
    expect(readStats(catalog)).toMatchObject({ listings: 822, byMarketplace: { etsy: 822 } });
    expect(searchIds(catalog, 'brass')).toEqual([]);
    expect(searchIds(catalog, 'silver')).toHaveLength(822);
    expectConsistent(catalog);

    expect(undoLast(catalog)).toMatchObject({ putBack: 412 });
    expect(listingTables(catalog)).toEqual(before);
    expect(searchIds(catalog, 'brass')).toHaveLength(412);
    expectConsistent(catalog);
    expect(redoLast(catalog)).toMatchObject({ removed: 412 });
    expect(readStats(catalog).listings).toBe(822);
    expectConsistent(catalog);
  });

  it('previews what is there: ids gone meanwhile are not counted, and deleting nothing records nothing', () => {
    const { catalog, ids } = made([newListing({ sku: 'A', title: 'Alpha' }), newListing({ sku: 'B', title: 'Beta' })]);
    expect(previewDelete(catalog, { kind: 'ids', ids: [ids[1]!, 999, ids[0]!] })).toEqual({
      listings: 2,
      samples: [
        { id: ids[0], title: 'Alpha' },
        { id: ids[1], title: 'Beta' },
      ],
    });
    expect(previewDelete(catalog, { kind: 'all' }).listings).toBe(2);
    expect(previewDelete(catalog, { kind: 'query', filter: {}, search: 'gamma' })).toEqual({ listings: 0, samples: [] });
    const sets = changeSetCount(catalog);
    expect(deleteListings(catalog, { kind: 'ids', ids: [999] })).toEqual({ changeSet: null, deleted: 0 });
    expect(changeSetCount(catalog)).toBe(sets);
  });

  it('a new change after undoing a delete discards its redo', () => {
    const { catalog, ids } = made([newListing({ sku: 'A', title: 'Alpha' }), newListing({ sku: 'B', title: 'Beta' })]);
    const removal = deleteListings(catalog, { kind: 'ids', ids: [ids[0]!] }).changeSet!;
    undoLast(catalog);
    updateListing(catalog, { id: ids[1]!, changes: { title: 'Beta two' } });
    expect(catalog.db.prepare('SELECT state FROM change_sets WHERE id = ?').pluck().get(removal.id)).toBe('discarded');
    expect(redoLast(catalog)).toMatchObject({ changeSet: null });
    expect(listing(catalog, ids[0]!).title).toBe('Alpha');
  });

  it('puts a listing back under a new id when a listing added outside the history took its id, its history following it', () => {
    const { catalog, ids } = made([newListing({ sku: 'A', title: 'Alpha' }), newListing({ sourceId: 'B-1', sku: 'B', title: 'Beta' })]);
    const beta = ids[1]!;
    const edit = updateListing(catalog, { id: beta, changes: { priceMinor: 1234 } }).changeSet!;
    deleteListings(catalog, { kind: 'ids', ids: [beta] });
    // Demo data is not a change set: the new listing takes the highest id + 1, Beta's old id.
    const [newcomer] = insertListings(catalog.db, [newListing({ sku: 'C', title: 'Gamma' })]);
    expect(newcomer).toBe(beta);
    expect(listingHistory(catalog.db, newcomer!)).toEqual([]);

    expect(undoLast(catalog)).toMatchObject({ putBack: 1, leftOut: 0 });
    const moved = catalog.db.prepare("SELECT id FROM listings WHERE sku = 'B'").pluck().get() as number;
    expect(moved).toBeGreaterThan(newcomer!);
    expect(listing(catalog, moved)).toMatchObject({ title: 'Beta', sourceId: 'B-1', priceMinor: 1234 });
    expect(listing(catalog, newcomer!).title).toBe('Gamma');
    expect(listingHistory(catalog.db, moved).map((revision) => revision.changeSet?.id)).toEqual([edit.id]);
    expectConsistent(catalog);
    // Redo finds it under its new id, and undo brings it back again.
    expect(redoLast(catalog)).toMatchObject({ removed: 1 });
    expect(catalog.db.prepare("SELECT count(*) FROM listings WHERE sku = 'B'").pluck().get()).toBe(0);
    expect(undoLast(catalog)).toMatchObject({ putBack: 1 });
    expect(catalog.db.prepare("SELECT count(*) FROM listings WHERE sku = 'B'").pluck().get()).toBe(1);
  });

  it('leaves a listing out when another listing holds its marketplace id now, and puts it back once that one is gone', () => {
    const { catalog, ids } = made([newListing({ sourceId: 'E-7', sku: 'A', title: 'Alpha' }), newListing({ sourceId: 'E-8', sku: 'B', title: 'Beta' })]);
    deleteListings(catalog, { kind: 'all' });
    const [twin] = insertListings(catalog.db, [newListing({ sourceId: 'E-7', sku: 'A2', title: 'Alpha again' })]);

    const undone = undoLast(catalog);
    expect(undone).toMatchObject({ putBack: 1, leftOut: 1 });
    expect(describeHistoryStep('undo', undone)).toBe('Undid: Delete of 2 listings — 1 listing back, 1 listing was not put back: another listing has its marketplace id now');
    expect(listing(catalog, ids[1]!).title).toBe('Beta');
    expectConsistent(catalog);

    // The twin goes (outside the history); redo and undo again bring Alpha back too.
    catalog.db.prepare('DELETE FROM listings WHERE id = ?').run(twin!);
    expect(redoLast(catalog)).toMatchObject({ removed: 1 });
    expect(undoLast(catalog)).toMatchObject({ putBack: 2, leftOut: 0 });
    expect(catalog.db.prepare("SELECT title FROM listings WHERE source_id = 'E-7'").pluck().get()).toBe('Alpha');
    expectConsistent(catalog);
  });

  it('survives closing and reopening the catalog between delete, undo and redo', () => {
    const { catalog, ids, path } = made([newListing({ sku: 'A', title: 'Alpha' }), newListing({ sku: 'B', title: 'Beta' })]);
    const before = listingTables(catalog);
    deleteListings(catalog, { kind: 'all' });
    catalog.close();
    open.splice(0);
    const reopened = openCatalog(path, { role: 'writer' });
    open.push(reopened);
    expect(undoState(reopened.db).undo?.kind).toBe('delete');
    expect(undoLast(reopened)).toMatchObject({ putBack: 2 });
    expect(listingTables(reopened)).toEqual(before);
    expect(listing(reopened, ids[0]!).title).toBe('Alpha');
  });

  it('removes a whole large catalog (sort indexes dropped and rebuilt in the same transaction) and puts it back', () => {
    const count = 50_000;
    // Inserted as the demo generator does (scored on the way in), without catalogWith's rescoring pass.
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    open.push(catalog);
    insertListings(
      catalog.db,
      Array.from({ length: count }, (_, i) => newListing({ sourceId: `D${i}`, sku: `D-${i}`, title: `Demo item ${i}`, description: '', images: [], tags: [], materials: [], attributes: {} })),
    );
    const indexes = (): string[] => catalog.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('listings', 'listing_offers') ORDER BY name").pluck().all() as string[];
    const before = indexes();
    expect(before).toContain('listings_title');

    expect(deleteListings(catalog, { kind: 'all' }).deleted).toBe(count);
    expect(readStats(catalog).listings).toBe(0);
    expect(indexes()).toEqual(before);
    expectConsistent(catalog);

    expect(undoLast(catalog)).toMatchObject({ putBack: count });
    expect(readStats(catalog).listings).toBe(count);
    expect(indexes()).toEqual(before);
    expectConsistent(catalog);
  }, 120_000);
});
