/**
 * The title pipeline. Steps run in a fixed order, each ending in a tidy title; the pass repeats
 * until nothing changes (removing a "!" can leave "Gift Gift" for the repeat step), so running the
 * optimizer on its own output changes nothing.
 *
 * Score guard: a proposal must not lower the listing's score. Removing filler or spaces can push a
 * title under a marketplace's "use 60 % of the limit" hint; when the full pipeline would cost
 * points, only the steps that fix failing rules run, and if even that costs points, the title
 * stays as it is.
 */
import { decodeHTML } from 'entities';
import { MARKETPLACE_LABELS, type Marketplace } from '../../common/listing.js';
import { countCharacters } from '../../common/rules/index.js';
import type { Brand } from './brand.js';
import { ChangeLog } from './change-log.js';
import { quotedList, rewrittenWords } from './changed-words.js';
import { fieldPoints } from './field-rules.js';
import type { FieldProposal } from './proposal.js';
import { isAllCaps, limitCapsWords, restoreBrandCasing, unshout } from './title-case.js';
import { fixStart, limitOnceOnly, removeForbidden } from './title-characters.js';
import { cutToLength } from './title-cut.js';
import { removeFiller } from './title-filler.js';
import { keyTermsFirst } from './title-key-terms.js';
import { titlePolicy } from './title-policy.js';
import { dropRepeats, limitWordRepeats } from './title-repeats.js';
import { normalizeWhitespace, tidyTitle } from './title-tidy.js';

export interface TitleContext {
  marketplace: Marketplace;
  brand: Brand | null;
  category: string | null | undefined;
  /** Dictionary lookup of a lower-case word (tells shouted words from acronyms). */
  isWord?: ((word: string) => boolean) | undefined;
}

type Mode = 'full' | 'rules';

const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;

function runPass(log: ChangeLog<'title'>, context: TitleContext, mode: Mode): void {
  const policy = titlePolicy(context.marketplace);
  const label = MARKETPLACE_LABELS[context.marketplace];
  const full = mode === 'full';
  const { brand } = context;

  // Always: the other steps must see "&" where the title says "&amp;".
  if (ENTITY.test(log.value)) log.record('optimizer.title.entities', decodeHTML(log.value), 'Wrote HTML codes such as &#39; and &amp; as the characters they stand for.');
  if (full) log.record('optimizer.title.whitespace', normalizeWhitespace(log.value), 'Removed extra spaces and invisible characters.');

  const filler = removeFiller(log.value, policy.promotional?.pattern ?? null, !full);
  log.record('optimizer.title.filler', filler.text, `Removed promotional filler (${quotedList(filler.removed)}); it uses up characters and buyers skip it.`);

  if (full) log.record('optimizer.title.punctuation', tidyTitle(log.value), 'Tidied spacing and punctuation.');

  const beforeCaps = log.value;
  let capitals = beforeCaps;
  if (full) capitals = restoreBrandCasing(unshout(capitals, { brand, isWord: context.isWord }), brand);
  else if (policy.notAllCaps !== null && isAllCaps(capitals)) capitals = unshout(capitals, { brand, isWord: context.isWord });
  // The marketplace's limit is the reason only when the title was over it ("CAT/FOG" under "at most 3" was not).
  const limited = policy.maxCapsWords === null ? capitals : limitCapsWords(capitals, policy.maxCapsWords.max, brand);
  const overCapsLimit = limited !== capitals;
  capitals = limited;
  const rewritten = rewrittenWords(beforeCaps, capitals);
  log.record(
    'optimizer.title.caps',
    capitals,
    overCapsLimit && policy.maxCapsWords !== null
      ? `Wrote ${quotedList(rewritten)} in normal case; ${label} allows at most ${policy.maxCapsWords.max} words in capitals.`
      : `Wrote ${quotedList(rewritten)} in normal case (acronyms keep their capitals, the brand its own spelling); capitals read as shouting.`,
  );

  const beforeRepeats = log.value;
  let repeats = full ? dropRepeats(beforeRepeats) : beforeRepeats;
  repeats = limitWordRepeats(repeats, policy.wordRepeat);
  log.record(
    'optimizer.title.repeats',
    repeats,
    policy.wordRepeat !== null
      ? `Removed repeated words; ${label} allows a word at most ${policy.wordRepeat.max} times.`
      : 'Removed repeated words; a word counts once in search.',
  );

  if (full) {
    const maxLength = policy.maxLength?.max ?? null;
    log.record(
      'optimizer.title.key_terms',
      keyTermsFirst(log.value, { brand, category: context.category, brandFirst: policy.brandFirst, maxLength }),
      policy.brandFirst ? `Put the brand and the product first, as ${label} asks.` : 'Put the brand and the product first, where buyers read and search looks.',
    );
  }

  for (const rule of policy.forbiddenChars) {
    const removed: string[] = [];
    const text = removeForbidden(log.value, rule, removed);
    log.record('optimizer.title.characters', text, `Removed ${quotedList(removed, 8)}, which ${label} does not allow in titles.`);
  }
  const replaced: string[] = [];
  const once = limitOnceOnly(log.value, policy.onceOnly, replaced);
  log.record('optimizer.title.characters', once, `Kept only the first ${quotedList(replaced)} and wrote the others out (“&” → “and”); ${label} allows each of them once.`);
  log.record('optimizer.title.characters', fixStart(log.value, policy.startsWith), `Removed the characters before the first letter or digit; ${label} titles must start with one.`);

  if (policy.maxLength !== null) {
    const { max } = policy.maxLength;
    const before = countCharacters(log.value);
    const cut = cutToLength(log.value, max);
    log.record('optimizer.title.length', cut, `Shortened from ${before} to ${countCharacters(cut)} characters at a word boundary; ${label} allows ${max}.`);
  }
}

function optimizeWith(title: string, context: TitleContext, mode: Mode): ChangeLog<'title'> {
  const log = new ChangeLog('title', context.marketplace, title);
  for (let pass = 0; pass < 3; pass++) {
    const before = log.value;
    runPass(log, context, mode);
    if (log.value === before) break;
  }
  return log;
}

/** One guarded round: the full pipeline, else the rule fixes only, else nothing — never fewer points. */
function guardedRound(title: string, context: TitleContext): ChangeLog<'title'> | null {
  const { marketplace } = context;
  const pointsBefore = fieldPoints('title', title, marketplace);
  for (const mode of ['full', 'rules'] as const) {
    const log = optimizeWith(title, context, mode);
    if (log.value !== title && fieldPoints('title', log.value, marketplace) <= pointsBefore) return log;
  }
  return null;
}

/**
 * The title proposal, or null when the title is best left as it is. Rounds repeat until one
 * changes nothing: a round that could only fix rules may leave work the full pipeline can then do
 * without losing points — and stopping only at such a fixed point is what makes a second run of
 * the optimizer on its own output a no-op.
 */
export function optimizeTitle(title: string, context: TitleContext): FieldProposal<'title'> | null {
  let result: ChangeLog<'title'> | null = null;
  for (let round = 0; round < 4; round++) {
    const next = guardedRound(result?.value ?? title, context);
    if (next === null) break;
    if (result === null) result = next;
    else result.absorb(next);
  }
  return result?.proposal() ?? null;
}
