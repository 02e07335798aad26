/**
 * Which of the dictionary's guesses are worth showing. nspell proposes anything it can reach —
 * "pee" for "pre", "gym" for "gsm", "shirt" for "tshirt" — and a wrong guess costs the seller's
 * trust more than no guess. A correction is offered only when it is close (one edit for words up
 * to 7 letters, two for longer ones; a swap of two neighbours counts as one) and common (SCOWL's
 * common sizes, or a word the seller's catalog uses often). Words of 3–4 letters are mostly codes
 * and shorthand: they get a correction only when exactly one common word is one edit away.
 */
import { isCommonWord } from './common-words.js';

/** Most corrections shown per word. */
export const MAX_CORRECTIONS = 3;

/** Edit distance with adjacent transpositions (optimal string alignment), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return 0;
  const rows: number[][] = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      const row = rows[i]!;
      let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row[j] = best;
    }
  }
  return rows[s.length]![t.length]!;
}

/** Most edits a correction of a word this long may take. */
export function maxEdits(word: string): number {
  return [...word].length >= 8 ? 2 : 1;
}

/**
 * The guesses worth showing for `word`, closest first (the dictionary's order among equals), at
 * most MAX_CORRECTIONS. `known`: words the seller's catalog uses often (also fine to offer).
 */
export function closeCorrections(word: string, guesses: readonly string[], known: (word: string) => boolean = () => false): string[] {
  const limit = maxEdits(word);
  const close = guesses
    .map((guess, order) => ({ guess, order, distance: editDistance(word, guess) }))
    .filter((c) => c.distance > 0 && c.distance <= limit && (isCommonWord(c.guess) || known(c.guess)))
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .map((c) => c.guess);
  if ([...word].length <= 4) return close.length === 1 ? close : [];
  return close.slice(0, MAX_CORRECTIONS);
}
