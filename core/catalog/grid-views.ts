import { randomBytes } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { GridPage, GridView } from '../../common/contract.js';
import type { GridQuery } from '../../common/grid.js';
import type { GridRow } from '../../common/listing.js';
import { ContractError } from '../../common/result.js';
import { GridSnapshots, toSnapshotQuery } from './grid-snapshots.js';
import type { IdArray } from './id-array.js';
import { GRID_ROW_COLUMNS, gridRowFromRaw, type GridRowRaw } from './listing-codec.js';
import { LruMap } from './lru-map.js';
import type { Catalog } from './open-catalog.js';

export interface GridViewsOptions {
  /** How many open views to keep; the least recently used beyond this expire. */
  maxViews?: number;
  /**
   * Starts every view id, so a host with several readers can route grid.rows to the reader
   * that owns the view. Defaults to a random tag: a view id from another reader (or from before
   * a restart) then fails cleanly as expired.
   */
  viewIdPrefix?: string;
}

interface OpenView {
  /** Ascending by (sort column, id); a descending view reads it back to front. */
  ids: IdArray;
  descending: boolean;
}

/** Page lookups pad their id list to one of these sizes, so five prepared statements cover all. */
const PAGE_BUCKETS = [10, 50, 100, 200, 500] as const;

/**
 * The grid's views over one reader connection. A view is a frozen, ordered list of listing ids:
 * position → id is one array read at any depth, and a page is a single primary-key lookup of
 * its ids, put back in view order. Rows deleted since the view opened are left out of pages;
 * edited rows show their current values at their original position until the grid reopens.
 */
export class GridViews {
  private readonly views: LruMap<string, OpenView>;
  private readonly snapshots: GridSnapshots;
  private readonly pageStatements: Map<number, BetterSqlite3.Statement>;
  private readonly pendingStatements: Map<number, BetterSqlite3.Statement>;
  private readonly prefix: string;
  private nextViewNumber = 1;

  constructor(
    private readonly catalog: Catalog,
    options: GridViewsOptions = {},
  ) {
    this.views = new LruMap(options.maxViews ?? 8);
    this.snapshots = new GridSnapshots(catalog.db);
    this.prefix = options.viewIdPrefix ?? `v${randomBytes(4).toString('hex')}-`;
    this.pageStatements = new Map(
      PAGE_BUCKETS.map((size) => [
        size,
        catalog.db.prepare(`SELECT ${GRID_ROW_COLUMNS} FROM listings WHERE id IN (${Array(size).fill('?').join(', ')})`).raw(),
      ]),
    );
    // proposals_pending (migration 004) holds (listing_id, field) of pending rows: a covering lookup per id.
    this.pendingStatements = new Map(
      PAGE_BUCKETS.map((size) => [
        size,
        catalog.db.prepare(`SELECT DISTINCT listing_id FROM proposals WHERE state = 'pending' AND listing_id IN (${Array(size).fill('?').join(', ')})`).pluck(),
      ]),
    );
  }

  open(query: GridQuery): GridView {
    // One read transaction: every list a view is built from comes from the same database state.
    const ids = this.catalog.db.transaction(() => this.snapshots.ids(toSnapshotQuery(query)))();
    const viewId = `${this.prefix}${this.nextViewNumber++}`;
    this.views.set(viewId, { ids, descending: query.sort.direction === 'desc' });
    return { viewId, total: ids.length };
  }

  rows(viewId: string, offset: number, limit: number): GridPage {
    const view = this.views.get(viewId);
    if (!view) throw new ContractError('not_found', 'This view of the catalog has expired; reload the grid.');
    const end = Math.min(offset + limit, view.ids.length);
    const ids: number[] = [];
    for (let position = offset; position < end; position++) {
      ids.push(view.ids[view.descending ? view.ids.length - 1 - position : position]!);
    }
    return { viewId, offset, rows: this.fetchInOrder(ids) };
  }

  close(viewId: string): boolean {
    return this.views.delete(viewId);
  }

  private fetchInOrder(ids: readonly number[]): GridRow[] {
    const byId = new Map<number, GridRow>();
    for (let start = 0; start < ids.length; start += PAGE_BUCKETS.at(-1)!) {
      const chunk = ids.slice(start, start + PAGE_BUCKETS.at(-1)!);
      const size = PAGE_BUCKETS.find((bucket) => bucket >= chunk.length)!;
      // Padding repeats an id already asked for: duplicates in IN (…) match nothing extra.
      const padded = chunk.concat(Array<number>(size - chunk.length).fill(chunk[0]!));
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
