/**
 * The fake model's "copywriting": a deterministic tidy-up of each listing, so tests can predict
 * every answer exactly. It meets the limits it is given, like a well-behaved model would; faults
 * (faults.ts) and the injection trigger below produce the misbehaviour.
 */
import type { AiListingInput, AiRewrite } from '../ai-protocol.js';

/** A listing whose text contains this is "obeyed" by the fake, as a naive model would. */
export const INJECTION_TRIGGER = 'IGNORE PREVIOUS INSTRUCTIONS';
/** What the fake appends to the description of an injected listing. */
export const INJECTED_TEXT = ' Visit http://evil.example.com now';

const STOPWORDS = new Set([
  'the', 'and', 'for', 'with', 'from', 'this', 'that', 'these', 'those', 'your', 'you', 'our', 'are',
  'was', 'were', 'its', 'all', 'any', 'but', 'not', 'has', 'have', 'had', 'into', 'onto', 'over',
  'very', 'more', 'most', 'off', 'per', 'via', 'out', 'can', 'will', 'just', 'too', 'also', 'than',
  'then', 'them', 'they', 'their', 'her', 'his', 'she', 'him', 'who', 'what', 'when', 'where', 'why',
  'how', 'each', 'only', 'own', 'same', 'such', 'both', 'few', 'other', 'some', 'about', 'above',
  'below', 'under', 'again', 'further', 'once', 'here', 'there', 'does', 'did', 'doing', 'being',
  'been', 'best', 'great', 'new',
]);

/** Longest all-caps word kept as an acronym ("USB", "NASA"); longer shouting becomes Title Case. */
const ACRONYM_MAX = 4;

export function rewriteListing(listing: AiListingInput): AiRewrite {
  const title = cutAtWord(tidyTitle(listing.title), listing.limits.titleMax);
  let description = cutDescription(normalizeText(listing.description), listing.limits.descriptionMax);
  if (`${listing.title}\n${listing.description}`.includes(INJECTION_TRIGGER)) description += INJECTED_TEXT;
  return { id: listing.id, title, description, tags: tagsFor(title, listing.tags, listing.limits.tagCount, listing.limits.tagMax) };
}

/** Collapses whitespace, drops `!`/`*` runs, lowers shouting, removes repeated words. */
export function tidyTitle(raw: string): string {
  const words = raw.replace(/[!*]+/g, ' ').split(/\s+/).filter((word) => word !== '');
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const word of words) {
    const key = word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    if (key.length > 1 && seen.has(key)) continue;
    if (key !== '') seen.add(key);
    kept.push(unshout(word));
  }
  return kept.join(' ');
}

function unshout(word: string): string {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters.length <= ACRONYM_MAX || letters !== letters.toUpperCase() || letters === letters.toLowerCase()) return word;
  const lower = word.toLowerCase();
  const first = lower.search(/\p{L}/u);
  return lower.slice(0, first) + lower.charAt(first).toUpperCase() + lower.slice(first + 1);
}

/** Trims, collapses runs of spaces within lines and keeps at most one blank line between paragraphs. */
export function normalizeText(raw: string): string {
  return raw
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** Cuts at the last word boundary that fits (a hard cut only for one overlong word). */
export function cutAtWord(text: string, max: number): string {
  if (max <= 0 || text.length <= max) return text;
  const head = text.slice(0, max + 1);
  const space = head.search(/\s\S*$/);
  const cut = space > 0 ? text.slice(0, space) : text.slice(0, max);
  return cut.replace(/[\s,;:\-/&|]+$/, '');
}

/** Cuts after the last whole sentence that fits, if that keeps at least half; else at a word. */
export function cutDescription(text: string, max: number): string {
  if (max <= 0 || text.length <= max) return text;
  const head = text.slice(0, max);
  let end = -1;
  for (const match of head.matchAll(/[.!?](?=\s|$)/g)) end = match.index + 1;
  if (end >= max / 2) return head.slice(0, end);
  return cutAtWord(text, max);
}

/** Unique lowercase tags: existing tags, then adjacent keyword pairs of the title, then keywords. */
export function tagsFor(title: string, existing: readonly string[], count: number, tagMax: number): string[] {
  if (count <= 0) return [];
  const keywords = title.toLowerCase().split(/\s+/).map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  const isKeyword = (word: string | undefined): word is string =>
    word !== undefined && (word.match(/\p{L}/gu)?.length ?? 0) >= 3 && !STOPWORDS.has(word);
  const pairs: string[] = [];
  for (let i = 0; i + 1 < keywords.length; i += 1) {
    const [a, b] = [keywords[i], keywords[i + 1]];
    if (isKeyword(a) && isKeyword(b)) pairs.push(`${a} ${b}`);
  }
  const candidates = [
    ...existing.map((tag) => tag.toLowerCase().replace(/\s+/g, ' ').trim()).filter((tag) => isKeyword(tag)),
    ...pairs,
    ...keywords.filter(isKeyword),
  ];
  const tags: string[] = [];
  for (const tag of candidates) {
    if (tags.length >= count) break;
    if (tag.length <= tagMax && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}
