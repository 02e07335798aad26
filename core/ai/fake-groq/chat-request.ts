/**
 * Reads and checks a chat-completions request body the way Groq does (the parts Listsmith uses),
 * answering with Groq's 400/404 errors for what it would refuse.
 */
import { MESSAGE_OVERHEAD_TOKENS, estimateTokens } from '../ai-protocol.js';
import { invalidRequest, modelNotFound, type GroqError } from './groq-errors.js';

export type ResponseFormat = 'text' | 'json_object' | 'json_schema';

export interface ChatMessage {
  role: string;
  content: string;
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  responseFormat: ResponseFormat;
  /** `max_completion_tokens` (or the deprecated `max_tokens`); null when not given. */
  maxCompletionTokens: number | null;
}

const ROLES = new Set(['system', 'user', 'assistant', 'developer', 'tool']);

export function parseChatRequest(body: unknown, models: readonly string[]): { ok: true; request: ChatRequest } | { ok: false; error: GroqError } {
  const fail = (message: string): { ok: false; error: GroqError } => ({ ok: false, error: invalidRequest(message) });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return fail('The request body must be a JSON object.');
  const raw = body as Record<string, unknown>;
  if (typeof raw['model'] !== 'string' || raw['model'] === '') return fail("'model' : property 'model' is missing");
  if (!models.includes(raw['model'])) return { ok: false, error: modelNotFound(raw['model']) };
  if (!Array.isArray(raw['messages']) || raw['messages'].length === 0) return fail("'messages' : minimum number of items is 1");
  const messages: ChatMessage[] = [];
  for (const [index, message] of (raw['messages'] as unknown[]).entries()) {
    const parsed = parseMessage(message);
    if (parsed === null) return fail(`'messages.${index}' : discriminator property 'role' has invalid value or content is missing`);
    messages.push(parsed);
  }
  if (raw['n'] !== undefined && raw['n'] !== null && raw['n'] !== 1) return fail("'n' : number must be at most 1");
  const format = parseResponseFormat(raw['response_format']);
  if (typeof format !== 'string') return { ok: false, error: format };
  if (raw['stream'] === true) {
    return fail(format === 'text' ? 'The fake Groq server does not stream; send stream: false.' : 'response_format` does not support streaming');
  }
  const max = raw['max_completion_tokens'] ?? raw['max_tokens'];
  if (max !== undefined && max !== null && (typeof max !== 'number' || !Number.isInteger(max) || max < 1)) {
    return fail("'max_completion_tokens' : must be an integer of at least 1");
  }
  return { ok: true, request: { model: raw['model'], messages, responseFormat: format, maxCompletionTokens: typeof max === 'number' ? max : null } };
}

function parseMessage(message: unknown): ChatMessage | null {
  if (typeof message !== 'object' || message === null) return null;
  const { role, content } = message as { role?: unknown; content?: unknown };
  if (typeof role !== 'string' || !ROLES.has(role)) return null;
  if (typeof content === 'string') return { role, content };
  // Content parts: only the text ones matter for a text model.
  if (Array.isArray(content)) {
    const texts = content.map((part: unknown) => (typeof part === 'object' && part !== null && typeof (part as { text?: unknown }).text === 'string' ? (part as { text: string }).text : ''));
    return { role, content: texts.join('') };
  }
  return null;
}

function parseResponseFormat(value: unknown): ResponseFormat | GroqError {
  if (value === undefined || value === null) return 'text';
  const type = typeof value === 'object' ? (value as { type?: unknown }).type : undefined;
  if (type === 'text' || type === 'json_object') return type;
  if (type === 'json_schema') {
    const spec = (value as { json_schema?: unknown }).json_schema;
    const name = typeof spec === 'object' && spec !== null ? (spec as { name?: unknown }).name : undefined;
    const schema = typeof spec === 'object' && spec !== null ? (spec as { schema?: unknown }).schema : undefined;
    if (typeof name !== 'string' || name === '') return invalidRequest("'response_format.json_schema.name' : property 'name' is missing");
    if (typeof schema !== 'object' || schema === null) return invalidRequest("'response_format.json_schema.schema' : must be a JSON Schema object");
    return 'json_schema';
  }
  return invalidRequest(`'response_format.type' : value must be one of 'text', 'json_object', 'json_schema' (got ${JSON.stringify(type ?? null)})`);
}

/** What the request costs in prompt tokens (the estimate Listsmith's limiter uses too). */
export function promptTokens(messages: readonly ChatMessage[]): number {
  return messages.reduce((sum, message) => sum + estimateTokens(message.content) + MESSAGE_OVERHEAD_TOKENS, 0);
}
