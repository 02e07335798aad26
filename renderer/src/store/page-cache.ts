/**
 * The renderer never holds the whole catalog: rows live in pages of PAGE_SIZE keyed by page index,
 * in a small LRU. Pure module (no DOM, no React), unit-tested.
 */

export const PAGE_SIZE = 200;
export const MAX_CACHED_PAGES = 40;

/** Page indexes covering rows [first, last] (inclusive), clamped to the view's `total`. */
export function pagesForRange(first: number, last: number, total: number, pageSize: number = PAGE_SIZE): number[] {
  if (total <= 0 || last < first) return [];
  const lo = Math.max(0, Math.min(first, total - 1));
  const hi = Math.max(0, Math.min(last, total - 1));
  const pages: number[] = [];
  for (let p = Math.floor(lo / pageSize); p <= Math.floor(hi / pageSize); p++) pages.push(p);
  return pages;
}

/** Offset and limit of the grid.rows call for a page (the last page may be short). */
export function pageRequest(page: number, total: number, pageSize: number = PAGE_SIZE): { offset: number; limit: number } | null {
  const offset = page * pageSize;
  if (page < 0 || offset >= total) return null;
  return { offset, limit: Math.min(pageSize, total - offset) };
}

/**
 * Pages to load for a visible range: the visible pages first (in order, nearest the viewport's
 * centre first), then neighbours within `prefetchRows`.
 */
export function pagesToLoad(first: number, last: number, total: number, prefetchRows: number, pageSize: number = PAGE_SIZE): number[] {
  const visible = pagesForRange(first, last, total, pageSize);
  const around = pagesForRange(first - prefetchRows, last + prefetchRows, total, pageSize);
  const centre = (first + last) / 2 / pageSize;
  visible.sort((a, b) => Math.abs(a + 0.5 - centre) - Math.abs(b + 0.5 - centre));
  const seen = new Set(visible);
  return [...visible, ...around.filter((p) => !seen.has(p))];
}

/** A least-recently-used map of page index → rows. Map iteration order is the recency order. */
export class PageCache<T> {
  private readonly pages = new Map<number, T[]>();
  constructor(readonly capacity: number = MAX_CACHED_PAGES) {}

  get size(): number {
    return this.pages.size;
  }

  has(page: number): boolean {
    return this.pages.has(page);
  }

  /** Reads without changing recency (safe during render). */
  peek(page: number): T[] | undefined {
    return this.pages.get(page);
  }

  /** Marks pages as recently used (the visible ones), most important last. */
  touch(pages: readonly number[]): void {
    for (const p of pages) {
      const rows = this.pages.get(p);
      if (rows === undefined) continue;
      this.pages.delete(p);
      this.pages.set(p, rows);
    }
  }

  /** Stores a page and evicts the least recently used ones beyond capacity, never those in `keep`. */
  set(page: number, rows: T[], keep: ReadonlySet<number> = new Set()): void {
    this.pages.delete(page);
    this.pages.set(page, rows);
    if (this.pages.size <= this.capacity) return;
    for (const key of this.pages.keys()) {
      if (this.pages.size <= this.capacity) break;
      if (key === page || keep.has(key)) continue;
      this.pages.delete(key);
    }
  }

  /** The row at a global index, if its page is cached. */
  row(index: number, pageSize: number = PAGE_SIZE): T | undefined {
    return this.pages.get(Math.floor(index / pageSize))?.[index % pageSize];
  }

  clear(): void {
    this.pages.clear();
  }

  keys(): number[] {
    return [...this.pages.keys()];
  }
}
