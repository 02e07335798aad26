/**
 * Reads the model's answer: JSON (a code fence around it is tolerated), the expected shape, one
 * entry per requested id. Anything else is an answer to re-ask, never a partial write.
 */
import { z } from 'zod';
import type { AiRewrite } from './ai-protocol.js';

const rewriteSchema = z.object({
  id: z.number().int(),
  title: z.string().max(2_000),
  description: z.string().max(50_000),
  tags: z.array(z.string().max(200)).max(100),
});
const documentSchema = z.object({ listings: z.array(z.unknown()).max(500) });

export type ParsedAnswer =
  | { ok: true; rewrites: Map<number, AiRewrite>; malformedIds: number[] }
  | { ok: false; reason: string };

const FENCE = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/;

export function parseAnswer(content: string, requestedIds: readonly number[]): ParsedAnswer {
  const text = FENCE.exec(content)?.[1] ?? content;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the answer was not valid JSON' };
  }
  const document = documentSchema.safeParse(json);
  if (!document.success) return { ok: false, reason: 'the answer did not have a "listings" array' };
  const wanted = new Set(requestedIds);
  const rewrites = new Map<number, AiRewrite>();
  for (const entry of document.data.listings) {
    const parsed = rewriteSchema.safeParse(entry);
    // Only the allowed fields are read: anything else the model added is dropped here.
    if (parsed.success && wanted.has(parsed.data.id) && !rewrites.has(parsed.data.id)) {
      const { id, title, description, tags } = parsed.data;
      rewrites.set(id, { id, title, description, tags });
    }
  }
  return { ok: true, rewrites, malformedIds: requestedIds.filter((id) => !rewrites.has(id)) };
}
