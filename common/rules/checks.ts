/**
 * Compiles a rule's `check` (data) into a test function, once, at module load. A test returns null
 * when the value passes — the common case allocates nothing — or a Hit: the message variables and
 * the offending ranges.
 *
 * Message variables each check provides (for the templates in the marketplace tables):
 *   required          —
 *   maxLength         len, max, over, unit ("characters" | "bytes"); on lists also count, list, item
 *   minLength         len, min, short
 *   fill              len, target, of, short
 *   minTextLength     len, min, short
 *   forbiddenChars    chars (the distinct bad characters), count (occurrences), allowed; lists: items
 *   startsWith        first (the first character), expected
 *   maxCharCount      list (“&” 2 times…), max
 *   maxCapsWords      count, max, over, words
 *   notAllCaps        —
 *   maxWordRepeat     list (“leather” 3 times…), max
 *   forbiddenText     found (distinct matches), count; lists: items
 *   forbiddenPhrases  found, count
 *   minItems / maxItems  count, min / max, short / over
 *   maxJoinedBytes    len, max, over
 *   minValue          value, min
 *   wholeNumber       value
 *   entryMaxLength    list, max
 */
import type { Check, RuleField, Span } from './types.js';
import {
  countCharacters,
  countUtf8Bytes,
  countVisibleCharacters,
  indexOfCodePoint,
  indexOfUtf8Byte,
  listOf,
  quote,
  showChar,
  type Vars,
} from './text.js';

export interface Hit {
  vars: Vars;
  spans?: Span[];
  /** Share (0–1] of the rule's points this failure costs; absent: all of them. */
  share?: number;
}

export type Test = (value: unknown) => Hit | null;

const MAX_SPANS = 50;

type ValueShape = 'text' | 'list' | 'number' | 'record';

const SHAPES: Record<RuleField, ValueShape> = {
  title: 'text',
  description: 'text',
  sku: 'text',
  brand: 'text',
  condition: 'text',
  tags: 'list',
  materials: 'list',
  images: 'list',
  price: 'number',
  quantity: 'number',
  attributes: 'record',
};

export function shapeOf(field: RuleField): ValueShape {
  return SHAPES[field];
}

/** A string check's verdict on one text, before it is lifted to lists. */
type TextTest = (text: string) => Hit | null;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function list(value: unknown): readonly string[] {
  return Array.isArray(value) ? (value as readonly string[]) : EMPTY;
}
const EMPTY: readonly string[] = [];

function entries(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object') {
    let n = 0;
    for (const _ in value) n++;
    return n;
  }
  return 0;
}

// ── Word matching (precompiled) ───────────────────────────────────────────────────────────────
/** A word: letters, marks and digits, with inner apostrophes (women's). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
/** A word in ALL CAPS: only upper-case letters/digits/marks, with at least two upper-case letters. */
const CAPS_WORD = /(?<![\p{L}\p{M}\p{N}])(?=[\p{N}\p{M}]*\p{Lu}[\p{N}\p{M}]*\p{Lu})[\p{Lu}\p{N}\p{M}]+(?![\p{L}\p{M}\p{N}])/gu;
const HAS_LOWER = /\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;
const WORD_CHAR = /^[\p{L}\p{N}]/u;
const WORD_CHAR_END = /[\p{L}\p{N}]$/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Matches {
  count: number;
  /** The distinct matched strings, up to 20. */
  found: string[];
  spans: Span[];
}

/** Runs a global regex over `s`: how many non-empty matches, their distinct strings and spans. */
function scan(pattern: RegExp, s: string): Matches {
  pattern.lastIndex = 0;
  const spans: Span[] = [];
  const found: string[] = [];
  let count = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(s)) !== null) {
    const matched = m[0];
    if (matched.length === 0) {
      pattern.lastIndex++;
      continue;
    }
    count++;
    if (spans.length < MAX_SPANS) spans.push({ start: m.index, end: m.index + matched.length });
    if (found.length < 20 && !found.includes(matched)) found.push(matched);
  }
  return { count, found, spans };
}

/** scan, or null when `pattern` does not match: a quick test first, since most values pass the check. */
function scanIfFound(pattern: RegExp, s: string): Matches | null {
  pattern.lastIndex = 0;
  return pattern.test(s) ? scan(pattern, s) : null;
}

/** The hit of a forbidden word or phrase: the distinct texts found, quoted, and how often. */
function foundTextHit({ count, found, spans }: Matches): Hit {
  return { vars: { found: listOf(found.map((f) => quote(f)), 5), count }, spans };
}

