/**
 * Prompt-injection guard: listing text is untrusted and a model can be talked into adding a link,
 * an e-mail address or markup. Whatever of those the answer holds must already be in the seller's
 * own listing; otherwise the field is rejected, never repaired (we cannot know what else changed).
 */
const URL_LIKE = /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|app|shop|store|site|online|xyz|info|biz|link|ru|cn|uk|de|me|ly|gg)\b(?:\/[^\s<>"')\]]*)?/gi;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const MARKUP_TAG = /<\/?[a-z][a-z0-9-]*\b[^<>]*>/gi;
const SCRIPTY = /javascript:|data:text\/html|on[a-z]+\s*=/gi;

/** Normalised for comparison: case and whitespace never decide whether something is new. */
const norm = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ');

/** The first link, address or markup in `output` that `source` does not contain; null when none. */
export function addedUnsafeText(output: string, source: string): string | null {
  const known = norm(source);
  for (const pattern of [EMAIL, URL_LIKE, MARKUP_TAG, SCRIPTY]) {
    pattern.lastIndex = 0;
    for (const match of output.matchAll(pattern)) {
      if (!known.includes(norm(match[0]))) return match[0].slice(0, 80);
    }
  }
  return null;
}
