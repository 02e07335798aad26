/**
 * Capitals in titles: shouted words back to normal case (acronyms, sizes and the brand keep their
 * casing), the brand written as in the brand field, and Etsy's "at most 3 words in ALL CAPS".
 */
import { ACRONYMS, SMALL_WORDS } from './acronyms.js';
import { mayHoldBrand, type Brand } from './brand.js';

/** A word with inner apostrophes (WOMEN'S), as the rules engine reads words. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
/** The engine's ALL-CAPS word (common/rules/checks.ts): ≥ 2 upper-case letters and no lower-case one. */
const CAPS_WORD = /(?<![\p{L}\p{M}\p{N}])(?=[\p{N}\p{M}]*\p{Lu}[\p{N}\p{M}]*\p{Lu})[\p{Lu}\p{N}\p{M}]+(?![\p{L}\p{M}\p{N}])/gu;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/gu;
const DIGIT = /\p{N}/u;
/** Text before a word that opens the title or a segment. */
const OPENS_SEGMENT = /(?:^|[-–—|•·~*/,;:([]\s*)$/;

export interface CapitalsOptions {
  brand: Brand | null;
  /** Dictionary lookup of a lower-case word; absent when spelling is disabled. */
  isWord?: ((word: string) => boolean) | undefined;
}

/** "WOMEN'S" → "Women's". */
export function titleCaseWord(word: string): string {
  const lower = word.toLowerCase();
  const first = String.fromCodePoint(lower.codePointAt(0) ?? 32);
  return first.toUpperCase() + lower.slice(first.length);
}

function countCapsWords(text: string): number {
  CAPS_WORD.lastIndex = 0;
  let n = 0;
  while (CAPS_WORD.test(text)) n++;
  return n;
}

/** No lower-case letter and at least two ALL-CAPS words: the whole title is shouted. */
export function isAllCaps(title: string): boolean {
  return !LOWER.test(title) && countCapsWords(title) >= 2;
}

function letterCount(word: string): number {
  return word.match(LETTER)?.length ?? 0;
}

/** Ranges of the brand in the text. */
function brandRanges(text: string, brand: Brand | null): [number, number][] {
  if (brand === null || !mayHoldBrand(text, brand)) return [];
  brand.pattern.lastIndex = 0;
  return Array.from(text.matchAll(brand.pattern), (m): [number, number] => [m.index, m.index + m[0].length]);
}

const inRanges = (at: number, ranges: readonly [number, number][]): boolean => ranges.some(([from, to]) => at >= from && at < to);

/**
 * Rewrites shouted words in normal case. In an all-caps title every word is converted except
 * acronyms (the table, words with digits, and short words the dictionary does not know); small
 * words inside a segment go lower-case. In a title in normal case only words of ≥ 2 capitals are
 * touched, and short ones only when the dictionary knows them ("GIFT" yes, "NWT" no).
 */
export function unshout(title: string, options: CapitalsOptions): string {
  const allCaps = isAllCaps(title);
  const protectedRanges = brandRanges(title, options.brand);
  return title.replace(WORD, (word, at: number) => {
    if (LOWER.test(word) || DIGIT.test(word) || inRanges(at, protectedRanges)) return word;
    const letters = letterCount(word);
    if (letters === 0 || (!allCaps && letters < 2)) return word;
    if (ACRONYMS.has(word.toUpperCase())) return word;
    const lower = word.toLowerCase();
    // Without a dictionary: in a shouted title short words are mostly words, in a normal one acronyms.
    const known = options.isWord ? options.isWord(lower) : allCaps;
    if (letters <= 4 && !known) return word;
    if (SMALL_WORDS.has(lower) && !OPENS_SEGMENT.test(title.slice(0, at))) return lower;
    return titleCaseWord(word);
  });
}

/** The brand written exactly as in the brand field wherever the title has it in another casing. */
export function restoreBrandCasing(title: string, brand: Brand | null): string {
  if (brand === null || !mayHoldBrand(title, brand)) return title;
  brand.pattern.lastIndex = 0;
  return title.replace(brand.pattern, (found) => (found.replace(/\s+/g, ' ') === brand.name ? found : brand.name));
}

/**
 * At most `max` ALL-CAPS words (Etsy: 3). Converts plain shouted words first, then acronyms, then
 * words with digits, the brand last — and the later ones in the title before the earlier ones.
 */
export function limitCapsWords(title: string, max: number, brand: Brand | null): string {
  const total = countCapsWords(title);
  if (total <= max) return title;
  const protectedRanges = brandRanges(title, brand);
  const candidates: { at: number; word: string; caps: number; keepRank: number }[] = [];
  for (const m of title.matchAll(WORD)) {
    const caps = countCapsWords(m[0]);
    if (caps === 0) continue;
    const keepRank = inRanges(m.index, protectedRanges) ? 3 : DIGIT.test(m[0]) ? 2 : ACRONYMS.has(m[0].toUpperCase()) ? 1 : 0;
    candidates.push({ at: m.index, word: m[0], caps, keepRank });
  }
  candidates.sort((a, b) => a.keepRank - b.keepRank || b.at - a.at);
  let over = total - max;
  const convert = new Set<number>();
  for (const c of candidates) {
    if (over <= 0) break;
    convert.add(c.at);
    over -= c.caps;
  }
  return title.replace(WORD, (word, at: number) => (convert.has(at) ? titleCaseWord(word) : word));
}
