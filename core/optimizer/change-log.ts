/**
 * Records a field's changes step by step. Each step that changes the value is checked against the
 * field's rules: a change that makes a failing rule pass carries that rule's id (the review view
 * shows the rule behind it); any other change carries the optimizer step's id.
 * Each change also says how many of the field's score points it won back (`gain`), so a change
 * that fixes no rule says what it earned instead (optimize-listing.ts drops a field proposal that
 * earns nothing).
 */
import type { Marketplace } from '../../common/listing.js';
import { failingRules, fieldPoints, sameValue } from './field-rules.js';
import type { FieldProposal, OptimizedField, OptimizedValues, OptimizerChange } from './proposal.js';

export class ChangeLog<F extends OptimizedField> {
  readonly before: OptimizedValues[F];
  private current: OptimizedValues[F];
  private failing: string[];
  private points: number;
  private readonly changes: OptimizerChange[] = [];

  constructor(
    private readonly field: F,
    private readonly marketplace: Marketplace,
    value: OptimizedValues[F],
  ) {
    this.before = value;
    this.current = value;
    this.failing = failingRules(field, value, marketplace);
    this.points = fieldPoints(field, value, marketplace);
  }

  get value(): OptimizedValues[F] {
    return this.current;
  }

  /**
   * Takes `next` as the new value; `reason` says what the step did, for the seller. `sellerRule`:
   * the step applies a rule of the seller's own (a price rule) that the value broke, so the change
   * fixes that rule too.
   */
  record(stepId: string, next: OptimizedValues[F], reason: string, sellerRule?: string): void {
    if (sameValue<F>(next, this.current)) return;
    const failingNext = failingRules(this.field, next, this.marketplace);
    const pointsNext = fieldPoints(this.field, next, this.marketplace);
    const fixes = [...this.failing.filter((id) => !failingNext.includes(id)), ...(sellerRule === undefined ? [] : [sellerRule])];
    this.changes.push({ ruleId: fixes[0] ?? stepId, reason, fixes, gain: this.points - pointsNext });
    this.current = next;
    this.failing = failingNext;
    this.points = pointsNext;
  }

  /** Appends another log's changes (a later pass over the same field). */
  absorb(later: ChangeLog<F>): void {
    this.changes.push(...later.changes);
    this.current = later.current;
    this.failing = later.failing;
    this.points = later.points;
  }

  /** The proposal for the field, or null when nothing changed. */
  proposal(): FieldProposal<F> | null {
    if (sameValue<F>(this.current, this.before)) return null;
    return { field: this.field, before: this.before, after: this.current, changes: this.changes };
  }
}
