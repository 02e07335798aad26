/**
 * The `GET /openai/v1/models` list. Clients must pick from it rather than hard-code a model, so
 * the fake lists only what it was told to serve.
 */

/** The three families groq.md describes. */
export const DEFAULT_FAKE_MODELS: readonly string[] = ['llama-3.1-8b-instant', 'llama-3.3-70b-versatile', 'openai/gpt-oss-20b'];

const MAX_COMPLETION: Record<string, number> = {
  'llama-3.1-8b-instant': 131_072,
  'llama-3.3-70b-versatile': 32_768,
  'openai/gpt-oss-20b': 65_536,
};

export interface ModelEntry {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
  active: true;
  context_window: number;
  public_apps: null;
  max_completion_tokens: number;
}

/** A fixed creation time keeps responses byte-for-byte repeatable. */
const CREATED = 1_693_721_698;

export function modelEntry(id: string): ModelEntry {
  const owner = id.startsWith('openai/') ? 'OpenAI' : id.startsWith('llama') ? 'Meta' : 'Groq';
  return { id, object: 'model', created: CREATED, owned_by: owner, active: true, context_window: 131_072, public_apps: null, max_completion_tokens: MAX_COMPLETION[id] ?? 8_192 };
}

export function modelList(ids: readonly string[]): { object: 'list'; data: ModelEntry[] } {
  return { object: 'list', data: ids.map(modelEntry) };
}
