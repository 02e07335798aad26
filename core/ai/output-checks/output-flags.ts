/**
 * The verdict on one AI field beyond the marketplace's rules: is it listing text at all (no
 * refusal, meta-text, placeholder, echoed instructions or cut-off sentence), and does it keep to
 * the listing's facts (nothing new, nothing lost)? A flag is never repaired away: the field is
 * proposed with the flag first in its changes, and only the seller accepting it on its own
 * writes it (core/jobs/ai-flag-rule.ts).
 */
import type { OptimizerChange } from '../../optimizer/proposal.js';
import type { AiField } from '../ai-field-check.js';
import { flagRule, type AiFlagKind } from '../../jobs/ai-flag-rule.js';
import { factsOf, type Fact, type ListingEvidence } from './listing-facts.js';
import { metaFindings, type MetaKind } from './meta-text.js';
import { quote } from './text-match.js';

export interface AiOutputFlag {
  kind: AiFlagKind;
  /** Seller-facing, shown in the review. */
  reason: string;
  /** For the one targeted re-ask ("title: …"). */
  problem: string;
}

/** The AI's answer for one listing as plain text (null: the field is not rewritten). */
export interface RewriteTexts {
  title: string;
  description: string | null;
  tags: readonly string[] | null;
}

const ACCEPT_NOTE = 'Accept this field on its own only if it is right; "Accept all" and --apply skip it.';
const MAX_LISTED = 4;
/** Lost facts worth a flag: what a buyer orders by. Names and certifications may be shortened away. */
const LOSABLE = new Set<Fact['kind']>(['quantity', 'size', 'material', 'colour']);

const META_REASONS: Record<MetaKind, (field: string, evidence: string) => [reason: string, problem: string]> = {
  refusal: (field, evidence) => [`The AI refused or apologised instead of rewriting (${quote(evidence)}): this is not ${field} text.`, `it was a refusal or apology (${quote(evidence)}), not ${field} text; write only the ${field}`],
  meta_text: (field, evidence) => [`The AI wrote about its answer (${quote(evidence)}) instead of giving only the ${field}.`, `it talked about the answer (${quote(evidence)}); give only the ${field} itself`],
  placeholder: (field, evidence) => [`The AI left a placeholder unfilled (${quote(evidence)}).`, `it left a placeholder (${quote(evidence)}); use only what the listing says`],
  echoed_prompt: (field, evidence) => [`The AI repeated its instructions (${quote(evidence)}) instead of writing the ${field}.`, `it repeated the instructions (${quote(evidence)}); write only the ${field}`],
  truncated: (field, evidence) => [`The ${field} stops mid-sentence (${quote(evidence)}): the AI's text looks cut off.`, `it stops mid-sentence (${quote(evidence)}); end with a complete sentence`],
};

const textOf = (field: AiField, texts: RewriteTexts): string | null => (field === 'tags' ? (texts.tags === null ? null : texts.tags.join(', ')) : texts[field]);

const list = (facts: readonly Fact[]): string => {
  const unique = [...new Map(facts.map((fact) => [fact.key, fact])).values()];
  const shown = unique.slice(0, MAX_LISTED).map((fact) => quote(fact.text, 40));
  return unique.length > MAX_LISTED ? `${shown.join(', ')} and ${unique.length - MAX_LISTED} more` : shown.join(', ');
};

/** The flags of `field` in a rewrite; empty when the field is plain listing text true to the listing. */
export function outputFlags(field: AiField, texts: RewriteTexts, evidence: ListingEvidence, systemPrompt: string): AiOutputFlag[] {
  const text = textOf(field, texts);
  if (text === null || text.trim() === '') return [];
  const before = evidence.before[field];
  const flags: AiOutputFlag[] = [];
  for (const finding of metaFindings(field === 'tags' ? '' : text, before, { source: evidence.text, systemPrompt })) {
    const [reason, problem] = META_REASONS[finding.kind](field, finding.evidence);
    flags.push({ kind: finding.kind, reason: `${reason} ${ACCEPT_NOTE}`, problem: `${field}: ${problem}` });
  }
  if (field === 'tags') {
    // Tags are short phrases: only refusals and placeholders show there, one tag at a time.
    for (const tag of texts.tags ?? []) {
      for (const finding of metaFindings(tag, '', { source: evidence.text, systemPrompt })) {
        if (finding.kind !== 'refusal' && finding.kind !== 'placeholder') continue;
        const [reason, problem] = META_REASONS[finding.kind](field, finding.evidence);
        flags.push({ kind: finding.kind, reason: `${reason} ${ACCEPT_NOTE}`, problem: `${field}: ${problem}` });
        break;
      }
    }
  }

  const added = factsOf(text).filter((fact) => !evidence.states(fact));
  if (added.length > 0) {
    flags.push({
      kind: 'new_fact',
      reason: `Not in the listing: ${list(added)}. The AI added what your listing does not state. ${ACCEPT_NOTE}`,
      problem: `${field}: it added ${list(added)}, which the listing does not state; never invent facts`,
    });
  }

  if (field !== 'tags') {
    // Lost: stated in this field before and nowhere in the listing as the rewrite would leave it.
    const rest = (['title', 'description', 'tags'] as const)
      .filter((other) => other !== field)
      .map((other) => textOf(other, texts) ?? evidence.before[other])
      .concat(text, evidence.fixed)
      .join('\n');
    const kept = new Set(factsOf(rest).map((fact) => fact.key));
    // A bare number ("12") may be rephrased away; a number with its unit may not.
    const lost = factsOf(before).filter((fact) => LOSABLE.has(fact.kind) && (fact.kind !== 'quantity' || fact.key.includes('|')) && !kept.has(fact.key));
    if (lost.length > 0) {
      flags.push({
        kind: 'lost_fact',
        reason: `Lost from the listing: ${list(lost)}. The AI's ${field} drops what your listing states and nothing else in it says so. ${ACCEPT_NOTE}`,
        problem: `${field}: it dropped ${list(lost)}; keep every fact of the listing`,
      });
    }
  }
  return flags;
}

/** The flags as the first changes of a field proposal (the review shows their reasons). */
export function flagChanges(flags: readonly AiOutputFlag[]): OptimizerChange[] {
  return flags.map((flag) => ({ ruleId: flagRule(flag.kind), reason: flag.reason, fixes: [] }));
}
