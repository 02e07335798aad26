/**
 * Text measuring and message formatting for the rules engine. Allocation-free where it matters.
 *
 * COUNTING. Marketplaces speak of "characters"; we count Unicode code points (`[...s].length`), so an
 * emoji such as 😀 or a CJK ideograph counts 1, an accented letter written precomposed (é, NFC) counts
 * 1 and a decomposed one (e + U+0301, NFD) counts 2. Amazon's backend search terms are the exception:
 * Amazon counts UTF-8 bytes (a, 1: 1 byte; é, ß: 2; €, 漢: 3; 😀: 4). Spans are in UTF-16 code units
 * (JS string indices) so the UI can slice and highlight directly.
 */

/** Number of Unicode code points (lone surrogates count 1). */
export function countCharacters(s: string): number {
  const n = s.length;
  let count = n;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/** Length of `s` encoded as UTF-8 (lone surrogates count 3, as U+FFFD). */
export function countUtf8Bytes(s: string): number {
  const n = s.length;
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** UTF-16 index where code point number `n` (0-based) starts; `s.length` when `s` is shorter. */
export function indexOfCodePoint(s: string, n: number): number {
  const len = s.length;
  let i = 0;
  for (let k = 0; k < n && i < len; k++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = s.charCodeAt(i + 1);
      i += d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
    } else i++;
  }
  return i;
}

/** UTF-16 index where byte number `n` (0-based) of the UTF-8 encoding falls. */
export function indexOfUtf8Byte(s: string, n: number): number {
  const len = s.length;
  let bytes = 0;
  let i = 0;
  while (i < len) {
    const c = s.charCodeAt(i);
    let width = 3;
    let units = 1;
    if (c < 0x80) width = 1;
    else if (c < 0x800) width = 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        width = 4;
        units = 2;
      }
    }
    if (bytes + width > n) return i;
    bytes += width;
    i += units;
  }
  return len;
}

/**
 * Visible characters of a text that may contain HTML: tags (`<…>`) are skipped, an entity
 * (`&amp;`, `&#39;`) counts 1, whitespace runs count 1. Stops counting at `stopAt` (cheap on huge
 * descriptions).
 */
export function countVisibleCharacters(s: string, stopAt = Infinity): number {
  const n = s.length;
  let count = 0;
  let inTag = false;
  let lastSpace = true;
  for (let i = 0; i < n && count < stopAt; i++) {
    const c = s.charCodeAt(i);
    if (inTag) {
      if (c === 62 /* > */) inTag = false;
      continue;
    }
    if (c === 60 /* < */) {
      const next = s.charCodeAt(i + 1);
      // `<` followed by a letter, `/` or `!` opens a tag; otherwise it is text ("a < b").
      if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 47 || next === 33) {
        inTag = true;
        continue;
      }
    }
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) {
      if (!lastSpace) count++;
      lastSpace = true;
      continue;
    }
    lastSpace = false;
    if (c === 38 /* & */) {
      const semi = s.indexOf(';', i + 1);
      if (semi > i && semi - i <= 10 && /^&#?[a-z0-9]+;$/i.test(s.slice(i, semi + 1))) i = semi;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

const GROUP = /\B(?=(\d{3})+(?!\d))/g;

/** 5000 → "5,000" (locale-independent: the same in Node and every browser). */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n).replace(GROUP, ',') : String(n);
}

const PLACEHOLDER = /\{(\w+)(?:([:?])([^}]+))?\}/g;

export type Vars = Readonly<Record<string, string | number>>;

/**
 * Fills a message template: `{name}` → the variable; `{name:noun}` → "1 noun" / "3 nouns";
 * `{name:singular/plural}` → "1 entry" / "3 entries"; `{name?singular/plural}` → the word alone
 * ("it" / "them"). Unknown variables are left as written.
 */
export function formatMessage(template: string, vars: Vars): string {
  return template.replace(PLACEHOLDER, (whole, name: string, mode: string | undefined, noun: string | undefined) => {
    const value = vars[name];
    if (value === undefined) return whole;
    const shown = typeof value === 'number' ? formatNumber(value) : value;
    if (noun === undefined) return shown;
    const slash = noun.indexOf('/');
    const singular = slash < 0 ? noun : noun.slice(0, slash);
    const plural = slash < 0 ? `${noun}s` : noun.slice(slash + 1);
    const word = value === 1 ? singular : plural;
    return mode === '?' ? word : `${shown} ${word}`;
  });
}

const INVISIBLE = /^[\p{C}\p{Z}]$/u;

/** A character as a message shows it: “x”, "a space", or U+200D for other invisible ones (controls, odd spaces). */
export function showChar(ch: string): string {
  if (ch === ' ') return 'a space';
  if (INVISIBLE.test(ch)) {
    const cp = ch.codePointAt(0) ?? 0;
    return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `“${ch}”`;
}

/** “a”, “b” and “c” (at most `limit`, then "and N more"). */
export function listOf(items: readonly string[], limit = 5): string {
  const shown = items.slice(0, limit);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** Shortens a long item for a message: “a very long tag tha…”. */
export function quote(s: string, max = 40): string {
  return `“${countCharacters(s) > max ? `${s.slice(0, indexOfCodePoint(s, max - 1))}…` : s}”`;
}
