import { z } from 'zod';

/**
 * AI rewriting settings and status as the contract carries them. The API key itself only ever
 * travels renderer → core (when the seller pastes it); nothing here ever contains it.
 */
export const AI_TIER_NAMES = ['free', 'developer'] as const;
export type AiTierName = (typeof AI_TIER_NAMES)[number];

export interface AiKeyInfo {
  present: boolean;
  /** Where the key comes from: the app's secret store, or GROQ_API_KEY in the environment (web harness, CLI). */
  source: 'none' | 'stored' | 'environment';
  /** How the stored key is protected, e.g. "encrypted by the OS keychain"; null without a key. */
  protection: string | null;
  /** A warning to show, e.g. when Linux stores secrets without a keyring. */
  warning: string | null;
}

export interface AiStatus {
  key: AiKeyInfo;
  tier: AiTierName;
  model: string;
  /** The models the key may use (GET /models), once fetched; null before. */
  models: string[] | null;
  limits: { rpm: number; tpm: number; rpd: number };
  usage: {
    requestsToday: number;
    tokensToday: number;
    /** From Groq's last response headers; null until a request was made. */
    remainingRequestsToday: number | null;
    remainingTokensThisMinute: number | null;
    /** AI jobs wait until then (daily budget used up); null when not paused. */
    pausedUntil: number | null;
  };
  /** The last failure of a call, in words (e.g. "Groq refused the API key…"). */
  lastError: string | null;
}

export interface AiKeyTest {
  ok: boolean;
  /** One line for the settings screen. */
  message: string;
  models: string[];
}

export const aiConfigureSchema = z
  .object({
    tier: z.enum(AI_TIER_NAMES).optional(),
    model: z.string().min(1).max(100).regex(/^[\w./:-]+$/, 'a model id has letters, digits and . / : - _ only').optional(),
  })
  .strict();

/** Groq keys start with gsk_; anything pasted is trimmed and must look like a key before it is stored. */
export const aiKeySchema = z
  .object({ key: z.string().trim().min(20, 'That is too short to be a Groq API key.').max(200).regex(/^\S+$/, 'An API key has no spaces.') })
  .strict();
