import { randomBytes } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { GridPage, GridView } from '../../common/contract.js';
import type { GridQuery } from '../../common/grid.js';
import type { GridRow } from '../../common/listing.js';
import { ContractError } from '../../common/result.js';
import { DEFAULT_LAZY_SEARCH, GridSnapshots, toSnapshotQuery, type LazySearchOptions, type SnapshotQuery } from './grid-snapshots.js';
import type { IdArray } from './id-array.js';
import { LazySearchView } from './lazy-search-view.js';
import { countUnindexed } from './index-backlog.js';
import { GRID_ROW_COLUMNS, gridRowFromRaw, type GridRowRaw } from './listing-codec.js';
import { LruMap } from './lru-map.js';
import type { Catalog } from './open-catalog.js';
import { SnapshotPin } from './snapshot-pin.js';
import { padIds, placeholders } from './fixed-width-in.js';

export interface GridViewsOptions {
  /** How many open views to keep; the least recently used beyond this expire. */
  maxViews?: number;
  /** When a search alone opens lazily (LazySearchView); null = always build at open. */
  lazySearch?: LazySearchOptions | null;
}

type OpenView =
  | {
      /** Ascending by (sort column, id); a descending view reads it back to front. */
      ids: IdArray;
      descending: boolean;
    }
  | { lazy: LazySearchView; query: SnapshotQuery; openedAt: number };
type LazyView = Extract<OpenView, { lazy: LazySearchView }>;

/**
 * A lazy view's build runs in slices of about BUILD_STEP_MS, only once no call came for
 * BUILD_IDLE_MS (calls while the seller types or scrolls come first, and a view replaced and
 * closed by then is never built at all), but never later than BUILD_MAX_WAIT_MS after open: the
 * pinned snapshot holds back the writer's checkpoint until every build is done.
 */
const BUILD_STEP_MS = 2;
const BUILD_IDLE_MS = 50;
const BUILD_MAX_WAIT_MS = 1_000;

/** Page lookups pad their id list to one of these sizes, so five prepared statements cover all. */
const PAGE_BUCKETS = [10, 50, 100, 200, 500] as const;

/**
 * The grid's views over one reader connection. A view is a frozen, ordered list of listing ids:
 * position → id is one array read at any depth, and a page is a single primary-key lookup of
 * its ids, put back in view order. Rows deleted since the view opened are left out of pages;
 * edited rows show their current values at their original position until the grid reopens.
 *
 * A search alone matching most of a large catalog opens lazily (LazySearchView): its exact total
 * is counted and its top rows probed at open, and its list is built afterwards in the background
 * against a snapshot pinned at the moment of the open (SnapshotPin), so it is the same frozen
 * list an eager view would hold, only sooner on screen (≈ 25 instead of ≈ 80 ms for a word in
 * 900k of 1M listings).
 */
export class GridViews {
  private readonly views: LruMap<string, OpenView>;
  private readonly snapshots: GridSnapshots;
  private readonly pageStatements: Map<number, BetterSqlite3.Statement>;
  private readonly pendingStatements: Map<number, BetterSqlite3.Statement>;
  private readonly prefix: string;
  private readonly lazySearch: LazySearchOptions | null;
  private readonly pin: SnapshotPin;
  /** Lazy views whose full list is not built yet, oldest first; each needs the pinned snapshot. */
  private readonly building = new Map<string, LazyView>();
  private buildTimer: ReturnType<typeof setTimeout> | null = null;
  private lastCallAt = 0;
  private nextViewNumber = 1;

  constructor(
    private readonly catalog: Catalog,
    options: GridViewsOptions = {},
  ) {
    this.views = new LruMap(options.maxViews ?? 8);
    this.snapshots = new GridSnapshots(catalog.db);
    // A random tag starts every view id: an id from before a restart fails cleanly as expired.
    this.prefix = `v${randomBytes(4).toString('hex')}-`;
    this.lazySearch = options.lazySearch === undefined ? DEFAULT_LAZY_SEARCH : options.lazySearch;
    this.pin = new SnapshotPin(catalog.db.memory ? null : catalog.db.name);
    this.pageStatements = new Map(
      PAGE_BUCKETS.map((size) => [
        size,
        catalog.db.prepare(`SELECT ${GRID_ROW_COLUMNS} FROM listing_rows WHERE id IN (${placeholders(size)})`).raw(),
      ]),
    );
    // proposals_pending (migration 004) holds (listing_id, field) of pending rows: a covering lookup per id.
    this.pendingStatements = new Map(
      PAGE_BUCKETS.map((size) => [
        size,
        catalog.db.prepare(`SELECT DISTINCT listing_id FROM proposals WHERE state = 'pending' AND listing_id IN (${placeholders(size)})`).pluck(),
      ]),
    );
  }

  open(query: GridQuery): GridView {
    this.lastCallAt = performance.now();
    const snapshotQuery = toSnapshotQuery(query);
    const descending = query.sort.direction === 'desc';
    // One read transaction: every list a view is built from comes from the same database state.
    const planned = this.catalog.db.transaction(() => {
      const plan = this.snapshots.plan(snapshotQuery, this.lazySearch);
      if (isIdArray(plan) || this.pinAt(plan.version)) return plan;
      return this.snapshots.ids(snapshotQuery);
    })();
    let view: OpenView;
    if (isIdArray(planned)) {
      view = { ids: planned, descending };
    } else if (this.snapshots.version() !== planned.version) {
      // A commit landed between the view's snapshot and the pin's: they may differ. Build now.
      if (this.building.size === 0) this.pin.release();
      view = { ids: this.catalog.db.transaction(() => this.snapshots.ids(snapshotQuery))(), descending };
    } else {
      view = { lazy: new LazySearchView(planned, descending, this.pin), query: snapshotQuery, openedAt: performance.now() };
    }
    const viewId = `${this.prefix}${this.nextViewNumber++}`;
    this.views.set(viewId, view);
    if ('lazy' in view) {
      this.building.set(viewId, view);
      this.scheduleBuild(BUILD_IDLE_MS);
    }
    const total = 'lazy' in view ? view.lazy.total : view.ids.length;
    // While a large import's second phase runs, a search says how much it cannot see yet.
    const notIndexed = snapshotQuery.match === null ? 0 : countUnindexed(this.catalog.db);
    return notIndexed > 0 ? { viewId, total, notIndexed } : { viewId, total };
  }

