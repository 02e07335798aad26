import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import { listingFromRows, type ListingRow, type VariantRow } from '../catalog/listing-codec.js';
import { qualityOf } from '../catalog/listing-quality.js';
import { RULES_VERSION } from '../catalog/rules-version.js';
import type { SqlValue } from './field-columns.js';
import { prepared } from '../catalog/prepared.js';
import { IN_ID_CHUNK, IN_JSON_IDS, readByIds } from '../catalog/rows-by-id.js';
import type { ListingSourcesTable, RevisionsTable } from '../catalog/schema.js';

/** A table row as SQLite returns it: column name → value. */
export type StoredRow = Record<string, SqlValue>;

/**
 * A whole listing as stored, kept while a change set holds it out of the catalog (a delete, an
 * undone import) so that putting it back restores it exactly: its `listings` row under the same id
 * (created_at, import_id, quality columns, ai_fields included), its `listing_offers` row, its
 * variants (ids, positions, kept columns), what its source file held, its proposals, and which
 * revisions are its history.
 *
 * Rows are kept by column name, not position: a snapshot taken before a later migration adds a
 * column still goes back (the new column takes its default, an old one that is gone is dropped).
 */
export interface ListingSnapshot {
  listing: StoredRow;
  offer: StoredRow | null;
  variants: StoredRow[];
  /** `listing_sources.data`, or null. */
  source: string | null;
  /** Its proposals, whatever their state: the foreign key deletes them with the listing. */
  proposals: StoredRow[];
  /**
   * Ids of its revisions. They stay in `revisions` while the listing is out, parked under the
   * negative listing id: the history of a listing that later takes the same id starts empty, and
   * putting this one back re-points exactly these rows (revision ids, and so `revision.revert`
   * and the order undo walks, never change).
   */
  revisions: number[];
  /** The rules its quality columns were computed with: under other rules it is rescored on the way back. */
  rulesVersion: string;
}

/** Snapshots of the given listings (at most ID_CHUNK, rows-by-id.ts), by id; ids not in the catalog are absent. */
export function readSnapshots(db: BetterSqlite3.Database, ids: readonly number[]): Map<number, ListingSnapshot> {
  const snapshots = new Map<number, ListingSnapshot>();
  if (ids.length === 0) return snapshots;
  for (const listing of readByIds<StoredRow>(db, `SELECT * FROM listings WHERE id ${IN_ID_CHUNK}`, ids)) {
    snapshots.set(listing.id as number, { listing, offer: null, variants: [], source: null, proposals: [], revisions: [], rulesVersion: RULES_VERSION });
  }
  if (snapshots.size === 0) return snapshots;
  for (const offer of readByIds<StoredRow>(db, `SELECT * FROM listing_offers WHERE id ${IN_ID_CHUNK}`, ids)) {
    snapshots.get(offer.id as number)!.offer = offer;
  }
  for (const variant of readByIds<StoredRow>(db, `SELECT * FROM variants WHERE listing_id ${IN_ID_CHUNK} ORDER BY listing_id, position, id`, ids)) {
    snapshots.get(variant.listing_id as number)!.variants.push(variant);
  }
  for (const row of readByIds<ListingSourcesTable>(db, `SELECT listing_id, data FROM listing_sources WHERE listing_id ${IN_ID_CHUNK}`, ids)) {
    snapshots.get(row.listing_id)!.source = row.data;
  }
  for (const proposal of readByIds<StoredRow>(db, `SELECT * FROM proposals WHERE listing_id ${IN_ID_CHUNK} ORDER BY id`, ids)) {
    snapshots.get(proposal.listing_id as number)!.proposals.push(proposal);
  }
  for (const row of readByIds<Pick<Selectable<RevisionsTable>, 'id' | 'listing_id'>>(db, `SELECT id, listing_id FROM revisions WHERE listing_id ${IN_ID_CHUNK} ORDER BY id`, ids)) {
    snapshots.get(row.listing_id)!.revisions.push(row.id);
  }
  return snapshots;
}

/** Parks revisions (by revision id) of listings being taken out: see ListingSnapshot.revisions. */
export function parkRevisions(db: BetterSqlite3.Database, revisionIds: readonly number[]): void {
  if (revisionIds.length > 0) prepared(db, `UPDATE revisions SET listing_id = -listing_id WHERE id ${IN_JSON_IDS}`).run(JSON.stringify(revisionIds));
}

/** Deletes the listings; the foreign keys delete their offer, variants, source and proposals, the triggers keep counters and search. */
export function deleteListingRows(db: BetterSqlite3.Database, ids: readonly number[]): number {
  return prepared(db, `DELETE FROM listings WHERE id ${IN_JSON_IDS}`).run(JSON.stringify(ids)).changes;
}

