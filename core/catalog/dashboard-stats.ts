import type BetterSqlite3 from 'better-sqlite3';
import type { DashboardStats } from '../../common/edit-types.js';
import type { Catalog } from './open-catalog.js';
import { prepared } from './prepared.js';
import { catalogQuery } from './query-builder.js';
import { selectFirstRow, selectRows } from './run-compiled.js';
import { readStats } from './stats.js';
import { changeSetSummary } from './change-set-row.js';

/** Days of activity the dashboard charts, today included. */
export const ACTIVITY_DAYS = 14;
const RECENT_CHANGE_SETS = 10;
const TOP_RULES = 10;
const SCORE_BUCKETS = 10;

/**
 * The dashboard in one read transaction, O(1) in catalog size (goal ≤ 10 ms at 1M listings): it
 * reads only the trigger-kept counters (listing_counts, score_counts, error_counts, rule_counts,
 * migrations 001 and 003) and the small change_sets table through its indexes — never listings.
 * `now` decides "today" (local midnight of this host); tests pin it.
 */
export function readDashboardStats(catalog: Catalog, now: number = Date.now()): DashboardStats {
  const { db } = catalog;
  const days = activityDays(now);
  return db.transaction((): DashboardStats => {
    const { listings, byMarketplace, byStatus } = readStats(catalog);
    const scoreBuckets = Array.from({ length: SCORE_BUCKETS }, () => 0);
    for (const { bucket, n } of selectRows(db, catalogQuery.selectFrom('score_counts').select(['bucket', 'n']))) scoreBuckets[bucket] = n;
    const scored = scoreBuckets.reduce((sum, n) => sum + n, 0);
    // rule_counts has one row per rule that ever failed (~100): sorting it is O(rules).
    const topRules = selectRows(
      db,
      catalogQuery.selectFrom('rule_counts').select(['rule_id', 'n']).where('n', '>', 0).orderBy('n', 'desc').orderBy('rule_id').limit(TOP_RULES),
    ).map(({ rule_id, n }) => ({ ruleId: rule_id, listings: n }));
    const recent = selectRows(
      db,
      catalogQuery
        .selectFrom('change_sets')
        .select(['id', 'author', 'kind', 'summary', 'listing_count', 'state', 'created_at'])
        .orderBy('id', 'desc')
        .limit(RECENT_CHANGE_SETS),
    );
    return {
      listings,
      byMarketplace,
      byStatus,
      scoreBuckets,
      unscored: Math.max(0, listings - scored),
      withErrors: selectFirstRow(db, catalogQuery.selectFrom('error_counts').select('n').where('has_errors', '=', 1))?.n ?? 0,
      topRules,
      recent: recent.map(changeSetSummary),
      activity: readActivity(db, days),
    };
  })();
}

/**
 * Listings changed per day from the change sets in effect (undone ones changed nothing in the
 * end), summed by SQLite over the range change_sets_created serves. Parameters: the ends of the
 * 14 days (each the next local midnight), then the first day's start and the last day's end.
 * Raw SQL: a 14-arm CASE is plainer written out than built.
 */
const ACTIVITY_SQL = `SELECT CASE ${Array.from({ length: ACTIVITY_DAYS }, (_, day) => `WHEN created_at < ? THEN ${day}`).join(' ')} END AS day, sum(listing_count) AS listings
  FROM change_sets WHERE created_at >= ? AND created_at < ? AND state = 'applied' GROUP BY day`;

/** Local midnights of the last ACTIVITY_DAYS days (oldest first), then tomorrow's: DST-safe. */
export function activityDays(now: number): number[] {
  const today = new Date(now);
  return Array.from({ length: ACTIVITY_DAYS + 1 }, (_, index) =>
    new Date(today.getFullYear(), today.getMonth(), today.getDate() - (ACTIVITY_DAYS - 1) + index).getTime(),
  );
}

function readActivity(db: BetterSqlite3.Database, days: readonly number[]): DashboardStats['activity'] {
  const activity = days.slice(0, ACTIVITY_DAYS).map((day) => ({ day, listings: 0 }));
  for (const { day, listings } of prepared(db, ACTIVITY_SQL).all(...days.slice(1), days[0], days[ACTIVITY_DAYS]) as { day: number; listings: number }[]) activity[day]!.listings = listings;
  return activity;
}

