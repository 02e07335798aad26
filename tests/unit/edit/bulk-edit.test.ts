import { afterEach, describe, expect, it } from 'vitest';
import type { Scope } from '../../../common/contract.js';
import type { BulkEdit } from '../../../common/edit-types.js';
import type { Listing } from '../../../common/listing.js';
import { generateDemoData } from '../../../core/catalog/demo-data.js';
import { toFtsQuery } from '../../../core/catalog/fts-query.js';
import { getListing } from '../../../core/catalog/get-listing.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { applyBulkEdit, previewBulkEdit } from '../../../core/edit/bulk-edit.js';
import { undoLast } from '../../../core/edit/undo.js';
import { count, expectedQuality, ftsIds, scoreEverything, snapshot, storedQuality, tempDbPath, unscoreEverything } from './edit-catalog.js';

const open: Catalog[] = [];
afterEach(() => {
  for (const catalog of open.splice(0)) catalog.close();
});

/** 1,234 demo listings (more than two 500-row chunks), scored. */
function demoCatalog(options: { scored?: boolean } = {}): { catalog: Catalog; path: string; all: Listing[] } {
  const path = tempDbPath();
  const catalog = openCatalog(path, { role: 'writer' });
  open.push(catalog);
  generateDemoData(catalog, { count: 1_234, seed: 11, now: 1_790_000_000_000 });
  if (options.scored ?? true) scoreEverything(catalog);
  else unscoreEverything(catalog);
  return { catalog, path, all: listings(catalog) };
}

function listings(catalog: Catalog): Listing[] {
  const ids = catalog.db.prepare('SELECT id FROM listings ORDER BY id').pluck().all() as number[];
  return ids.map((id) => getListing(catalog, id)!);
}

const everything: Scope = { kind: 'all' };
const plusTenPercent: BulkEdit = { kind: 'price', op: 'percent', amount: 10, rounding: 'none' };

