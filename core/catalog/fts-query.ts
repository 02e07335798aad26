/**
 * Turns what a seller typed into an FTS5 query that cannot fail to parse: every word becomes a
 * double-quoted string (FTS5 syntax — AND, OR, NOT, NEAR, parentheses, column filters, `-`, `*`,
 * `^` — means nothing inside quotes; a quote inside is doubled), and words are ANDed. The last
 * word matches as a prefix so results appear while typing — unless it is a single character:
 * a one-letter prefix expands to most of the vocabulary (~0.5 s at 1M listings), so it matches
 * as a whole word instead. Returns null when nothing searchable is left (only punctuation or
 * spaces): the caller then does not search at all.
 */
export function toFtsQuery(text: string): string | null {
  const words = text
    .normalize('NFC')
    .replace(/\p{Cc}/gu, ' ')
    .split(/\s+/u)
    // unicode61 indexes letters, numbers and private-use characters; anything else separates
    // tokens, so a word without any of them would be an empty phrase.
    .filter((word) => TOKEN_CHARACTER.test(word));
  if (words.length === 0) return null;
  return words
    .map((word, index) => {
      const quoted = `"${word.replaceAll('"', '""')}"`;
      const isLast = index === words.length - 1;
      return isLast && lastTokenLength(word) >= 2 ? `${quoted}*` : quoted;
    })
    .join(' ');
}

const TOKEN_CHARACTER = /[\p{L}\p{N}\p{Co}]/u;

/** Length of the final token inside a word ("t-sh" → "sh"): that is what the prefix applies to. */
function lastTokenLength(word: string): number {
  const tokens = word.split(/[^\p{L}\p{N}\p{Co}\p{M}]+/u).filter((token) => TOKEN_CHARACTER.test(token));
  return [...(tokens.at(-1) ?? '')].filter((character) => TOKEN_CHARACTER.test(character)).length;
}
