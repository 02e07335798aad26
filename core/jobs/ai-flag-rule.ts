/**
 * How a flagged AI field is marked: a change whose ruleId starts with `ai.flag.` sits first in the
 * proposal's changes (so it is also the row's `rule`), with the reason the review shows. Accepting
 * in bulk ("accept all", a listing's "accept", `optimize --apply`, auto-apply) skips such a field;
 * only the seller accepting that one proposal on its own writes it (apply-proposal-rows.ts). It lives
 * with the jobs, which read it, below the AI's output checks, which write it.
 */
export const AI_FLAG_RULE_PREFIX = 'ai.flag.';

export type AiFlagKind = 'refusal' | 'meta_text' | 'placeholder' | 'echoed_prompt' | 'truncated' | 'new_fact' | 'lost_fact';

export type AiFlagRule = `${typeof AI_FLAG_RULE_PREFIX}${AiFlagKind}`;

export function flagRule(kind: AiFlagKind): AiFlagRule {
  return `${AI_FLAG_RULE_PREFIX}${kind}`;
}

/** True when a stored proposal's changes (JSON text, as in the proposals table) carry a flag. */
export function hasAiFlag(changesJson: string): boolean {
  return changesJson.includes(`"ruleId":"${AI_FLAG_RULE_PREFIX}`);
}
