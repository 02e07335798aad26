/**
 * Compiles a list of phrases into one whole-word, case-insensitive regex — the same matching the
 * rules engine applies to `forbiddenPhrases` checks (common/rules/checks.ts), so what the optimizer
 * removes is exactly what the rule flags.
 */
const WORD_CHAR_START = /^[\p{L}\p{N}]/u;
const WORD_CHAR_END = /[\p{L}\p{N}]$/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One alternative per phrase, longest first; a leading `%` stands for a percentage ("20% off"). */
export function phraseAlternatives(phrases: readonly string[]): string[] {
  return [...phrases]
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .sort((a, b) => b.length - a.length)
    .map((phrase) => {
      const body = escapeRegExp(phrase).replace(/\s+/g, '\\s+');
      const start = phrase.startsWith('%') ? '(?<![\\p{L}\\p{N}.,])\\d+(?:[.,]\\d+)?\\s*' : WORD_CHAR_START.test(phrase) ? '(?<![\\p{L}\\p{N}])' : '';
      const end = WORD_CHAR_END.test(phrase) ? '(?![\\p{L}\\p{N}])' : '';
      return `${start}${body}${end}`;
    });
}

/** A global regex finding any of `phrases` as whole words, case-insensitively. */
export function phrasePattern(phrases: readonly string[]): RegExp {
  return new RegExp(phraseAlternatives(phrases).join('|'), 'giu');
}
