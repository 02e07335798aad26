import type BetterSqlite3 from 'better-sqlite3';
import type { GridQuery, SortColumn } from '../../common/grid.js';
import { LISTING_STATUSES, MARKETPLACES } from '../../common/listing.js';
import { FtsMatchCounter } from './fts-count.js';
import { endsWithPrefix, FtsPrefixNarrower } from './fts-prefix.js';
import { toFtsQuery } from './fts-query.js';
import { SORT_EXPRESSIONS, SORT_TABLES } from './grid-sort.js';
import { emptyIdArray, toIdArray, type IdArray } from './id-array.js';
import { createIdTally } from './id-tally.js';
import type { LazySearchPlan } from './lazy-search-view.js';
import { LruMap } from './lru-map.js';
import { placeholders } from './fixed-width-in.js';
import { prepared } from './prepared.js';

/** A grid query reduced to what decides its rows; the direction only decides reading order. */
export interface SnapshotQuery {
  column: SortColumn;
  /** null = no restriction. */
  marketplaces: readonly string[] | null;
  statuses: readonly string[] | null;
  /** Only listings this import created or changed; null = no restriction. */
  importId: number | null;
  /** true = only listings failing an error-severity rule; null = no restriction. */
  hasErrors: true | null;
  /** true = only listings with a pending optimizer proposal; null = no restriction. */
  hasProposals: true | null;
  /** Only listings scored at most this (unscored listings never match); null = no restriction. */
  maxScore: number | null;
  /** A safe FTS5 query, or null for no search. */
  match: string | null;
}

export function toSnapshotQuery(query: GridQuery): SnapshotQuery {
  return {
    column: query.sort.column,
    marketplaces: restriction(query.filter.marketplaces, MARKETPLACES),
    statuses: restriction(query.filter.statuses, LISTING_STATUSES),
    importId: query.filter.importId ?? null,
    hasErrors: query.filter.hasErrors === true ? true : null,
    hasProposals: query.filter.hasProposals === true ? true : null,
    maxScore: query.filter.maxScore ?? null,
    match: query.search === undefined ? null : toFtsQuery(query.search),
  };
}

/** Empty, missing or "all of them" means no restriction; otherwise a sorted, de-duplicated list. */
function restriction(chosen: readonly string[] | undefined, all: readonly string[]): readonly string[] | null {
  const distinct = [...new Set(chosen ?? [])].sort();
  return distinct.length === 0 || distinct.length === all.length ? null : distinct;
}

export function snapshotKey(query: SnapshotQuery): string {
  return JSON.stringify([query.column, query.marketplaces, query.statuses, query.importId, query.hasErrors, query.hasProposals, query.maxScore, query.match]);
}

interface Cached {
  version: string;
  ids: IdArray;
}

/** The listings one FTS query matches, ascending by id, and the query SQLite actually ran. */
interface CachedHits {
  version: string;
  /** As better-sqlite3 returns them (packing 900k ids into a typed array costs another 12–17 ms), or as a lazy view built them. */
  ids: ArrayLike<number>;
  ftsMatch: string;
}

/**
 * Above this many search hits, walking a full sorted snapshot (a few ms) beats asking SQLite to
 * fetch and sort every hit; below it, SQLite is quicker than building a snapshot that is not cached.
 */
const SMALL_MATCH_LIMIT = 20_000;

/** When a search alone may open lazily (GridViews); null = never. */
export interface LazySearchOptions {
  /** Catalogs smaller than this always build views eagerly (they are fast anyway). */
  minListings: number;
  /**
   * Share of listings a search must match to open lazily. A page of 200 rows costs 200 ÷ share
   * index probes (≈ 25 µs each). At 1M listings a word in 31 % of them ("handmade") opened in
   * 24–29 ms lazily against 32–37 ms eagerly (reading its 306k hits alone takes 30+ ms; median of
   * 3 rounds, session 12), a word in 91 %: ≈ 25 against 80 ms. Below about 20 % the probes cost
   * more than reading the hits. The lazy view still builds its full list afterwards, between calls.
   */
  minDensity: number;
}

export const DEFAULT_LAZY_SEARCH: LazySearchOptions = { minListings: 100_000, minDensity: 0.25 };

/** Listings with a pending proposal, off the partial index proposals_pending (migration 004). */
const PENDING_LISTING_IDS = "SELECT DISTINCT listing_id FROM proposals WHERE state = 'pending'";

