import { describe, expect, it } from 'vitest';
import { getListing } from '../../../core/catalog/get-listing.js';
import type { NewListing } from '../../../core/catalog/insert-listings.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { GridViews } from '../../../core/catalog/grid-views.js';
import { applyImport } from '../../../core/import/apply-import.js';
import { readImportReport } from '../../../core/import/apply-import-record.js';
import { newListing, tempDbPath } from '../catalog/temp-catalog.js';
import { memorySource, type Entry } from './memory-source.js';

const options = { fileName: 'file.jsonl', operationId: 'op-1' };

function listings(count: number, overrides: (index: number) => Partial<NewListing> = () => ({})): NewListing[] {
  return Array.from({ length: count }, (_, index) =>
    newListing({ marketplace: 'shopify', sourceId: `handle-${index}`, sku: `SKU-${index}`, title: `Listing ${index}`, ...overrides(index) }),
  );
}

/** Every listing with its variants, revisions and counters: equal before and after = nothing changed. */
function snapshot(catalog: Catalog): unknown {
  const ids = catalog.db.prepare('SELECT id FROM listings ORDER BY id').pluck().all() as number[];
  return {
    listings: ids.map((id) => getListing(catalog, id)),
    revisions: catalog.db.prepare('SELECT * FROM revisions ORDER BY id').all(),
    counts: catalog.db.prepare('SELECT * FROM listing_counts ORDER BY marketplace, status').all(),
    fts: catalog.db.prepare("SELECT count(*) FROM listings_fts WHERE listings_fts MATCH 'listing'").pluck().get(),
  };
}

