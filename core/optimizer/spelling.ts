/**
 * Spelling suggestions for the proposed title, description and tags. Shown to the seller, never
 * applied. Words that are not the dictionary's business are skipped: the brand, words in ALL CAPS
 * (acronyms, model codes), words with digits and model numbers ("XR-500"), words with inner
 * capitals (iPhone), trade shorthand, sizes and units (trade-words.ts), the first part of a
 * hyphenated word when it is a prefix ("pre-owned"), words the seller's catalog vouches for
 * (catalog-vocabulary.ts), non-Latin scripts, and anything inside HTML tags, entities, URLs, e-mail
 * addresses and dotted names. Corrections are only the close, common ones (close-corrections.ts).
 *
 * Cost: one regex pass per text and one Map lookup per word — the verdict per word is memoized
 * (the dictionary's answer does not change), so only unknown words cost more.
 */
import type { Brand } from './brand.js';
import { closeCorrections } from './close-corrections.js';
import type { SpellChecker, SpellingSuggestion } from './proposal.js';
import { HYPHEN_PREFIXES, isTradeWord } from './trade-words.js';

/**
 * Markup, URLs, e-mail addresses and dotted names (myshop.com) to step over — or a word, possibly
 * hyphenated (group 1).
 */
const TOKEN =
  /<[^<>]*>|&#?[a-z0-9]+;|[^\s<>]*(?:@|:\/\/|www\.)[^\s<>]*|[\p{L}\p{M}\p{N}-]+(?:\.[\p{L}\p{M}\p{N}-]+)+|([\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*)/giu;
const PART = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
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

/** Words the seller's catalog vouches for (any case); see CatalogVocabulary.knows. */
export type KnownWords = (word: string) => boolean;

type Field = SpellingSuggestion['field'];

/** Per checker: word → flagged as unknown (text and tags apart: tags are lower-case by convention). */
const verdicts = new WeakMap<SpellChecker, { text: Map<string, boolean>; tags: Map<string, boolean> }>();

const capitalized = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

function worthChecking(word: string): boolean {
  return word.length >= 3 && !DIGIT.test(word) && LATIN_WORD.test(word) && LOWER.test(word) && !INNER_CAPITAL.test(word) && !isTradeWord(word);
}

function dictionaryFlags(word: string, field: Field, checker: SpellChecker): boolean {
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

/**
 * True when `word` would be flagged in `field`: the dictionary does not know it and nothing else
 * vouches for it. A word alone; see `spelledRight` for a tag or a hyphenated word.
 */
export function isFlagged(word: string, field: Field, checker: SpellChecker, known?: KnownWords): boolean {
  return dictionaryFlags(word, field, checker) && !(known?.(word) ?? false);
}

/**
 * True when no word of `text` (a tag, a phrase) would be flagged in `field`: what the tag proposer
 * asks before proposing a tag, so a proposed tag is never flagged on its own card.
 */
export function spelledRight(text: string, field: Field, checker: SpellChecker, known?: KnownWords): boolean {
  for (const m of text.matchAll(new RegExp(TOKEN.source, TOKEN.flags))) {
    const token = m[1];
    if (token === undefined) continue;
    for (const part of partsToCheck(token)) if (isFlagged(part.word, field, checker, known)) return false;
  }
  return true;
}

/** The parts of a (possibly hyphenated) token to check, with their offsets in it. */
function partsToCheck(token: string): { word: string; offset: number }[] {
  const parts = Array.from(token.matchAll(PART), (m) => ({ word: m[0], offset: m.index }));
  // A model number ("XR-500", "A4-size"): a code, not words.
  if (parts.length > 1 && parts.some((p) => DIGIT.test(p.word))) return [];
  // "pre-owned", "non-slip": the prefix is right as the first part of a hyphenated word.
  if (parts.length > 1 && HYPHEN_PREFIXES.has(parts[0]?.word.toLowerCase() ?? '')) return parts.slice(1);
  return parts;
}

interface ScanState {
  checker: SpellChecker;
  brand: Brand | null;
  known: KnownWords | undefined;
  seen: Set<string>;
  out: SpellingSuggestion[];
}

function scan(text: string, field: Field, item: number | undefined, state: ScanState): void {
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null) {
    const token = m[1];
    if (token === undefined) continue;
    for (const { word, offset } of partsToCheck(token)) {
      if (!isFlagged(word, field, state.checker, state.known)) continue;
      if (state.out.length >= MAX_PER_LISTING) return;
      const key = `${field}:${word}`;
      if (state.seen.has(key) || state.brand?.words.has(word.toLowerCase())) continue;
      state.seen.add(key);
      const normal = word.replace(/’/g, "'");
      const start = m.index + offset;
      const suggestion: SpellingSuggestion = {
        field,
        word,
        suggestions: closeCorrections(normal, state.checker.suggest(normal), state.known),
        start,
        end: start + word.length,
      };
      if (item !== undefined) suggestion.item = item;
      state.out.push(suggestion);
    }
  }
}

/**
 * Unknown words of the proposed values, each once per field, with up to three close, common
 * corrections (none when unsure). `known`: the seller's catalog vocabulary, when there is one.
 */
export function spellingSuggestions(sources: SpellingSources, brand: Brand | null, checker: SpellChecker, known?: KnownWords): SpellingSuggestion[] {
  const state: ScanState = { checker, brand, known, seen: new Set(), out: [] };
  scan(sources.title, 'title', undefined, state);
  scan(sources.description, 'description', undefined, state);
  sources.tags.forEach((tag, i) => scan(tag, 'tags', i, state));
  return state.out;
}
