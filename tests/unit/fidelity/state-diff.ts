import { isDeepStrictEqual } from 'node:util';
import type { ComparableListing } from './catalog-state.js';

/** One way two catalog states differ, readable in a failing test's output. */
export interface StateDifference {
  key: string;
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * Field-by-field differences between two catalog states (catalogState()), at most `limit` of
 * them: listings missing or added, and every field whose value differs.
 */
export function diffStates(before: Map<string, ComparableListing[]>, after: Map<string, ComparableListing[]>, limit = 20): StateDifference[] {
  const out: StateDifference[] = [];
  const add = (difference: StateDifference): boolean => {
    out.push(difference);
    return out.length >= limit;
  };
  for (const [key, listings] of before) {
    const others = after.get(key) ?? [];
    if (others.length !== listings.length) {
      if (add({ key, field: '(listings with this key)', before: listings.length, after: others.length })) return out;
      continue;
    }
    for (let i = 0; i < listings.length; i++) {
      const a = listings[i]!;
      const b = others[i]!;
      for (const field of new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof ComparableListing>) {
        if (!isDeepStrictEqual(normalise(a[field]), normalise(b[field]))) {
          if (add({ key, field, before: a[field], after: b[field] })) return out;
        }
      }
    }
  }
  for (const [key, listings] of after) {
    if (!before.has(key) && add({ key, field: '(new listing)', before: 0, after: listings.length })) return out;
  }
  return out;
}

/** Object key order carries no meaning (JSON columns); arrays keep theirs. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, item]) => [name, normalise(item)]),
    );
  }
  return value;
}

export function describeDifferences(differences: readonly StateDifference[]): string {
  return differences
    .map((d) => {
      const [before, after] = [JSON.stringify(normalise(d.before)) ?? 'undefined', JSON.stringify(normalise(d.after)) ?? 'undefined'];
      // Long values: show where they start to differ.
      let at = 0;
      while (at < before.length && before[at] === after[at]) at++;
      const from = Math.max(0, at - 60);
      const cut = (text: string): string => `${from > 0 ? '…' : ''}${text.slice(from, from + 200)}${text.length > from + 200 ? '…' : ''}`;
      return `${d.key} · ${d.field}: ${cut(before)} → ${cut(after)}`;
    })
    .join('\n');
}
