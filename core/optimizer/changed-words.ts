/** For change reasons: which words a step rewrote or removed, quoted and listed. */
import { listOf } from '../../common/rules/text.js';

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

/** Words whose spelling changed (same number of words before and after), as “BEFORE”. */
export function rewrittenWords(before: string, after: string): string[] {
  const a = before.match(WORD) ?? [];
  const b = after.match(WORD) ?? [];
  if (a.length !== b.length) return [];
  const changed: string[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !changed.includes(a[i] ?? '')) changed.push(a[i] ?? '');
  return changed;
}

/** “a”, “b” and 3 more. */
export function quotedList(items: readonly string[], limit = 5): string {
  return listOf(
    items.map((item) => `“${item}”`),
    limit,
  );
}
