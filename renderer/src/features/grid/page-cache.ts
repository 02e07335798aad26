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

/**
 * A least-recently-used map of page index → rows. Map iteration order is the recency order.
 *
 * After the catalog changes, `markStale()` keeps the rows on screen (no flash of empty rows) while
 * fresh pages load: stale pages still answer `row()` but `has()` says they need loading.
 */
export class PageCache<T> {
  private readonly pages = new Map<number, T[]>();
  private readonly stale = new Set<number>();
  constructor(readonly capacity: number = MAX_CACHED_PAGES) {}

  get size(): number {
    return this.pages.size;
  }

  /** True when the page is cached and fresh (a stale page must be loaded again). */
  has(page: number): boolean {
    return this.pages.has(page) && !this.stale.has(page);
  }

  /** Every cached page shows what it showed, until a fresh copy replaces it. */
  markStale(): void {
    for (const page of this.pages.keys()) this.stale.add(page);
  }

  isStale(page: number): boolean {
    return this.stale.has(page);
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
    this.stale.delete(page);
    if (this.pages.size <= this.capacity) return;
    for (const key of this.pages.keys()) {
      if (this.pages.size <= this.capacity) break;
      if (key === page || keep.has(key)) continue;
      this.pages.delete(key);
      this.stale.delete(key);
    }
  }

  /** The row at a global index, if its page is cached (possibly stale: what the grid shows). */
  row(index: number, pageSize: number = PAGE_SIZE): T | undefined {
    return this.pages.get(Math.floor(index / pageSize))?.[index % pageSize];
  }

  /** The row at a global index only if its page is fresh (what the current view holds there). */
  freshRow(index: number, pageSize: number = PAGE_SIZE): T | undefined {
    const page = Math.floor(index / pageSize);
    return this.stale.has(page) ? undefined : this.pages.get(page)?.[index % pageSize];
  }

  /**
   * Replaces every cached row for which `patch` returns a new value (e.g. the listing just saved),
   * without changing recency. Returns how many rows changed.
   */
  patch(patch: (row: T) => T | undefined): number {
    let changed = 0;
    for (const [page, rows] of this.pages) {
      let copy: T[] | null = null;
      for (let i = 0; i < rows.length; i++) {
        const next = patch(rows[i] as T);
        if (next === undefined) continue;
        copy ??= rows.slice();
        copy[i] = next;
        changed++;
      }
      if (copy !== null) this.pages.set(page, copy);
    }
    return changed;
  }

  /** The global index of the first cached row matching `test` (fresh pages only), or -1. */
  findIndex(test: (row: T) => boolean, pageSize: number = PAGE_SIZE): number {
    for (const [page, rows] of this.pages) {
      if (this.stale.has(page)) continue;
      const i = rows.findIndex(test);
      if (i >= 0) return page * pageSize + i;
    }
    return -1;
  }

  clear(): void {
    this.pages.clear();
    this.stale.clear();
  }

  keys(): number[] {
    return [...this.pages.keys()];
  }
}
