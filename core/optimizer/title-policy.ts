/**
 * What a marketplace demands of titles, read from its rule table (common/rules/marketplaces/*.ts)
 * rather than restated here: when a table changes, the optimizer follows. Built once per marketplace.
 */
import type { Marketplace } from '../../common/listing.js';
import { perMarketplace } from '../../common/per-marketplace.js';
import { RULE_TABLES } from '../../common/rules/index.js';
import { phrasePattern } from './phrase-pattern.js';

export interface CharacterRule {
  ruleId: string;
  /** Global regex matching one disallowed character (a private copy: lastIndex is ours). */
  pattern: RegExp;
}

export interface TitlePolicy {
  marketplace: Marketplace;
  /** Hard limit (error rule) in code points; null: none. */
  maxLength: { ruleId: string; max: number } | null;
  forbiddenChars: readonly CharacterRule[];
  /** Characters allowed only `max` times each (Etsy: % : & + once). */
  onceOnly: { ruleId: string; chars: string; max: number } | null;
  startsWith: { ruleId: string; pattern: RegExp } | null;
  maxCapsWords: { ruleId: string; max: number } | null;
  notAllCaps: { ruleId: string } | null;
  wordRepeat: { ruleId: string; max: number; exempt: ReadonlySet<string> } | null;
  /** The marketplace's own promotional phrases (Amazon, Google). */
  promotional: { ruleId: string; pattern: RegExp } | null;
  /** Title convention: brand first (Amazon's style guide: brand, product, key details). */
  brandFirst: boolean;
}

/** Marketplaces whose title style guide puts the brand first. Data, not derived: no rule says so. */
const BRAND_FIRST: ReadonlySet<Marketplace> = new Set(['amazon']);

function build(marketplace: Marketplace): TitlePolicy {
  const rules = RULE_TABLES[marketplace].filter((r) => r.field === 'title');
  const policy: TitlePolicy = {
    marketplace,
    maxLength: null,
    forbiddenChars: [],
    onceOnly: null,
    startsWith: null,
    maxCapsWords: null,
    notAllCaps: null,
    wordRepeat: null,
    promotional: null,
    brandFirst: BRAND_FIRST.has(marketplace),
  };
  const forbidden: CharacterRule[] = [];
  for (const rule of rules) {
    const check = rule.check;
    const ruleId = rule.id;
    switch (check.type) {
      case 'maxLength':
        if (rule.severity === 'error' && (check.unit ?? 'characters') === 'characters') policy.maxLength = { ruleId, max: check.max };
        break;
      case 'forbiddenChars':
        forbidden.push({ ruleId, pattern: new RegExp(check.pattern.source, check.pattern.flags) });
        break;
      case 'maxCharCount':
        policy.onceOnly = { ruleId, chars: check.chars, max: check.max };
        break;
      case 'startsWith':
        policy.startsWith = { ruleId, pattern: new RegExp(check.pattern.source, check.pattern.flags.replace('g', '')) };
        break;
      case 'maxCapsWords':
        policy.maxCapsWords = { ruleId, max: check.max };
        break;
      case 'notAllCaps':
        policy.notAllCaps = { ruleId };
        break;
      case 'maxWordRepeat':
        policy.wordRepeat = { ruleId, max: check.max, exempt: new Set(check.exempt.map((w) => w.toLowerCase())) };
        break;
      case 'forbiddenPhrases':
        policy.promotional = { ruleId, pattern: phrasePattern(check.phrases) };
        break;
      default:
        break;
    }
  }
  policy.forbiddenChars = forbidden;
  return policy;
}

/** A marketplace's title policy, built from its rule table on first use. */
export const titlePolicy = perMarketplace(build);
