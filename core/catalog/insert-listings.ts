import type BetterSqlite3 from 'better-sqlite3';
import { MARKETPLACES, type Listing, type Variant } from '../../common/listing.js';
import { encodeColumns, encodeListingSource } from './listing-source.js';
import { qualityOf } from './listing-quality.js';
import { claimRulesVersionIfUnscored } from './rules-version.js';
import { scoreCounter, type ScoreCounter } from './score-counts.js';

export type NewVariant = Omit<Variant, 'id'>;
export type NewListing = Omit<Listing, 'id' | 'variants'> & { variants: readonly NewVariant[] };

/**
 * A listing's content columns of `listings` in table order, from source_id to status (JSON columns
 * encoded): the one mapping both the insert path and the importer's update use.
 */
export function listingContentValues(listing: NewListing): (string | number | null)[] {
  return [
    listing.sourceId,
    listing.sku,
    listing.title,
    listing.description,
    JSON.stringify(listing.tags),
    JSON.stringify(listing.materials),
    JSON.stringify(listing.images),
    listing.category,
    listing.brand,
    listing.condition,
    JSON.stringify(listing.attributes),
    listing.status,
  ];
}

/** price_minor, currency, quantity: the offer columns of `listing_offers` (migration 006), in table order. */
export function listingOfferValues(listing: NewListing): (string | number | null)[] {
  return [listing.priceMinor, listing.currency, listing.quantity];
}

const KNOWN_MARKETPLACES = new Set<string>(MARKETPLACES);
const UNSCORED = { qualityScore: null, errorCount: null, failingRules: '[]' } as const;

export interface InsertBatchOptions {
  /**
   * Leave search indexing and scoring to the background (index-backlog.ts): the rows are stored
   * unscored and their ids queued in `listings_unindexed` (migration 009). A large import's
   * listings are then visible as soon as it commits.
   */
  deferIndexing?: boolean;
  /** The import that creates these listings (`import_id`, migration 002), written with the row. */
  importId?: number;
}

export interface ListingBatchWriter {
  /**
   * Inserts the listings (and their variants) and indexes them for search (or queues them for
   * that, see InsertBatchOptions); returns their ids in order. Runs in its own transaction, or
   * inside the caller's, which a failure then rolls back whole.
   */
  insertBatch(listings: Iterable<NewListing>, options?: InsertBatchOptions): number[];
}

const INSERT_LISTING = `
INSERT INTO listings (marketplace, source_id, sku, title, description,
  tags, materials, images, category, brand, condition, attributes, status, variant_count, created_at,
  quality_score, error_count, failing_rules, import_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const INSERT_OFFER = `
INSERT INTO listing_offers (id, price_minor, currency, quantity, updated_at) VALUES (?, ?, ?, ?, ?)`;

const INSERT_VARIANT = `
INSERT INTO variants (listing_id, position, sku, options, price_minor, quantity, image, columns)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

const INSERT_SOURCE = 'INSERT INTO listing_sources (listing_id, data) VALUES (?, ?)';

/** The variants table's values after listing_id, in INSERT_VARIANT order (also the importer's update path). */
export function variantValues(variant: NewVariant, position: number): (string | number | null)[] {
  return [position, variant.sku, JSON.stringify(variant.options), variant.priceMinor, variant.quantity, variant.image, encodeColumns(variant.columns)];
}

const INDEX_RANGE = `
INSERT INTO listings_fts (rowid, title, description, sku, brand, tags)
SELECT id, title, description, sku, brand, tags FROM listings WHERE id BETWEEN ? AND ?`;

const QUEUE_RANGE = 'INSERT INTO listings_unindexed (id) SELECT id FROM listings WHERE id BETWEEN ? AND ?';
const QUEUE_ONE = 'INSERT INTO listings_unindexed (id) VALUES (?)';

// listing_counts for a batch in one grouped statement while `batch_counts` holds the trigger back
// (migration 011): a per-row upsert from a trigger was a measurable share of a large import.
const COUNT_RANGE = `
INSERT INTO listing_counts (marketplace, status, n)
SELECT marketplace, status, count(*) FROM listings WHERE id BETWEEN ? AND ? GROUP BY marketplace, status
ON CONFLICT (marketplace, status) DO UPDATE SET n = n + excluded.n`;
const COUNT_ONE = `
INSERT INTO listing_counts (marketplace, status, n) SELECT marketplace, status, 1 FROM listings WHERE id = ?
ON CONFLICT (marketplace, status) DO UPDATE SET n = n + 1`;

const INDEX_ONE = `
INSERT INTO listings_fts (rowid, title, description, sku, brand, tags)
SELECT id, title, description, sku, brand, tags FROM listings WHERE id = ?`;

