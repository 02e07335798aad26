import type { Listing } from '../../../common/listing.js';
import { getListing } from '../../../core/catalog/get-listing.js';
import { insertListings, type NewListing } from '../../../core/catalog/insert-listings.js';
import { qualityOf } from '../../../core/catalog/listing-quality.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { newListing, tempDbPath } from '../catalog/temp-catalog.js';

export { newListing, tempDbPath };

/** A fresh writer catalog in a temp dir holding `listings`; returns it with their ids. */
export function catalogWith(listings: readonly NewListing[], options: { scored?: boolean; path?: string } = {}): { catalog: Catalog; ids: number[]; path: string } {
  const path = options.path ?? tempDbPath();
  const catalog = openCatalog(path, { role: 'writer' });
  const ids = insertListings(catalog.db, listings);
  if (options.scored ?? true) scoreEverything(catalog);
  else unscoreEverything(catalog);
  return { catalog, ids, path };
}

/**
 * Stores every listing's quality as the writer keeps it (the state after the background rescore),
 * so edits take the incremental rescoring path; `scored: false` keeps them NULL ("not scored yet").
 */
export function scoreEverything(catalog: Catalog): void {
  const rows = catalog.db.prepare('SELECT id FROM listings').pluck().all() as number[];
  const update = catalog.db.prepare('UPDATE listings SET quality_score = ?, error_count = ?, failing_rules = ? WHERE id = ?');
  catalog.db.transaction(() => {
    for (const id of rows) {
      const quality = qualityOf(getListing(catalog, id)!);
      update.run(quality.qualityScore, quality.errorCount, quality.failingRules, id);
    }
  })();
}

/** The state just after the upgrade to schema 3: no listing scored yet. */
export function unscoreEverything(catalog: Catalog): void {
  catalog.db.exec("UPDATE listings SET quality_score = NULL, error_count = NULL, failing_rules = '[]'");
}

export interface StoredQuality {
  quality_score: number | null;
  error_count: number | null;
  failing_rules: string;
}

export function storedQuality(catalog: Catalog, id: number): StoredQuality {
  return catalog.db.prepare('SELECT quality_score, error_count, failing_rules FROM listings WHERE id = ?').get(id) as StoredQuality;
}

/** The quality columns a full evaluation of the stored listing gives, in the same shape. */
export function expectedQuality(listing: Listing): StoredQuality {
  const quality = qualityOf(listing);
  return { quality_score: quality.qualityScore, error_count: quality.errorCount, failing_rules: quality.failingRules };
}

export function listing(catalog: Catalog, id: number): Listing {
  const found = getListing(catalog, id);
  if (!found) throw new Error(`listing ${id} missing`);
  return found;
}

export function count(catalog: Catalog, table: 'revisions' | 'change_sets'): number {
  return catalog.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

/** Every row of the tables an edit writes, for "nothing changed" assertions. */
export function snapshot(catalog: Catalog): unknown {
  const all = (sql: string): unknown[] => catalog.db.prepare(sql).all();
  return {
    listings: all('SELECT * FROM listing_rows ORDER BY id'),
    revisions: all('SELECT * FROM revisions ORDER BY id'),
    changeSets: all('SELECT * FROM change_sets ORDER BY id'),
    scores: all('SELECT * FROM score_counts ORDER BY bucket'),
  };
}

export function ftsIds(catalog: Catalog, match: string): number[] {
  return catalog.db.prepare('SELECT rowid FROM listings_fts WHERE listings_fts MATCH ? ORDER BY rowid').pluck().all(match) as number[];
}
