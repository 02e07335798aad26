/**
 * The rules engine: one compiled table per marketplace (built once at module load), evaluated
 * against a listing or a single field. Pure and synchronous; runs the same in the renderer (as the
 * seller types) and in Node (every write, every export).
 *
 * Cost: a clean listing allocates only its result; regexes are compiled once and shared (the engine
 * resets `lastIndex` before each use, so interleaved calls are safe in one thread).
 */
import type { Marketplace } from '../listing.js';
import { compileCheck, shapeOf, type Hit, type Test } from './checks.js';
import { AMAZON_RULES } from './marketplaces/amazon.js';
import { EBAY_RULES } from './marketplaces/ebay.js';
import { ETSY_RULES } from './marketplaces/etsy.js';
import { GOOGLE_RULES } from './marketplaces/google.js';
import { OTHER_RULES } from './marketplaces/other.js';
import { SHOPIFY_RULES } from './marketplaces/shopify.js';
import { WOOCOMMERCE_RULES } from './marketplaces/woocommerce.js';
import { scoreOf } from './score.js';
import { formatMessage } from './text.js';
import type { FieldLimit, FieldValues, Issue, RuleDef, RuleField, RuleInput, RuleResult } from './types.js';
import { RULE_FIELDS } from './types.js';

/** The rule tables, one per marketplace (data; see common/rules/marketplaces/). */
export const RULE_TABLES: Readonly<Record<Marketplace, readonly RuleDef[]>> = {
  ebay: EBAY_RULES,
  etsy: ETSY_RULES,
  amazon: AMAZON_RULES,
  shopify: SHOPIFY_RULES,
  woocommerce: WOOCOMMERCE_RULES,
  google: GOOGLE_RULES,
  other: OTHER_RULES,
};

interface CompiledRule {
  def: RuleDef;
  test: Test;
  read: (listing: RuleInput) => unknown;
}

interface CompiledTable {
  all: readonly CompiledRule[];
  byField: Readonly<Record<RuleField, readonly CompiledRule[]>>;
  limits: Readonly<Partial<Record<RuleField, FieldLimit>>>;
}

const READERS: Record<RuleField, (listing: RuleInput) => unknown> = {
  title: (l) => l.title,
  description: (l) => l.description,
  tags: (l) => l.tags,
  materials: (l) => l.materials,
  images: (l) => l.images,
  price: (l) => l.priceMinor,
  quantity: (l) => l.quantity,
  sku: (l) => l.sku,
  brand: (l) => l.brand,
  condition: (l) => l.condition,
  attributes: (l) => l.attributes,
};

function limitsOf(rules: readonly RuleDef[]): Partial<Record<RuleField, FieldLimit>> {
  const limits: Partial<Record<RuleField, FieldLimit>> = {};
  for (const field of RULE_FIELDS) {
    const shape = shapeOf(field);
    const own = rules.filter((r) => r.field === field && r.kind === 'requirement');
    let max: number | null = null;
    let recommended: number | undefined;
    let min: number | undefined;
    let itemMax: number | undefined;
    let unit: FieldLimit['unit'] = shape === 'list' || shape === 'record' ? 'items' : 'characters';
    for (const r of own) {
      const c = r.check;
      if (c.type === 'required' && shape === 'text') min = Math.max(min ?? 0, 1);
      else if (c.type === 'minLength') min = Math.max(min ?? 0, c.min);
      else if (c.type === 'maxLength' && shape === 'list') itemMax = c.max;
      else if (c.type === 'maxLength' && r.severity === 'error') {
        max = c.max;
        unit = c.unit ?? 'characters';
      } else if (c.type === 'maxLength') recommended = c.max;
      else if (c.type === 'maxItems' && r.severity === 'error') max = c.max;
      else if (c.type === 'maxItems') recommended = c.max;
      else if (c.type === 'maxJoinedBytes') {
        max = c.max;
        unit = 'bytes';
      }
    }
    if (max === null && recommended === undefined && itemMax === undefined) continue;
    limits[field] = {
      max,
      unit,
      ...(recommended === undefined ? {} : { recommended }),
      ...(min === undefined ? {} : { min }),
      ...(itemMax === undefined ? {} : { itemMax }),
    };
  }
  return limits;
}

function compileTable(rules: readonly RuleDef[]): CompiledTable {
  const all = rules.map((def): CompiledRule => ({ def, test: compileCheck(def.check, def.field), read: READERS[def.field] }));
  const byField = Object.fromEntries(RULE_FIELDS.map((f) => [f, all.filter((r) => r.def.field === f)])) as Record<RuleField, CompiledRule[]>;
  return { all, byField, limits: limitsOf(rules) };
}

const TABLES = Object.fromEntries(Object.entries(RULE_TABLES).map(([m, rules]) => [m, compileTable(rules)])) as Record<Marketplace, CompiledTable>;

const RULES_BY_ID: ReadonlyMap<string, RuleDef> = new Map(Object.values(RULE_TABLES).flatMap((rules) => rules.map((r) => [r.id, r] as const)));

function issueOf(def: RuleDef, hit: Hit): Issue {
  const issue: Issue = {
    ruleId: def.id,
    field: def.field,
    severity: def.severity,
    kind: def.kind,
    message: formatMessage(def.message, hit.vars),
    points: hit.share === undefined ? def.points : Math.ceil(def.points * hit.share),
  };
  const spans = hit.spans;
  if (spans !== undefined && spans.length > 0) {
    issue.span = spans[0];
    if (spans.length > 1) issue.spans = spans;
  }
  return issue;
}

/**
 * Evaluates every rule of `marketplace` on `listing`: the issues (in table order), the 0–100
 * quality score (score.ts) and the error/warning counts.
 */
export function evaluateListing(listing: RuleInput, marketplace: Marketplace): RuleResult {
  const table = TABLES[marketplace];
  const rules = table.all;
  const issues: Issue[] = [];
  let errors = 0;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as CompiledRule;
    const hit = rule.test(rule.read(listing));
    if (hit !== null) issues.push(issueOf(rule.def, hit));
  }

  for (let i = 0; i < issues.length; i++) if (issues[i]?.severity === 'error') errors++;
  return { issues, score: scoreOf(issues), errors, warnings: issues.length - errors };
}

/**
 * Evaluates only the rules of one field — for live feedback as the seller types (a few microseconds
 * for a title). Same issues as `evaluateListing` reports for that field.
 */
export function evaluateField<F extends RuleField>(field: F, value: FieldValues[F], marketplace: Marketplace): Issue[] {
  const rules = TABLES[marketplace].byField[field];
  const issues: Issue[] = [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as CompiledRule;
    const hit = rule.test(value);
    if (hit !== null) issues.push(issueOf(rule.def, hit));
  }
  return issues;
}

/**
 * The limits of a field on a marketplace, for character counters: `max` (null: no hard limit),
 * `recommended`, `min`, `itemMax` for list items (Etsy tags: 20), and the counting `unit`
 * (count with `countCharacters` / `countUtf8Bytes` from text.ts, or the number of items).
 * Null when the marketplace sets no limit on the field.
 */
export function fieldLimit(marketplace: Marketplace, field: RuleField): FieldLimit | null {
  return TABLES[marketplace].limits[field] ?? null;
}

/** The rules of a marketplace, in table order. */
export function rulesFor(marketplace: Marketplace): readonly RuleDef[] {
  return RULE_TABLES[marketplace];
}

/** A rule by its id (e.g. `etsy.title.max_length`). */
export function ruleById(id: string): RuleDef | undefined {
  return RULES_BY_ID.get(id);
}
