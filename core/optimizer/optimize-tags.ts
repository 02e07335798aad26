/**
 * The tags pipeline: repair the seller's tags (characters, length), drop duplicates and what is
 * over the count or byte limit, then fill up to the marketplace's target with key phrases of the
 * title, the seller's own tags on similar listings and description phrases that name the item
 * (lower-case, within every tag rule, never the brand, promotional, vague or misspelled). How the
 * order and the filters were measured: docs/OPTIMIZER.md.
 */
import { decodeHTML } from 'entities';
import { MARKETPLACE_LABELS, type Marketplace } from '../../common/listing.js';
import { countCharacters, countUtf8Bytes, evaluateField, ruleById } from '../../common/rules/index.js';
import { PROMOTIONAL_PHRASES } from '../../common/rules/marketplaces/shared.js';
import { SMALL_WORDS } from './acronyms.js';
import type { Brand } from './brand.js';
import { ChangeLog } from './change-log.js';
import { quotedList } from './changed-words.js';
import { fieldPoints } from './field-rules.js';
import type { CatalogHints } from './catalog-vocabulary.js';
import { descriptionKeyphrases, titleKeyphrases } from './keyphrases.js';
import { OCCASION_WORDS, RECIPIENT_WORDS } from './tag-subjects.js';
import { phrasePattern } from './phrase-pattern.js';
import { FILLER_PHRASES } from './promotional-filler.js';
import type { FieldProposal } from './proposal.js';
import { tagPolicy, type TagPolicy } from './tag-policy.js';

const PROMOTIONAL = phrasePattern([...PROMOTIONAL_PHRASES, ...FILLER_PHRASES]);
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
const TAGS_IN_TEXT = /<[^<>]*>/g;

const keyOf = (tag: string): string => tag.toLowerCase().replace(/\s+/g, ' ').trim();

/** Cuts a tag at the last space that fits, without a dangling "for"/"and". Empty when no word fits. */
function shorten(tag: string, max: number): string {
  if (countCharacters(tag) <= max) return tag;
  const words = tag.split(' ');
  while (words.length > 0 && countCharacters(words.join(' ')) > max) words.pop();
  while (words.length > 1 && SMALL_WORDS.has((words[words.length - 1] ?? '').toLowerCase())) words.pop();
  return words.join(' ');
}

const tidy = (tag: string): string => tag.replace(/\s+/g, ' ').trim();

/** The tag with the marketplace's disallowed characters and excess length removed ('' when nothing is left). */
function repair(tag: string, policy: TagPolicy): string {
  let t = tidy(tag);
  if (policy.badChars !== null) {
    policy.badChars.lastIndex = 0;
    t = t.replace(policy.badChars, ' ').replace(/\s+/g, ' ').trim();
  }
  if (policy.itemMax !== null) t = shorten(t, policy.itemMax);
  return t;
}

function joinedBytes(tags: readonly string[], separator: string): number {
  let bytes = 0;
  for (let i = 0; i < tags.length; i++) bytes += countUtf8Bytes(tags[i] ?? '') + (i > 0 ? countUtf8Bytes(separator) : 0);
  return bytes;
}

/** Keeps tags in order while they fit the byte budget. */
function fitBytes(tags: readonly string[], limit: NonNullable<TagPolicy['joinedBytes']>): string[] {
  const kept: string[] = [];
  for (const tag of tags) if (joinedBytes([...kept, tag], limit.separator) <= limit.max) kept.push(tag);
  return kept;
}

/** Visible text of a description (HTML or plain) for phrase finding. */
function visibleText(description: string): string {
  return description.includes('<') || description.includes('&') ? decodeHTML(description.replace(TAGS_IN_TEXT, ' ')) : description;
}

export interface TagSources {
  title: string;
  description: string;
  brand: Brand | null;
  /** What the seller's catalog says about this listing (similar listings' tags, words it vouches for). */
  catalog?: CatalogHints | null;
  /** The listing's materials: description phrases naming one are worth a tag. */
  materials?: readonly string[];
  /** True when the review's spelling check would flag no word of the tag (spelling.ts); absent: no check. */
  spelledRight?: ((tag: string) => boolean) | null;
}

/** Head nouns too vague to search by ("purchasing decisions", "item number", "focal point"). */
const VAGUE_HEADS: ReadonlySet<string> = new Set([
  'decision', 'decisions', 'number', 'numbers', 'point', 'points', 'product', 'products', 'supply', 'supplies', 'flavor', 'flavour',
  'feel', 'look', 'looks', 'touch', 'detail', 'details', 'design', 'designs', 'feature', 'features', 'option', 'options', 'quality',
  'color', 'colors', 'colour', 'colours', 'process', 'result', 'results', 'experience', 'addition', 'choice', 'choices', 'type',
  'types', 'style', 'styles', 'version', 'model', 'models', 'level', 'area', 'areas', 'space', 'spaces', 'place', 'year', 'years',
  'month', 'months', 'week', 'weeks', 'moment', 'moments', 'idea', 'ideas', 'world', 'people', 'everyone', 'anyone', 'component',
  'components', 'material', 'materials', 'fabric', 'weight', 'shape', 'lines', 'marks', 'textures', 'tones', 'companion',
]);
/** Single-word tags shorter than this are too vague ("tan", "pot"). */
const MIN_SINGLE_WORD = 4;

