import type BetterSqlite3 from 'better-sqlite3';

/**
 * A trailing ASCII prefix term as toFtsQuery writes it: `"Gift"*` at the start or after a space
 * (a doubled quote before it would mean it is the tail of a longer word). Only ASCII, because
 * then the indexed form is just the lower-cased word (unicode61 folds ASCII case and has no
 * diacritics to remove), so the vocabulary can be asked without re-implementing the tokenizer.
 */
const TRAILING_ASCII_PREFIX = /(^| )"([A-Za-z0-9]+)"\*$/;

/**
 * Drops the prefix star from the last word when no longer word starting with it is indexed:
 * `"gift"*` then matches exactly what `"gift"` matches, but FTS5 answers a prefix by merging
 * every matching term into a new doclist first — about twice the cost of reading the one term's
 * doclist directly (≈ 60 vs 30 ms for a word in 900k of 1M listings).
 *
 * Asks the vocabulary for the first term after the word itself and below its successor (`gift`
 * → `[gift\u0001, gifu)`): starting just past the word skips computing the word's own document
 * count, so the answer costs a seek (under 2 ms warm) unless a longer term exists. Call it inside
 * the read transaction that runs the query, so both see the same index.
 */
export class FtsPrefixNarrower {
  private readonly nextTerm: BetterSqlite3.Statement;

  constructor(db: BetterSqlite3.Database) {
    createVocabularyTable(db);
    this.nextTerm = db.prepare('SELECT term FROM temp.listings_fts_terms WHERE term >= ? AND term < ? LIMIT 1').pluck();
  }

  narrow(match: string): string {
    const found = TRAILING_ASCII_PREFIX.exec(match);
    if (!found) return match;
    const word = found[2]!.toLowerCase();
    // Every term that starts with `word` and is longer sorts in [word + U+0001, successor):
    // unicode61 never indexes control characters, so nothing sorts between word and word + U+0001.
    const successor = word.slice(0, -1) + String.fromCharCode(word.charCodeAt(word.length - 1) + 1);
    if (this.nextTerm.get(`${word}\u0001`, successor) !== undefined) return match;
    return match.slice(0, -1);
  }
}

/**
 * fts5vocab over the catalog's index, in this connection's temp schema (no file is touched). A
 * reader is query_only, which refuses even temp-schema DDL, so the guard is lifted for this one
 * statement and restored at once.
 */
export function createVocabularyTable(db: BetterSqlite3.Database): void {
  const queryOnly = db.pragma('query_only', { simple: true }) === 1;
  if (queryOnly) db.pragma('query_only = OFF');
  try {
    db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.listings_fts_terms USING fts5vocab(main, listings_fts, row)');
  } finally {
    if (queryOnly) db.pragma('query_only = ON');
  }
}
