/**
 * Repeated words in titles: "Necklace Necklace", a segment written twice, and — where the
 * marketplace limits it (Amazon: no word more than twice) — every occurrence past the limit.
 */
import type { TitlePolicy } from './title-policy.js';
import { joinSegments, splitSegments, withoutSegment } from './title-segments.js';
import { tidyTitle } from './title-tidy.js';

/** The same word twice or more in a row, any case. */
const ADJACENT_REPEAT = /(?<![\p{L}\p{M}\p{N}])([\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*)(?:\s+\1)+(?![\p{L}\p{M}\p{N}])/giu;
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
const HAS_LETTER = /\p{L}/u;

const normalized = (segment: string): string => segment.toLowerCase().replace(/\s+/g, ' ').trim();

/** Drops words repeated in a row and segments that repeat an earlier one. */
export function dropRepeats(title: string): string {
  ADJACENT_REPEAT.lastIndex = 0;
  let t = title.replace(ADJACENT_REPEAT, '$1');
  const segments = splitSegments(t);
  if (segments.parts.length > 1) {
    let kept = segments;
    // From the end, so the indices of the segments still to check stay valid.
    for (let i = segments.parts.length - 1; i > 0; i--) {
      const key = normalized(segments.parts[i] ?? '');
      if (key.length > 0 && segments.parts.slice(0, i).some((p) => normalized(p) === key)) kept = withoutSegment(kept, i);
    }
    t = joinSegments(kept);
  }
  return t === title ? title : tidyTitle(t);
}

/** The first occurrence of a word past `max`: its segment and its range inside the segment. */
function firstExcess(title: string, rule: NonNullable<TitlePolicy['wordRepeat']>): { segment: number; start: number; end: number } | null {
  const { parts } = splitSegments(title);
  const counts = new Map<string, number>();
  for (let s = 0; s < parts.length; s++) {
    for (const m of (parts[s] ?? '').matchAll(WORD)) {
      const word = m[0].toLowerCase();
      if (rule.exempt.has(word) || !HAS_LETTER.test(word)) continue;
      const n = (counts.get(word) ?? 0) + 1;
      counts.set(word, n);
      if (n > rule.max) return { segment: s, start: m.index, end: m.index + m[0].length };
    }
  }
  return null;
}

/**
 * No word more than `rule.max` times. An extra occurrence in a trailing keyword segment drops that
 * segment ("… - Birthday Gift" when "gift" is already there twice); in the main segment, the word.
 */
export function limitWordRepeats(title: string, rule: TitlePolicy['wordRepeat']): string {
  if (rule === null) return title;
  let t = title;
  for (let guard = 0; guard < 50; guard++) {
    const excess = firstExcess(t, rule);
    if (excess === null) break;
    const segments = splitSegments(t);
    if (excess.segment > 0) {
      t = tidyTitle(joinSegments(withoutSegment(segments, excess.segment)));
    } else {
      const part = segments.parts[0] ?? '';
      segments.parts[0] = part.slice(0, excess.start) + part.slice(excess.end);
      t = tidyTitle(joinSegments(segments));
    }
  }
  return t;
}
