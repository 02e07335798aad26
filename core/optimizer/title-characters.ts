/**
 * Characters a marketplace refuses in titles, from its rules: forbidden characters (Amazon's
 * ! $ ? _ { } ^ ¬ ¦, Etsy's emoji and symbols), characters allowed only once (Etsy's % : & +), and
 * what a title must start with (Etsy: a letter or a digit).
 */
import type { CharacterRule, TitlePolicy } from './title-policy.js';
import { tidyTitle } from './title-tidy.js';

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Removes every character `rule` forbids; one that joins two words ("Mug_Cup") becomes a space. */
export function removeForbidden(title: string, rule: CharacterRule, removed: string[]): string {
  rule.pattern.lastIndex = 0;
  if (!rule.pattern.test(title)) return title;
  rule.pattern.lastIndex = 0;
  const text = title.replace(rule.pattern, (ch: string, at: number, whole: string) => {
    if (!removed.includes(ch)) removed.push(ch);
    const joinsWords = WORD_CHAR.test(whole.charAt(at - 1)) && WORD_CHAR.test(whole.charAt(at + ch.length));
    return joinsWords ? ' ' : '';
  });
  return tidyTitle(text);
}

/** What a repeated once-only character becomes: its word where it has one. */
const SPELLED_OUT: Readonly<Record<string, string>> = { '&': ' and ', '+': ' plus ', '%': ' percent ' };

/** Keeps the first `max` of each once-only character and writes the later ones out ("&" → "and"). */
export function limitOnceOnly(title: string, rule: TitlePolicy['onceOnly'], replaced: string[]): string {
  if (rule === null) return title;
  let text = title;
  let changedAny = false;
  for (const ch of rule.chars) {
    let seen = 0;
    let changed = false;
    text = text.replace(new RegExp(ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'), () => {
      seen++;
      if (seen <= rule.max) return ch;
      changed = true;
      return SPELLED_OUT[ch] ?? ' ';
    });
    if (changed && !replaced.includes(ch)) replaced.push(ch);
    changedAny ||= changed;
  }
  return changedAny ? tidyTitle(text) : title;
}

/** Drops leading characters until the title starts as `rule` requires. */
export function fixStart(title: string, rule: TitlePolicy['startsWith']): string {
  if (rule === null) return title;
  let text = title;
  while (text.length > 0 && !rule.pattern.test(text)) {
    const first = String.fromCodePoint(text.codePointAt(0) ?? 32);
    text = text.slice(first.length).trimStart();
  }
  return text === title ? title : tidyTitle(text);
}
