/**
 * Rewrites a batch of listings with a model: pack → ask → validate every field → one targeted
 * re-ask for the fields that broke a rule (the failure stated) → deterministic repair → propose or
 * reject. A listing that cannot be rewritten fails alone with a reason; only failures that say
 * nothing about the listings (rate limits, key, network, cancel) fail the whole batch, and then
 * nothing of it is written.
 */
import { evaluateListing } from '../../common/rules/index.js';
import type { Marketplace } from '../../common/listing.js';
import { isListingFailure, type BatchItemResult } from '../jobs/job-types.js';
import type { OptimizerTaskListing } from '../jobs/pool-task.js';
import { applyProposal } from '../optimizer/apply-proposal.js';
import { descriptionPolicy } from '../optimizer/description-policy.js';
import { MARKUP } from '../optimizer/html-to-text.js';
import type { FieldProposal, OptimizerChange } from '../optimizer/proposal.js';
import { AiCallError } from './ai-failure.js';
import type { AiCaller } from './ai-call.js';
import { checkAiField, failingErrorRules, fieldPenalty, type AiField, type FieldVerdict } from './ai-field-check.js';
import { parseAnswer } from './ai-output.js';
import { completionBudget, packBudget, packInputs } from './ai-packing.js';
import { buildChatRequest, descriptionText, systemPrompt, toAiInput } from './ai-prompt.js';
import { estimateTokens, type AiListingInput, type AiRewrite } from './ai-protocol.js';
import { repairDescription, repairTags, repairTitle } from './ai-repair.js';
import { ListingEvidence, type EvidenceListing } from './output-checks/listing-facts.js';
import { flagChanges, outputFlags, type AiOutputFlag, type RewriteTexts } from './output-checks/output-flags.js';
import type { RateLimits } from './rate-limiter.js';

/** A listing the AI could not rewrite, with the reason the seller reads in the jobs panel. */
/** A proposal, or why this listing failed: the job runner's own result type. */
export type AiListingResult = BatchItemResult;
export { isListingFailure };

export interface AiRewriteOptions {
  caller: AiCaller;
  model: string;
  limits: RateLimits;
  strictSchema: boolean;
  reasoning: boolean;
  signal?: AbortSignal;
  deadlineAt?: number;
}

type PackOutcome = { answers: Map<number, AiRewrite>; failures: Map<number, string> };

export async function rewriteListings(listings: readonly OptimizerTaskListing[], marketplace: Marketplace, options: AiRewriteOptions): Promise<AiListingResult[]> {
  const byId = new Map(listings.map((listing) => [listing.id, listing]));
  const checks = new Map(listings.map((listing) => [listing.id, { evidence: new ListingEvidence(listing as EvidenceListing), systemPrompt: systemPrompt(marketplace) }]));
  const first = await ask(listings.map((listing) => toAiInput(listing, marketplace)), marketplace, options);

  // Check every answer; collect what to re-ask, with the failures stated.
  const problemsOf = new Map<number, string[]>();
  const unsafe = new Map<number, string>();
  for (const [id, rewrite] of first.answers) {
    const verdicts = checkRewrite(byId.get(id)!, rewrite, marketplace, checks.get(id)!);
    const bad = verdicts.find((verdict) => verdict.unsafe);
    if (bad) unsafe.set(id, bad.problems[0]!);
    else if (verdicts.some((verdict) => !verdict.ok)) problemsOf.set(id, verdicts.flatMap((verdict) => verdict.problems));
  }
  const second: PackOutcome =
    problemsOf.size > 0
      ? await ask(
          [...problemsOf].map(([id, problems]) => toAiInput(byId.get(id)!, marketplace, problems)),
          marketplace,
          options,
        )
      : { answers: new Map(), failures: new Map() };

  return listings.map((listing): AiListingResult => {
    const failure = first.failures.get(listing.id);
    if (failure) return { failure };
    if (unsafe.has(listing.id)) return { failure: `Rejected the AI's rewrite: ${unsafe.get(listing.id)!.replace(/^\w+: it /, 'it ')}.` };
    const firstAnswer = first.answers.get(listing.id);
    if (!firstAnswer) return { failure: 'The AI did not return this listing.' };
    const retried = problemsOf.has(listing.id) ? second.answers.get(listing.id) : undefined;
    if (retried && checkRewrite(listing, retried, marketplace, checks.get(listing.id)!).some((verdict) => verdict.unsafe)) {
      return { failure: "Rejected the AI's rewrite: its corrected answer added a link, e-mail address or markup that is not in the listing." };
    }
    return proposalFrom(listing, marketplace, firstAnswer, retried, options.model, checks.get(listing.id)!);
  });
}

