import type { FieldLimit } from '../../../common/rules/index.js';
import { formatInteger } from '../format.js';
import './field-feedback.css';

export type CounterState = 'ok' | 'near' | 'over' | 'short' | 'none';

/** How a count stands against a limit: over the hard max, over the recommended length, under the minimum. */
export function counterState(count: number, limit: FieldLimit | null): CounterState {
  if (limit === null) return 'none';
  if (limit.max !== null && count > limit.max) return 'over';
  if (limit.recommended !== undefined && count > limit.recommended) return 'near';
  if (limit.min !== undefined && count > 0 && count < limit.min) return 'short';
  if (limit.max !== null && count >= limit.max * 0.9 && limit.unit !== 'items') return 'near';
  return 'ok';
}

function unitWord(unit: FieldLimit['unit'] | 'characters', n: number, itemWord: string): string {
  if (unit === 'bytes') return n === 1 ? 'byte' : 'bytes';
  if (unit === 'items') return n === 1 ? itemWord : `${itemWord}s`;
  return n === 1 ? 'character' : 'characters';
}

/**
 * A live counter beside a field: "54 / 140" against the marketplace's hard limit (or the
 * recommended length when there is none), colored when over. Screen readers get it in words
 * through the field's aria-describedby.
 */
export function FieldCounter({
  id,
  count,
  limit,
  unit,
  itemWord = 'item',
  testId,
}: {
  id: string;
  count: number;
  limit: FieldLimit | null;
  /** Overrides the limit's unit (e.g. counting characters of one tag against `itemMax`). */
  unit?: FieldLimit['unit'];
  itemWord?: string;
  testId?: string;
}) {
  const state = counterState(count, limit);
  const u = unit ?? limit?.unit ?? 'characters';
  const cap = limit === null ? null : (limit.max ?? limit.recommended ?? null);
  let spoken = `${formatInteger(count)} ${unitWord(u, count, itemWord)}`;
  if (limit !== null && limit.max !== null) spoken += ` of ${formatInteger(limit.max)} allowed`;
  else if (limit?.recommended !== undefined) spoken += `, ${formatInteger(limit.recommended)} recommended`;
  if (state === 'over') spoken += ` — ${formatInteger(count - (limit?.max ?? 0))} over the limit`;
  else if (state === 'short' && limit?.min !== undefined) spoken += ` — at least ${formatInteger(limit.min)} needed`;
  return (
    <span id={id} className={`counter counter-${state}`} data-testid={testId} data-count={count} data-max={limit?.max ?? ''} aria-label={spoken} title={spoken}>
      {formatInteger(count)}
      {cap !== null && <span className="counter-max"> / {formatInteger(cap)}</span>}
    </span>
  );
}
