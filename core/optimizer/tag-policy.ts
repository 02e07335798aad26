/**
 * What tags a marketplace takes, from its rule table where it has tag rules (Etsy: 13 × 20
 * characters and a character set; Amazon: search terms ≤ 250 bytes) and from this table where it
 * does not (Shopify has tags but no rules). Marketplaces absent here get no tag proposals.
 */
import type { Marketplace } from '../../common/listing.js';
import { perMarketplace } from '../../common/per-marketplace.js';
import { RULE_TABLES } from '../../common/rules/index.js';

export interface TagPolicy {
  /** Most tags the marketplace takes; null: no count limit. */
  maxCount: number | null;
  /** Longest tag in characters; null: no limit. */
  itemMax: number | null;
  /** How many tags to fill up to. */
  target: number;
  /** Global regex matching one character a tag may not contain. */
  badChars: RegExp | null;
  /** What the characters rule asks, for reasons ("only letters, digits, spaces, - ' ™ © ®"). */
  charactersNote: string | null;
  /** All tags joined with `separator` must fit in `max` UTF-8 bytes (Amazon search terms). */
  joinedBytes: { max: number; separator: string } | null;
  /** Leave out phrases whose words are all in the title (Amazon indexes the title already). */
  skipTitleWords: boolean;
}

interface TagData {
  maxCount?: number;
  itemMax?: number;
  target: number;
  badChars?: RegExp;
  charactersNote?: string;
  skipTitleWords?: boolean;
}

/** Per-marketplace facts the rule tables do not hold. */
const TAG_DATA: Partial<Record<Marketplace, TagData>> = {
  etsy: { target: 13 },
  // Shopify takes up to 250 tags of 255 characters; commas separate tags in its CSV. Ten tags cover
  // collections and storefront filters without noise.
  shopify: { maxCount: 250, itemMax: 255, target: 10, badChars: /,/g, charactersNote: 'no commas' },
  // Amazon: backend search terms; its guidance is not to repeat title words there.
  amazon: { target: 10, skipTitleWords: true },
};

function build(marketplace: Marketplace): TagPolicy | null {
  const data = TAG_DATA[marketplace];
  if (data === undefined) return null;
  const policy: TagPolicy = {
    maxCount: data.maxCount ?? null,
    itemMax: data.itemMax ?? null,
    target: data.target,
    badChars: data.badChars ?? null,
    charactersNote: data.charactersNote ?? null,
    joinedBytes: null,
    skipTitleWords: data.skipTitleWords ?? false,
  };
  for (const rule of RULE_TABLES[marketplace]) {
    if (rule.field !== 'tags') continue;
    const check = rule.check;
    if (check.type === 'maxItems' && rule.severity === 'error') policy.maxCount = check.max;
    else if (check.type === 'maxLength') policy.itemMax = check.max;
    else if (check.type === 'forbiddenChars') {
      policy.badChars = new RegExp(check.pattern.source, check.pattern.flags);
      policy.charactersNote = `only ${check.allowed}`;
    }
    else if (check.type === 'minItems') policy.target = Math.max(policy.target, check.min);
    else if (check.type === 'maxJoinedBytes') policy.joinedBytes = { max: check.max, separator: check.separator };
  }
  if (policy.maxCount !== null) policy.target = Math.min(policy.target, policy.maxCount);
  return policy;
}

/** A marketplace's tag policy (null: it has no tags), built from its rule table on first use. */
export const tagPolicy = perMarketplace(build);
