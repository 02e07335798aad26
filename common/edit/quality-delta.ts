import type { ListingChanges } from '../edit-types.js';
import type { Marketplace } from '../listing.js';
import { perMarketplace } from '../per-marketplace.js';
import { evaluateField, MAX_SCORE, rulesFor, type FieldValues, type RuleDef, type RuleField } from '../rules/index.js';
import { RULE_FIELD_OF } from './rule-fields.js';

/** A listing's stored quality (migration 003 columns), failing rule ids in rule-table order. */
export interface QualityAfterChange {
  qualityScore: number;
  errorCount: number;
  failingRules: string[];
}

/**
 * The quality of a listing after `changes`, from its stored failing rules instead of a full
 * evaluation: every rule looks at exactly one field, so the rules of unchanged fields still fail
 * or pass as stored and only the changed fields are evaluated again. Same result as
 * `evaluateListing` (score = 100 − points of failing rules; error count; ids in table order) at a
 * fraction of the cost — a 100k-listing price edit evaluates only the price rules.
 *
 * A rule whose points depend on the value (Etsy's tag slots cost in proportion to the empty ones)
 * is stored by id only: what it cost is what the stored score leaves after the other failing
 * rules' points (`storedScore`).
 *
 * Returns null when the stored ids cannot be trusted (an id this marketplace's table no longer
 * has) or a value-dependent rule's points cannot be told (a score clamped at 0, two such rules):
 * the caller then evaluates the whole listing.
 */
export function qualityAfterChange(marketplace: Marketplace, storedFailing: readonly string[], changes: ListingChanges, storedScore: number): QualityAfterChange | null {
  const table = tableOf(marketplace);
  const changedRuleFields = new Set<RuleField>();
  for (const field of Object.keys(changes) as (keyof ListingChanges)[]) {
    const ruleField = RULE_FIELD_OF[field];
    if (ruleField !== null) changedRuleFields.add(ruleField);
  }
  let fixedLost = 0;
  let valueDependent = 0;
  for (const id of storedFailing) {
    const rule = table.byId.get(id);
    if (!rule) return null;
    if (pointsDependOnValue(rule.def)) valueDependent++;
    else fixedLost += rule.def.points;
  }
  const storedValueDependentPoints = MAX_SCORE - storedScore - fixedLost;
  if (valueDependent > 1 || (valueDependent === 1 && (storedScore <= 0 || storedValueDependentPoints < 0))) return null;
  /** Failing rule id → the points it costs. */
  const failing = new Map<string, number>();
  for (const id of storedFailing) {
    const { def } = table.byId.get(id)!;
    if (!changedRuleFields.has(def.field)) failing.set(id, pointsDependOnValue(def) ? storedValueDependentPoints : def.points);
  }
  for (const ruleField of changedRuleFields) {
    const field = editableFieldFor(ruleField);
    const value = changes[field] as FieldValues[RuleField];
    for (const issue of evaluateField(ruleField, value, marketplace)) failing.set(issue.ruleId, issue.points);
  }
  const ids = [...failing.keys()].sort((a, b) => table.byId.get(a)!.order - table.byId.get(b)!.order);
  let lost = 0;
  let errorCount = 0;
  for (const id of ids) {
    lost += failing.get(id)!;
    if (table.byId.get(id)!.def.severity === 'error') errorCount++;
  }
  return { qualityScore: Math.min(MAX_SCORE, Math.max(0, MAX_SCORE - lost)), errorCount, failingRules: ids };
}

/** A rule that costs part of its points, by how much of the value falls short (minItems perMissingItem). */
function pointsDependOnValue(def: RuleDef): boolean {
  return def.check.type === 'minItems' && def.check.perMissingItem === true;
}

interface IndexedTable {
  byId: ReadonlyMap<string, { def: RuleDef; order: number }>;
}

const tableOf = perMarketplace((marketplace): IndexedTable => ({ byId: new Map(rulesFor(marketplace).map((def, order) => [def.id, { def, order }])) }));

const EDITABLE_FOR_RULE: Readonly<Record<RuleField, keyof ListingChanges>> = {
  title: 'title',
  description: 'description',
  tags: 'tags',
  materials: 'materials',
  images: 'images',
  price: 'priceMinor',
  quantity: 'quantity',
  sku: 'sku',
  brand: 'brand',
  condition: 'condition',
  attributes: 'attributes',
};

function editableFieldFor(ruleField: RuleField): keyof ListingChanges {
  return EDITABLE_FOR_RULE[ruleField];
}
