/**
 * The seller's catalog vocabulary (core/optimizer/catalog-vocabulary.ts) read from SQLite: built
 * once per catalog connection, memoized, and rebuilt when the catalog has a new import or has
 * changed size by more than a tenth (a bulk delete, demo data) — not on every edit, which changes
 * a handful of words at most. Sampled, not maintained incrementally: at most SAMPLE_SIZE listings
 * spread evenly over the id range (one primary-key seek each), so a 1M-listing catalog costs what
 * a 10k one does (≈ 1.4 s wall, 0.65 s CPU once, on the 1M demo catalog here), and nothing is
 * written on the import path. A memo hit costs two tiny queries.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { Marketplace } from '../../common/listing.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { parseStringArray, parseStringRecord } from '../catalog/listing-codec.js';
import { catalogQuery } from '../catalog/query-builder.js';
import { selectFirstRow } from '../catalog/run-compiled.js';
import type { ListingsTable } from '../catalog/schema.js';
import { CatalogVocabulary, SAMPLE_SIZE, type CatalogHints, type VocabularyListing } from '../optimizer/catalog-vocabulary.js';
import { tagPolicy } from '../optimizer/tag-policy.js';

interface Memo {
  importId: number;
  listings: number;
  vocabulary: CatalogVocabulary;
}

const memos = new WeakMap<Catalog, Memo>();

type SampleRow = Pick<Selectable<ListingsTable>, 'id' | 'title' | 'description' | 'tags' | 'brand' | 'attributes'>;

function freshness(db: BetterSqlite3.Database): { importId: number; listings: number } {
  const importId = selectFirstRow(db, catalogQuery.selectFrom('change_sets').select((set) => set.fn.max('id').as('id')).where('kind', '=', 'import'))?.id ?? 0;
  const listings = Number(selectFirstRow(db, catalogQuery.selectFrom('listing_counts').select((count) => count.fn.sum<number>('n').as('n')))?.n ?? 0);
  return { importId, listings };
}

function* sample(db: BetterSqlite3.Database, count: number): Generator<VocabularyListing> {
  const columns = 'id, title, description, tags, brand, attributes';
  const rows: SampleRow[] =
    count <= SAMPLE_SIZE
      ? (db.prepare(`SELECT ${columns} FROM listings`).all() as SampleRow[])
      : (() => {
          const { low, high } = db.prepare('SELECT min(id) AS low, max(id) AS high FROM listings').get() as { low: number; high: number };
          const seek = db.prepare(`SELECT ${columns} FROM listings WHERE id >= ? ORDER BY id LIMIT 1`);
          const step = (high - low + 1) / SAMPLE_SIZE;
          const picked: SampleRow[] = [];
          let last = -Infinity;
          for (let i = 0; i < SAMPLE_SIZE; i++) {
            const row = seek.get(Math.floor(low + i * step)) as SampleRow | undefined;
            if (row !== undefined && row.id !== last) picked.push(row);
            if (row !== undefined) last = row.id;
          }
          return picked;
        })();
  for (const row of rows) {
    yield { id: row.id, title: row.title, description: row.description, tags: parseStringArray(row.tags), brand: row.brand, attributes: parseStringRecord(row.attributes) };
  }
}

/** The catalog's vocabulary, rebuilt only after an import or a large change in size. */
export function catalogVocabulary(catalog: Catalog): CatalogVocabulary {
  const now = freshness(catalog.db);
  const memo = memos.get(catalog);
  if (memo !== undefined && memo.importId === now.importId && Math.abs(memo.listings - now.listings) <= memo.listings / 10) return memo.vocabulary;
  const vocabulary = new CatalogVocabulary(sample(catalog.db, now.listings));
  memos.set(catalog, { ...now, vocabulary });
  return vocabulary;
}

/**
 * The listings with what the catalog says about each (for the optimizer, across threads). Only
 * the tag proposals read the hints: for a marketplace without tags (eBay, Google…) the listings
 * go as they are, and nothing is computed.
 */
export function withCatalogHints<L extends VocabularyListing>(catalog: Catalog, listings: readonly L[], marketplace: Marketplace): (L & { catalog?: CatalogHints })[] {
  if (listings.length === 0 || tagPolicy(marketplace) === null) return [...listings];
  const vocabulary = catalogVocabulary(catalog);
  return listings.map((listing) => ({ ...listing, catalog: vocabulary.hints(listing) }));
}
