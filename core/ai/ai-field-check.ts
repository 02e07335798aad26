/**
 * The model writes copy; code decides whether it is acceptable. Each AI field is checked against
 * the marketplace's hard rules (error severity) and the injection guard; the result is either the
 * value to propose or the problems, phrased for a targeted re-ask ("title: …").
 */
import { evaluateField } from '../../common/rules/index.js';
import type { Marketplace } from '../../common/listing.js';
import { addedUnsafeText } from './ai-guard.js';

export type AiField = 'title' | 'description' | 'tags';
export type FieldValue<F extends AiField> = F extends 'tags' ? string[] : string;

export interface FieldVerdict {
  ok: boolean;
  /** Sentences for the re-ask; empty when ok. */
  problems: string[];
  /** The value added a link/e-mail/markup not in the listing: rejected outright, never repaired. */
  unsafe: boolean;
}

/** `written` is what the model wrote (guarded); `value` what would be stored (checked against the rules). */
export function checkAiField(field: AiField, value: string | string[], source: string, marketplace: Marketplace, written: string | string[] = value): FieldVerdict {
  const text = Array.isArray(value) ? value.join('\n') : value;
  const unsafe = addedUnsafeText(Array.isArray(written) ? written.join('\n') : written, source);
  if (unsafe !== null) return { ok: false, unsafe: true, problems: [`${field}: it added "${unsafe}", which is not in the listing; never add links, e-mail addresses or HTML`] };
  if (field !== 'tags' && text.trim().length === 0) return { ok: false, unsafe: false, problems: [`${field}: it was empty`] };
  const errors = evaluateField(field, value as never, marketplace).filter((issue) => issue.severity === 'error');
  return { ok: errors.length === 0, unsafe: false, problems: errors.map((issue) => `${field}: ${issue.message}`) };
}

/** Points the field loses to the marketplace's rules (lower is better). */
export function fieldPenalty(field: AiField, value: string | readonly string[], marketplace: Marketplace): number {
  return evaluateField(field, value as never, marketplace).reduce((sum, issue) => sum + issue.points, 0);
}

/** Error rules failing on the field. */
export function failingErrorRules(field: AiField, value: string | readonly string[], marketplace: Marketplace): Set<string> {
  return new Set(
    evaluateField(field, value as never, marketplace)
      .filter((issue) => issue.severity === 'error')
      .map((issue) => issue.ruleId),
  );
}
