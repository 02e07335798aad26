import type { Scope } from '../../common/contract.js';
import type { Listing } from '../../common/listing.js';
import { GridSnapshots, toSnapshotQuery } from './grid-snapshots.js';
import { listingFromRows, type ListingRow, type VariantRow } from './listing-codec.js';
import type { Catalog } from './open-catalog.js';
import { ID_CHUNK, IN_ID_CHUNK, readByIds } from './rows-by-id.js';
import type { ListingSourcesTable } from './schema.js';

/** Listings are read this many at a time (three by-id reads per chunk, rows-by-id.ts). */
export const CHUNK_SIZE = ID_CHUNK;

const LISTINGS_BY_ID = `SELECT * FROM listing_rows WHERE id ${IN_ID_CHUNK}`;
const VARIANTS_BY_LISTING = `SELECT * FROM variants WHERE listing_id ${IN_ID_CHUNK} ORDER BY listing_id, position, id`;
const SOURCES_BY_LISTING = `SELECT listing_id, data FROM listing_sources WHERE listing_id ${IN_ID_CHUNK}`;

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
  constructor(private readonly db: Catalog['db']) {}

  read(ids: ArrayLike<number>, from: number): Listing[] {
    const chunk: number[] = [];
    for (let i = from; i < Math.min(from + CHUNK_SIZE, ids.length); i++) chunk.push(ids[i]!);
    if (chunk.length === 0) return [];
    const rows = new Map<number, ListingRow>();
    for (const row of readByIds<ListingRow>(this.db, LISTINGS_BY_ID, chunk)) rows.set(row.id, row);
    const variants = new Map<number, VariantRow[]>();
    for (const variant of readByIds<VariantRow>(this.db, VARIANTS_BY_LISTING, chunk)) {
      let list = variants.get(variant.listing_id);
      if (!list) variants.set(variant.listing_id, (list = []));
      list.push(variant);
    }
    const sources = new Map<number, string>();
    for (const source of readByIds<ListingSourcesTable>(this.db, SOURCES_BY_LISTING, chunk)) sources.set(source.listing_id, source.data);
    const listings: Listing[] = [];
    for (const id of chunk) {
      const row = rows.get(id);
      if (row) listings.push(listingFromRows(row, variants.get(id) ?? [], sources.get(id)));
    }
    return listings;
  }
}