/** One round: packs asked side by side (the shared limiter paces them). */
async function ask(inputs: readonly AiListingInput[], marketplace: Marketplace, options: AiRewriteOptions): Promise<PackOutcome> {
  const system = systemPrompt(marketplace);
  const packs = packInputs(inputs, packBudget(options.limits), estimateTokens(system));
  const outcomes = await Promise.all(packs.map((pack) => askPack(pack, marketplace, options, 0)));
  const merged: PackOutcome = { answers: new Map(), failures: new Map() };
  for (const outcome of outcomes) {
    for (const [id, answer] of outcome.answers) merged.answers.set(id, answer);
    for (const [id, reason] of outcome.failures) merged.failures.set(id, reason);
  }
  return merged;
}

function failAll(pack: readonly AiListingInput[], reason: string): PackOutcome {
  return { answers: new Map(), failures: new Map(pack.map((input) => [input.id, reason])) };
}

async function split(pack: readonly AiListingInput[], marketplace: Marketplace, options: AiRewriteOptions, depth: number): Promise<PackOutcome> {
  const middle = Math.ceil(pack.length / 2);
  const [a, b] = await Promise.all([askPack(pack.slice(0, middle), marketplace, options, depth), askPack(pack.slice(middle), marketplace, options, depth)]);
  return { answers: new Map([...a.answers, ...b.answers]), failures: new Map([...a.failures, ...b.failures]) };
}

/**
 * One request. A too-large or cut-off request is split in halves; invalid JSON is asked once more;
 * listings missing from the answer are asked once more on their own.
 */
async function askPack(pack: readonly AiListingInput[], marketplace: Marketplace, options: AiRewriteOptions, depth: number, completionScale = 1): Promise<PackOutcome> {
  const request = buildChatRequest({
    model: options.model,
    marketplace,
    inputs: pack,
    maxCompletionTokens: Math.ceil(completionBudget(pack) * completionScale),
    strictSchema: options.strictSchema,
    reasoning: options.reasoning,
  });
  let content: string;
  try {
    const result = await options.caller.complete(request, { ...(options.signal ? { signal: options.signal } : {}), ...(options.deadlineAt ? { deadlineAt: options.deadlineAt } : {}) });
    if (result.finishReason === 'length') {
      if (pack.length > 1) return split(pack, marketplace, options, depth);
      if (completionScale === 1) return askPack(pack, marketplace, options, depth, 2);
      return failAll(pack, "The AI's answer for this listing was cut off twice; try the rule optimizer for it.");
    }
    content = result.content;
  } catch (error) {
    if (!(error instanceof AiCallError)) throw error;
    if (error.kind === 'too_large') {
      if (pack.length > 1) return split(pack, marketplace, options, depth);
      return failAll(pack, "This listing is too long for one request within your Groq plan's per-minute token limit.");
    }
    if (error.kind === 'json_invalid') {
      if (depth === 0) return askPack(pack, marketplace, options, depth + 1);
      if (pack.length > 1) return split(pack, marketplace, options, depth);
      return failAll(pack, 'The AI could not produce valid JSON for this listing (asked twice).');
    }
    throw error;
  }
  const parsed = parseAnswer(content, pack.map((input) => input.id));
  if (!parsed.ok) {
    if (depth === 0) return askPack(pack, marketplace, options, depth + 1);
    if (pack.length > 1) return split(pack, marketplace, options, depth);
    return failAll(pack, `The AI's answer was unusable: ${parsed.reason} (asked twice).`);
  }
  const outcome: PackOutcome = { answers: parsed.rewrites, failures: new Map() };
  if (parsed.malformedIds.length > 0) {
    const missing = pack.filter((input) => parsed.malformedIds.includes(input.id));
    if (depth === 0) {
      const again = await askPack(missing, marketplace, options, depth + 1);
      for (const [id, answer] of again.answers) outcome.answers.set(id, answer);
      for (const [id, reason] of again.failures) outcome.failures.set(id, reason);
    } else {
      for (const input of missing) outcome.failures.set(input.id, 'The AI did not return this listing (asked twice).');
    }
  }
  return outcome;
}

