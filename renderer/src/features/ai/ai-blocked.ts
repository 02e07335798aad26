import type { AiStatus } from '../../../../common/ai-types.js';
import { OFFLINE_REASON } from '../connection/offline.js';

/** Why AI cannot be used at all yet (status unknown, no key), or null: one wording for every AI control. */
export function aiUnavailable(ai: AiStatus | null): string | null {
  if (ai === null) return 'Checking the AI settings…';
  if (!ai.key.present) return 'Needs a Groq API key: add one in Tools › AI settings…';
  return null;
}

/** Why "Rewrite with AI" cannot start now (its disabled button's title), or null when it can. */
export function aiRewriteBlocked({ offline, ai, dirty }: { offline: boolean; ai: AiStatus | null; dirty: boolean }): string | null {
  if (offline) return OFFLINE_REASON;
  const unavailable = aiUnavailable(ai);
  if (unavailable !== null) return unavailable;
  if (dirty) return 'Save or discard your edits first: the AI rewrites the saved listing.';
  return null;
}