const lastWord = (words: readonly string[]): string => words[words.length - 1] ?? '';

/** Where a candidate tag came from: the order the tags are proposed in. */
type Origin = 'title' | 'catalog' | 'description';

/** Description phrases in the tags at most where title words are tags: the least likely source of a tag the seller would choose. */
const MAX_FROM_DESCRIPTION = 1;
/** Title phrases proposed before the catalog's tags: the listing's own words lead. */
const TITLE_FIRST = 4;
/** A catalog this big says which words are the seller's (used in ≥ 3 of its listings). */
const VOCABULARY_MIN_LISTINGS = 30;

/**
 * The seller's words, when the catalog is big enough to tell. A phrase made only of them is one the
 * seller's tags are likely to use; one with a word few other listings have ("latte paw", "chilling
 * reign") rarely is. Null: no such catalog, every phrase may do.
 */
function sellerWords(catalog: CatalogHints | null | undefined): ReadonlySet<string> | null {
  if (catalog === null || catalog === undefined || catalog.listings < VOCABULARY_MIN_LISTINGS) return null;
  return new Set(catalog.knownWords);
}

interface Phrases {
  title: readonly string[];
  description: readonly string[];
}

function phrasesOf(sources: TagSources): Phrases {
  const text = visibleText(sources.description);
  return { title: titleKeyphrases(sources.title, text), description: descriptionKeyphrases(text) };
}

function* candidates(sources: TagSources, found: Phrases): Generator<[string, Origin]> {
  const known = sellerWords(sources.catalog);
  const sellers = (phrase: string): boolean => known === null || phrase.split(' ').every((w) => known.has(w));
  const phrases = found.title.filter((p) => p.includes(' ') && sellers(p));
  for (const phrase of phrases.slice(0, TITLE_FIRST)) yield [phrase, 'title'];
  for (const tag of sources.catalog?.similarTags ?? []) yield [tag, 'catalog'];
  for (const phrase of found.title.filter((p) => !p.includes(' ') && sellers(p))) yield [phrase, 'title'];
  for (const phrase of phrases.slice(TITLE_FIRST)) yield [phrase, 'title'];
  for (const phrase of found.description) if (sellers(phrase)) yield [phrase, 'description'];
}

/**
 * Description phrases are many and mostly marketing ("purchasing decisions", "refined flavor"; in
 * the corpus Etsy exports 6 % of them used only the seller's own tag words): one is a tag only
 * when it names the item — its head noun is a title word, a material, an occasion, a recipient or
 * a word of the seller's tags on similar listings — by such words alone ("silver necklace",
 * "wedding gift"). Where title words are no use as tags (Amazon's search terms), the description
 * is the only source left, and any of its noun phrases that passes the other filters will do.
 */
const isOccasionOrRecipient = (word: string): boolean => OCCASION_WORDS.has(word) || RECIPIENT_WORDS.has(word);

function namesTheItem(words: readonly string[], titleWords: ReadonlySet<string>, subjectWords: ReadonlySet<string>, titleWordsAreTags: boolean): boolean {
  const subject = (w: string): boolean => subjectWords.has(w) || OCCASION_WORDS.has(w) || RECIPIENT_WORDS.has(w);
  const head = lastWord(words);
  if (!titleWordsAreTags) return true;
  return (titleWords.has(head) || subject(head)) && words.slice(0, -1).every(subject);
}

/** True when no tag rule of the marketplace would flag this tag on its own (length, characters…). */
function passesTagRules(tag: string, marketplace: Marketplace): boolean {
  return evaluateField('tags', [tag], marketplace).every((issue) => COUNT_CHECKS.has(ruleById(issue.ruleId)?.check.type ?? ''));
}
/** Rules about the list as a whole, not about one tag. */
const COUNT_CHECKS: ReadonlySet<string> = new Set(['minItems', 'maxItems', 'maxJoinedBytes']);

/**
 * New tags, up to the policy's target: key phrases of the title first (multi-word phrases, which
 * match how buyers search), then the seller's own tags on similar listings, then the title's single
 * words, then the other title phrases, then (one) description phrase that names the item by a
 * material, an occasion or a recipient. A tag is never the brand alone, promotional, vague,
 * misspelled or flagged by a tag rule. Fewer than the target when nothing else passes.
 */
