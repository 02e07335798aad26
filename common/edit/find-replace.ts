import { ContractError } from '../result.js';
import { expandReplacement } from './replacement-template.js';

export interface FindReplaceOptions {
  regex: boolean;
  caseSensitive: boolean;
}

/** The result of replacing in one text: the new text (null: no match) or why it was refused. */
export type ReplaceResult = { text: string } | { tooLong: number } | null;

export interface TextReplacer {
  /** Replaces every match; refuses (tooLong) a result longer than `maxLength` UTF-16 units. */
  replaceAll(text: string, maxLength: number): ReplaceResult;
}

/**
 * Compiles a find/replace once for a whole bulk edit. Plain text is escaped, so "$5 (new)" finds
 * exactly that and the replacement is taken literally; a regular expression is the seller's own
 * (JavaScript syntax, Unicode mode: `.` is one character even for emoji) with $1 / $<name> in the
 * replacement. An invalid pattern fails here with a message saying what to fix.
 */
export function compileReplacer(find: string, replace: string, options: FindReplaceOptions): TextReplacer {
  const flags = `g${options.caseSensitive ? '' : 'i'}u`;
  let pattern: RegExp;
  try {
    pattern = new RegExp(options.regex ? find : escapeRegExp(find), flags);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') : String(error);
    throw new ContractError('invalid_input', `“${find}” is not a valid regular expression (${reason}). Fix the pattern, or turn off “Regular expression” to find the text exactly as typed.`);
  }
  return {
    replaceAll(text, maxLength) {
      pattern.lastIndex = 0;
      let length = text.length;
      let tooLong = false;
      const result = text.replace(pattern, (...args: unknown[]) => {
        if (tooLong) return '';
        const piece = options.regex ? expandMatch(replace, args) : replace;
        length += piece.length - (args[0] as string).length;
        if (length > maxLength) tooLong = true;
        return piece;
      });
      if (tooLong) return { tooLong: lengthWithoutCap(text, pattern, replace, options.regex) };
      return result === text ? null : { text: result };
    },
  };
}

/** Replacer arguments: match, captures…, offset, input[, groups]. */
function expandMatch(template: string, args: unknown[]): string {
  // Only a pattern with named groups passes the groups object (last); otherwise the input is last.
  const hasGroups = typeof args.at(-1) === 'object';
  const groups = hasGroups ? (args.at(-1) as Record<string, string | undefined>) : undefined;
  const tail = hasGroups ? 3 : 2;
  const captures = args.slice(1, args.length - tail) as (string | undefined)[];
  const position = args[args.length - tail] as number;
  const input = args[args.length - tail + 1] as string;
  return expandReplacement(template, args[0] as string, captures, position, input, groups);
}

/** The full length the result would have had, counted without building it (for the message). */
function lengthWithoutCap(text: string, pattern: RegExp, replace: string, regex: boolean): number {
  let length = text.length;
  pattern.lastIndex = 0;
  for (const match of text.matchAll(pattern)) {
    const piece = regex ? expandReplacement(replace, match[0], match.slice(1), match.index, text, match.groups) : replace;
    length += piece.length - match[0].length;
  }
  return length;
}

/**
 * Escapes every character with a meaning in a regular expression. Unicode mode allows escaping
 * only these (and `/`): `\-` would be a syntax error there, and `-` means nothing outside [ ].
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