function textTest(check: Check): TextTest | null {
  switch (check.type) {
    case 'maxLength': {
      const { max } = check;
      const bytes = check.unit === 'bytes';
      const unit = bytes ? 'bytes' : 'characters';
      return (s) => {
        // A string never has more code points (or fewer UTF-8 bytes) than UTF-16 units.
        if (!bytes && s.length <= max) return null;
        const len = bytes ? countUtf8Bytes(s) : countCharacters(s);
        if (len <= max) return null;
        const start = bytes ? indexOfUtf8Byte(s, max) : indexOfCodePoint(s, max);
        return { vars: { len, max, over: len - max, unit }, spans: [{ start, end: s.length }] };
      };
    }
    case 'minLength': {
      const { min } = check;
      return (s) => {
        if (s.length === 0 || s.length >= 2 * min) return null;
        const len = countCharacters(s);
        return len >= min ? null : { vars: { len, min, short: min - len } };
      };
    }
    case 'fill': {
      const target = Math.ceil(check.ratio * check.of);
      const of = check.of;
      return (s) => {
        if (s.length >= 2 * target) return null;
        const len = countCharacters(s.trim());
        return len >= target ? null : { vars: { len, target, of, short: target - len } };
      };
    }
    case 'minTextLength': {
      const { min } = check;
      return (s) => {
        if (s.length < min) {
          const len = countVisibleCharacters(s);
          return { vars: { len, min, short: min - len } };
        }
        const len = countVisibleCharacters(s, min);
        return len >= min ? null : { vars: { len, min, short: min - len } };
      };
    }
    case 'forbiddenChars': {
      const { pattern, allowed } = check;
      return (s) => {
        const matches = scanIfFound(pattern, s);
        return matches === null ? null : { vars: { chars: listOf(matches.found.map(showChar), 8), count: matches.count, allowed }, spans: matches.spans };
      };
    }
    case 'startsWith': {
      const { pattern, expected } = check;
      return (s) => {
        if (s.length === 0 || pattern.test(s)) return null;
        const cp = s.codePointAt(0) ?? 0;
        const first = String.fromCodePoint(cp);
        return { vars: { first: showChar(first), expected }, spans: [{ start: 0, end: first.length }] };
      };
    }
    case 'maxCharCount': {
      const { chars, max } = check;
      return (s) => {
        let parts: string[] | null = null;
        let spans: Span[] | null = null;
        for (const ch of chars) {
          let at = s.indexOf(ch);
          let n = 0;
          while (at >= 0) {
            n++;
            if (n > max) (spans ??= []).push({ start: at, end: at + ch.length });
            at = s.indexOf(ch, at + ch.length);
          }
          if (n > max) (parts ??= []).push(`${showChar(ch)} ${n} times`);
        }
        return parts === null ? null : { vars: { list: listOf(parts, 8), max }, spans: spans ?? [] };
      };
    }
    case 'maxCapsWords': {
      const { max } = check;
      return (s) => {
        CAPS_WORD.lastIndex = 0;
        let n = 0;
        while (n <= max && CAPS_WORD.test(s)) n++;
        if (n <= max) return null;
        const { count, found, spans } = scan(CAPS_WORD, s);
        return { vars: { count, max, over: count - max, words: listOf(found.map((w) => `“${w}”`), 6) }, spans };
      };
    }
    case 'notAllCaps': {
      const { minWords } = check;
      return (s) => {
        if (HAS_LOWER.test(s)) return null;
        CAPS_WORD.lastIndex = 0;
        let n = 0;
        while (n < minWords && CAPS_WORD.test(s)) n++;
        return n < minWords ? null : { vars: {}, spans: [{ start: 0, end: s.length }] };
      };
    }
    case 'maxWordRepeat': {
      const { max } = check;
      const exempt = new Set(check.exempt.map((w) => w.toLowerCase()));
      return (s) => {
        WORD.lastIndex = 0;
        let counts: Map<string, number> | null = null;
        let offenders: string[] | null = null;
        let spans: Span[] | null = null;
        let m: RegExpExecArray | null;
        while ((m = WORD.exec(s)) !== null) {
          const word = m[0].toLowerCase();
          if (exempt.has(word) || !HAS_LETTER.test(word)) continue;
          counts ??= new Map();
          const n = (counts.get(word) ?? 0) + 1;
          counts.set(word, n);
          if (n > max) {
            (spans ??= []).push({ start: m.index, end: m.index + m[0].length });
            if (n === max + 1) (offenders ??= []).push(word);
          }
        }
        if (offenders === null || counts === null) return null;
        const seen = counts;
        return { vars: { list: listOf(offenders.map((w) => `“${w}” ${seen.get(w) ?? 0} times`), 6), max }, spans: spans ?? [] };
      };
    }
    case 'forbiddenText': {
      const { pattern, prefilter } = check;
      return (s) => {
        if (typeof prefilter === 'string' ? s.indexOf(prefilter) < 0 : prefilter !== undefined && !prefilter.test(s)) return null;
        const matches = scanIfFound(pattern, s);
        return matches === null ? null : foundTextHit(matches);
      };
    }
    case 'forbiddenPhrases': {
      const alternatives = [...check.phrases]
        .sort((a, b) => b.length - a.length)
        .map((p) => {
          const phrase = p.trim();
          const body = escapeRegExp(phrase).replace(/\s+/g, '\\s+');
          // Word boundaries only where the phrase starts/ends with a word character; a leading `%`
          // stands for a percentage ("% off" matches "20% off", "12.5 % off").
          const start = phrase.startsWith('%') ? '(?<![\\p{L}\\p{N}.,])\\d+(?:[.,]\\d+)?\\s*' : WORD_CHAR.test(phrase) ? '(?<![\\p{L}\\p{N}])' : '';
          const end = WORD_CHAR_END.test(phrase) ? '(?![\\p{L}\\p{N}])' : '';
          return `${start}${body}${end}`;
        });
      const pattern = new RegExp(alternatives.join('|'), 'giu');
      return (s) => {
        const matches = scanIfFound(pattern, s);
        return matches === null ? null : foundTextHit(matches);
      };
    }
    default:
      return null;
  }
}

