/**
 * Whitespace and punctuation clean-up for titles. Every other title step ends with `tidyTitle`, so
 * a removal never leaves "Necklace ,  - Gift" behind. Both functions are idempotent.
 */
import { joinSegments, splitSegments } from './title-segments.js';

/** Control and format characters (zero-width spaces, BOMs, bidi marks), except whitespace (a space) and the emoji joiner U+200D. */
const INVISIBLE = /(?![\t\n\v\f\r\u200d])[\p{Cc}\p{Cf}]/gu;
const SPACES = /[\s\p{Zs}]+/gu;

/** NFC (so "é" counts one character, as marketplaces count it), no invisible characters, single spaces, trimmed. */
export function normalizeWhitespace(title: string): string {
  return title.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

const SPACE_BEFORE_PUNCTUATION = / +([,;:.!?)\]}])/g;
const SPACE_AFTER_OPENING = /([([{]) +/g;
const COMMA_BEFORE_LETTER = /,(?=\p{L})/gu;
/** "!!!" is not tidied here: the filler step removes it as shouting. */
const REPEATED_PUNCTUATION = /([,;:|~*•·=/])\1+|[-–—]{2,}/g;
const EMPTY_BRACKETS = /\(\s*\)|\[\s*\]|\{\s*\}/g;
const LEADING = /^[\s\-–—|•·~*/,;:.!?]+/;
const TRAILING = /[\s\-–—|•·~*/,;:&+]+$/;
const BLANK_SEGMENT = /^[\s\p{P}\p{S}]*$/u;
/** Separators in a row (" - | ", ", - "): the first one stays. */
const SEPARATOR_RUN = /(\s*[,;]|\s+[-–—|•·~*/]+)(?:\s*[,;]|\s+[-–—|•·~*/]+)+(?=\s|$)/g;

function tidyOnce(title: string): string {
  let t = normalizeWhitespace(title)
    .replace(EMPTY_BRACKETS, '')
    .replace(REPEATED_PUNCTUATION, (run) => run[0] ?? '')
    .replace(SPACE_BEFORE_PUNCTUATION, '$1')
    .replace(SPACE_AFTER_OPENING, '$1')
    .replace(SEPARATOR_RUN, '$1')
    .replace(COMMA_BEFORE_LETTER, ', ');
  // Separators left with nothing between them ("Necklace -  | Gift") collapse to the first one.
  const segments = splitSegments(t);
  if (segments.parts.length > 1 && segments.parts.some((p) => BLANK_SEGMENT.test(p))) {
    const parts: string[] = [];
    const separators: string[] = [];
    for (let i = 0; i < segments.parts.length; i++) {
      const part = segments.parts[i] ?? '';
      if (BLANK_SEGMENT.test(part)) continue;
      if (parts.length > 0) separators.push(segments.separators[i - 1] ?? ' - ');
      parts.push(part);
    }
    t = joinSegments({ parts, separators });
  }
  return normalizeWhitespace(t.replace(LEADING, '').replace(TRAILING, ''));
}

/** Single spaces, no space before , . ; : ! ?, no repeated or dangling separators, no empty brackets. */
export function tidyTitle(title: string): string {
  let t = title;
  // Each pass can expose another fix ("Gift , , - x"); a few passes reach the fixed point.
  for (let pass = 0; pass < 4; pass++) {
    const next = tidyOnce(t);
    if (next === t) break;
    t = next;
  }
  return t;
}
