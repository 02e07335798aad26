import type { EditableField, ListingChanges } from '../../common/edit-types.js';
import { qualityAfterChange, RULE_FIELD_OF } from '../../common/edit/index.js';
import type { Marketplace } from '../../common/listing.js';
import { evaluateField, type FieldValues, type RuleField } from '../../common/rules/index.js';
import { parseStringArray } from '../catalog/listing-codec.js';
import type { QualityColumns } from '../catalog/listing-quality.js';

/** Distinct inputs kept; a bulk edit meets few (most listings fail the same handful of rules). */
const MEMO_LIMIT = 10_000;

/**
 * `qualityAfterChange` for many listings, memoized. Its result depends on the marketplace, the
 * stored failing rule ids and score and — of the changes — only on which rule fields changed and which of
 * their rules the new values fail, at what points. That is the key: the changed fields are still evaluated for
 * every listing, but parsing the stored ids, rescoring and serializing happen once per distinct
 * key (a 100k-listing price edit has a few dozen) instead of once per listing. Same result, exactly.
 * Null as qualityAfterChange: the stored ids name a rule that no longer exists. Results are shared
 * between listings: read them, never modify them.
 */
export class QualityMemo {
  private readonly memo = new Map<string, QualityColumns | null>();

  afterChange(marketplace: Marketplace, storedFailingRules: string, changes: ListingChanges, storedScore: number): QualityColumns | null {
    // The stored score is part of the key: a value-dependent rule's points are read from it.
    let key = `${marketplace}\u0000${storedScore}\u0000${storedFailingRules}`;
    for (const field of Object.keys(changes) as EditableField[]) {
      const ruleField = RULE_FIELD_OF[field];
      if (ruleField === null) continue;
      key += `\u0000${ruleField}`;
      for (const issue of evaluateField<RuleField>(ruleField, changes[field] as FieldValues[RuleField], marketplace)) key += `\u0001${issue.ruleId}\u0002${issue.points}`;
    }
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const quick = qualityAfterChange(marketplace, parseStringArray(storedFailingRules), changes, storedScore);
    const quality = quick && { qualityScore: quick.qualityScore, errorCount: quick.errorCount, failingRules: JSON.stringify(quick.failingRules) };
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(key, quality);
    return quality;
  }
}