describe('applyImport', () => {
  it('imports, then re-importing the same file changes nothing', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const file = listings(5_000, (i) => ({ variants: i % 3 === 0 ? [{ sku: `V-${i}`, options: [{ name: 'Size', value: 'M' }], priceMinor: null, quantity: 2, image: null }] : [] }));
    const first = await applyImport(catalog, memorySource(file), options);
    expect(first).toMatchObject({ imported: 5_000, updated: 0, unchanged: 0, rejected: 0, cancelled: false, dataRows: 5_000 });
    expect(catalog.db.prepare('SELECT count(*) FROM listings WHERE import_id = ?').pluck().get(first.importId)).toBe(5_000);
    expect(catalog.db.prepare('SELECT sum(variant_count) FROM listings').pluck().get()).toBe(1_667);
    const before = snapshot(catalog);

    const again = await applyImport(catalog, memorySource(file), options);
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 5_000, rejected: 0 });
    expect(snapshot(catalog)).toEqual(before);
    expect(readImportReport(catalog.db, again.importId)).toEqual(again);
    catalog.close();
  });

  it('updates changed listings, writes revisions with before/after, keeps values the file leaves empty', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    await applyImport(catalog, memorySource(listings(3)), options);
    const changed = listings(3, (i) => (i === 1 ? { title: 'Renamed', brand: null, tags: [], priceMinor: 2500 } : {}));
    const report = await applyImport(catalog, memorySource([...changed, newListing({ marketplace: 'shopify', sourceId: 'new', sku: 'NEW' })]), options);
    expect(report).toMatchObject({ imported: 1, updated: 1, unchanged: 2 });
    const id = catalog.db.prepare("SELECT id FROM listings WHERE source_id = 'handle-1'").pluck().get() as number;
    expect(getListing(catalog, id)).toMatchObject({ title: 'Renamed', brand: 'Brand', tags: ['tag'], priceMinor: 2500 });
    const revisions = catalog.db.prepare('SELECT listing_id, author, changes FROM revisions').all() as { listing_id: number; author: string; changes: string }[];
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ listing_id: id, author: 'import' });
    expect(JSON.parse(revisions[0]!.changes)).toEqual({ title: { before: 'Listing 1', after: 'Renamed' }, priceMinor: { before: 1000, after: 2500 } });
    // The grid filter importId shows exactly the listings this import created or changed.
    const views = new GridViews(catalog);
    expect(views.open({ sort: { column: 'title', direction: 'asc' }, filter: { importId: report.importId } }).total).toBe(2);
    expect(report.listingIds).toHaveLength(2);
    catalog.close();
  });

  it('matches on SKU when the file has no marketplace id; by exact title only when asked', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    await applyImport(catalog, memorySource([newListing({ sku: 'A' }), newListing({ sku: null, title: 'No keys' })]), options);
    // A row with neither id nor SKU is a new listing: two different items may share a title.
    const keyOnly = await applyImport(catalog, memorySource([newListing({ sku: 'A', quantity: 9 }), newListing({ sku: null, title: 'No keys' })]), options);
    expect(keyOnly).toMatchObject({ imported: 1, updated: 1, unchanged: 0 });
    expect(keyOnly.rows).toEqual({ new: 1, updated: 1, unchanged: 0, partOf: 0, merged: 0, rejected: 0 });
    // The seller chose title matching: the one listing with exactly that title is updated…
    const byTitle = await applyImport(catalog, memorySource([newListing({ sku: 'A', quantity: 9 }), newListing({ sku: null, title: 'Unique', quantity: 4 })]), { ...options, matchBy: 'title' });
    expect(byTitle).toMatchObject({ imported: 1, unchanged: 1 });
    const again = await applyImport(catalog, memorySource([newListing({ sku: null, title: 'Unique', quantity: 5 })]), { ...options, matchBy: 'title' });
    expect(again).toMatchObject({ imported: 0, updated: 1 });
    // …and a title two different stored listings share matches neither when the row does not say which.
    catalog.db.prepare("UPDATE listings SET description = 'the other one' WHERE id = (SELECT max(id) FROM listings WHERE title = 'No keys')").run();
    const ambiguous = await applyImport(catalog, memorySource([newListing({ sku: null, title: 'No keys', description: 'a third text', quantity: 3 })]), { ...options, matchBy: 'title' });
    expect(ambiguous).toMatchObject({ imported: 1, updated: 0 });
    expect(ambiguous.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^Line 2: 2 listings in the catalog have the title "No keys" and differ in photo or description.*imported as a new listing/)]);
    catalog.close();
  });

  describe('matching by title (a file without ids or SKUs, like an Etsy download)', () => {
    const keyless = (title: string, overrides: Partial<NewListing> = {}): NewListing => newListing({ marketplace: 'etsy', sourceId: null, sku: null, title, ...overrides });
    const byTitle = { ...options, matchBy: 'title' as const };
    const stored = (catalog: Catalog): unknown[] => catalog.db.prepare("SELECT title, images ->> '$[0]' AS image, quantity FROM listing_rows ORDER BY id").all();

    it('two rows with one title are two listings, in one file and when the file is imported again', async () => {
      const catalog = openCatalog(tempDbPath(), { role: 'writer' });
      const file = [keyless('Mug', { quantity: 1, images: ['https://i.etsystatic.com/1.jpg'] }), keyless('Mug', { quantity: 2, images: ['https://i.etsystatic.com/2.jpg'] })];
      const first = await applyImport(catalog, memorySource(file), byTitle);
      expect(first).toMatchObject({ imported: 2, rows: { new: 2, merged: 0 } });
      // Again, in the other order: each row finds its own listing by its photo.
      const again = await applyImport(catalog, memorySource([{ ...file[1]!, quantity: 5 }, { ...file[0]!, quantity: 4 }]), byTitle);
      expect(again).toMatchObject({ imported: 0, updated: 2, rows: { merged: 0 } });
      expect(stored(catalog)).toEqual([
        { title: 'Mug', image: 'https://i.etsystatic.com/1.jpg', quantity: 4 },
        { title: 'Mug', image: 'https://i.etsystatic.com/2.jpg', quantity: 5 },
      ]);
      catalog.close();
    });

    it('the description decides when the photos do not; copies nothing tells apart pair in order', async () => {
      const catalog = openCatalog(tempDbPath(), { role: 'writer' });
      await applyImport(catalog, memorySource([keyless('Print', { description: 'A4' }), keyless('Print', { description: 'A3' }), keyless('Card'), keyless('Card')]), byTitle);
      const again = await applyImport(catalog, memorySource([keyless('Print', { description: 'A3', quantity: 3 }), keyless('Card', { quantity: 7 }), keyless('Card', { quantity: 8 })]), byTitle);
      expect(again).toMatchObject({ imported: 0, updated: 3 });
      expect(catalog.db.prepare('SELECT description, quantity FROM listing_rows ORDER BY id').all()).toEqual([
        { description: 'A4', quantity: 1 },
        { description: 'A3', quantity: 3 },
        { description: 'A description.', quantity: 7 },
        { description: 'A description.', quantity: 8 },
      ]);
      // A third copy finds no listing left to take: it is a new listing, never merged into one.
      expect(await applyImport(catalog, memorySource([keyless('Card', { quantity: 7 }), keyless('Card', { quantity: 8 }), keyless('Card', { quantity: 9 })]), byTitle)).toMatchObject({ imported: 1, unchanged: 2 });
      catalog.close();
    });
  });

  it('never merges two rows with different keys, even when they share a marketplace id (Amazon: the SKU decides)', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const merchant = newListing({ marketplace: 'amazon', sourceId: '0V-586O-C2JL', sku: '0V-586O-C2JL', quantity: 3, attributes: { ASIN: 'B0TEST' } });
    const fba = newListing({ marketplace: 'amazon', sourceId: '0V-586O-C2JL-FBA', sku: '0V-586O-C2JL-FBA', quantity: null, attributes: { ASIN: 'B0TEST' } });
    const report = await applyImport(catalog, memorySource([merchant, fba]), options);
    expect(report).toMatchObject({ imported: 2, rows: { new: 2, merged: 0 } });
    expect(catalog.db.prepare('SELECT quantity FROM listing_rows ORDER BY id').pluck().all()).toEqual([3, null]);
    catalog.close();
  });

  it('counts a listing named twice in one file once, merging the later row into it, with a warning', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const rows: NewListing[] = [...listings(2), newListing({ marketplace: 'shopify', sourceId: 'handle-0', sku: 'SKU-0', title: 'Later', quantity: null })];
    const report = await applyImport(catalog, memorySource(rows), options);
    expect(report).toMatchObject({ imported: 2, updated: 0, unchanged: 0, rows: { new: 2, merged: 1 } });
    expect(report.warnings).toEqual([expect.objectContaining({ line: 4, message: expect.stringContaining('line 2') })]);
    // The later row's empty quantity does not erase the earlier row's.
    expect(catalog.db.prepare("SELECT quantity FROM listing_rows WHERE source_id = 'handle-0'").pluck().get()).toBe(rows[0]!.quantity);
    expect(catalog.db.prepare("SELECT title FROM listings WHERE source_id = 'handle-0'").pluck().all()).toEqual(['Later']);

    // Across a flushed batch: the later row updates the stored listing, still counted once.
    const big = listings(2_500);
    const second = await applyImport(catalog, memorySource([...big, { ...big[0]!, title: 'Changed later' }]), options);
    expect(second.imported + second.updated + second.unchanged).toBe(2_500);
    expect(catalog.db.prepare("SELECT title FROM listings WHERE source_id = 'handle-0'").pluck().get()).toBe('Changed later');
    expect(catalog.db.prepare('SELECT count(*) FROM listings').pluck().get()).toBe(2_500);
    catalog.close();
  });

  it('rejects rows the catalog would refuse without stopping the import', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const entries: Entry[] = [newListing({ sku: 'ok' }), newListing({ sku: 'bad', currency: 'usd' }), { rejected: { line: 4, column: 'Price', message: 'Not a price' } }];
    const report = await applyImport(catalog, memorySource(entries), options);
    expect(report).toMatchObject({ imported: 1, rejected: 2 });
    expect(report.errors.map((e) => e.line)).toEqual([3, 4]);
    catalog.close();
  });

  it('is all or nothing when the source fails mid-way', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    await applyImport(catalog, memorySource(listings(100)), options);
    const before = snapshot(catalog);
    const entries: Entry[] = [...listings(3_000, (i) => ({ title: `Changed ${i}` })), { throws: 'disk read error' }, ...listings(10)];
    const report = await applyImport(catalog, memorySource(entries), options);
    expect(report).toMatchObject({ imported: 0, updated: 0, unchanged: 0, cancelled: false });
    expect(report.errors[0]!.message).toContain('disk read error');
    expect(snapshot(catalog)).toEqual(before);
    expect(catalog.db.inTransaction).toBe(false);
    catalog.close();
  });

  it('rolls back on cancel and says so', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    await applyImport(catalog, memorySource(listings(50)), options);
    const before = snapshot(catalog);
    const controller = new AbortController();
    const source = memorySource(listings(6_000, (i) => ({ title: `Changed ${i}` })), {
      beforeEach: (index) => {
        if (index === 4_500) controller.abort();
      },
    });
    const report = await applyImport(catalog, source, { ...options, signal: controller.signal });
    expect(report).toMatchObject({ cancelled: true, imported: 0, updated: 0 });
    expect(snapshot(catalog)).toEqual(before);
    expect(readImportReport(catalog.db, report.importId)?.cancelled).toBe(true);
    catalog.close();
  });

  it('reports progress', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const seen: number[] = [];
    await applyImport(catalog, memorySource(listings(100)), { ...options, onProgress: (p) => seen.push(p.rows) });
    expect(seen.at(-1)).toBe(100);
    catalog.close();
  });
});
