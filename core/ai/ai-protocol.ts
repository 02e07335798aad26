/**
 * What Listsmith sends to a chat-completions model and what it accepts back. Defined once: the
 * prompt builder, the response validator and the fake Groq server (tests, demos, bench) all read it.
 *
 * Listing text is untrusted data. It travels as ONE JSON document between two fixed delimiter
 * lines inside the user message, never spliced into instructions, and the model may only fill the
 * fields of `AiRewrite`.
 */

/** The line before the listings' JSON in the user message. */
export const LISTINGS_BEGIN = '<<<LISTINGS_JSON';
/** The line after it. */
export const LISTINGS_END = 'LISTINGS_JSON>>>';

/** The limits the model is asked to meet (a few percent under the marketplace's hard limits). */
export interface AiTargetLimits {
  /** Characters. */
  titleMax: number;
  /** Characters (0 = leave the description as it is). */
  descriptionMax: number;
  /** Tags wanted (0 = the marketplace has no tags: return []). */
  tagCount: number;
  /** Characters per tag. */
  tagMax: number;
}

/** One listing as the model sees it. */
export interface AiListingInput {
  id: number;
  title: string;
  /** Plain text (HTML already reduced to text). */
  description: string;
  tags: string[];
  brand: string | null;
  category: string | null;
  limits: AiTargetLimits;
  /**
   * Only on a re-ask: what was wrong with the previous answer for this listing, one sentence per
   * failing field ("title: 97 characters, the limit is 76"). Fix those fields; keep the others.
   */
  problems?: string[];
}

/** The listings' JSON document between the delimiters. */
export interface AiRequestDocument {
  marketplace: string;
  listings: AiListingInput[];
}

/** What the model returns for one listing: these fields and nothing else. */
export interface AiRewrite {
  id: number;
  title: string;
  description: string;
  tags: string[];
}

/** The whole response body (the assistant message's content, parsed). */
export interface AiResponseDocument {
  listings: AiRewrite[];
}

/** The JSON Schema for `response_format: { type: 'json_schema', strict: true }` (every field required). */
export const AI_RESPONSE_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['listings'],
  properties: {
    listings: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'description', 'tags'],
        properties: {
          id: { type: 'integer' },
          title: { type: 'string' },
          description: { type: 'string' },
          tags: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
} as const;

/** Renders the data part of the user message. */
export function renderListingsBlock(document: AiRequestDocument): string {
  return `${LISTINGS_BEGIN}\n${JSON.stringify(document)}\n${LISTINGS_END}`;
}

/**
 * Reads the listings' document back out of a user message (the fake server does this to answer
 * deterministically). Null when the message carries no well-formed block.
 */
export function parseListingsBlock(message: string): AiRequestDocument | null {
  const start = message.indexOf(`${LISTINGS_BEGIN}\n`);
  const end = message.lastIndexOf(`\n${LISTINGS_END}`);
  if (start < 0 || end <= start) return null;
  try {
    const parsed = JSON.parse(message.slice(start + LISTINGS_BEGIN.length + 1, end)) as unknown;
    if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as AiRequestDocument).listings)) return null;
    return parsed as AiRequestDocument;
  } catch {
    return null;
  }
}

/**
 * The token estimate used for budgeting before a request is sent (the limiter) and by the fake
 * server to charge requests: ≈ 4 characters per token, rounded up, plus a per-message overhead.
 * Real tokenizers differ by a few percent; the limiter corrects itself from the response headers.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export const MESSAGE_OVERHEAD_TOKENS = 4;
