import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../core/catalog/demo-data.js';
import { FtsMatchCounter } from '../../../core/catalog/fts-count.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { tempDbPath } from './temp-catalog.js';

describe('FtsMatchCounter', () => {
  it('counts matches exactly and estimates their share from a window of ids', () => {
    const path = tempDbPath();
    const writer = openCatalog(path, { role: 'writer' });
    generateDemoData(writer, { count: 3000, seed: 5, now: 1_750_000_000_000 });
    // Deleted rows must leave both the vocabulary count and the match count.
    writer.db.prepare("DELETE FROM listings WHERE id IN (SELECT rowid FROM listings_fts WHERE listings_fts MATCH 'gift' LIMIT 100)").run();
    const reader = openCatalog(path, { role: 'reader' });
    const counter = new FtsMatchCounter(reader.db);
    const matching = (match: string): number[] => reader.db.prepare('SELECT rowid FROM listings_fts WHERE listings_fts MATCH ?').pluck().all(match) as number[];
    for (const match of ['"gift"', '"Handmade"', '"necklace" "gift"', '"neckl"*', '"qqqqzz"', '"t-shirt"']) {
      expect(counter.count(match), match).toBe(matching(match).length);
    }
    const maxId = reader.db.prepare('SELECT max(id) FROM listings').pluck().get() as number;
    const share = matching('"gift"').length / (reader.db.prepare('SELECT count(*) FROM listings').pluck().get() as number);
    // 2,048 of 3,000 ids: close, not exact. (Rowid bounds bound as REAL would be ignored by
    // FTS5 and count every match, well over 1.)
    expect(Math.abs(counter.density('"gift"', maxId) - share)).toBeLessThan(0.03);
    expect(counter.density('"qqqqzz"', maxId)).toBe(0);
    // Several words: the smallest single-word share, never below the words' joint share.
    const both = counter.density('"necklace" "gift"', maxId);
    expect(both).toBe(Math.min(counter.density('"necklace"', maxId), counter.density('"gift"', maxId)));
    expect(both).toBeGreaterThanOrEqual(matching('"necklace" "gift"').length / 3000 - 0.03);
    expect(counter.density('"gift" "qqqqzz"', maxId)).toBe(0);
    writer.close();
    reader.close();
  });
});
