import type { EditableField, ListingChanges } from '../edit-types.js';
import type { Marketplace } from '../listing.js';
import { perMarketplace } from '../per-marketplace.js';
import { evaluateField, ruleById, rulesFor, type FieldValues, type RuleField } from '../rules/index.js';
import { RULE_FIELD_OF } from './rule-fields.js';

/** A change the listing's marketplace would reject outright; the edit must not be saved. */
export interface HardLimitViolation {
  field: EditableField;
  ruleId: string;
  /** Seller-facing, from the rule: "Title is 152 characters; eBay allows 80. Shorten it by 72." */
  message: string;
}

/** Checks that are hard limits when their rule has severity 'error': too long, too many. */
const LIMIT_CHECKS: ReadonlySet<string> = new Set(['maxLength', 'maxItems', 'maxJoinedBytes']);

/**
 * The hard limits a change breaks on the listing's own marketplace: failing error-severity
 * length/count rules (title over eBay's 80 characters, a 14th Etsy tag, an Etsy tag over 20) on a
 * field the change sets. Other failing rules (a banned character, a missing brand) lower the
 * quality score and show as issues but do not stop a save: the seller may be mid-way through a fix.
 */
export function hardLimitViolations(marketplace: Marketplace, changes: ListingChanges): HardLimitViolation[] {
  const violations: HardLimitViolation[] = [];
  for (const field of Object.keys(changes) as EditableField[]) {
    const ruleField = RULE_FIELD_OF[field];
    if (ruleField === null || !hasLimitRule(marketplace, ruleField)) continue;
    const value = changes[field] as FieldValues[typeof ruleField];
    for (const issue of evaluateField(ruleField, value, marketplace)) {
      if (issue.severity !== 'error') continue;
      const check = ruleById(issue.ruleId)?.check.type;
      if (check !== undefined && LIMIT_CHECKS.has(check)) violations.push({ field, ruleId: issue.ruleId, message: issue.message });
    }
  }
  return violations;
}

/** Skips evaluating fields that cannot break a limit (a price change in a 100k-row bulk edit). */
const limitFields = perMarketplace(
  (marketplace): ReadonlySet<RuleField> =>
    new Set(rulesFor(marketplace).filter((rule) => rule.severity === 'error' && LIMIT_CHECKS.has(rule.check.type)).map((rule) => rule.field)),
);

function hasLimitRule(marketplace: Marketplace, field: RuleField): boolean {
  return limitFields(marketplace).has(field);
}
