import type { Marketplace } from '../../common/listing.js';
import { evaluateListing, type RuleInput } from '../../common/rules/index.js';

/** The stored quality columns of a listing (migration 003), in table order. */
export interface QualityColumns {
  qualityScore: number;
  errorCount: number;
  /** JSON array of failing rule ids (errors and warnings), for the dashboard's top failing rules. */
  failingRules: string;
}

/**
 * Scores a listing against its own marketplace's rules: what every write stores so the grid can
 * sort and filter by score and "has errors" without evaluating rules at read time.
 */
export function qualityOf(listing: RuleInput & { marketplace: Marketplace }): QualityColumns {
  const result = evaluateListing(listing, listing.marketplace);
  const ids: string[] = [];
  for (const issue of result.issues) if (!ids.includes(issue.ruleId)) ids.push(issue.ruleId);
  return { qualityScore: result.score, errorCount: result.errors, failingRules: JSON.stringify(ids) };
}
