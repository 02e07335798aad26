/**
 * A memoizing spelling checker over nspell. nspell's `correct` is cheap; its `suggest` costs 1–70 ms
 * per word, so it runs only for words `correct` rejects, keeps its first guesses, and remembers
 * every answer. Catalogs reuse a small vocabulary, so after warm-up nearly every lookup is a Map
 * hit. The guesses are raw: close-corrections.ts decides which are worth showing.
 */
import nspell from 'nspell';
import { COMMERCE_WORDS } from './commerce-words.js';
import type { DictionaryFiles } from './english-dictionary.js';
import { loadEnglishDictionary } from './english-dictionary.js';
import type { SpellChecker } from './proposal.js';

/** Raw guesses kept per word, before close-corrections.ts keeps the close, common ones. */
const MAX_SUGGESTIONS = 8;
/** nspell's search grows with word length and finds little for very long words. */
const MAX_SUGGEST_LENGTH = 18;
/** Memo size per checker; cleared when full (a bounded worst case for catalogs with unique words). */
const MEMO_LIMIT = 50_000;

const utf8 = new TextDecoder('utf-8');
const text = (data: Uint8Array | string): string => (typeof data === 'string' ? data : utf8.decode(data));

/** A checker over a Hunspell dictionary (bytes or text), with `extraWords` accepted as correct. */
export function createSpellChecker(files: DictionaryFiles, extraWords: readonly string[] = COMMERCE_WORDS): SpellChecker {
  const speller = nspell({ aff: text(files.aff), dic: text(files.dic) });
  for (const word of extraWords) speller.add(word);
  const verdicts = new Map<string, boolean>();
  const suggestions = new Map<string, readonly string[]>();

  const correct = (word: string): boolean => {
    let verdict = verdicts.get(word);
    if (verdict === undefined) {
      if (verdicts.size >= MEMO_LIMIT) verdicts.clear();
      verdict = speller.correct(word);
      verdicts.set(word, verdict);
    }
    return verdict;
  };

  return {
    correct,
    suggest(word) {
      if (correct(word)) return [];
      let found = suggestions.get(word);
      if (found === undefined) {
        if (suggestions.size >= MEMO_LIMIT) suggestions.clear();
        found = word.length > MAX_SUGGEST_LENGTH ? [] : speller.suggest(word).slice(0, MAX_SUGGESTIONS);
        suggestions.set(word, found);
      }
      return found;
    },
  };
}

let english: SpellChecker | undefined;

/** The English checker of this thread, loaded from dictionary-en on first use (≈ 150 ms). */
export function englishSpellChecker(): SpellChecker {
  english ??= createSpellChecker(loadEnglishDictionary());
  return english;
}