export function parseSnapshot(data: string): ListingSnapshot {
  return JSON.parse(data) as ListingSnapshot;
}

/**
 * Puts one snapshot back as listing `id` (its own id, or another when that one is taken). Runs
 * while the caller holds the `bulk_write` marker (migration 001): the offer, variant_count and
 * full-text triggers stand aside, since the snapshot carries the offer row and the variant count
 * and the caller indexes the chunk for search in one statement (`indexForSearch`). The counters
 * (listing_counts, score/error/rule counts) are kept by their triggers as for any insert.
 */
export function restoreSnapshot(db: BetterSqlite3.Database, snapshot: ListingSnapshot, id: number): void {
  const listing: StoredRow = { ...snapshot.listing, id, ...rescoredIfRulesChanged(snapshot) };
  insertRow(db, 'listings', listing);
  if (snapshot.offer) insertRow(db, 'listing_offers', { ...snapshot.offer, id });
  else prepared(db, 'INSERT INTO listing_offers (id, updated_at) VALUES (?, ?)').run(id, listing.created_at ?? 0);
  for (const variant of snapshot.variants) insertKeepingId(db, 'variants', { ...variant, listing_id: id });
  if (snapshot.source !== null) prepared(db, 'INSERT INTO listing_sources (listing_id, data) VALUES (?, ?)').run(id, snapshot.source);
  const jobExists = prepared(db, 'SELECT 1 FROM jobs WHERE id = ?').pluck();
  for (const proposal of snapshot.proposals) {
    // A job removed meanwhile leaves the proposal without one, as its foreign key (SET NULL) would have.
    const jobId = proposal.job_id ?? null;
    const jobGone = jobId !== null && jobExists.get(jobId) === undefined;
    insertKeepingId(db, 'proposals', { ...proposal, listing_id: id, job_id: jobGone ? null : jobId });
  }
  const repoint = prepared(db, 'UPDATE revisions SET listing_id = ? WHERE id = ?');
  for (const revision of snapshot.revisions) repoint.run(id, revision);
}

/** Indexes put-back listings for search (while the `bulk_write` marker stands the trigger aside). */
export function indexForSearch(db: BetterSqlite3.Database, ids: readonly number[]): void {
  prepared(db, `INSERT INTO listings_fts (rowid, title, description, sku, brand, tags) SELECT id, title, description, sku, brand, tags FROM listings WHERE id ${IN_JSON_IDS}`).run(
    JSON.stringify(ids),
  );
}

/** The stored quality is only as good as the rules it was computed with. */
function rescoredIfRulesChanged(snapshot: ListingSnapshot): StoredRow {
  if (snapshot.rulesVersion === RULES_VERSION || snapshot.listing.quality_score === null) return {};
  const row = { ...snapshot.listing, ...(snapshot.offer ?? {}) } as unknown as ListingRow;
  const quality = qualityOf(listingFromRows(row, snapshot.variants as unknown as VariantRow[], snapshot.source));
  return { quality_score: quality.qualityScore, error_count: quality.errorCount, failing_rules: quality.failingRules };
}

/** Inserts with the row's own id when it is free, else lets SQLite pick one (a later row took it). */
function insertKeepingId(db: BetterSqlite3.Database, table: 'variants' | 'proposals', row: StoredRow): void {
  if (insertRow(db, table, row, 'ON CONFLICT (id) DO NOTHING') > 0) return;
  const { id: _taken, ...rest } = row;
  // A proposal's (job, listing, field) may be taken as well (the job proposed again): keep the newer one.
  insertRow(db, table, rest, 'ON CONFLICT DO NOTHING');
}

const columnsByConnection = new WeakMap<BetterSqlite3.Database, Map<string, readonly string[]>>();

/** The table's columns now (a snapshot may come from an older schema). */
function tableColumns(db: BetterSqlite3.Database, table: string): readonly string[] {
  let tables = columnsByConnection.get(db);
  if (!tables) columnsByConnection.set(db, (tables = new Map()));
  let columns = tables.get(table);
  if (!columns) tables.set(table, (columns = (db.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name)));
  return columns;
}

function insertRow(db: BetterSqlite3.Database, table: string, row: StoredRow, onConflict = ''): number {
  const columns = tableColumns(db, table).filter((column) => Object.hasOwn(row, column));
  const sql = `INSERT INTO ${table} (${columns.map((column) => `"${column}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ${onConflict}`;
  return prepared(db, sql).run(...columns.map((column) => row[column] ?? null)).changes;
}
