import { describe, expect, it } from 'vitest';
import type { GridQuery } from '../../../common/grid.js';
import { PageCache } from '../../../renderer/src/features/grid/page-cache.js';
import { describeQuery, isFiltered, maxScoreOf, parseMaxScore, queryScope, toOpenInput } from '../../../renderer/src/features/grid/query.js';
import {
  ALL_SELECTED,
  EMPTY_SELECTION,
  MAX_SELECTED_IDS,
  headerState,
  isSelected,
  only,
  rangeBounds,
  selectionCount,
  selectionScope,
  toggle,
  withRange,
  type Selection,
} from '../../../renderer/src/features/grid/selection.js';

const q = (filter: GridQuery['filter'], search?: string): GridQuery => ({ sort: { column: 'score', direction: 'asc' }, filter, ...(search === undefined ? {} : { search }) });

describe('selection', () => {
  it('toggles ids and counts them', () => {
    let s: Selection = EMPTY_SELECTION;
    for (const id of [5, 9, 5]) {
      const r = toggle(s, id);
      expect(r.ok).toBe(true);
      if (r.ok) s = r.selection;
    }
    expect(selectionCount(s, 1_000)).toBe(1);
    expect(isSelected(s, 9)).toBe(true);
    expect(isSelected(s, 5)).toBe(false);
    expect(EMPTY_SELECTION.kind === 'ids' && EMPTY_SELECTION.ids.size).toBe(0); // never mutated
  });
  it('represents "all matching" without ids and refuses a single exception', () => {
    expect(selectionCount(ALL_SELECTED, 1_000_000)).toBe(1_000_000);
    expect(isSelected(ALL_SELECTED, 123)).toBe(true);
    expect(toggle(ALL_SELECTED, 1)).toEqual({ ok: false, reason: 'all' });
    expect(headerState(ALL_SELECTED, 10)).toBe('all');
    expect(headerState(only(3), 10)).toBe('some');
    expect(headerState(EMPTY_SELECTION, 10)).toBe('none');
    expect(headerState(ALL_SELECTED, 0)).toBe('none');
  });
  it('selects ranges, replacing or adding', () => {
    expect(rangeBounds(7, 3)).toEqual({ lo: 3, hi: 7 });
    const replaced = withRange(only(100), [1, 2, 3], false);
    expect(replaced.ok && replaced.selection.kind === 'ids' && [...replaced.selection.ids]).toEqual([1, 2, 3]);
    const added = withRange(only(100), [1, 2], true);
    expect(added.ok && selectionCount(added.selection, 0)).toBe(3);
    expect(withRange(ALL_SELECTED, [1], true)).toEqual({ ok: true, selection: ALL_SELECTED });
  });
  it('caps id selections (a bulk scope must stay under the 1 MB input limit)', () => {
    const ids = Array.from({ length: MAX_SELECTED_IDS + 1 }, (_, i) => i + 1);
    expect(withRange(EMPTY_SELECTION, ids, false)).toEqual({ ok: false, reason: 'too-many' });
    expect(JSON.stringify(ids.slice(0, MAX_SELECTED_IDS).map((i) => i + 1_000_000)).length).toBeLessThan(1_000_000);
  });
  it('turns a selection into a bulk scope', () => {
    expect(selectionScope(EMPTY_SELECTION, q({}))).toBeNull();
    const picked = toggle(only(9), 2);
    expect(picked.ok && selectionScope(picked.selection, q({}))).toEqual({ kind: 'ids', ids: [2, 9] });
    expect(selectionScope(ALL_SELECTED, q({ marketplaces: ['amazon'] }, ' mug '))).toEqual({ kind: 'query', filter: { marketplaces: ['amazon'] }, search: 'mug' });
    expect(selectionScope(ALL_SELECTED, q({}))).toEqual({ kind: 'all' });
  });
});

describe('quality filters in the query', () => {
  it('passes hasErrors and maxScore to grid.open only when set', () => {
    expect(toOpenInput(q({ hasErrors: true, maxScore: 60 })).filter).toEqual({ hasErrors: true, maxScore: 60 });
    expect(toOpenInput(q({ hasErrors: false })).filter).toEqual({});
    expect(toOpenInput(q({ maxScore: 101 })).filter).toEqual({});
    expect(isFiltered(q({ hasErrors: true }))).toBe(true);
    expect(isFiltered(q({ maxScore: 0 }))).toBe(true);
    expect(maxScoreOf({ maxScore: 0 })).toBe(0);
    expect(queryScope(q({ hasErrors: true }))).toEqual({ kind: 'query', filter: { hasErrors: true } });
    expect(queryScope(q({}))).toEqual({ kind: 'all' });
  });
  it('reads the "Score ≤" box', () => {
    expect(parseMaxScore('')).toBeUndefined();
    expect(parseMaxScore(' 60 ')).toBe(60);
    expect(parseMaxScore('72.9')).toBe(72);
    expect(parseMaxScore('250')).toBe(100);
    expect(parseMaxScore('abc')).toBeNull();
    expect(parseMaxScore('-5')).toBeNull();
  });
  it('describes the current filter', () => {
    expect(describeQuery(q({ marketplaces: ['etsy', 'ebay'], hasErrors: true, maxScore: 50 }, 'mug'), null)).toBe('search “mug” · Etsy, eBay · has errors · score ≤ 50');
  });
});

describe('PageCache: stale pages and patches', () => {
  it('keeps stale rows visible but asks for fresh ones', () => {
    const cache = new PageCache<{ id: number; title: string }>(4);
    cache.set(0, [{ id: 1, title: 'a' }, { id: 2, title: 'b' }]);
    cache.markStale();
    expect(cache.has(0)).toBe(false);
    expect(cache.isStale(0)).toBe(true);
    expect(cache.row(1, 2)).toEqual({ id: 2, title: 'b' });
    expect(cache.freshRow(1, 2)).toBeUndefined();
    expect(cache.findIndex((r) => r.id === 2, 2)).toBe(-1);
    cache.set(0, [{ id: 2, title: 'b' }, { id: 1, title: 'a' }]);
    expect(cache.has(0)).toBe(true);
    expect(cache.findIndex((r) => r.id === 1, 2)).toBe(1);
  });
  it('patches rows in place without changing recency', () => {
    const cache = new PageCache<{ id: number; title: string }>(4);
    const page = [{ id: 1, title: 'a' }, { id: 2, title: 'b' }];
    cache.set(3, page);
    cache.set(4, [{ id: 3, title: 'c' }]);
    expect(cache.patch((r) => (r.id === 2 ? { ...r, title: 'B' } : undefined))).toBe(1);
    expect(cache.row(3 * 200 + 1)?.title).toBe('B');
    expect(page[1]?.title).toBe('b'); // the page array handed to the cache is not mutated
    expect(cache.keys()).toEqual([3, 4]);
  });
});
