import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { RULE_TABLES } from '../../common/rules/index.js';
import { catalogQuery } from './query-builder.js';
import { selectFirstRow } from './run-compiled.js';
import { readSetting, writeSetting } from './settings.js';

/**
 * Bump when the engine or the score formula changes in a way the rule tables do not show
 * (common/rules/checks.ts, score.ts, listing-quality.ts): stored scores are then recomputed.
 */
const SCORING_REVISION = 1;

/** `settings` key holding the fingerprint of the rules every stored score was computed with. */
export const RULES_VERSION_KEY = 'rules_version';

/**
 * A fingerprint of the rule tables (regexes as their source and flags, which JSON would drop),
 * so any change to a rule — a limit, a pattern, a point value — is noticed at the next start.
 */
export const RULES_VERSION: string = createHash('sha1')
  .update(String(SCORING_REVISION))
  .update(JSON.stringify(RULE_TABLES, (_key, value: unknown) => (value instanceof RegExp ? `/${value.source}/${value.flags}` : value)))
  .digest('hex');

export function readRulesVersion(db: BetterSqlite3.Database): string | null {
  const stored = readSetting(db, RULES_VERSION_KEY);
  if (stored === undefined) return null;
  try {
    const value: unknown = JSON.parse(stored);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function writeRulesVersion(db: BetterSqlite3.Database, version: string = RULES_VERSION): void {
  writeSetting(db, RULES_VERSION_KEY, version);
}

/**
 * Records that the catalog's scores follow the current rules when that is trivially true: no
 * listing holds a score yet (a new catalog, or one just upgraded whose rows are all unscored).
 * Writers that store scores call this first, so a catalog filled outside the app (the demo-data
 * CLI, tests) is not needlessly rescored at the next start. Returns whether the version is current.
 */
export function claimRulesVersionIfUnscored(db: BetterSqlite3.Database): boolean {
  if (readRulesVersion(db) === RULES_VERSION) return true;
  // Served by listings_score: a seek past the NULLs.
  const anyScored = selectFirstRow(db, catalogQuery.selectFrom('listings').select('id').where('quality_score', 'is not', null).limit(1)) !== undefined;
  if (anyScored) return false;
  writeRulesVersion(db);
  return true;
}