describe('bulk.apply', () => {
  it('price +10 % on everything: one change set, one revision per listing, quality kept exact', () => {
    const { catalog, all } = demoCatalog();
    const priced = all.filter((l) => l.priceMinor !== null && l.priceMinor > 0);
    const result = applyBulkEdit(catalog, everything, plusTenPercent, 1_800_000_000_000);

    expect(result.changed).toBe(priced.length);
    expect(result.skipped).toBe(0);
    expect(result.changeSet).toMatchObject({ kind: 'bulk', author: 'user', state: 'applied', listingCount: priced.length, summary: `Price +10 % on ${priced.length.toLocaleString('en-US')} listings` });
    for (const before of all) {
      const after = getListing(catalog, before.id)!;
      const expected = before.priceMinor === null ? null : Math.round((before.priceMinor * 110) / 100);
      expect(after.priceMinor).toBe(expected);
      expect(after.title).toBe(before.title);
      expect(storedQuality(catalog, before.id)).toEqual(expectedQuality(after));
      if (expected !== before.priceMinor) expect(after.updatedAt).toBe(1_800_000_000_000);
    }
    expect(count(catalog, 'revisions')).toBe(priced.length);
    expect(count(catalog, 'change_sets')).toBe(1);
    const revision = catalog.db.prepare('SELECT listing_id, changes, change_set_id FROM revisions ORDER BY id LIMIT 1').get() as { listing_id: number; changes: string; change_set_id: number };
    const first = all.find((l) => l.id === revision.listing_id)!;
    expect(JSON.parse(revision.changes)).toEqual({ priceMinor: { before: first.priceMinor, after: Math.round((first.priceMinor! * 110) / 100) } });
    expect(revision.change_set_id).toBe(result.changeSet!.id);
  });

  it('keeps the dashboard counters equal to the stored scores', () => {
    const { catalog } = demoCatalog();
    applyBulkEdit(catalog, everything, { kind: 'replace', fields: ['title'], find: 'a', replace: 'AAAA', regex: false, caseSensitive: true });
    const counters = catalog.db.prepare('SELECT bucket, n FROM score_counts WHERE n > 0 ORDER BY bucket').all();
    const actual = catalog.db.prepare('SELECT min(quality_score / 10, 9) AS bucket, count(*) AS n FROM listings GROUP BY 1 ORDER BY 1').all();
    expect(counters).toEqual(actual);
  });

  it('keeps every dashboard counter equal to a recount through a quality-changing price edit and its undo', () => {
    const { catalog } = demoCatalog();
    const recount = (): unknown => ({
      scores: catalog.db.prepare('SELECT min(quality_score / 10, 9) AS k, count(*) AS n FROM listings GROUP BY 1 ORDER BY 1').all(),
      errors: catalog.db.prepare('SELECT error_count > 0 AS k, count(*) AS n FROM listings GROUP BY 1 ORDER BY 1').all(),
      rules: catalog.db.prepare('SELECT j.value AS k, count(*) AS n FROM listings, json_each(listings.failing_rules) AS j GROUP BY 1 ORDER BY 1').all(),
    });
    const counters = (): unknown => ({
      scores: catalog.db.prepare('SELECT bucket AS k, n FROM score_counts WHERE n > 0 ORDER BY 1').all(),
      errors: catalog.db.prepare('SELECT has_errors AS k, n FROM error_counts WHERE n > 0 ORDER BY 1').all(),
      rules: catalog.db.prepare('SELECT rule_id AS k, n FROM rule_counts WHERE n > 0 ORDER BY 1').all(),
    });
    const before = recount();
    const result = applyBulkEdit(catalog, everything, { kind: 'price', op: 'set', amount: 0, rounding: 'none' });
    expect(result.changed).toBeGreaterThan(1_000);
    expect(recount()).not.toEqual(before);
    expect(counters()).toEqual(recount());
    undoLast(catalog);
    expect(recount()).toEqual(before);
    expect(counters()).toEqual(before);
  });

  it('rescores unscored listings from scratch', () => {
    const { catalog, all } = demoCatalog({ scored: false });
    applyBulkEdit(catalog, { kind: 'ids', ids: [all[0]!.id, all[1]!.id] }, { kind: 'set', field: 'brand', value: 'Acme' });
    expect(storedQuality(catalog, all[0]!.id)).toEqual(expectedQuality(getListing(catalog, all[0]!.id)!));
    expect(storedQuality(catalog, all[2]!.id).quality_score).toBeNull();
  });

  it('covers only the scope: a grid query or an id list (missing ids are ignored)', () => {
    const { catalog, all } = demoCatalog();
    const etsy = all.filter((l) => l.marketplace === 'etsy');
    const byQuery = applyBulkEdit(catalog, { kind: 'query', filter: { marketplaces: ['etsy'] } }, { kind: 'status', status: 'archived' });
    expect(byQuery.changed).toBe(etsy.filter((l) => l.status !== 'archived').length);
    for (const l of listings(catalog)) expect(l.status === 'archived').toBe(l.marketplace === 'etsy' || all.find((b) => b.id === l.id)!.status === 'archived');

    const preview = previewBulkEdit(catalog, { kind: 'ids', ids: [all[0]!.id, 999_999] }, { kind: 'set', field: 'sku', value: 'NEW-SKU' });
    expect(preview).toMatchObject({ matched: 1, willChange: 1, skipped: 0 });
    const byIds = applyBulkEdit(catalog, { kind: 'ids', ids: [all[0]!.id, 999_999] }, { kind: 'set', field: 'sku', value: 'NEW-SKU' });
    expect(byIds.changed).toBe(1);
    expect(getListing(catalog, all[0]!.id)!.sku).toBe('NEW-SKU');
  });

  it('search scope: only the listings the search finds', () => {
    const { catalog, all } = demoCatalog();
    const hits = new Set(ftsIds(catalog, toFtsQuery('silver')!));
    expect(hits.size).toBeGreaterThan(0);
    const result = applyBulkEdit(catalog, { kind: 'query', filter: {}, search: 'silver' }, { kind: 'set', field: 'category', value: 'Silver things' });
    for (const l of listings(catalog)) expect(l.category === 'Silver things').toBe(hits.has(l.id));
    expect(result.changed).toBe(all.filter((l) => hits.has(l.id) && l.category !== 'Silver things').length);
  });

  it('find/replace with regex groups, in titles and descriptions', () => {
    const { catalog, all } = demoCatalog();
    const edit: BulkEdit = { kind: 'replace', fields: ['title', 'description'], find: '\\b(\\w+) (\\w+)$', replace: '$2 $1', regex: true, caseSensitive: false };
    const result = applyBulkEdit(catalog, everything, edit);
    const pattern = /\b(\w+) (\w+)$/giu;
    let swapped = 0;
    let skipped = 0;
    for (const before of all) {
      const after = getListing(catalog, before.id)!;
      const title = before.title.replace(pattern, '$2 $1');
      const description = before.description.replace(pattern, '$2 $1');
      if (after.title === title && after.description === description) {
        if (title !== before.title) swapped++;
      } else {
        // Left whole: swapping two words keeps the length, so only titles already over a hard limit.
        expect([after.title, after.description]).toEqual([before.title, before.description]);
        skipped++;
      }
    }
    expect(swapped).toBeGreaterThan(1_000);
    expect(skipped).toBe(result.skipped);
  });

  it('tags: adds and removes case-insensitively; a 14th Etsy tag skips the listing with the reason', () => {
    const { catalog, all } = demoCatalog();
    const edit: BulkEdit = { kind: 'tags', add: ['Summer Sale'], remove: ['VINTAGE'] };
    const preview = previewBulkEdit(catalog, everything, edit);
    const result = applyBulkEdit(catalog, everything, edit);
    expect(result.skipped).toBe(preview.skipped);
    expect(result.changed).toBe(preview.willChange);
    expect(result.skipped).toBeGreaterThan(0);
    expect(result.problems[0]!.message).toMatch(/Etsy allows 13/);
    let unchanged = 0;
    for (const before of all) {
      const after = getListing(catalog, before.id)!;
      const kept = before.tags.filter((t) => t.toLowerCase() !== 'vintage');
      const wanted = kept.some((t) => t.toLowerCase() === 'summer sale') ? kept : [...kept, 'Summer Sale'];
      if (before.marketplace === 'etsy' && wanted.length > 13) {
        expect(after.tags).toEqual(before.tags);
        unchanged++;
      } else {
        expect(after.tags).toEqual(wanted);
      }
    }
    expect(unchanged).toBe(result.skipped);
  });

  it('currency conversion touches only listings in the source currency', () => {
    const { catalog, all } = demoCatalog();
    const result = applyBulkEdit(catalog, everything, { kind: 'currency', from: 'GBP', to: 'EUR', rate: 1.17, rounding: '0.99' });
    const gbp = all.filter((l) => l.currency === 'GBP');
    expect(result.changed).toBe(gbp.length);
    for (const before of all) {
      const after = getListing(catalog, before.id)!;
      if (before.currency !== 'GBP') {
        expect([after.currency, after.priceMinor]).toEqual([before.currency, before.priceMinor]);
      } else {
        expect(after.currency).toBe('EUR');
        if (after.priceMinor !== null) expect(after.priceMinor % 100).toBe(99);
      }
    }
  });

  it('skips listings a price change would make negative, with the reason, and changes the rest', () => {
    const { catalog, all } = demoCatalog();
    const edit: BulkEdit = { kind: 'price', op: 'add', amount: -20, rounding: 'none' };
    const cheap = all.filter((l) => l.priceMinor !== null && l.priceMinor < 2000);
    expect(cheap.length).toBeGreaterThan(0);
    const result = applyBulkEdit(catalog, everything, edit);
    expect(result.skipped).toBe(cheap.length);
    expect(result.problems.length).toBe(Math.min(20, cheap.length));
    expect(result.problems[0]!.message).toMatch(/below zero/);
    for (const l of cheap) expect(getListing(catalog, l.id)!.priceMinor).toBe(l.priceMinor);
  });

  it('an edit that changes nothing writes nothing', () => {
    const { catalog } = demoCatalog();
    const state = snapshot(catalog);
    const result = applyBulkEdit(catalog, everything, { kind: 'replace', fields: ['title'], find: 'no such text anywhere', replace: 'x', regex: false, caseSensitive: false });
    expect(result).toEqual({ changeSet: null, changed: 0, skipped: 0, problems: [] });
    expect(snapshot(catalog)).toEqual(state);
  });

  it('an invalid edit fails before writing anything', () => {
    const { catalog } = demoCatalog();
    const state = snapshot(catalog);
    expect(() => applyBulkEdit(catalog, everything, { kind: 'replace', fields: ['title'], find: '([', replace: '', regex: true, caseSensitive: false })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    expect(snapshot(catalog)).toEqual(state);
  });
});

describe('bulk.preview', () => {
  it('counts, samples and problems match what apply then does — and writes nothing', () => {
    const { catalog, path } = demoCatalog();
    const reader = openCatalog(path, { role: 'reader' });
    open.push(reader);
    const edit: BulkEdit = { kind: 'replace', fields: ['title'], find: '$', replace: ' — free shipping on all orders today', regex: true, caseSensitive: false };
    const state = snapshot(catalog);
    const preview = previewBulkEdit(reader, everything, edit);
    expect(snapshot(catalog)).toEqual(state);

    expect(preview.matched).toBe(1_234);
    expect(preview.willChange + preview.skipped).toBe(1_234);
    expect(preview.skipped).toBeGreaterThan(0);
    expect(preview.samples).toHaveLength(20);
    expect(preview.samples[0]).toMatchObject({ field: 'title', after: `${preview.samples[0]!.before as string} — free shipping on all orders today` });
    expect(preview.problems).toHaveLength(20);
    expect(preview.problems[0]!.message).toMatch(/^Title is \d+ characters; (eBay|Etsy|Google Merchant|Amazon) allows \d+\. Shorten it by \d+\.$/);

    const result = applyBulkEdit(catalog, everything, edit);
    expect([result.changed, result.skipped]).toEqual([preview.willChange, preview.skipped]);
    expect(result.problems).toEqual(preview.problems);
  });
});
