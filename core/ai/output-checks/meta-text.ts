/**
 * Text that is not listing copy: a refusal, the model talking about its answer, a placeholder, the
 * instructions echoed back, or a sentence cut off. Each finding names the words that gave it away.
 * Anything the seller's own listing already says is never a finding.
 */
import { LISTINGS_BEGIN, LISTINGS_END } from '../ai-protocol.js';
import { UNIT_SPELLINGS } from './quantities.js';
import { MARKDOWN_PATTERNS, META_PATTERNS, PLACEHOLDER_PATTERNS, REFUSAL_PATTERNS } from './meta-text-patterns.js';
import { matchesOf, normalize, words } from './text-match.js';

export type MetaKind = 'refusal' | 'meta_text' | 'placeholder' | 'echoed_prompt' | 'truncated';

export interface MetaFinding {
  kind: MetaKind;
  /** The words in the AI's text that show it. */
  evidence: string;
}

/** Words an echo of the instructions must share with them in a row to count. */
const ECHO_RUN = 5;
const PROTOCOL_WORDS = [LISTINGS_BEGIN, LISTINGS_END, 'limits.titleMax', 'limits.descriptionMax', 'limits.tagCount', 'limits.tagMax', 'descriptionMax', 'titleMax', 'tagCount'];
const PROMPT_LEAD = words('rewrite\\s+these\\s+\\d+\\s+listing(?:\\(s\\)|s)?');

/** Words a finished sentence or title never ends on (articles, conjunctions, prepositions). */
const DANGLING = new Set(
  (
    'the a an and or with for of to in on at from by as but ' +
    'der die das den dem des ein eine und oder mit für von zu im aus ' +
    'le la les un une et ou avec pour de du des en au aux ' +
    'el los las una y con para del por ' +
    'il lo gli di da per con ed ' +
    'o os as um uma com para do da dos das ' +
    'z ze w we na do oraz lub dla ' +
    'het een en met voor van ' +
    'och med för av till ett ' +
    've ile için veya ' +
    'và của cho với'
  ).split(' '),
);
/** Dangling single letters count only in lower case: "Vitamin A" and "Size M" end fine. */
const CUT_PUNCTUATION = /[,;:(\-–—&/+]$|(?:\.\.\.|…)$/u;

export interface MetaContext {
  /** Everything the listing itself says (normalized with normalize()). */
  source: string;
  /** The instructions the model was given. */
  systemPrompt: string;
}

export function metaFindings(text: string, before: string, context: MetaContext): MetaFinding[] {
  const findings: MetaFinding[] = [];
  const novel = (match: string): boolean => !context.source.includes(normalize(match).trim());
  const first = (patterns: readonly RegExp[]): string | null => {
    for (const pattern of patterns) for (const match of matchesOf(pattern, text)) if (match.trim() !== '' && novel(match)) return match.trim();
    return null;
  };
  const refusal = first(REFUSAL_PATTERNS);
  if (refusal !== null) findings.push({ kind: 'refusal', evidence: refusal });
  const markdown = MARKDOWN_PATTERNS.find(({ pattern, mark }) => pattern.test(text) && !context.source.includes(mark));
  const meta = first(META_PATTERNS) ?? (markdown ? matchesOf(markdown.pattern, text)[0]!.trim() : null);
  if (meta !== null) findings.push({ kind: 'meta_text', evidence: meta });
  const placeholder = first(PLACEHOLDER_PATTERNS);
  if (placeholder !== null) findings.push({ kind: 'placeholder', evidence: placeholder });
  const echo = echoOf(text, context);
  if (echo !== null) findings.push({ kind: 'echoed_prompt', evidence: echo });
  const cut = cutEnding(text, before);
  if (cut !== null) findings.push({ kind: 'truncated', evidence: cut });
  return findings;
}

const wordList = (text: string): string[] => normalize(text).match(/[\p{L}\p{N}]+/gu) ?? [];

function runs(list: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (let i = 0; i + ECHO_RUN <= list.length; i++) found.add(list.slice(i, i + ECHO_RUN).join(' '));
  return found;
}

const promptRuns = new Map<string, Set<string>>();

/** Protocol words, the request's lead line, or five words in a row from the instructions. */
function echoOf(text: string, context: MetaContext): string | null {
  for (const word of PROTOCOL_WORDS) if (text.includes(word) && !context.source.includes(normalize(word))) return word;
  const lead = matchesOf(PROMPT_LEAD, text)[0];
  if (lead !== undefined && !context.source.includes(normalize(lead))) return lead;
  let prompt = promptRuns.get(context.systemPrompt);
  if (!prompt) promptRuns.set(context.systemPrompt, (prompt = runs(wordList(context.systemPrompt))));
  const list = wordList(text);
  for (let i = 0; i + ECHO_RUN <= list.length; i++) {
    const run = list.slice(i, i + ECHO_RUN).join(' ');
    if (prompt.has(run) && !context.source.includes(run)) return run;
  }
  return null;
}

/** The ending of a text that stops mid-sentence where the listing's own did not. */
function cutEnding(text: string, before: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const tail = trimmed.split(/\s+/).slice(-3).join(' ');
  const beforeEnd = before.trim();
  if (CUT_PUNCTUATION.test(trimmed) && trimmed.slice(-1) !== beforeEnd.slice(-1)) return `…${tail}`;
  const last = trimmed.match(/[\p{L}]+$/u)?.[0];
  // "12 x 16 in": a unit after a number, not a dangling word.
  if (last === undefined || (/\d\s*[\p{L}]+$/u.test(trimmed) && UNIT_SPELLINGS.has(last.toLowerCase()))) return null;
  const dangling = last.length === 1 ? last === last.toLowerCase() && DANGLING.has(last) : DANGLING.has(last.toLowerCase());
  const beforeLast = beforeEnd.match(/[\p{L}]+$/u)?.[0]?.toLowerCase();
  return dangling && beforeLast !== last.toLowerCase() ? `…${tail}` : null;
}
