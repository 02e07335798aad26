/**
 * Matching helpers shared by the output checks. JavaScript's `\b` only knows ASCII letters, so a
 * phrase starting with "é" or "ł" needs Unicode-aware edges; `words()` builds them once.
 */

/** Lower case, one space for any whitespace run, typographic apostrophes as ASCII. */
export function normalize(text: string): string {
  return text.toLowerCase().replace(/[’‘`´]/g, "'").replace(/\s+/g, ' ');
}

/** Letters and digits only, lower case: "WH-1000 XM4" and "wh1000xm4" compare equal. */
export function compact(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A regex matching `body` as whole words (Unicode letters/digits on neither side), case-insensitive. */
export function words(body: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'giu');
}

/** Every match of `pattern` in `text` (the first only, when the regex is not global). */
export function matchesOf(pattern: RegExp, text: string): string[] {
  pattern.lastIndex = 0;
  if (!pattern.global) {
    const match = pattern.exec(text);
    return match ? [match[0]] : [];
  }
  return [...text.matchAll(pattern)].map((match) => match[0]);
}

/** Quoted for a seller-facing reason, shortened to a readable length. */
export function quote(text: string, max = 60): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return `"${clean.length > max ? `${clean.slice(0, max - 1)}…` : clean}"`;
}
