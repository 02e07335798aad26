/**
 * The tags pipeline: repair the seller's tags (characters, length), drop duplicates and what is
 * over the count or byte limit, then fill up to the marketplace's target with key phrases of the
 * title and description (lower-case, within every tag rule, never the brand or promotional wording).
 */
import { decodeHTML } from 'entities';
import { MARKETPLACE_LABELS, type Marketplace } from '../../common/listing.js';
import { countCharacters, countUtf8Bytes } from '../../common/rules/index.js';
import { PROMOTIONAL_PHRASES } from '../../common/rules/marketplaces/shared.js';
import { SMALL_WORDS } from './acronyms.js';
import type { Brand } from './brand.js';
import { ChangeLog } from './change-log.js';
import { quotedList } from './changed-words.js';
import { fieldPoints } from './field-rules.js';
import { keyphrases } from './keyphrases.js';
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

interface TagSources {
  title: string;
  description: string;
  brand: Brand | null;
}

/** New tags from the listing's key phrases that pass every tag rule, up to the policy's target. */
function fillTags(tags: readonly string[], sources: TagSources, policy: TagPolicy): string[] {
  const out = [...tags];
  const seen = new Set(out.map(keyOf));
  const titleWords = new Set(Array.from(sources.title.toLowerCase().matchAll(WORD), (m) => m[0]));
  for (const phrase of keyphrases(sources.title, visibleText(sources.description))) {
    if (out.length >= policy.target) break;
    const tag = repair(phrase, policy);
    if (tag.length === 0 || tag !== phrase || seen.has(keyOf(tag))) continue;
    const words = tag.split(' ');
    if (sources.brand !== null && words.every((w) => sources.brand?.words.has(w))) continue;
    if (policy.skipTitleWords && words.every((w) => titleWords.has(w))) continue;
    PROMOTIONAL.lastIndex = 0;
    if (PROMOTIONAL.test(tag)) continue;
    if (policy.joinedBytes !== null && joinedBytes([...out, tag], policy.joinedBytes.separator) > policy.joinedBytes.max) continue;
    out.push(tag);
    seen.add(keyOf(tag));
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
    const filled = fillTags(log.value, sources, policy);
    const added = filled.slice(log.value.length);
    log.record('optimizer.tags.fill', filled, `Added ${added.length === 1 ? 'a tag' : `${added.length} tags`} from your title and description (${quotedList(added, 13)}); every tag is another search the listing can appear in.`);
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
