import type BetterSqlite3 from 'better-sqlite3';
import type { DashboardStats } from '../../common/edit-types.js';
import type { Catalog } from './open-catalog.js';
import { readStats } from './stats.js';
import { changeSetSummary, type ChangeSetSummaryRow } from './change-set-row.js';

/** Days of activity the dashboard charts, today included. */
export const ACTIVITY_DAYS = 14;
const RECENT_CHANGE_SETS = 10;
const TOP_RULES = 10;
const SCORE_BUCKETS = 10;

interface Statements {
  scoreCounts: BetterSqlite3.Statement;
  withErrors: BetterSqlite3.Statement;
  topRules: BetterSqlite3.Statement;
  recent: BetterSqlite3.Statement;
  activity: BetterSqlite3.Statement;
}

const statementsByConnection = new WeakMap<BetterSqlite3.Database, Statements>();

/**
 * The dashboard in one read transaction, O(1) in catalog size (goal ≤ 10 ms at 1M listings): it
 * reads only the trigger-kept counters (listing_counts, score_counts, error_counts, rule_counts,
 * migrations 001 and 003) and the small change_sets table through its indexes — never listings.
 * `now` decides "today" (local midnight of this host); tests pin it.
 */
export function readDashboardStats(catalog: Catalog, now: number = Date.now()): DashboardStats {
  const statements = statementsFor(catalog.db);
  const days = activityDays(now);
  return catalog.db.transaction((): DashboardStats => {
    const { listings, byMarketplace, byStatus } = readStats(catalog);
    const scoreBuckets = Array.from({ length: SCORE_BUCKETS }, () => 0);
    for (const { bucket, n } of statements.scoreCounts.all() as { bucket: number; n: number }[]) scoreBuckets[bucket] = n;
    const scored = scoreBuckets.reduce((sum, n) => sum + n, 0);
    const topRules = (statements.topRules.all(TOP_RULES) as { rule_id: string; n: number }[]).map(({ rule_id, n }) => ({ ruleId: rule_id, listings: n }));
    return {
      listings,
      byMarketplace,
      byStatus,
      scoreBuckets,
      unscored: Math.max(0, listings - scored),
      withErrors: (statements.withErrors.get() as number | undefined) ?? 0,
      topRules,
      recent: (statements.recent.all(RECENT_CHANGE_SETS) as ChangeSetSummaryRow[]).map(changeSetSummary),
      activity: readActivity(statements.activity, days),
    };
  })();
}

function statementsFor(db: BetterSqlite3.Database): Statements {
  let statements = statementsByConnection.get(db);
  if (!statements) {
    statements = {
      scoreCounts: db.prepare('SELECT bucket, n FROM score_counts'),
      withErrors: db.prepare('SELECT n FROM error_counts WHERE has_errors = 1').pluck(),
      // rule_counts has one row per rule that ever failed (~100): sorting it is O(rules).
      topRules: db.prepare('SELECT rule_id, n FROM rule_counts WHERE n > 0 ORDER BY n DESC, rule_id LIMIT ?'),
      recent: db.prepare('SELECT id, author, kind, summary, listing_count, state, created_at FROM change_sets ORDER BY id DESC LIMIT ?'),
      activity: db.prepare(activitySql()),
    };
    statementsByConnection.set(db, statements);
  }
  return statements;
}

/**
 * Listings changed per day from the change sets in effect (undone ones changed nothing in the
 * end), summed by SQLite over the range change_sets_created serves. Parameters: the ends of the
 * 14 days (each the next local midnight), then the first day's start and the last day's end.
 */
function activitySql(): string {
  const cases = Array.from({ length: ACTIVITY_DAYS }, (_, day) => `WHEN created_at < ? THEN ${day}`).join(' ');
  return `SELECT CASE ${cases} END AS day, sum(listing_count) AS listings FROM change_sets
    WHERE created_at >= ? AND created_at < ? AND state = 'applied' GROUP BY day`;
}

/** Local midnights of the last ACTIVITY_DAYS days (oldest first), then tomorrow's: DST-safe. */
export function activityDays(now: number): number[] {
  const today = new Date(now);
  return Array.from({ length: ACTIVITY_DAYS + 1 }, (_, index) =>
    new Date(today.getFullYear(), today.getMonth(), today.getDate() - (ACTIVITY_DAYS - 1) + index).getTime(),
  );
}

function readActivity(statement: BetterSqlite3.Statement, days: readonly number[]): DashboardStats['activity'] {
  const activity = days.slice(0, ACTIVITY_DAYS).map((day) => ({ day, listings: 0 }));
  for (const { day, listings } of statement.all(...days.slice(1), days[0], days[ACTIVITY_DAYS]) as { day: number; listings: number }[]) activity[day]!.listings = listings;
  return activity;
}

