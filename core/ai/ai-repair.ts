/**
 * Deterministic repair after the one targeted re-ask: the rule optimizer's own title and
 * description steps (cut at a word boundary, banned characters, disallowed markup) and, for tags,
 * dropping the ones that break a rule. Cheap and offline; no NLP model is loaded for it.
 */
import type { Marketplace } from '../../common/listing.js';
import { brandOf } from '../optimizer/brand.js';
import { optimizeDescription } from '../optimizer/optimize-description.js';
import { optimizeTitle } from '../optimizer/optimize-title.js';
import type { OptimizerChange } from '../optimizer/proposal.js';
import { tagPolicy } from '../optimizer/tag-policy.js';
import { countCharacters } from '../../common/rules/index.js';

export interface Repaired<T> {
  value: T;
  changes: readonly OptimizerChange[];
}

export function repairTitle(title: string, marketplace: Marketplace, brand: string | null, category: string | null): Repaired<string> {
  const proposal = optimizeTitle(title, { marketplace, brand: brandOf(brand), category });
  return proposal ? { value: proposal.after, changes: proposal.changes } : { value: title, changes: [] };
}

export function repairDescription(description: string, marketplace: Marketplace): Repaired<string> {
  const proposal = optimizeDescription(description, marketplace);
  return proposal ? { value: proposal.after, changes: proposal.changes } : { value: description, changes: [] };
}

export function repairTags(tags: readonly string[], marketplace: Marketplace): Repaired<string[]> {
  const policy = tagPolicy(marketplace);
  if (!policy) return { value: [], changes: [] };
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim();
    const key = tag.toLowerCase();
    if (tag.length === 0 || seen.has(key)) continue;
    if (policy.itemMax !== null && countCharacters(tag) > policy.itemMax) continue;
    if (policy.badChars) {
      policy.badChars.lastIndex = 0;
      if (policy.badChars.test(tag)) continue;
    }
    if (policy.maxCount !== null && kept.length >= policy.maxCount) break;
    seen.add(key);
    kept.push(tag);
  }
  const dropped = tags.length - kept.length;
  return {
    value: kept,
    changes: dropped > 0 ? [{ ruleId: 'ai.tags.repair', reason: `Dropped ${dropped} AI tag${dropped === 1 ? '' : 's'} that broke a ${marketplace} tag rule or repeated another.`, fixes: [] }] : [],
  };
}
