/**
 * Packs listings into requests. Several listings share one system prompt and one round trip, so
 * throughput approaches the token limit instead of the request limit; each request stays a
 * fraction of the per-minute token budget so the limiter can keep requests flowing smoothly (one
 * request near the whole budget would leave the minute idle while it runs).
 */
import { MESSAGE_OVERHEAD_TOKENS, estimateTokens, type AiListingInput } from './ai-protocol.js';
import type { RateLimits } from './rate-limiter.js';

/** JSON keys, quotes and the id of one listing's answer. */
const ANSWER_OVERHEAD_TOKENS = 16;
/** The model may write a little more than the targets; a cut answer (finish_reason length) costs a whole retry. */
const COMPLETION_MARGIN = 1.3;

export interface PackBudget {
  /** Prompt + completion budget of one request (what Groq reserves against TPM). */
  maxRequestTokens: number;
  maxListings: number;
}

export function packBudget(limits: RateLimits): PackBudget {
  return { maxRequestTokens: Math.max(1_200, Math.min(12_000, Math.floor(limits.tpm * 0.3))), maxListings: 25 };
}

/** Tokens one listing adds to the prompt (its JSON inside the block). */
export function promptTokensOf(input: AiListingInput): number {
  return estimateTokens(JSON.stringify(input)) + 1;
}

/** Tokens the model is expected to write for one listing, at most. */
export function completionTokensOf(input: AiListingInput): number {
  const { titleMax, descriptionMax, tagCount, tagMax } = input.limits;
  const tagChars = tagCount * (Math.min(tagMax || 20, 20) + 3);
  return Math.ceil((estimateTokens('x'.repeat(titleMax + descriptionMax + tagChars)) + ANSWER_OVERHEAD_TOKENS) * COMPLETION_MARGIN);
}

/** `max_completion_tokens` for a pack. */
export function completionBudget(inputs: readonly AiListingInput[]): number {
  return 32 + inputs.reduce((sum, input) => sum + completionTokensOf(input), 0);
}

/** What a request of these listings will be charged up front: prompt estimate + completion budget. */
export function requestTokens(systemTokens: number, inputs: readonly AiListingInput[]): number {
  return systemTokens + 2 * MESSAGE_OVERHEAD_TOKENS + 24 + inputs.reduce((sum, input) => sum + promptTokensOf(input), 0) + completionBudget(inputs);
}

/**
 * Greedy packing in the given order. A listing too big for a request on its own still gets a pack
 * of one: the limiter or the server says whether it fits the minute at all (413 → it fails alone).
 */
export function packInputs(inputs: readonly AiListingInput[], budget: PackBudget, systemTokens: number): AiListingInput[][] {
  const packs: AiListingInput[][] = [];
  let current: AiListingInput[] = [];
  for (const input of inputs) {
    const next = [...current, input];
    if (current.length > 0 && (next.length > budget.maxListings || requestTokens(systemTokens, next) > budget.maxRequestTokens)) {
      packs.push(current);
      current = [input];
    } else {
      current = next;
    }
  }
  if (current.length > 0) packs.push(current);
  return packs;
}
