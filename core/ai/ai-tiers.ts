/**
 * Groq's published per-model limits (../shared/reference/groq.md, checked 2026): the seller picks a
 * tier in Settings, the model comes from `GET /models`. The limiter starts from these and then
 * follows the response headers, which are the truth for the seller's organization.
 */
import type { RateLimits } from './rate-limiter.js';

export const AI_TIERS = ['free', 'developer'] as const;
export type AiTier = (typeof AI_TIERS)[number];

interface FamilyLimits {
  /** Model ids starting with this prefix. */
  prefix: string;
  free: RateLimits & { tpd: number };
  developer: RateLimits;
}

const FAMILIES: readonly FamilyLimits[] = [
  { prefix: 'llama-3.1-8b', free: { rpm: 30, rpd: 14_400, tpm: 6_000, tpd: 500_000 }, developer: { rpm: 1_000, rpd: 500_000, tpm: 250_000 } },
  { prefix: 'llama-3.3-70b', free: { rpm: 30, rpd: 1_000, tpm: 12_000, tpd: 100_000 }, developer: { rpm: 1_000, rpd: 500_000, tpm: 300_000 } },
  { prefix: 'openai/gpt-oss', free: { rpm: 30, rpd: 1_000, tpm: 8_000, tpd: 200_000 }, developer: { rpm: 1_000, rpd: 500_000, tpm: 250_000 } },
];

/** The model Listsmith suggests first: the free tier's most generous token budget. */
export const DEFAULT_AI_MODEL = 'llama-3.1-8b-instant';

/** Limits for a model on a tier; an unknown model gets the strictest published numbers. */
export function limitsFor(tier: AiTier, model: string): RateLimits {
  const family = FAMILIES.find((candidate) => model.startsWith(candidate.prefix));
  if (family) {
    const { rpm, rpd, tpm } = family[tier];
    return { rpm, rpd, tpm };
  }
  return tier === 'free' ? { rpm: 30, rpd: 1_000, tpm: 6_000 } : { rpm: 1_000, rpd: 500_000, tpm: 250_000 };
}

/** Only gpt-oss enforces `json_schema` strictly on Groq; every other model gets `json_object` + our own validation. */
export function supportsStrictSchema(model: string): boolean {
  return model.startsWith('openai/gpt-oss');
}

/** gpt-oss models reason before answering: keep that short for rewriting. */
export function isReasoningModel(model: string): boolean {
  return model.startsWith('openai/gpt-oss');
}
