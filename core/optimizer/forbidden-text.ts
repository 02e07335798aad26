/**
 * Removes what a marketplace's description rules forbid in the seller's text — e-mail addresses,
 * phone numbers, links — with the rules' own patterns, and closes the gaps left behind.
 */
import type { TextRule } from './description-policy.js';

/**
 * Removes every match of `rules` from plain text, or from one HTML text node (`html`: its edge
 * spaces separate it from the neighbouring tags, so they stay).
 */
export function removeForbiddenText(text: string, rules: readonly TextRule[], removed: Map<string, string[]>, kind: 'text' | 'html'): string {
  let out = text;
  let changed = false;
  for (const rule of rules) {
    rule.pattern.lastIndex = 0;
    if (!rule.pattern.test(out)) continue;
    rule.pattern.lastIndex = 0;
    out = out.replace(rule.pattern, (found) => {
      noteRemoval(removed, rule.ruleId, found);
      changed = true;
      return '';
    });
  }
  if (!changed) return text;
  // "Write to  or call ." → "Write to or call."
  const closed = out.replace(/[ \t]{2,}/g, ' ').replace(/ +([,.;:!?])/g, '$1');
  return kind === 'text' ? closed.replace(/[ \t]+(?=\n|$)/g, '').replace(/^[ \t]+/gm, '') : closed;
}

/** The first rule that finds something in `text`, or null. */
export function forbiddingRule(text: string, rules: readonly TextRule[]): TextRule | null {
  for (const rule of rules) {
    rule.pattern.lastIndex = 0;
    if (rule.pattern.test(text)) return rule;
  }
  return null;
}

/** Notes `found` as removed by `ruleId` (distinct, at most 10 per rule): for the change's reason. */
export function noteRemoval(removed: Map<string, string[]>, ruleId: string, found: string): void {
  const list = removed.get(ruleId) ?? [];
  if (list.length < 10 && !list.includes(found)) list.push(found);
  removed.set(ruleId, list);
}
