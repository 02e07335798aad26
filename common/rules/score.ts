/**
 * QUALITY SCORE — 0 to 100 per listing and target marketplace, explainable point by point.
 *
 *   score = max(0, 100 − Σ points of the rules the listing fails)
 *
 * - Every rule in a marketplace table carries `points` (types.ts `RuleDef.points`); each failing
 *   rule yields exactly one Issue carrying those points, however many places in the text offend
 *   (all places are in `Issue.spans`). So every point lost names its rule, and the points of the
 *   issues add up to 100 − score (until the clamp at 0).
 * - Requirement rules are the marketplace's own: severity 'error' when it rejects or suppresses the
 *   listing (15–30 points: a missing title costs 30, a missing price or description 25, a too-long
 *   title 20, a forbidden character 15), 'warning' when it only hurts (5–10). Every error weighs at
 *   least as much as any warning (a test holds the tables to this).
 * - Quality rules (kind 'quality', always warnings, 5–10 points) reward what sells: ≥ 3 images (10),
 *   a description of ≥ 100 visible characters (10), all 13 Etsy tags (8, in proportion to the empty
 *   slots, rounded up: each tag added wins points back), a title using ≥ 60 % of
 *   the (recommended) limit (5), brand and condition where the marketplace uses them (5–8).
 * - A listing that passes every rule scores 100. 'other' has no rules, so always 100.
 * - Independent rules are not de-duplicated: an empty description fails both `description.required`
 *   and `description.min_length` — both are shown, both count.
 */
import type { Issue } from './types.js';

export const MAX_SCORE = 100;

/** The score of a set of issues: 100 minus their points, clamped to 0–100. */
export function scoreOf(issues: readonly Issue[]): number {
  let lost = 0;
  for (let i = 0; i < issues.length; i++) lost += issues[i]?.points ?? 0;
  return Math.min(MAX_SCORE, Math.max(0, MAX_SCORE - lost));
}
