/** Marketplace rules engine and quality score: the public surface. */
export { evaluateField, evaluateListing, fieldLimit, ruleById, rulesFor, RULE_TABLES } from './engine.js';
export { MAX_SCORE, scoreOf } from './score.js';
export { countCharacters, countUtf8Bytes } from './text.js';
export { RULE_FIELDS } from './types.js';
export type { Check, FieldLimit, FieldValues, Issue, LengthUnit, RuleDef, RuleField, RuleInput, RuleKind, RuleResult, Severity, Span } from './types.js';
