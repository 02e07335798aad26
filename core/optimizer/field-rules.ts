/** Small reads of the rules engine for one field: which rules fail, and the points they cost. */
import type { Marketplace } from '../../common/listing.js';
import { evaluateField, type FieldValues } from '../../common/rules/index.js';
import type { OptimizedField, OptimizedValues } from './proposal.js';

/** Ids of the field's failing rules, errors first, then in table order. */
export function failingRules<F extends OptimizedField>(field: F, value: OptimizedValues[F], marketplace: Marketplace): string[] {
  const issues = evaluateField(field, value as FieldValues[F], marketplace);
  if (issues.length === 0) return [];
  const errors = issues.filter((i) => i.severity === 'error').map((i) => i.ruleId);
  const warnings = issues.filter((i) => i.severity !== 'error').map((i) => i.ruleId);
  return [...errors, ...warnings];
}

/** Score points the field loses on the marketplace (0 when every rule passes). */
export function fieldPoints<F extends OptimizedField>(field: F, value: OptimizedValues[F], marketplace: Marketplace): number {
  let points = 0;
  for (const issue of evaluateField(field, value as FieldValues[F], marketplace)) points += issue.points;
  return points;
}

export function sameValue<F extends OptimizedField>(a: OptimizedValues[F], b: OptimizedValues[F]): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return false;
}