/** Lifts a text test to each item of a list: the first failing item's variables, plus items/count. */
function eachItem(test: TextTest, check: Check): Test {
  return (value) => {
    const items = list(value);
    let first: Hit | null = null;
    let firstIndex = -1;
    let spans: Span[] | null = null;
    let failing: string[] | null = null;
    let occurrences = 0;
    for (let i = 0; i < items.length; i++) {
      const item = items[i] ?? '';
      const hit = test(item);
      if (hit === null) continue;
      if (first === null) {
        first = hit;
        firstIndex = i;
      }
      occurrences += typeof hit.vars.count === 'number' ? hit.vars.count : 1;
      const label = check.type === 'maxLength' ? `${quote(item)} (${hit.vars.len})` : quote(item);
      (failing ??= []).push(label);
      for (const span of hit.spans ?? []) if ((spans ??= []).length < MAX_SPANS) spans.push({ start: span.start, end: span.end, item: i });
    }
    if (first === null || failing === null) return null;
    return {
      vars: { ...first.vars, item: firstIndex + 1, count: failing.length, occurrences, list: listOf(failing, 5), items: listOf(failing, 5) },
      spans: spans ?? [],
    };
  };
}

/** Compiles `check` for a field; throws on a check that makes no sense for the field (caught by tests at load). */
export function compileCheck(check: Check, field: RuleField): Test {
  const shape = SHAPES[field];
  if (check.type === 'required') {
    switch (shape) {
      case 'text':
        return (v) => (typeof v === 'string' && v.trim().length > 0 ? null : { vars: {} });
      case 'number':
        return (v) => (typeof v === 'number' && Number.isFinite(v) ? null : { vars: {} });
      default:
        return (v) => (entries(v) > 0 ? null : { vars: {} });
    }
  }
  const t = textTest(check);
  if (t !== null) {
    if (shape === 'text') return (v) => t(text(v));
    if (shape === 'list') return eachItem(t, check);
    throw new Error(`check ${check.type} does not apply to field ${field}`);
  }
  switch (check.type) {
    case 'minItems': {
      const { min } = check;
      const skipEmpty = check.emptyIsRequired === true;
      return (v) => {
        const count = entries(v);
        if (count >= min || (count === 0 && skipEmpty)) return null;
        const hit: Hit = { vars: { count, min, short: min - count } };
        if (check.perMissingItem === true) hit.share = (min - count) / min;
        return hit;
      };
    }
    case 'maxItems': {
      const { max } = check;
      return (v) => {
        const count = entries(v);
        if (count <= max) return null;
        const spans: Span[] = [];
        if (shape === 'list') for (let i = max; i < count && spans.length < MAX_SPANS; i++) spans.push({ start: 0, end: list(v)[i]?.length ?? 0, item: i });
        return { vars: { count, max, over: count - max }, spans };
      };
    }
    case 'maxJoinedBytes': {
      const { max, separator } = check;
      const sepBytes = countUtf8Bytes(separator);
      return (v) => {
        const items = list(v);
        let len = 0;
        for (let i = 0; i < items.length; i++) len += countUtf8Bytes(items[i] ?? '') + (i > 0 ? sepBytes : 0);
        return len <= max ? null : { vars: { len, max, over: len - max } };
      };
    }
    case 'minValue': {
      const { min } = check;
      return (v) => (typeof v !== 'number' || v >= min ? null : { vars: { value: v, min } });
    }
    case 'wholeNumber':
      return (v) => (typeof v !== 'number' || (Number.isInteger(v) && v >= 0) ? null : { vars: { value: v } });
    case 'entryMaxLength': {
      const { max } = check;
      return (v) => {
        if (v === null || typeof v !== 'object') return null;
        let bad: string[] | null = null;
        for (const [name, value] of Object.entries(v as Record<string, string>)) {
          if (name.length > max && countCharacters(name) > max) (bad ??= []).push(`name ${quote(name)} (${countCharacters(name)})`);
          if (typeof value === 'string' && value.length > max && countCharacters(value) > max)
            (bad ??= []).push(`${quote(name)} value (${countCharacters(value)})`);
        }
        return bad === null ? null : { vars: { list: listOf(bad, 5), max, count: bad.length } };
      };
    }
    default:
      throw new Error(`check ${check.type} does not apply to field ${field}`);
  }
}
