import Database from 'better-sqlite3';
import type { Marketplace } from '../../common/listing.js';
import { evaluateListing, type RuleInput } from '../../common/rules/index.js';
import { RULE_INPUT_COLUMNS, ruleInputFromRow, type RuleInputRow } from '../../core/catalog/rule-input-row.js';

type ScoredListing = RuleInput & { marketplace: Marketplace };

/** Up to `count` listings of the catalog as the rules engine reads them (read-only connection). */
export function readRuleInputs(databasePath: string, count: number): ScoredListing[] {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare(`SELECT ${RULE_INPUT_COLUMNS} FROM listing_rows ORDER BY id LIMIT ?`).all(count) as RuleInputRow[];
    return rows.map(ruleInputFromRow);
  } finally {
    db.close();
  }
}

/**
 * rules_eval_per_s: evaluateListing calls per second on one thread, each listing against its own
 * marketplace — the cost every write and every rescore pays per listing. One warm-up pass (JIT),
 * then the median of three timed passes.
 */
export function measureRulesThroughput(listings: readonly ScoredListing[]): number {
  const pass = (): number => {
    const started = performance.now();
    let issues = 0;
    for (const listing of listings) issues += evaluateListing(listing, listing.marketplace).issues.length;
    const seconds = (performance.now() - started) / 1000;
    // Using the result keeps the loop from being optimised away.
    if (issues < 0) throw new Error('unreachable');
    return listings.length / seconds;
  };
  pass();
  const rates = [pass(), pass(), pass()].sort((a, b) => a - b);
  return Math.round(rates[1]!);
}
