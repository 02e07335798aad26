/**
 * Shortens a title to a hard limit without breaking a word: trailing keyword segments go first,
 * then trailing words; the cut never ends in punctuation, a separator, a dangling "for"/"and", or
 * an unclosed bracket. A title whose first word alone is over the limit is left as it is: cutting
 * inside the word would be worse than the rule failure, and the seller has to rewrite it.
 */
import { countCharacters } from '../../common/rules/index.js';
import { SMALL_WORDS } from './acronyms.js';
import { joinSegments, splitSegments } from './title-segments.js';
import { tidyTitle } from './title-tidy.js';

const TRAILING_PUNCTUATION = /[\s\p{P}\p{S}]+$/u;
/** Closing brackets and quotes, and the marks a product name may end with, may stay at the end. */
const KEEPABLE_END = /[)\]}”’"'™©®]$/u;
const LAST_WORD = /\s*[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*$/u;
const TRAILING_WORD = /(?:^|\s)([\p{L}\p{M}\p{N}]+)$/u;

function fits(title: string, max: number): boolean {
  return title.length <= max || countCharacters(title) <= max;
}

/** Cuts where a bracket opened and never closed ("Necklace (Silver, 18"), if anything remains. */
function closeBrackets(title: string): string {
  for (const [open, close] of [['(', ')'], ['[', ']'], ['{', '}']] as const) {
    const at = title.lastIndexOf(open);
    if (at >= 0 && title.indexOf(close, at) < 0) {
      const before = title.slice(0, at).trimEnd();
      return before.length > 0 ? before : title.slice(0, at) + title.slice(at + 1);
    }
  }
  return title;
}

/** Removes trailing punctuation (keeping closing brackets/quotes) and dangling small words. */
function cleanEnd(title: string): string {
  let t = title;
  for (let guard = 0; guard < 20; guard++) {
    const before = t;
    t = closeBrackets(t);
    if (!KEEPABLE_END.test(t)) t = t.replace(TRAILING_PUNCTUATION, '');
    const last = TRAILING_WORD.exec(t)?.[1];
    if (last !== undefined && SMALL_WORDS.has(last.toLowerCase()) && t.trim() !== last) t = t.replace(LAST_WORD, '');
    if (t === before) break;
  }
  return t.trimEnd();
}

/** The title within `max` code points, or unchanged when it already fits or cannot be cut at a word. */
export function cutToLength(title: string, max: number): string {
  if (fits(title, max)) return title;
  const segments = splitSegments(title);
  while (segments.parts.length > 1 && !fits(joinSegments(segments), max)) {
    segments.parts.pop();
    segments.separators.pop();
  }
  let t = joinSegments(segments);
  if (!fits(t, max)) {
    // Code point `max` starts at UTF-16 index `end`; cut at the last space at or before it.
    let end = 0;
    for (let n = 0; n < max && end < t.length; n++) end += (t.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
    const space = t.charAt(end) === ' ' ? end : t.lastIndexOf(' ', end);
    if (space <= 0) return title;
    t = t.slice(0, space);
  }
  const cleaned = tidyTitle(cleanEnd(t));
  return cleaned.length > 0 && fits(cleaned, max) ? cleaned : title;
}
