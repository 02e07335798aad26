import type BetterSqlite3 from 'better-sqlite3';
import type { QualityColumns } from './listing-quality.js';

/** Adds newly stored scores to the dashboard's counters. */
export interface ScoreCounter {
  /** A listing stored with these quality columns where it had none (an insert, or a first score). */
  add(quality: QualityColumns): void;
  /** Writes what was added since the last flush: a few grouped upserts, whatever the batch size. */
  flush(): void;
}

const counters = new WeakMap<BetterSqlite3.Database, () => ScoreCounter>();

/**
 * The batch way to keep score_counts, error_counts and rule_counts (migration 003), for writers
 * that hold `batch_counts` (migration 012) so the per-row triggers stand aside: counted in memory,
 * written per batch. Only for listings that had no score before; a re-score of a scored listing
 * goes through the triggers, which take the old score off.
 */
export function scoreCounter(db: BetterSqlite3.Database): ScoreCounter {
  let make = counters.get(db);
  if (!make) {
    const bucket = db.prepare('INSERT INTO score_counts (bucket, n) VALUES (?, ?) ON CONFLICT (bucket) DO UPDATE SET n = n + excluded.n');
    const errors = db.prepare('INSERT INTO error_counts (has_errors, n) VALUES (?, ?) ON CONFLICT (has_errors) DO UPDATE SET n = n + excluded.n');
    const rule = db.prepare('INSERT INTO rule_counts (rule_id, n) VALUES (?, ?) ON CONFLICT (rule_id) DO UPDATE SET n = n + excluded.n');
    make = () => {
      const buckets = new Map<number, number>();
      const withErrors = new Map<number, number>();
      const rules = new Map<string, number>();
      const bump = <K>(map: Map<K, number>, key: K): void => void map.set(key, (map.get(key) ?? 0) + 1);
      return {
        add(quality) {
          // The triggers' own expressions: min(score / 10, 9) in integer division, error_count > 0.
          bump(buckets, Math.min(Math.trunc(quality.qualityScore / 10), 9));
          bump(withErrors, quality.errorCount > 0 ? 1 : 0);
          for (const id of JSON.parse(quality.failingRules) as string[]) bump(rules, id);
        },
        flush() {
          for (const [key, n] of buckets) bucket.run(key, n);
          for (const [key, n] of withErrors) errors.run(key, n);
          for (const [key, n] of rules) rule.run(key, n);
          buckets.clear();
          withErrors.clear();
          rules.clear();
        },
      };
    };
    counters.set(db, make);
  }
  return make();
}
