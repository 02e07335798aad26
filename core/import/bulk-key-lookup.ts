import type BetterSqlite3 from 'better-sqlite3';
import type { NewListing } from '../catalog/insert-listings.js';

/** What a look-up returns: enough to decide the match; the whole row is loaded by id after. */
export interface ListingKey {
  id: number;
  source_id: string | null;
}

/** The stored listings a chunk of incoming records may match, by marketplace id and by SKU. */
export interface ChunkKeys {
  bySource(marketplace: string, sourceId: string): ListingKey | undefined;
  /** The lowest id with that SKU in that marketplace. */
  bySku(marketplace: string, sku: string): ListingKey | undefined;
}

const keyOf = (marketplace: string, value: string): string => `${marketplace}\u0000${value}`;

/**
 * The importer's match look-ups for a whole chunk of records at once: their keys go into a
 * temporary table (one statement) and one statement per kind joins it with the catalog's indexes,
 * instead of two or three queries per row.
 * The answers are the catalog as it is when `load` runs: the caller loads again after its own
 * writes could have changed a key (see apply-import.ts).
 */
export class BulkKeyLookup {
  private readonly clear: BetterSqlite3.Statement;
  private readonly add: BetterSqlite3.Statement;
  private readonly sources: BetterSqlite3.Statement;
  private readonly skus: BetterSqlite3.Statement;

  constructor(db: BetterSqlite3.Database) {
    // Per connection, in the temp schema: never written to the catalog file, gone at close.
    db.exec('CREATE TEMP TABLE IF NOT EXISTS import_keys (kind TEXT NOT NULL, marketplace TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (kind, marketplace, value)) WITHOUT ROWID');
    this.clear = db.prepare('DELETE FROM temp.import_keys');
    // All of a chunk's keys in one statement: a JSON array of [kind, marketplace, value].
    this.add = db.prepare("INSERT OR IGNORE INTO temp.import_keys (kind, marketplace, value) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)");
    // listings_source (unique, partial on source_id IS NOT NULL, implied by the equality).
    this.sources = db.prepare(`SELECT k.marketplace, k.value, l.id, l.source_id FROM temp.import_keys k
      JOIN listings l ON l.marketplace = k.marketplace AND l.source_id = k.value WHERE k.kind = 's'`);
    // listings_sku, lowest id first; `+marketplace` keeps the marketplace index out of the plan
    // (SQLite once chose it: a scan of the whole marketplace per SKU).
    this.skus = db.prepare(`SELECT k.marketplace, k.value, l.id, l.source_id FROM temp.import_keys k
      JOIN listings l ON l.id = (SELECT id FROM listings WHERE sku = k.value AND +marketplace = k.marketplace ORDER BY id LIMIT 1)
      WHERE k.kind = 'k'`);
  }

  load(listings: Iterable<NewListing>): ChunkKeys {
    this.clear.run();
    const keys: [string, string, string][] = [];
    for (const listing of listings) {
      if (listing.sourceId) keys.push(['s', listing.marketplace, listing.sourceId]);
      if (listing.sku) keys.push(['k', listing.marketplace, listing.sku]);
    }
    this.add.run(JSON.stringify(keys));
    const sources = toMap(this.sources.all() as KeyRow[]);
    const skus = toMap(this.skus.all() as KeyRow[]);
    this.clear.run();
    return {
      bySource: (marketplace, sourceId) => sources.get(keyOf(marketplace, sourceId)),
      bySku: (marketplace, sku) => skus.get(keyOf(marketplace, sku)),
    };
  }
}

interface KeyRow {
  marketplace: string;
  value: string;
  id: number;
  source_id: string | null;
}

function toMap(rows: readonly KeyRow[]): Map<string, ListingKey> {
  const map = new Map<string, ListingKey>();
  for (const row of rows) map.set(keyOf(row.marketplace, row.value), { id: row.id, source_id: row.source_id });
  return map;
}