/**
 * The bulk write path (demo data, importer): statements prepared once, positional parameters, no
 * query builder — about twice as fast as kysely's multi-row insert at this volume. While the
 * `bulk_write` marker row exists (only inside this transaction, see migration 001) the per-row
 * full-text and variant_count triggers stand aside: the batch sets variant_count itself and
 * indexes all its rows in one statement, ~5x cheaper than row by row. While `batch_counts` holds
 * its row (migration 011) the listing_counts trigger stands aside too and the batch adds its
 * counts in one grouped statement, and the score counters theirs in a few upserts (score-counts.ts,
 * migration 012). Every row is stored with its quality score (listing-quality.ts), so the grid
 * sorts and filters by score without evaluating rules on read.
 */
export function prepareListingBatchWriter(db: BetterSqlite3.Database): ListingBatchWriter {
  claimRulesVersionIfUnscored(db);
  const insertListing = db.prepare(INSERT_LISTING);
  const insertOffer = db.prepare(INSERT_OFFER);
  const insertVariant = db.prepare(INSERT_VARIANT);
  const insertSource = db.prepare(INSERT_SOURCE);
  const deferIndexing = db.prepare('INSERT INTO bulk_write (marker) VALUES (1)');
  const resumeIndexing = db.prepare('DELETE FROM bulk_write');
  const deferCounts = db.prepare('INSERT INTO batch_counts (marker) VALUES (1)');
  const resumeCounts = db.prepare('DELETE FROM batch_counts');
  const countRange = db.prepare(COUNT_RANGE);
  const countOne = db.prepare(COUNT_ONE);
  const indexRange = db.prepare(INDEX_RANGE);
  const indexOne = db.prepare(INDEX_ONE);
  const queueRange = db.prepare(QUEUE_RANGE);
  const queueOne = db.prepare(QUEUE_ONE);

  const insertOne = (listing: NewListing, deferred: boolean, importId: number | null, scores: ScoreCounter): number => {
    // An unknown marketplace has no rules: leave it unscored and let the CHECK constraint refuse it.
    // A deferred row is scored by the background slice that indexes it.
    const quality = !deferred && KNOWN_MARKETPLACES.has(listing.marketplace) ? qualityOf(listing) : UNSCORED;
    if (quality.qualityScore !== null) scores.add(quality);
    const { lastInsertRowid } = insertListing.run(
      listing.marketplace,
      ...listingContentValues(listing),
      listing.variants.length,
      listing.createdAt,
      quality.qualityScore,
      quality.errorCount,
      quality.failingRules,
      importId,
    );
    const listingId = Number(lastInsertRowid);
    insertOffer.run(listingId, ...listingOfferValues(listing), listing.updatedAt);
    listing.variants.forEach((variant, position) => {
      insertVariant.run(listingId, ...variantValues(variant, position));
    });
    const source = encodeListingSource(listing.source);
    if (source !== null) insertSource.run(listingId, source);
    return listingId;
  };

  const writeBatch = (listings: Iterable<NewListing>, deferred: boolean, importId: number | null): number[] => {
    deferIndexing.run();
    deferCounts.run();
    const scores = scoreCounter(db);
    const ids: number[] = [];
    for (const listing of listings) ids.push(insertOne(listing, deferred, importId, scores));
    if (deferred) byRange(ids, queueRange, queueOne);
    else byRange(ids, indexRange, indexOne);
    byRange(ids, countRange, countOne);
    scores.flush();
    resumeCounts.run();
    resumeIndexing.run();
    return ids;
  };
  const ownTransaction = db.transaction(writeBatch);

  return {
    insertBatch: (listings, options) => {
      const deferred = options?.deferIndexing === true;
      const importId = options?.importId ?? null;
      if (!db.inTransaction) return ownTransaction.immediate(listings, deferred, importId);
      // Inside the caller's transaction no savepoint: with the in-memory statement journal
      // (connection-pragmas.ts) a savepoint per 2,000-row batch made an import 10x slower. A
      // failed batch cannot be undone alone, so it rolls the caller's transaction back, which is
      // what the callers (importer, demo data) do on any error anyway; nothing half-written stays.
      try {
        return writeBatch(listings, deferred, importId);
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    },
  };
}

/** New rowids are normally consecutive (max + 1 each time): then one range statement covers all. */
function byRange(ids: readonly number[], range: BetterSqlite3.Statement, one: BetterSqlite3.Statement): void {
  const first = ids[0];
  const last = ids.at(-1);
  if (first === undefined || last === undefined) return;
  if (last - first + 1 === ids.length && isAscending(ids)) range.run(first, last);
  else for (const id of ids) one.run(id);
}

function isAscending(ids: readonly number[]): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i]! <= ids[i - 1]!) return false;
  return true;
}

/** Convenience for a one-off list; runs inside the caller's transaction if there is one. */
export function insertListings(db: BetterSqlite3.Database, listings: Iterable<NewListing>): number[] {
  return prepareListingBatchWriter(db).insertBatch(listings);
}
