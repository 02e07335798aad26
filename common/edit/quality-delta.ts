import type { ListingChanges } from '../edit-types.js';
import type { Marketplace } from '../listing.js';
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
 * Returns null when the stored ids cannot be trusted (an id this marketplace's table no longer
 * has): the caller then evaluates the whole listing.
 */
export function qualityAfterChange(marketplace: Marketplace, storedFailing: readonly string[], changes: ListingChanges): QualityAfterChange | null {
  const table = tableOf(marketplace);
  const changedRuleFields = new Set<RuleField>();
  for (const field of Object.keys(changes) as (keyof ListingChanges)[]) {
    const ruleField = RULE_FIELD_OF[field];
    if (ruleField !== null) changedRuleFields.add(ruleField);
  }
  const failing = new Set<string>();
  for (const id of storedFailing) {
    const rule = table.byId.get(id);
    if (!rule) return null;
    if (!changedRuleFields.has(rule.def.field)) failing.add(id);
  }
  for (const ruleField of changedRuleFields) {
    const field = editableFieldFor(ruleField);
    const value = changes[field] as FieldValues[RuleField];
    for (const issue of evaluateField(ruleField, value, marketplace)) failing.add(issue.ruleId);
  }
  const ids = [...failing].sort((a, b) => table.byId.get(a)!.order - table.byId.get(b)!.order);
  let lost = 0;
  let errorCount = 0;
  for (const id of ids) {
    const { def } = table.byId.get(id)!;
    lost += def.points;
    if (def.severity === 'error') errorCount++;
  }
  return { qualityScore: Math.min(MAX_SCORE, Math.max(0, MAX_SCORE - lost)), errorCount, failingRules: ids };
}

interface IndexedTable {
  byId: ReadonlyMap<string, { def: RuleDef; order: number }>;
}

const tables = new Map<Marketplace, IndexedTable>();

function tableOf(marketplace: Marketplace): IndexedTable {
  let table = tables.get(marketplace);
  if (!table) {
    table = { byId: new Map(rulesFor(marketplace).map((def, order) => [def.id, { def, order }])) };
    tables.set(marketplace, table);
  }
  return table;
}

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
