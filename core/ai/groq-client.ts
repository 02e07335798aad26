/**
 * The groq-sdk client and the request/result shapes the app speaks. The SDK never retries
 * (`maxRetries: 0`): it would obey an hours-long `retry-after` and sleep through a cancel. ai-call.ts
 * owns retrying, pacing and timeouts.
 */
import Groq from 'groq-sdk';
import type { ChatCompletionCreateParamsNonStreaming } from 'groq-sdk/resources/chat/completions';

export interface CreateGroqOptions {
  apiKey: string;
  /** Host only (the SDK appends `/openai/v1/...`); default https://api.groq.com. */
  baseURL?: string;
  /** The SDK's own timeout, which stops once headers arrive; ai-call.ts also cuts slow bodies. */
  timeoutMs?: number;
}

export function createGroq(options: CreateGroqOptions): Groq {
  return new Groq({
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? 'https://api.groq.com',
    timeout: options.timeoutMs ?? 60_000,
    maxRetries: 0,
    // The SDK's debug log prints request details; nothing of ours may end up in a log by accident.
    logLevel: 'off',
  });
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export type ChatResponseFormat = { type: 'json_object' } | { type: 'json_schema'; name: string; schema: object };

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  maxCompletionTokens: number;
  responseFormat: ChatResponseFormat;
  reasoningEffort?: 'low' | 'medium' | 'high';
  temperature?: number;
}

export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface ChatResult {
  content: string;
  /** 'stop', or 'length' when the answer hit maxCompletionTokens (the caller decides). */
  finishReason: string;
  usage: ChatUsage;
  model: string;
  /** HTTP attempts made, including retried ones. */
  attempts: number;
  /** Time spent waiting in the rate limiter and in backoff sleeps. */
  waitedMs: number;
}

/** The chat-completions body for a request (non-streaming, n = 1). */
export function toCompletionBody(request: ChatRequest): ChatCompletionCreateParamsNonStreaming {
  const format = request.responseFormat;
  return {
    model: request.model,
    messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
    max_completion_tokens: request.maxCompletionTokens,
    response_format:
      format.type === 'json_schema'
        ? { type: 'json_schema', json_schema: { name: format.name, schema: format.schema as Record<string, unknown>, strict: true } }
        : { type: 'json_object' },
    ...(request.reasoningEffort ? { reasoning_effort: request.reasoningEffort } : {}),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    stream: false,
  };
}
