import { describe, expect, it } from 'vitest';
import { FtsPrefixNarrower } from '../../../core/catalog/fts-prefix.js';
import { toFtsQuery } from '../../../core/catalog/fts-query.js';
import { GridViews } from '../../../core/catalog/grid-views.js';
import { insertListings } from '../../../core/catalog/insert-listings.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { newListing, tempDbPath } from './temp-catalog.js';

function catalogWith(titles: readonly string[]): { writer: Catalog; reader: Catalog } {
  const path = tempDbPath();
  const writer = openCatalog(path, { role: 'writer' });
  insertListings(
    writer.db,
    titles.map((title, index) => newListing({ title, description: '', tags: [], brand: null, sku: `S-${index}`, updatedAt: 1_700_000_000_000 + index })),
  );
  return { writer, reader: openCatalog(path, { role: 'reader' }) };
}

const TITLES = ['Gift box', 'Giftwrap paper', 'Mug', 'MUG stand', 'Fizz soda', 'Room 9', 'Café mug', 'T-shirt', 'Buzz'];

function matchIds(catalog: Catalog, match: string): number[] {
  return catalog.db.prepare('SELECT rowid FROM listings_fts WHERE listings_fts MATCH ? ORDER BY rowid').pluck().all(match) as number[];
}

describe('FtsPrefixNarrower', () => {
  it('reads the last word as one term only when no longer indexed word starts with it', () => {
    const { writer, reader } = catalogWith(TITLES);
    const narrower = new FtsPrefixNarrower(reader.db);
    expect(narrower.narrow('"mug"*')).toBe('"mug"');
    expect(narrower.narrow('"cafe" "MUG"*')).toBe('"cafe" "MUG"');
    expect(narrower.narrow('"fizz"*')).toBe('"fizz"');
    expect(narrower.narrow('"buzz"*')).toBe('"buzz"');
    // A few longer words ("giftwrap" starts with "gift"; "roo" → "room"): the word OR each of them.
    expect(narrower.narrow('"gift"*')).toBe('("gift" OR "giftwrap")');
    expect(narrower.narrow('"roo"*')).toBe('("roo" OR "room")');
    expect(narrower.narrow('"room" "9" "gif"*')).toBe('"room" "9" AND ("gif" OR "gift" OR "giftwrap")');
    // Under three letters: left a prefix (listing the words would walk their doclists).
    expect(narrower.narrow('"gi"*')).toBe('"gi"*');
    // Not narrowed: no prefix, non-ASCII, punctuation, or the tail of a word with a doubled quote.
    expect(narrower.narrow('"mug"')).toBe('"mug"');
    expect(narrower.narrow('"café"*')).toBe('"café"*');
    expect(narrower.narrow('"t-sh"*')).toBe('"t-sh"*');
    expect(narrower.narrow('"a""mug"*')).toBe('"a""mug"*');
    writer.close();
    reader.close();
  });

  it('never changes which listings match', () => {
    const { writer, reader } = catalogWith(TITLES);
    const narrower = new FtsPrefixNarrower(reader.db);
    for (const text of ['mug', 'MUG', 'cafe mug', 'gift', 'gi', 'gif', 'box gif', 'fizz', 'buzz', '9', 'room 9', 'roo', 'caf', 't-sh', 'no-such', 'zz', 'paper gift']) {
      const match = toFtsQuery(text)!;
      expect(matchIds(reader, narrower.narrow(match)), text).toEqual(matchIds(reader, match));
    }
    writer.close();
    reader.close();
  });

  it('sees a longer word the writer adds later, and leaves the reader query-only', () => {
    const { writer, reader } = catalogWith(TITLES);
    const narrower = new FtsPrefixNarrower(reader.db);
    expect(narrower.narrow('"mug"*')).toBe('"mug"');
    insertListings(writer.db, [newListing({ title: 'Mugs set', description: '', tags: [] })]);
    expect(narrower.narrow('"mug"*')).toBe('("mug" OR "mugs")');
    expect(reader.db.pragma('query_only', { simple: true })).toBe(1);
    expect(() => reader.db.prepare('DELETE FROM listings').run()).toThrow(/readonly/);
    writer.close();
    reader.close();
  });
});

describe('GridViews search hits', () => {
  it('reuses a search across sorts and filters until the catalog changes', () => {
    const { writer, reader } = catalogWith(TITLES);
    const views = new GridViews(reader);
    const ids = (view: { viewId: string; total: number }): number[] => views.rows(view.viewId, 0, 100).rows.map((row) => row.id);
    const byUpdated = views.open({ sort: { column: 'updated', direction: 'asc' }, filter: {}, search: 'mug' });
    expect(ids(byUpdated)).toEqual(matchIds(reader, '"mug"*'));
    const byTitle = views.open({ sort: { column: 'title', direction: 'desc' }, filter: {}, search: 'mug' });
    expect(ids(byTitle).sort((a, b) => a - b)).toEqual(ids(byUpdated));

    const [added] = insertListings(writer.db, [newListing({ title: 'Mugs set', description: '', tags: [], updatedAt: 1_800_000_000_000 })]);
    const after = views.open({ sort: { column: 'updated', direction: 'desc' }, filter: {}, search: 'mug' });
    expect(after.total).toBe(byUpdated.total + 1);
    expect(ids(after)[0]).toBe(added);
    writer.close();
    reader.close();
  });
});