  rows(viewId: string, offset: number, limit: number): GridPage {
    const view = this.views.get(viewId);
    if (!view) throw new ContractError('not_found', 'This view of the catalog has expired; reload the grid.');
    this.lastCallAt = performance.now();
    if ('lazy' in view) {
      const ids = view.lazy.idsAt(offset, offset + limit);
      if (view.lazy.complete) this.built(viewId, view);
      return { viewId, offset, rows: this.fetchInOrder(ids) };
    }
    const end = Math.min(offset + limit, view.ids.length);
    const ids: number[] = [];
    for (let position = offset; position < end; position++) {
      ids.push(view.ids[view.descending ? view.ids.length - 1 - position : position]!);
    }
    return { viewId, offset, rows: this.fetchInOrder(ids) };
  }

  /** Stops every background build and closes the private connection lazy views read through (shutdown, tests). */
  dispose(): void {
    for (const viewId of [...this.building.keys()]) this.close(viewId);
    if (this.buildTimer !== null) clearTimeout(this.buildTimer);
    this.buildTimer = null;
    this.pin.close();
  }

  /** How many lazy views are still building their full list (tests, diagnostics). */
  pendingBuilds(): number {
    return this.building.size;
  }

  close(viewId: string): boolean {
    if (this.building.delete(viewId) && this.building.size === 0) this.pin.release();
    return this.views.delete(viewId);
  }

  /**
   * Pins a snapshot equal to the main connection's at `version` (call inside its transaction).
   * Views still building at another version are finished first: they need their own snapshot.
   */
  private pinAt(version: string): boolean {
    if (this.pin.version === version) return true;
    this.finishBuilds();
    return this.pin.pin(version);
  }

  private finishBuilds(): void {
    for (const [viewId, view] of this.building) {
      if (this.views.has(viewId)) view.lazy.finish();
      this.building.delete(viewId);
      if (view.lazy.complete) this.remember(view);
    }
    this.pin.release();
  }

  /** A lazy view's full list is done: keep it like an eagerly built one; unpin when none is left. */
  private built(viewId: string, view: LazyView): void {
    if (!this.building.delete(viewId)) return;
    this.remember(view);
    if (this.building.size === 0) this.pin.release();
  }

  private remember(view: LazyView): void {
    const built = view.lazy.built;
    if (built) this.snapshots.remember(view.query, view.lazy.version, view.lazy.ftsMatch, built.ids, built.hits);
  }

  private scheduleBuild(delayMs: number): void {
    if (this.buildTimer !== null) return;
    // setTimeout even for 0: unlike setImmediate it can be unref()ed, and background work must
    // never keep a process (a CLI, a test run) alive.
    this.buildTimer = setTimeout(() => {
      this.buildTimer = null;
      this.buildStep();
    }, delayMs);
    this.buildTimer.unref?.();
  }

  /** One slice of background build work for the oldest lazy view still building. */
  private buildStep(): void {
    if (!this.catalog.db.open) {
      this.building.clear();
      this.pin.close();
      return;
    }
    const now = performance.now();
    for (const [viewId, view] of this.building) {
      // Expired from the LRU (not closed): nobody can ask for its rows any more.
      if (!this.views.has(viewId)) {
        this.building.delete(viewId);
        continue;
      }
      if (now - this.lastCallAt < BUILD_IDLE_MS && now - view.openedAt < BUILD_MAX_WAIT_MS) {
        this.scheduleBuild(BUILD_IDLE_MS);
        return;
      }
      try {
        if (view.lazy.step(BUILD_STEP_MS)) this.built(viewId, view);
      } catch {
        // Its snapshot is unreadable (the file went away): the view expires, and the grid reopens it.
        this.close(viewId);
      }
      break;
    }
    if (this.building.size === 0) this.pin.release();
    else this.scheduleBuild(0);
  }

  private fetchInOrder(ids: readonly number[]): GridRow[] {
    const byId = new Map<number, GridRow>();
    for (let start = 0; start < ids.length; start += PAGE_BUCKETS.at(-1)!) {
      const chunk = ids.slice(start, start + PAGE_BUCKETS.at(-1)!);
      const size = PAGE_BUCKETS.find((bucket) => bucket >= chunk.length)!;
      const padded = padIds(chunk, size);
      for (const raw of this.pageStatements.get(size)!.all(...padded) as GridRowRaw[]) {
        const row = gridRowFromRaw(raw);
        byId.set(row.id, row);
      }
      for (const id of this.pendingStatements.get(size)!.all(...padded) as number[]) {
        const row = byId.get(id);
        if (row) row.pendingProposals = true;
      }
    }
    const rows: GridRow[] = [];
    for (const id of ids) {
      const row = byId.get(id);
      if (row) rows.push(row);
    }
    return rows;
  }
}

function isIdArray(value: IdArray | object): value is IdArray {
  return ArrayBuffer.isView(value);
}
