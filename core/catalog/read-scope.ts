import type BetterSqlite3 from 'better-sqlite3';
import type { Scope } from '../../common/contract.js';
import type { Listing } from '../../common/listing.js';
import { GridSnapshots, toSnapshotQuery } from './grid-snapshots.js';
import { listingFromRows, type ListingRow, type VariantRow } from './listing-codec.js';
import type { Catalog } from './open-catalog.js';
import { padIds, placeholders } from './fixed-width-in.js';

/** Listings are read this many at a time (two IN (…) statements per chunk). */
export const CHUNK_SIZE = 500;

/**
 * The ids a scope covers, ascending (stable, diffable files). `query` uses the grid's own
 * filter + search code (GridSnapshots), so an export of "what the grid shows" is exactly that.
 * Call inside a read transaction.
 */
export function scopeIds(catalog: Catalog, scope: Scope): ArrayLike<number> {
  if (scope.kind === 'all') return catalog.db.prepare('SELECT id FROM listings ORDER BY id').pluck().all() as number[];
  if (scope.kind === 'ids') return [...new Set(scope.ids)].sort((a, b) => a - b);
  const snapshot = new GridSnapshots(catalog.db).ids(
    toSnapshotQuery({ sort: { column: 'updated', direction: 'asc' }, filter: scope.filter, ...(scope.search === undefined ? {} : { search: scope.search }) }),
  );
  return Float64Array.from(snapshot).sort();
}

/** Reads listings (with variants) by id, in the order given; ids no longer present are left out. */
export class ListingReader {
  private readonly listings: BetterSqlite3.Statement;
  private readonly variants: BetterSqlite3.Statement;
  private readonly sources: BetterSqlite3.Statement;

  constructor(db: BetterSqlite3.Database) {
    const marks = placeholders(CHUNK_SIZE);
    this.listings = db.prepare(`SELECT * FROM listing_rows WHERE id IN (${marks})`);
    this.variants = db.prepare(`SELECT * FROM variants WHERE listing_id IN (${marks}) ORDER BY listing_id, position, id`);
    this.sources = db.prepare(`SELECT listing_id, data FROM listing_sources WHERE listing_id IN (${marks})`);
  }

  read(ids: ArrayLike<number>, from: number): Listing[] {
    const chunk: number[] = [];
    for (let i = from; i < Math.min(from + CHUNK_SIZE, ids.length); i++) chunk.push(ids[i]!);
    if (chunk.length === 0) return [];
    const padded = padIds(chunk, CHUNK_SIZE);
    const rows = new Map<number, ListingRow>();
    for (const row of this.listings.all(...padded) as ListingRow[]) rows.set(row.id, row);
    const variants = new Map<number, VariantRow[]>();
    for (const variant of this.variants.all(...padded) as VariantRow[]) {
      let list = variants.get(variant.listing_id);
      if (!list) variants.set(variant.listing_id, (list = []));
      list.push(variant);
    }
    const sources = new Map<number, string>();
    for (const source of this.sources.all(...padded) as { listing_id: number; data: string }[]) sources.set(source.listing_id, source.data);
    const listings: Listing[] = [];
    for (const id of chunk) {
      const row = rows.get(id);
      if (row) listings.push(listingFromRows(row, variants.get(id) ?? [], sources.get(id)));
    }
    return listings;
  }
}
