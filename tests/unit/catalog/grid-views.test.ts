import { describe, expect, it } from 'vitest';
import { SORT_COLUMNS, type GridQuery, type SortColumn } from '../../../common/grid.js';
import { ContractError } from '../../../common/result.js';
import { generateDemoData } from '../../../core/catalog/demo-data.js';
import { GridViews } from '../../../core/catalog/grid-views.js';
import { insertListings } from '../../../core/catalog/insert-listings.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { newListing, tempDbPath } from './temp-catalog.js';

const SQL_ORDER: Record<SortColumn, string> = {
  title: 'title COLLATE NOCASE',
  sku: 'sku',
  price: 'currency, price_minor',
  quantity: 'quantity',
  updated: 'updated_at',
  marketplace: 'marketplace',
  status: 'status',
  score: 'quality_score',
};

/** A writer with demo rows plus hand-made rows full of ties, NULLs and known words. */
function seededCatalog(): { writer: Catalog; reader: Catalog; path: string } {
  const path = tempDbPath();
  const writer = openCatalog(path, { role: 'writer' });
  generateDemoData(writer, { count: 400, seed: 7, now: 1_750_000_000_000 });
  insertListings(writer.db, [
    newListing({ title: 'zebra Striped Mug', sku: null, priceMinor: null, quantity: null, marketplace: 'other', status: 'draft' }),
    newListing({ title: 'Zebra striped mug', sku: null, priceMinor: null, quantity: null, marketplace: 'other', status: 'draft' }),
    newListing({ title: 'ZEBRA STRIPED MUG', sku: 'Z-1', priceMinor: 0, quantity: 0, marketplace: 'etsy', status: 'active' }),
    newListing({ title: 'Café au lait Zebrawood Bowl', description: 'Crème brûlée colour.', marketplace: 'ebay', status: 'active' }),
    newListing({ title: 'Quote "mark" AND (parenthesis) NEAR -minus *star', marketplace: 'amazon', status: 'inactive' }),
  ]);
  return { writer, reader: openCatalog(path, { role: 'reader' }), path };
}

/** Every id of a view, read through rows() in pages of an awkward size. */
function readAll(views: GridViews, query: GridQuery, pageSize = 37): number[] {
  const { viewId, total } = views.open(query);
  const ids: number[] = [];
  for (let offset = 0; offset < total; offset += pageSize) {
    const page = views.rows(viewId, offset, pageSize);
    expect(page.offset).toBe(offset);
    ids.push(...page.rows.map((row) => row.id));
  }
  expect(ids).toHaveLength(total);
  return ids;
}

function truth(catalog: Catalog, query: GridQuery, extraWhere?: string): number[] {
  const where: string[] = [];
  const values: (string | number)[] = [];
  if (query.filter.marketplaces?.length) {
    where.push(`marketplace IN (${query.filter.marketplaces.map(() => '?').join(',')})`);
    values.push(...query.filter.marketplaces);
  }
  if (query.filter.statuses?.length) {
    where.push(`status IN (${query.filter.statuses.map(() => '?').join(',')})`);
    values.push(...query.filter.statuses);
  }
  if (query.filter.hasErrors) where.push('error_count > 0');
  if (query.filter.maxScore !== undefined) {
    where.push('quality_score <= ?');
    values.push(query.filter.maxScore);
  }
  if (extraWhere) where.push(extraWhere);
  const dir = query.sort.direction === 'asc' ? 'ASC' : 'DESC';
  const sql = `SELECT id FROM listing_rows ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${SQL_ORDER[query.sort.column].split(', ').map((term) => `${term} ${dir}`).join(', ')}, id ${dir}`;
  return catalog.db.prepare(sql).pluck().all(...values) as number[];
}

const query = (column: SortColumn, direction: 'asc' | 'desc', filter: GridQuery['filter'] = {}, search?: string): GridQuery => ({
  sort: { column, direction },
  filter,
  ...(search === undefined ? {} : { search }),
});

