import { describe, expect, it } from 'vitest';
import { MAX_CACHED_PAGES, PAGE_SIZE, PageCache, pageRequest, pagesForRange, pagesToLoad } from '../../../renderer/src/features/grid/page-cache.js';
import { isFiltered, nextSort, toOpenInput, toggleIn } from '../../../renderer/src/features/grid/query.js';

describe('page range math', () => {
  it('covers a range with 200-row pages', () => {
    expect(PAGE_SIZE).toBe(200);
    expect(pagesForRange(0, 19, 1_000_000)).toEqual([0]);
    expect(pagesForRange(190, 210, 1_000_000)).toEqual([0, 1]);
    expect(pagesForRange(999_980, 999_999, 1_000_000)).toEqual([4999]);
  });
  it('clamps to the view', () => {
    expect(pagesForRange(-50, 10, 100)).toEqual([0]);
    expect(pagesForRange(0, 5_000, 450)).toEqual([0, 1, 2]);
    expect(pagesForRange(0, 10, 0)).toEqual([]);
    expect(pagesForRange(10, 5, 100)).toEqual([]);
  });
  it('builds grid.rows requests within the limit', () => {
    expect(pageRequest(0, 1_000_000)).toEqual({ offset: 0, limit: 200 });
    expect(pageRequest(4999, 1_000_000)).toEqual({ offset: 999_800, limit: 200 });
    expect(pageRequest(2, 450)).toEqual({ offset: 400, limit: 50 });
    expect(pageRequest(3, 450)).toBeNull();
    expect(pageRequest(-1, 450)).toBeNull();
  });
  it('loads visible pages first, then neighbours', () => {
    const pages = pagesToLoad(500_190, 500_215, 1_000_000, 100);
    expect(pages.slice(0, 2).sort()).toEqual([2500, 2501]);
    expect(pages).toContain(2500);
    expect(new Set(pages).size).toBe(pages.length);
    expect(pagesToLoad(999_990, 999_999, 1_000_000, 100)).toEqual([4999]);
    expect(pagesToLoad(0, 19, 1_000_000, 300)).toEqual([0, 1]);
  });
});

describe('PageCache (LRU)', () => {
  it('never grows beyond capacity and evicts the least recently used', () => {
    const cache = new PageCache<number>(3);
    cache.set(1, [1]);
    cache.set(2, [2]);
    cache.set(3, [3]);
    cache.touch([1]);
    cache.set(4, [4]);
    expect(cache.size).toBe(3);
    expect(cache.has(2)).toBe(false);
    expect(cache.keys()).toEqual([3, 1, 4]);
  });
  it('keeps pinned (visible) pages', () => {
    const cache = new PageCache<number>(2);
    cache.set(1, [1]);
    cache.set(2, [2]);
    cache.set(3, [3], new Set([1]));
    expect(cache.keys().sort()).toEqual([1, 3]);
  });
  it('finds rows by global index', () => {
    const cache = new PageCache<string>(MAX_CACHED_PAGES);
    cache.set(2500, Array.from({ length: 200 }, (_, i) => `row ${500_000 + i}`));
    expect(cache.row(500_123)).toBe('row 500123');
    expect(cache.row(499_999)).toBeUndefined();
    expect(cache.peek(2500)?.length).toBe(200);
  });
  it('holds at most ~40 pages (8,000 rows) however far one scrolls', () => {
    const cache = new PageCache<number>();
    for (let p = 0; p < 5000; p += 7) cache.set(p, new Array<number>(200).fill(p));
    expect(cache.size).toBe(MAX_CACHED_PAGES);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});

describe('query helpers', () => {
  it('toggles sort direction on the same column and picks a natural one on a new column', () => {
    expect(nextSort({ column: 'title', direction: 'asc' }, 'title')).toEqual({ column: 'title', direction: 'desc' });
    expect(nextSort({ column: 'title', direction: 'desc' }, 'title')).toEqual({ column: 'title', direction: 'asc' });
    expect(nextSort({ column: 'updated', direction: 'desc' }, 'sku')).toEqual({ column: 'sku', direction: 'asc' });
    expect(nextSort({ column: 'title', direction: 'asc' }, 'price')).toEqual({ column: 'price', direction: 'desc' });
  });
  it('toggles filter values', () => {
    expect(toggleIn(undefined, 'ebay')).toEqual(['ebay']);
    expect(toggleIn(['ebay', 'etsy'], 'ebay')).toEqual(['etsy']);
  });
  it('normalises grid.open input', () => {
    expect(toOpenInput({ sort: { column: 'title', direction: 'asc' }, filter: { marketplaces: [], statuses: ['active'] }, search: '   ' })).toEqual({
      sort: { column: 'title', direction: 'asc' },
      filter: { statuses: ['active'] },
    });
    expect(toOpenInput({ sort: { column: 'title', direction: 'asc' }, filter: {}, search: ' mug ' }).search).toBe('mug');
    expect(isFiltered({ sort: { column: 'title', direction: 'asc' }, filter: {} })).toBe(false);
    expect(isFiltered({ sort: { column: 'title', direction: 'asc' }, filter: { marketplaces: ['etsy'] } })).toBe(true);
  });
});
