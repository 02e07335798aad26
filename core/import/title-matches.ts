import type BetterSqlite3 from 'better-sqlite3';

/**
 * Matching by title, the seller's choice for a file without ids or SKUs (an Etsy download): which
 * stored listing a row updates. One decision for the import (apply-import.ts) and its preview.
 *
 * - The candidates are the stored listings of the row's marketplace with exactly its title.
 * - A stored listing is matched by one row at most: a second row with the same title is another
 *   listing (a shop may list the same title twice), never merged into the first.
 * - Several candidates: the one with the row's first photo, else the one with its description.
 *   Copies the seller cannot tell apart either (same title, photo and description) pair in order,
 *   lowest id first, so a file exported and imported again lands on the same listings.
 * - Several candidates that differ, and nothing in the row that picks one: ambiguous. The row is a
 *   new listing and the report says why; updating the wrong listing would mix two listings' values.
 */
export interface TitleCandidate {
  id: number;
  image: string | null;
  description: string | null;
}

/** The stored listings of a marketplace with exactly this title, lowest id first. */
export type TitleLookup = (marketplace: string, title: string) => TitleCandidate[];

export interface TitledListing {
  marketplace: string;
  title: string;
  images: readonly string[];
  description: string | null;
}

export type TitleMatch = { id: number } | { ambiguous: number } | null;

export const isStored = (match: TitleMatch): match is { id: number } => match !== null && 'id' in match;

/** How many same-title listings are looked at; a shop with more copies of one title gets them as new listings. */
const MAX_CANDIDATES = 200;

export function titleLookup(db: BetterSqlite3.Database): TitleLookup {
  // Served by listings_title (NOCASE), then compared exactly; `+marketplace` keeps the marketplace
  // index out of the plan.
  const statement = db.prepare(
    `SELECT id, images ->> '$[0]' AS image, description FROM listings WHERE title = ? COLLATE NOCASE AND title = ? AND +marketplace = ? ORDER BY id LIMIT ${MAX_CANDIDATES}`,
  );
  return (marketplace, title) => statement.all(title, title, marketplace) as TitleCandidate[];
}

/** One import's (or one preview's) title matching: remembers which stored listings rows took. */
export class TitleMatcher {
  private readonly claimed = new Set<number>();

  /** `taken`: stored listings the import already wrote by other means (its own new listings, key matches). */
  constructor(
    private readonly lookup: TitleLookup,
    private readonly taken: (id: number) => boolean = () => false,
  ) {}

  match(listing: TitledListing): TitleMatch {
    const free = this.lookup(listing.marketplace, listing.title).filter((c) => !this.claimed.has(c.id) && !this.taken(c.id));
    if (free.length === 0) return null;
    const chosen = pick(free, listing);
    if (chosen === null) return { ambiguous: free.length };
    this.claimed.add(chosen.id);
    return { id: chosen.id };
  }
}

function pick(candidates: TitleCandidate[], listing: TitledListing): TitleCandidate | null {
  let pool = candidates;
  const image = listing.images[0] ?? null;
  if (image !== null) pool = narrowed(pool, (c) => c.image === image);
  const description = listing.description ?? '';
  pool = narrowed(pool, (c) => (c.description ?? '') === description);
  const first = pool[0]!;
  return pool.every((c) => c.image === first.image && (c.description ?? '') === (first.description ?? '')) ? first : null;
}

/** The candidates that pass, or all of them when none does (a row whose photo changed still matches by text). */
function narrowed(pool: TitleCandidate[], test: (candidate: TitleCandidate) => boolean): TitleCandidate[] {
  const passing = pool.filter(test);
  return passing.length > 0 ? passing : pool;
}