interface AiFields {
  title: string;
  description: string | null;
  tags: string[] | null;
}

/** The AI's values in stored form: descriptions back to HTML paragraphs where the listing used HTML. */
function storedValues(listing: OptimizerTaskListing, rewrite: AiRewrite, marketplace: Marketplace): AiFields {
  const input = toAiInput(listing, marketplace);
  return {
    title: rewrite.title.replace(/\s+/g, ' ').trim(),
    description: input.limits.descriptionMax > 0 ? toStoredDescription(rewrite.description, listing.description, marketplace) : null,
    tags: input.limits.tagCount > 0 ? rewrite.tags.map((tag) => tag.replace(/\s+/g, ' ').trim()).filter((tag) => tag.length > 0) : null,
  };
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function toStoredDescription(text: string, original: string, marketplace: Marketplace): string {
  const paragraphs = text
    .split(/\n\s*\n|\r\n\s*\r\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph.length > 0);
  if (MARKUP.test(original) && descriptionPolicy(marketplace).format === 'html') return paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n');
  return paragraphs.join('\n\n');
}

function sourceText(listing: OptimizerTaskListing): string {
  return [listing.title, listing.description, ...listing.tags, listing.brand ?? ''].join('\n');
}

/** What the output checks need of a listing, built once per listing (output-checks/). */
interface OutputCheck {
  evidence: ListingEvidence;
  systemPrompt: string;
}

/** The AI's values as plain text, for the output checks. */
function plainTexts(values: AiFields): RewriteTexts {
  return { title: values.title, description: values.description === null ? null : descriptionText(values.description), tags: values.tags };
}

function checkRewrite(listing: OptimizerTaskListing, rewrite: AiRewrite, marketplace: Marketplace, check: OutputCheck) {
  const values = storedValues(listing, rewrite, marketplace);
  const source = sourceText(listing);
  const texts = plainTexts(values);
  // A refusal, meta-text or a fact not in the listing is asked again like a broken rule, with the reason stated.
  const withFlags = (field: AiField, verdict: FieldVerdict): FieldVerdict => {
    if (verdict.unsafe) return verdict;
    const flags = outputFlags(field, texts, check.evidence, check.systemPrompt);
    return flags.length === 0 ? verdict : { ok: false, unsafe: false, problems: [...verdict.problems, ...flags.map((flag) => flag.problem)] };
  };
  const verdicts = [withFlags('title', checkAiField('title', values.title, source, marketplace))];
  if (values.description !== null) verdicts.push(withFlags('description', checkAiField('description', values.description, source, marketplace, rewrite.description)));
  if (values.tags !== null) verdicts.push(withFlags('tags', checkAiField('tags', values.tags, source, marketplace)));
  return verdicts;
}

/**
 * Picks, per field, the first acceptable of: re-asked value, first value, repaired value; else keeps
 * the listing's own. "Acceptable" means within the rules and with no output flag (refusal, meta-text,
 * a fact not in the listing…); when only flagged values are within the rules, the first of them is
 * proposed with its flags, never repaired into shape, and only the seller can accept it, on its own.
 */
function proposalFrom(listing: OptimizerTaskListing, marketplace: Marketplace, first: AiRewrite, retried: AiRewrite | undefined, model: string, check: OutputCheck): AiListingResult {
  const source = sourceText(listing);
  const candidates = [retried, first].filter((rewrite): rewrite is AiRewrite => rewrite !== undefined).map((rewrite) => storedValues(listing, rewrite, marketplace));
  const fields: FieldProposal[] = [];
  const rejected: string[] = [];

  const choose = <F extends AiField>(field: F, before: F extends 'tags' ? readonly string[] : string, pick: (values: AiFields) => (F extends 'tags' ? string[] : string) | null): void => {
    const options = candidates.map((values) => ({ values, value: pick(values) })).filter((option) => option.value !== null);
    if (options.length === 0) return;
    const flagsOf = (values: AiFields, value: string | string[]): AiOutputFlag[] => outputFlags(field, plainTexts({ ...values, [field]: value }), check.evidence, check.systemPrompt);
    type Choice = { value: string | string[]; changes: readonly OptimizerChange[]; flags: AiOutputFlag[] };
    let chosen: Choice | null = null;
    let flagged: Choice | null = null;
    for (const { values, value } of options) {
      if (!checkAiField(field, value!, source, marketplace).ok) continue;
      const flags = flagsOf(values, value!);
      if (flags.length === 0) {
        chosen = { value: value!, changes: [], flags };
        break;
      }
      flagged ??= { value: value!, changes: [], flags };
    }
    if (!chosen) {
      const { values, value } = options[0]!;
      const repaired = field === 'title' ? repairTitle(value as string, marketplace, listing.brand ?? null, listing.category ?? null) : field === 'description' ? repairDescription(value as string, marketplace) : repairTags(value as string[], marketplace);
      if (checkAiField(field, repaired.value, source, marketplace).ok) {
        const flags = flagsOf(values, repaired.value);
        if (flags.length === 0) chosen = { ...repaired, flags };
        else flagged ??= { ...repaired, flags };
      }
    }
    chosen ??= flagged;
    if (!chosen) {
      rejected.push(field);
      return;
    }
    const same = Array.isArray(chosen.value) ? JSON.stringify(chosen.value) === JSON.stringify(before) : chosen.value === before;
    // Never propose a field the rules like less than the seller's own; a flagged field is shown anyway, so the seller sees what the AI did.
    if (same || (chosen.flags.length === 0 && fieldPenalty(field, chosen.value, marketplace) > fieldPenalty(field, before, marketplace))) return;
    const beforeErrors = failingErrorRules(field, before, marketplace);
    const afterErrors = failingErrorRules(field, chosen.value, marketplace);
    const fixes = [...beforeErrors].filter((rule) => !afterErrors.has(rule));
    const aiChange: OptimizerChange = { ruleId: 'ai.rewrite', reason: `Rewritten by AI (${model}); checked against the ${marketplace} rules.`, fixes };
    fields.push({ field, before, after: chosen.value, changes: [...flagChanges(chosen.flags), aiChange, ...chosen.changes] } as FieldProposal);
  };

  choose('title', listing.title, (values) => values.title);
  choose('description', listing.description, (values) => values.description);
  choose('tags', listing.tags, (values) => values.tags);

  if (fields.length === 0 && rejected.length > 0) return { failure: `The AI's ${rejected.join(' and ')} kept breaking the ${marketplace} rules after a re-ask and repair; nothing was proposed.` };
  const before = evaluateListing(listing, marketplace);
  const after = fields.length === 0 ? before : evaluateListing(applyProposal(listing, { fields }), marketplace);
  return { marketplace, fields, spelling: [], score: { before: before.score, after: after.score }, errors: { before: before.errors, after: after.errors } };
}