/**
 * Builds the ordered id list behind a grid view, ascending by (sort column, id).
 *
 * Per sort column one "base" list of every listing is read straight off that column's index.
 * Filters and search never sort again: the ids they admit are tallied in a byte-per-id array and
 * the base list is walked once, keeping admitted ids in base order. A search term matching half
 * the catalog therefore costs one pass over its hits plus one pass over the base list, never a
 * bm25 ranking of every hit; a last word that is a whole indexed word and no longer word's prefix
 * is read as that one term (FtsPrefixNarrower), and a search's hits are kept for re-sorting and
 * re-filtering. Lists are cached against the database version, so reopening an
 * unchanged query is instant and any commit (from any connection) invalidates them.
 *
 * Call only inside a read transaction, so every list of one build comes from the same snapshot.
 */
export class GridSnapshots {
  private readonly bases = new LruMap<SortColumn, Cached>(4);
  private readonly filtered = new LruMap<string, Cached>(8);
  /**
   * Hits per search, whatever the sort and filters: re-sorting or filtering a search (the usual
   * next step) then skips the full-text read, the biggest cost of a common word (a 900k-hit
   * word: ~60–100 ms of ~100–150). Bounded: 4 searches, 8 bytes per hit.
   */
  private readonly hits = new LruMap<string, CachedHits>(4);
  private readonly prefixes: FtsPrefixNarrower;
  private readonly counter: FtsMatchCounter;
  /** Exact match counts of recent lazy searches: re-sorting one skips the count (8 bytes each). */
  private readonly counts = new LruMap<string, { version: string; count: number }>(64);
  private readonly dataVersion: BetterSqlite3.Statement;
  private readonly ownChanges: BetterSqlite3.Statement;
  private readonly maxId: BetterSqlite3.Statement;
  private readonly matchIds: BetterSqlite3.Statement;

  constructor(private readonly db: BetterSqlite3.Database) {
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.ownChanges = db.prepare('SELECT total_changes()').pluck();
    this.maxId = db.prepare('SELECT coalesce(max(id), 0) FROM listings').pluck();
    this.matchIds = db.prepare('SELECT rowid FROM listings_fts WHERE listings_fts MATCH ?').pluck();
    this.prefixes = new FtsPrefixNarrower(db);
    this.counter = new FtsMatchCounter(db);
  }

  /**
   * data_version changes when another connection commits; total_changes counts this connection's
   * own writes (which data_version ignores). Together they change whenever the rows may have.
   */
  version(): string {
    return `${this.dataVersion.get() as number}:${this.ownChanges.get() as number}`;
  }

  ids(query: SnapshotQuery): IdArray {
    const version = this.version();
    if (isUnrestricted(query)) return this.base(query.column, version);

    const key = snapshotKey(query);
    const cached = this.filtered.get(key);
    if (cached?.version === version) return cached.ids;
    const ids = this.build(query, version);
    this.filtered.set(key, { version, ids });
    return ids;
  }

  /**
   * Like ids(), but a search alone that matches most of a large catalog is not built: its plan
   * (total, sorted base, narrowed FTS query) is returned for a LazySearchView instead. Cached
   * lists and cached hits still win, since reusing them costs a few ms at most.
   */
  plan(query: SnapshotQuery, lazy: LazySearchOptions | null): IdArray | LazySearchPlan {
    const version = this.version();
    if (lazy === null || query.match === null || !isSearchOnly(query) || this.filtered.get(snapshotKey(query))?.version === version || this.hits.get(query.match)?.version === version) {
      return this.ids(query);
    }
    const ftsMatch = this.prefixes.narrow(query.match);
    // A prefix is expanded again by every probe (~20 ms each for a common one), and a spelled-out
    // one seeks every word per probe. Never lazy.
    if (endsWithPrefix(ftsMatch)) return this.ids(query);
    const base = this.base(query.column, version);
    if (base.length < lazy.minListings) return this.ids(query);
    const maxId = this.maxId.get() as number;
    const cached = this.counts.get(ftsMatch);
    if (cached?.version !== version && this.counter.density(ftsMatch, maxId) < lazy.minDensity) return this.ids(query);
    const total = cached?.version === version ? cached.count : this.counter.count(ftsMatch);
    this.counts.set(ftsMatch, { version, count: total });
    if (total < lazy.minDensity * base.length) return this.ids(query);
    return { version, ftsMatch, base, maxId, total };
  }

  /** Keeps what a lazy view built at `version`, as if ids() had built it then. */
  remember(query: SnapshotQuery, version: string, ftsMatch: string, ids: IdArray, hits: ArrayLike<number>): void {
    this.filtered.set(snapshotKey(query), { version, ids });
    if (query.match !== null) this.hits.set(query.match, { version, ftsMatch, ids: hits });
  }

