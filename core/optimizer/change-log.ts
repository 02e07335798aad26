/**
 * Records a field's changes step by step. Each step that changes the value is checked against the
 * field's rules: a change that makes a failing rule pass carries that rule's id (the review view
 * shows the rule behind it); any other change carries the optimizer step's id.
 */
import type { Marketplace } from '../../common/listing.js';
import { failingRules, sameValue } from './field-rules.js';
import type { FieldProposal, OptimizedField, OptimizedValues, OptimizerChange } from './proposal.js';

export class ChangeLog<F extends OptimizedField> {
  readonly before: OptimizedValues[F];
  private current: OptimizedValues[F];
  private failing: string[];
  private readonly changes: OptimizerChange[] = [];

  constructor(
    private readonly field: F,
    private readonly marketplace: Marketplace,
    value: OptimizedValues[F],
  ) {
    this.before = value;
    this.current = value;
    this.failing = failingRules(field, value, marketplace);
  }

  get value(): OptimizedValues[F] {
    return this.current;
  }

  /** Takes `next` as the new value; `reason` says what the step did, for the seller. */
  record(stepId: string, next: OptimizedValues[F], reason: string): void {
    if (sameValue<F>(next, this.current)) return;
    const failingNext = failingRules(this.field, next, this.marketplace);
    const fixes = this.failing.filter((id) => !failingNext.includes(id));
    this.changes.push({ ruleId: fixes[0] ?? stepId, reason, fixes });
    this.current = next;
    this.failing = failingNext;
  }

  /** Appends another log's changes (a later pass over the same field). */
  absorb(later: ChangeLog<F>): void {
    this.changes.push(...later.changes);
    this.current = later.current;
    this.failing = later.failing;
  }

  /** The proposal for the field, or null when nothing changed. */
  proposal(): FieldProposal<F> | null {
    if (sameValue<F>(this.current, this.before)) return null;
    return { field: this.field, before: this.before, after: this.current, changes: this.changes };
  }
}
