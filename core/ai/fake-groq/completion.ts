/**
 * The fake model's answer: the assistant content for a request (normal, or deliberately wrong for
 * the `over_limit` / `bad_shape` faults), cut to `max_completion_tokens` the way a model runs out
 * of tokens, and wrapped in Groq's chat.completion body with usage.
 */
import { estimateTokens, parseListingsBlock, type AiListingInput } from '../ai-protocol.js';
import type { ChatRequest } from './chat-request.js';
import { isMisbehaviour, misbehave, type Misbehaviour } from './misbehaviour.js';
import { rewriteListing } from './rewrite.js';

export type AnswerVariant = 'normal' | 'over_limit' | 'bad_shape' | Misbehaviour;

/** How far over `titleMax` the `over_limit` fault writes titles. */
export const OVER_LIMIT_EXCESS = 30;
const FILLER = ' Premium Quality Fast Shipping Gift Idea Classic Design Everyday Use Perfect Present';

export interface Answer {
  content: string;
  /** Listings answered (0 for a plain reply). */
  listings: number;
}

/** The content for the last user message: rewritten listings, or a short reply (e.g. a key test). */
export function answerFor(request: ChatRequest, variant: AnswerVariant): Answer {
  const lastUser = [...request.messages].reverse().find((message) => message.role === 'user');
  const document = lastUser === undefined ? null : parseListingsBlock(lastUser.content);
  if (document === null) return { content: request.responseFormat === 'text' ? 'OK' : JSON.stringify({ ok: true }), listings: 0 };
  const listings = document.listings.map((listing) => {
    const rewrite = rewriteListing(listing);
    if (variant === 'over_limit') return { ...rewrite, title: overLimitTitle(rewrite.title, listing) };
    if (variant === 'bad_shape') return { id: rewrite.id, title: rewrite.title, description: rewrite.description };
    if (isMisbehaviour(variant)) return misbehave(variant, rewrite, listing, request.messages.find((message) => message.role === 'system')?.content ?? '');
    return rewrite;
  });
  return { content: JSON.stringify({ listings }), listings: listings.length };
}

/** Exactly `titleMax + 30` characters, ending in a letter (so a trim does not hide the excess). */
function overLimitTitle(title: string, listing: AiListingInput): string {
  const length = listing.limits.titleMax + OVER_LIMIT_EXCESS;
  let padded = title;
  while (padded.length < length) padded += FILLER;
  const cut = padded.slice(0, length);
  return cut.endsWith(' ') ? `${cut.slice(0, -1)}x` : cut;
}

export interface Completion {
  body: ChatCompletionBody;
  completionTokens: number;
}

export interface ChatCompletionBody {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: { index: 0; message: { role: 'assistant'; content: string }; logprobs: null; finish_reason: 'stop' | 'length' }[];
  usage: {
    queue_time: number;
    prompt_tokens: number;
    prompt_time: number;
    completion_tokens: number;
    completion_time: number;
    total_tokens: number;
    total_time: number;
  };
  system_fingerprint: string;
  x_groq: { id: string };
}

/** Token speeds for the synthetic `usage` times (roughly an 8B model on Groq). */
const PROMPT_TOKENS_PER_SECOND = 25_000;
const COMPLETION_TOKENS_PER_SECOND = 750;

/**
 * Wraps `content`: cut to `max_completion_tokens` when it would exceed it, or cut in half when
 * `forceLength` (the `length` fault); either way `finish_reason` is "length".
 */
export function buildCompletion(request: ChatRequest, content: string, promptTokens: number, sequence: number, forceLength = false): Completion {
  let text = content;
  let finish: 'stop' | 'length' = 'stop';
  if (forceLength) {
    text = text.slice(0, Math.max(0, Math.floor(text.length / 2)));
    finish = 'length';
  }
  const max = request.maxCompletionTokens;
  if (max !== null && estimateTokens(text) > max) {
    text = text.slice(0, max * 4);
    finish = 'length';
  }
  const completionTokens = estimateTokens(text);
  const promptTime = round(promptTokens / PROMPT_TOKENS_PER_SECOND);
  const completionTime = round(completionTokens / COMPLETION_TOKENS_PER_SECOND);
  const id = sequence.toString(16).padStart(8, '0');
  return {
    completionTokens,
    body: {
      id: `chatcmpl-fake${id}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1_000),
      model: request.model,
      choices: [{ index: 0, message: { role: 'assistant', content: text }, logprobs: null, finish_reason: finish }],
      usage: {
        queue_time: 0.0002,
        prompt_tokens: promptTokens,
        prompt_time: promptTime,
        completion_tokens: completionTokens,
        completion_time: completionTime,
        total_tokens: promptTokens + completionTokens,
        total_time: round(promptTime + completionTime),
      },
      system_fingerprint: 'fp_fakegroq',
      x_groq: { id: `req_fake${id}` },
    },
  };
}

function round(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e6;
}