  private build(query: SnapshotQuery, version: string): IdArray {
    const maxId = this.maxId.get() as number;
    const admitted: ArrayLike<number>[] = [];

    if (query.match !== null) {
      const hits = this.matchHits(query.match, version);
      if (hits.ids.length === 0) return emptyIdArray(0, maxId);
      if (hits.ids.length <= SMALL_MATCH_LIMIT && this.bases.get(query.column)?.version !== version) {
        return toIdArray(this.sortedBySql(query, hits.ftsMatch), maxId);
      }
      admitted.push(hits.ids);
    }
    if (query.marketplaces) admitted.push(this.idsWhereIn('marketplace', query.marketplaces));
    if (query.statuses) admitted.push(this.idsWhereIn('status', query.statuses));
    // The partial index listings_import (migration 002) holds (import_id, rowid): a covering scan.
    if (query.importId !== null) admitted.push(this.statement('SELECT id FROM listings WHERE import_id = ?').all(query.importId) as number[]);
    // The partial index listings_errors (migration 003) holds exactly these rows: a covering scan.
    if (query.hasErrors) admitted.push(this.statement('SELECT id FROM listings WHERE error_count > 0').all() as number[]);
    // The partial index proposals_pending (migration 004) holds (listing_id, field) of pending rows: a covering scan.
    if (query.hasProposals) admitted.push(this.statement(PENDING_LISTING_IDS).all() as number[]);
    // listings_score holds (quality_score, rowid): a covering range scan; NULL (unscored) is left out.
    if (query.maxScore !== null) admitted.push(this.statement('SELECT id FROM listings WHERE quality_score <= ?').all(query.maxScore) as number[]);

    const tally = createIdTally(maxId);
    let fewest = Infinity;
    for (const ids of admitted) {
      tally.add(ids);
      fewest = Math.min(fewest, ids.length);
    }
    const base = this.base(query.column, version);
    const result = emptyIdArray(Math.min(fewest, base.length), maxId);
    const kept = tally.keep(base, admitted.length, result);
    // A search alone keeps every hit: the list is already the right size, copying it is waste.
    return kept === result.length ? result : result.slice(0, kept);
  }

  private matchHits(match: string, version: string): CachedHits {
    const cached = this.hits.get(match);
    if (cached?.version === version) return cached;
    const ftsMatch = this.prefixes.narrow(match);
    const hits: CachedHits = { version, ftsMatch, ids: this.matchIds.all(ftsMatch) as number[] };
    this.hits.set(match, hits);
    return hits;
  }

  private base(column: SortColumn, version: string): IdArray {
    const cached = this.bases.get(column);
    if (cached?.version === version) return cached.ids;
    const maxId = this.maxId.get() as number;
    const ids = toIdArray(this.statement(`SELECT id FROM ${SORT_TABLES[column]} ORDER BY ${SORT_EXPRESSIONS[column]}, id`).all() as number[], maxId);
    this.bases.set(column, { version, ids });
    return ids;
  }

  /** Marketplace and status each have an index holding (value, rowid): a covering index scan. */
  private idsWhereIn(column: 'marketplace' | 'status', values: readonly string[]): number[] {
    return this.statement(`SELECT id FROM listings WHERE ${column} IN (${placeholders(values.length)})`).all(...values) as number[];
  }

  private sortedBySql(query: SnapshotQuery, ftsMatch: string): number[] {
    const conditions = ['id IN (SELECT rowid FROM listings_fts WHERE listings_fts MATCH ?)'];
    const parameters: (string | number)[] = [ftsMatch];
    if (query.marketplaces) {
      conditions.push(`marketplace IN (${placeholders(query.marketplaces.length)})`);
      parameters.push(...query.marketplaces);
    }
    if (query.statuses) {
      conditions.push(`status IN (${placeholders(query.statuses.length)})`);
      parameters.push(...query.statuses);
    }
    if (query.importId !== null) {
      conditions.push('import_id = ?');
      parameters.push(query.importId);
    }
    if (query.hasErrors) conditions.push('error_count > 0');
    if (query.hasProposals) conditions.push(`id IN (${PENDING_LISTING_IDS})`);
    if (query.maxScore !== null) {
      conditions.push('quality_score <= ?');
      parameters.push(query.maxScore);
    }
    const sql = `SELECT id FROM listing_rows WHERE ${conditions.join(' AND ')} ORDER BY ${SORT_EXPRESSIONS[query.column]}, id`;
    return this.statement(sql).all(...parameters) as number[];
  }

  /** Id lists, plucked; from the one per-connection cache (prepared.ts), so every GridSnapshots on a connection shares them. */
  private statement(sql: string): BetterSqlite3.Statement {
    return prepared(this.db, sql).pluck();
  }
}

function isSearchOnly(query: SnapshotQuery): boolean {
  return isUnrestricted({ ...query, match: null });
}

function isUnrestricted(query: SnapshotQuery): boolean {
  return query.marketplaces === null && query.statuses === null && query.importId === null && query.hasErrors === null && query.hasProposals === null && query.maxScore === null && query.match === null;
}

