/* ----------------------------------------------------------------------------------------------
 * A small word-level diff for the optimizer's review view (pure, unit-tested): the longest common
 * subsequence of the two token lists, walked back into kept / removed / added runs. Whitespace is
 * kept as its own tokens so the pieces join back into exactly `before` (kept + removed) and
 * `after` (kept + added).
 * -------------------------------------------------------------------------------------------- */

export type DiffOp = 'same' | 'removed' | 'added';
export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** Above this many cells (before tokens × after tokens) the LCS table is skipped: whole replace. */
export const MAX_DIFF_CELLS = 4_000_000;
const WORD_WEIGHT = 1_000;

/** Words, punctuation runs and whitespace runs, in order ("Blue, mug" → Blue | , | ␠ | mug). */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}_'’-]+|[^\s\p{L}\p{N}_'’-]+/gu) ?? [];
}

function push(parts: DiffPart[], op: DiffOp, text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last !== undefined && last.op === op) last.text += text;
  else parts.push({ op, text });
}

/**
 * Word diff of two strings. Runs of the same kind are merged; a whitespace token between a removed
 * and an added run goes with them, so "a red mug" → "a blue mug" reads "a [red→blue] mug".
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ op: 'same', text: before }];
  const a = tokenize(before);
  const b = tokenize(after);
  // Common prefix and suffix first: optimizer edits are usually local.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, 'same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if (n * m > MAX_DIFF_CELLS) {
    push(parts, 'removed', midA.join(''));
    push(parts, 'added', midB.join(''));
  } else {
    // lcs[i][j]: weighted LCS of midA[i..] and midB[j..] in one flat array. A kept word weighs far
    // more than kept whitespace, so the diff never keeps spaces at the cost of words.
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    const weight = (token: string) => (/^\s+$/.test(token) ? 1 : WORD_WEIGHT);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        const skip = Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
        lcs[i * width + j] = midA[i] === midB[j] ? Math.max(skip, lcs[(i + 1) * width + j + 1]! + weight(midA[i]!)) : skip;
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j] && lcs[i * width + j]! === lcs[(i + 1) * width + j + 1]! + weight(midA[i]!)) {
        push(parts, 'same', midA[i]!);
        i++;
        j++;
      } else if (i < n && (j === m || lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
        push(parts, 'removed', midA[i]!);
        i++;
      } else {
        push(parts, 'added', midB[j]!);
        j++;
      }
    }
  }
  push(parts, 'same', a.slice(endA).join(''));
  return mergeRuns(parts);
}

/**
 * removed/added/removed… interleavings become one removed run and one added run per change; a lone
 * whitespace run kept between two changes ("red mug" → "blue cup": the space) goes with them.
 */
function mergeRuns(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    push(out, 'removed', removed);
    push(out, 'added', added);
    removed = '';
    added = '';
  };
  parts.forEach((part, k) => {
    if (part.op === 'removed') removed += part.text;
    else if (part.op === 'added') added += part.text;
    else if (/^\s+$/.test(part.text) && (removed !== '' || added !== '') && k + 1 < parts.length && parts[k + 1]!.op !== 'same') {
      removed += part.text;
      added += part.text;
    } else {
      flush();
      push(out, 'same', part.text);
    }
  });
  flush();
  return out;
}

/** Tags: kept ones in their new order, then removed; added marked (case-insensitive match). */
export function tagDiff(before: readonly string[], after: readonly string[]): { tag: string; op: DiffOp }[] {
  const key = (t: string) => t.trim().toLowerCase();
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  const out: { tag: string; op: DiffOp }[] = [];
  for (const tag of after) out.push({ tag, op: had.has(key(tag)) ? 'same' : 'added' });
  for (const tag of before) if (!has.has(key(tag))) out.push({ tag, op: 'removed' });
  return out;
}