describe('GridViews', () => {
  it('orders by every sort column in both directions, ties broken by id', () => {
    const { writer, reader } = seededCatalog();
    const views = new GridViews(reader);
    for (const column of SORT_COLUMNS) {
      for (const direction of ['asc', 'desc'] as const) {
        expect(readAll(views, query(column, direction)), `${column} ${direction}`).toEqual(truth(writer, query(column, direction)));
      }
    }
    // The three zebra mugs tie on title case-insensitively: they must come in id order.
    const zebraIds = truth(writer, query('title', 'asc'), "title LIKE 'zebra striped mug'");
    const byTitle = readAll(views, query('title', 'asc'));
    expect(byTitle.filter((id) => zebraIds.includes(id))).toEqual([...zebraIds].sort((a, b) => a - b));
    writer.close();
    reader.close();
  });

  it('filters by marketplace and status, alone and together', () => {
    const { writer, reader } = seededCatalog();
    const views = new GridViews(reader);
    const filters: GridQuery['filter'][] = [
      { marketplaces: ['etsy'] },
      { statuses: ['draft', 'sold_out'] },
      { marketplaces: ['ebay', 'amazon', 'other'], statuses: ['active'] },
      { marketplaces: [], statuses: [] },
      { marketplaces: ['google'], statuses: ['archived', 'inactive', 'draft'] },
    ];
    for (const filter of filters) {
      for (const column of ['title', 'price', 'updated'] as const) {
        const q = query(column, 'desc', filter);
        const expected = truth(writer, q);
        expect(readAll(views, q), JSON.stringify(q)).toEqual(expected);
      }
    }
    expect(readAll(views, query('title', 'asc', { marketplaces: ['etsy'] })).length).toBeGreaterThan(20);
    writer.close();
    reader.close();
  });

  it('filters by "has errors" and a maximum score, alone, together and with other filters and search', () => {
    const { writer, reader } = seededCatalog();
    const count = (where: string): number => writer.db.prepare(`SELECT count(*) FROM listing_rows WHERE ${where}`).pluck().get() as number;
    // The demo data must hold both kinds of rows, or these filters could not be told from none.
    expect(count('error_count > 0')).toBeGreaterThan(10);
    expect(count('error_count = 0')).toBeGreaterThan(10);
    expect(count('quality_score <= 80')).toBeGreaterThan(10);
    expect(count('quality_score > 80')).toBeGreaterThan(10);
    const filters: GridQuery['filter'][] = [
      { hasErrors: true },
      { maxScore: 80 },
      { maxScore: 0 },
      { maxScore: 100 },
      { hasErrors: true, maxScore: 70 },
      { hasErrors: true, marketplaces: ['ebay', 'amazon'] },
      { maxScore: 85, statuses: ['active'], marketplaces: ['etsy'] },
    ];
    // One set of views for every filter, so cached snapshots of different filters never mix.
    const shared = new GridViews(reader);
    for (const filter of filters) {
      for (const column of ['score', 'title', 'updated'] as const) {
        const q = query(column, 'asc', filter);
        expect(readAll(shared, q), JSON.stringify(q)).toEqual(truth(writer, q));
        const searched = query(column, 'desc', filter, 'handmade');
        const expected = truth(writer, query(column, 'desc', filter), "id IN (SELECT rowid FROM listings_fts WHERE listings_fts MATCH 'handmade*')");
        // Cold (no cached base list: SQL filters and sorts the few hits) and warm (walks the snapshot).
        expect(readAll(new GridViews(reader), searched), `cold ${JSON.stringify(searched)}`).toEqual(expected);
        expect(readAll(shared, searched), `warm ${JSON.stringify(searched)}`).toEqual(expected);
      }
    }
    // "has errors: false" is no restriction, like an empty marketplace list.
    const views = new GridViews(reader);
    expect(views.open(query('score', 'asc', { hasErrors: false })).total).toBe(405);
    expect(views.open(query('score', 'asc', { hasErrors: true })).total).toBe(count('error_count > 0'));
    writer.close();
    reader.close();
  });

  it('filters to listings with pending proposals (cold and warm) and marks them on a page', () => {
    const { writer, reader } = seededCatalog();
    const ids = writer.db.prepare('SELECT id FROM listings ORDER BY id').pluck().all() as number[];
    const pending = ids.filter((_, i) => i % 7 === 0);
    const decided = ids.filter((_, i) => i % 7 === 3);
    const insert = writer.db.prepare("INSERT INTO proposals (listing_id, field, before_value, after_value, state, created_at) VALUES (?, ?, '\"a\"', '\"b\"', ?, 1)");
    for (const id of pending) {
      insert.run(id, 'title', 'pending');
      insert.run(id, 'tags', 'pending'); // two pending fields: still one listing
    }
    for (const id of decided) insert.run(id, 'title', id % 2 === 0 ? 'accepted' : 'rejected');
    // The admitted ids come off the partial index proposals_pending alone.
    const plan = (writer.db.prepare("EXPLAIN QUERY PLAN SELECT DISTINCT listing_id FROM proposals WHERE state = 'pending'").all() as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan).toMatch(/COVERING INDEX proposals_pending/);
    const marked = `id IN (SELECT listing_id FROM proposals WHERE state = 'pending')`;
    const shared = new GridViews(reader);
    for (const filter of [{ hasProposals: true }, { hasProposals: true, marketplaces: ['etsy' as const] }, { hasProposals: true, hasErrors: true }]) {
      for (const column of ['title', 'updated'] as const) {
        const q = query(column, 'asc', filter);
        expect(readAll(shared, q), JSON.stringify(q)).toEqual(truth(writer, q, marked));
        const searched = query(column, 'desc', filter, 'handmade');
        const expected = truth(writer, query(column, 'desc', filter), `${marked} AND id IN (SELECT rowid FROM listings_fts WHERE listings_fts MATCH 'handmade*')`);
        expect(readAll(new GridViews(reader), searched), `cold ${JSON.stringify(searched)}`).toEqual(expected);
        expect(readAll(shared, searched), `warm ${JSON.stringify(searched)}`).toEqual(expected);
      }
    }
    expect(shared.open(query('title', 'asc', { hasProposals: false })).total).toBe(ids.length);

    // Every row of a page says whether it has a pending proposal.
    const { viewId, total } = shared.open(query('updated', 'asc'));
    const rows = shared.rows(viewId, 0, total).rows;
    expect(rows.filter((row) => row.pendingProposals).map((row) => row.id).sort((a, b) => a - b)).toEqual(pending);
    const page = shared.rows(viewId, 10, 200).rows;
    expect(page).toHaveLength(200);
    for (const row of page) expect(row.pendingProposals).toBe(pending.includes(row.id));

    // Deciding a listing's proposals clears its mark and drops it from the filter (a new version).
    writer.db.prepare("UPDATE proposals SET state = 'accepted' WHERE listing_id = ?").run(pending[0]);
    expect(shared.open(query('title', 'asc', { hasProposals: true })).total).toBe(pending.length - 1);
    const again = shared.open(query('updated', 'asc'));
    expect(shared.rows(again.viewId, 0, again.total).rows.find((row) => row.id === pending[0])!.pendingProposals).toBe(false);
    writer.close();
    reader.close();
  });

  it('sorts unscored listings first by score and leaves them out of a score filter', () => {
    const { writer, reader } = seededCatalog();
    const unscored = writer.db.prepare('SELECT id FROM listings ORDER BY id DESC LIMIT 3').pluck().all() as number[];
    writer.db.prepare(`UPDATE listings SET quality_score = NULL, error_count = NULL, failing_rules = '[]' WHERE id IN (${unscored.join(', ')})`).run();
    const views = new GridViews(reader);
    const ascending = readAll(views, query('score', 'asc'));
    expect(ascending.slice(0, 3)).toEqual([...unscored].sort((a, b) => a - b));
    expect(ascending).toEqual(truth(writer, query('score', 'asc')));
    const { viewId } = views.open(query('score', 'asc'));
    expect(views.rows(viewId, 0, 1).rows[0]).toMatchObject({ score: null, errors: null });
    const filtered = readAll(views, query('score', 'asc', { maxScore: 100 }));
    expect(filtered).toHaveLength(402);
    expect(filtered.some((id) => unscored.includes(id))).toBe(false);
    writer.close();
    reader.close();
  });

  it('searches words, prefixes and accents, combined with filters and sort', () => {
    const { writer, reader } = seededCatalog();
    const zebra = truth(writer, query('title', 'asc'), "title LIKE '%zebra%'");
    expect(zebra).toHaveLength(4);
    // Build the view two ways: by SQL (no cached snapshot) and by walking a cached snapshot.
    for (const warmFirst of [false, true]) {
      const views = new GridViews(reader);
      if (warmFirst) views.open(query('title', 'asc'));
      // The last word is a prefix ("Zebrawood" matches); earlier words match whole.
      expect(readAll(views, query('title', 'asc', {}, 'zebra'))).toEqual(zebra);
      expect(readAll(views, query('title', 'asc', {}, 'zebra striped'))).toEqual(truth(writer, query('title', 'asc'), "title LIKE '%zebra striped%'"));
      expect(readAll(views, query('title', 'asc', {}, 'ZEB'))).toEqual(zebra);
      expect(readAll(views, query('title', 'asc', {}, 'zebra striped mug'))).toHaveLength(3);
      expect(readAll(views, query('title', 'asc', { statuses: ['draft'] }, 'zebra mug'))).toEqual(
        truth(writer, query('title', 'asc', { statuses: ['draft'] }), "title LIKE '%zebra striped mug%'"),
      );
      expect(readAll(views, query('title', 'desc', {}, 'cafe creme'))).toEqual(truth(writer, query('title', 'desc'), "title LIKE 'Café%'"));
      expect(readAll(views, query('title', 'asc', {}, 'no-such-word-anywhere'))).toEqual([]);
    }
    writer.close();
    reader.close();
  });

  it('finds common words in demo data as the catalog holds them', () => {
    const { writer, reader } = seededCatalog();
    const views = new GridViews(reader);
    views.open(query('updated', 'desc'));
    const handmade = readAll(views, query('updated', 'desc', { marketplaces: ['etsy', 'ebay'] }, 'handmade'));
    const expected = truth(
      writer,
      query('updated', 'desc', { marketplaces: ['etsy', 'ebay'] }),
      "(title LIKE '%handmade%' OR description LIKE '%handmade%' OR tags LIKE '%handmade%' OR brand LIKE '%handmade%' OR sku LIKE '%handmade%')",
    );
    expect(expected.length).toBeGreaterThan(10);
    expect(handmade).toEqual(expected);
    writer.close();
    reader.close();
  });

  it('never throws on hostile search text', () => {
    const { writer, reader } = seededCatalog();
    const views = new GridViews(reader);
    const hostile = ['"', '""', 'AND (', '*', '-', '-minus', 'NOT', 'OR', 'NEAR(a b)', 'title:zebra', '^zebra', 'zebra*', '(', ')', '{title}: x', "'; DROP TABLE listings; --", '\u0000', '   ', 'a"b', '🦓', 'Quote "mark" AND (parenthesis)'];
    for (const text of hostile) {
      expect(() => readAll(views, query('updated', 'desc', {}, text)), text).not.toThrow();
    }
    // Punctuation-only text is no search at all; syntax words are searched as plain words.
    expect(views.open(query('updated', 'desc', {}, '*')).total).toBe(405);
    expect(readAll(views, query('updated', 'desc', {}, 'Quote "mark" AND (parenthesis)'))).toHaveLength(1);
    expect(readAll(views, query('updated', 'desc', {}, 'title:zebra'))).toEqual([]);
    expect(writer.db.prepare('SELECT count(*) FROM listings').pluck().get()).toBe(405);
    writer.close();
    reader.close();
  });

  it('pages at any offset, including past the end', () => {
    const { writer, reader } = seededCatalog();
    const views = new GridViews(reader);
    const q = query('price', 'desc');
    const expected = truth(writer, q);
    const { viewId, total } = views.open(q);
    expect(total).toBe(405);
    for (const [offset, limit] of [[0, 1], [0, 500], [123, 50], [400, 10], [404, 1], [405, 10], [10_000, 5]] as const) {
      const page = views.rows(viewId, offset, limit);
      expect(page.rows.map((row) => row.id), `${offset}+${limit}`).toEqual(expected.slice(offset, offset + limit));
    }
    const row = views.rows(viewId, 0, 1).rows[0]!;
    const stored = writer.db.prepare('SELECT * FROM listing_rows WHERE id = ?').get(row.id) as Record<string, unknown>;
    expect(row).toEqual({
      id: stored.id,
      marketplace: stored.marketplace,
      sku: stored.sku,
      title: stored.title,
      priceMinor: stored.price_minor,
      currency: stored.currency,
      quantity: stored.quantity,
      status: stored.status,
      variantCount: stored.variant_count,
      updatedAt: stored.updated_at,
      score: stored.quality_score,
      errors: stored.error_count,
      pendingProposals: false,
      mainImage: (JSON.parse(stored.images as string) as string[])[0] ?? null,
    });
    expect(row.score).toEqual(expect.any(Number));
    writer.close();
    reader.close();
  });

  it('expires unknown, closed and least recently used views', () => {
    const { writer, reader } = seededCatalog();
    const views = new GridViews(reader, { maxViews: 2 });
    const expectExpired = (viewId: string) => {
      try {
        views.rows(viewId, 0, 10);
        throw new Error('expected not_found');
      } catch (error) {
        expect(error).toBeInstanceOf(ContractError);
        expect((error as ContractError).code).toBe('not_found');
        expect((error as ContractError).message).toBe('This view of the catalog has expired; reload the grid.');
      }
    };
    expectExpired('no-such-view');
    const first = views.open(query('title', 'asc'));
    const second = views.open(query('sku', 'asc'));
    views.rows(first.viewId, 0, 1); // touch: now second is the least recently used
    views.open(query('price', 'asc'));
    expectExpired(second.viewId);
    expect(views.rows(first.viewId, 0, 2).rows).toHaveLength(2);
    expect(views.close(first.viewId)).toBe(true);
    expect(views.close(first.viewId)).toBe(false);
    expectExpired(first.viewId);
    expect(new GridViews(reader).open(query('title', 'asc')).viewId).not.toBe(first.viewId);
    writer.close();
    reader.close();
  });

  it('sees commits from the writer on reopen, and drops deleted rows from open views', () => {
    const { writer, reader } = seededCatalog();
    const views = new GridViews(reader);
    const before = views.open(query('updated', 'desc'));
    expect(views.open(query('updated', 'desc')).total).toBe(405); // cached

    const [newest] = insertListings(writer.db, [newListing({ title: 'Brand new', updatedAt: 2_000_000_000_000 })]);
    const after = views.open(query('updated', 'desc'));
    expect(after.total).toBe(406);
    expect(views.rows(after.viewId, 0, 1).rows[0]!.id).toBe(newest);

    const firstOld = views.rows(before.viewId, 0, 3).rows.map((row) => row.id);
    writer.db.prepare('DELETE FROM listings WHERE id = ?').run(firstOld[1]);
    expect(views.rows(before.viewId, 0, 3).rows.map((row) => row.id)).toEqual([firstOld[0], firstOld[2]]);
    expect(views.open(query('updated', 'desc', {}, 'brand new')).total).toBe(1);
    writer.close();
    reader.close();
  });
});
