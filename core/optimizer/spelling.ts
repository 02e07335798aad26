/**
 * Spelling suggestions for the proposed title, description and tags. Shown to the seller, never
 * applied. Words that are not the dictionary's business are skipped: the brand, words in ALL CAPS
 * (acronyms, model codes), words with digits, words with inner capitals (iPhone), non-Latin
 * scripts, and anything inside HTML tags, entities, URLs, e-mail addresses and dotted names.
 *
 * Cost: one regex pass per text and one Map lookup per word — the verdict per word is memoized
 * (the dictionary's answer does not change), so only unknown words cost more.
 */
import type { Brand } from './brand.js';
import type { SpellChecker, SpellingSuggestion } from './proposal.js';

/**
 * Markup, URLs, e-mail addresses and dotted names (myshop.com) to step over — or a word (group 1).
 */
const TOKEN =
  /<[^<>]*>|&#?[a-z0-9]+;|[^\s<>]*(?:@|:\/\/|www\.)[^\s<>]*|[\p{L}\p{M}\p{N}-]+(?:\.[\p{L}\p{M}\p{N}-]+)+|([\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*)/giu;
const LATIN_WORD = /^[\p{Script=Latin}\p{M}'’]+$/u;
const DIGIT = /\p{N}/u;
const LOWER = /\p{Ll}/u;
const INNER_CAPITAL = /.\p{Lu}/u;

/** Most suggestions per listing: a review screen, not a proof-reading job. */
const MAX_PER_LISTING = 20;
const MEMO_LIMIT = 100_000;

export interface SpellingSources {
  title: string;
  description: string;
  tags: readonly string[];
}

type Field = SpellingSuggestion['field'];

/** Per checker: word → flagged as unknown (text and tags apart: tags are lower-case by convention). */
const verdicts = new WeakMap<SpellChecker, { text: Map<string, boolean>; tags: Map<string, boolean> }>();

const capitalized = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

function worthChecking(word: string): boolean {
  return word.length >= 3 && !DIGIT.test(word) && LATIN_WORD.test(word) && LOWER.test(word) && !INNER_CAPITAL.test(word);
}

function isFlagged(word: string, field: Field, checker: SpellChecker): boolean {
  let memo = verdicts.get(checker);
  if (memo === undefined) {
    memo = { text: new Map(), tags: new Map() };
    verdicts.set(checker, memo);
  }
  const map = field === 'tags' ? memo.tags : memo.text;
  let flagged = map.get(word);
  if (flagged === undefined) {
    const normal = word.replace(/’/g, "'");
    flagged = worthChecking(normal) && !checker.correct(normal);
    // "samsung" or "usb" in a tag is the convention, not a mistake.
    if (flagged && field === 'tags') flagged = !checker.correct(capitalized(normal)) && !checker.correct(normal.toUpperCase());
    if (map.size >= MEMO_LIMIT) map.clear();
    map.set(word, flagged);
  }
  return flagged;
}

interface ScanState {
  checker: SpellChecker;
  brand: Brand | null;
  seen: Set<string>;
  out: SpellingSuggestion[];
}

function scan(text: string, field: Field, item: number | undefined, state: ScanState): void {
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null) {
    const word = m[1];
    if (word === undefined || !isFlagged(word, field, state.checker)) continue;
    if (state.out.length >= MAX_PER_LISTING) return;
    const key = `${field}:${word}`;
    if (state.seen.has(key) || state.brand?.words.has(word.toLowerCase())) continue;
    state.seen.add(key);
    const normal = word.replace(/’/g, "'");
    const suggestion: SpellingSuggestion = { field, word, suggestions: state.checker.suggest(normal), start: m.index, end: m.index + word.length };
    if (item !== undefined) suggestion.item = item;
    state.out.push(suggestion);
  }
}

/** Unknown words of the proposed values, each once per field, with up to three corrections. */
export function spellingSuggestions(sources: SpellingSources, brand: Brand | null, checker: SpellChecker): SpellingSuggestion[] {
  const state: ScanState = { checker, brand, seen: new Set(), out: [] };
  scan(sources.title, 'title', undefined, state);
  scan(sources.description, 'description', undefined, state);
  sources.tags.forEach((tag, i) => scan(tag, 'tags', i, state));
  return state.out;
}