function fillTags(tags: readonly string[], sources: TagSources, policy: TagPolicy, marketplace: Marketplace): string[] {
  const out = [...tags];
  const seen = new Set(out.map(keyOf));
  const titleWords = new Set(Array.from(sources.title.toLowerCase().matchAll(WORD), (m) => m[0]));
  const subjectWords = new Set([...(sources.materials ?? []), ...(sources.catalog?.similarTags ?? [])].flatMap((t) => Array.from(t.toLowerCase().matchAll(WORD), (m) => m[0])));
  const found = phrasesOf(sources);
  // Counted over the whole list, tags already there included, so a second run adds none.
  const descriptionPhrases = new Set(found.description);
  let fromDescription = out.filter((tag) => descriptionPhrases.has(keyOf(tag))).length;
  for (const [phrase, origin] of candidates(sources, found)) {
    if (out.length >= policy.target) break;
    if (origin === 'description' && !policy.skipTitleWords && fromDescription >= MAX_FROM_DESCRIPTION) break;
    // Without the seller's tags on similar listings to say which words name the item, description
    // phrases were the seller's words in 3 % of cases on real Etsy exports (title phrases: 61 %):
    // only an occasion or recipient phrase ("housewarming gift", "baby shower") is worth the slot.
    if (origin === 'description' && !policy.skipTitleWords && (sources.catalog?.similarTags ?? []).length === 0 && !phrase.split(' ').every(isOccasionOrRecipient)) continue;
    const tag = repair(phrase, policy);
    if (tag.length === 0 || tag !== phrase || seen.has(keyOf(tag))) continue;
    const words = tag.split(' ');
    if (sources.brand !== null && words.every((w) => sources.brand?.words.has(w))) continue;
    if (policy.skipTitleWords && words.every((w) => titleWords.has(w))) continue;
    if (origin !== 'catalog' && VAGUE_HEADS.has(lastWord(words))) continue;
    if (words.length === 1 && countCharacters(tag) < MIN_SINGLE_WORD) continue;
    if (origin === 'description' && !namesTheItem(words, titleWords, subjectWords, !policy.skipTitleWords)) continue;
    if (sources.spelledRight && !sources.spelledRight(tag)) continue;
    PROMOTIONAL.lastIndex = 0;
    if (PROMOTIONAL.test(tag)) continue;
    if (!passesTagRules(tag, marketplace)) continue;
    if (policy.joinedBytes !== null && joinedBytes([...out, tag], policy.joinedBytes.separator) > policy.joinedBytes.max) continue;
    out.push(tag);
    seen.add(keyOf(tag));
    if (origin === 'description') fromDescription++;
  }
  return out;
}

function optimize(tags: readonly string[], sources: TagSources, marketplace: Marketplace, policy: TagPolicy): ChangeLog<'tags'> {
  const label = MARKETPLACE_LABELS[marketplace];
  const log = new ChangeLog('tags', marketplace, tags);

  log.record('optimizer.tags.whitespace', log.value.map(tidy).filter((tag) => tag.length > 0), 'Removed extra spaces and empty tags.');
  const repaired = log.value.map((tag) => repair(tag, policy));
  const changed = log.value.filter((tag, i) => repaired[i] !== tag);
  const limits = [policy.itemMax !== null ? `at most ${policy.itemMax} characters` : null, policy.charactersNote];
  log.record(
    'optimizer.tags.repair',
    repaired.filter((tag) => tag.length > 0),
    `Fixed ${quotedList(changed)}: ${label} tags take ${limits.filter((l) => l !== null).join(', and ')}.`,
  );

  const seen = new Set<string>();
  const unique = log.value.filter((tag) => {
    const key = keyOf(tag);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  log.record('optimizer.tags.duplicates', unique, 'Removed duplicate tags; each tag counts once.');

  if (policy.maxCount !== null && log.value.length > policy.maxCount) {
    log.record('optimizer.tags.count', log.value.slice(0, policy.maxCount), `Kept the first ${policy.maxCount} tags; ${label} allows ${policy.maxCount}.`);
  }
  if (policy.joinedBytes !== null) {
    log.record(
      'optimizer.tags.bytes',
      fitBytes(log.value, policy.joinedBytes),
      `Removed the tags past ${policy.joinedBytes.max} bytes; ${label} ignores search terms beyond that.`,
    );
  }
  if (log.value.length < policy.target) {
    const filled = fillTags(log.value, sources, policy, marketplace);
    const added = filled.slice(log.value.length);
    const similar = new Set(sources.catalog?.similarTags ?? []);
    const from = added.some((tag) => similar.has(tag)) ? 'your title, your description and your tags on similar listings' : 'your title and description';
    log.record('optimizer.tags.fill', filled, `Added ${added.length === 1 ? 'a tag' : `${added.length} tags`} from ${from} (${quotedList(added, 13)}); every tag is another search the listing can appear in.`);
  }
  return log;
}

/** The tags proposal, or null when the marketplace takes no tags or they are best left as they are. */
export function optimizeTags(tags: readonly string[], sources: TagSources, marketplace: Marketplace): FieldProposal<'tags'> | null {
  const policy = tagPolicy(marketplace);
  if (policy === null) return null;
  const proposal = optimize(tags, sources, marketplace, policy).proposal();
  if (proposal === null) return null;
  return fieldPoints('tags', proposal.after, marketplace) <= fieldPoints('tags', tags, marketplace) ? proposal : null;
}
