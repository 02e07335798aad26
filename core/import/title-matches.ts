import type BetterSqlite3 from 'better-sqlite3';

/**
 * Whether a listing without id or SKU would find a stored listing when the seller imports with
 * matching by title: exactly one stored listing of its marketplace has exactly this title (two are
 * ambiguous and match none), as apply-import.ts decides. One lookup on the NOCASE title index,
 * then an exact compare; the preview counts a file's listings with it.
 */
export type TitleMatcher = (marketplace: string, title: string) => boolean;

export function titleMatcher(db: BetterSqlite3.Database): TitleMatcher {
  // `+marketplace` keeps the marketplace index out of the plan (as apply-import's byTitle).
  const candidates = db.prepare('SELECT count(*) FROM (SELECT 1 FROM listings WHERE title = ? COLLATE NOCASE AND title = ? AND +marketplace = ? LIMIT 2)').pluck();
  return (marketplace, title) => candidates.get(title, title, marketplace) === 1;
}
