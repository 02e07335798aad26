import type { UndoOutcome } from './contract.js';

/** What an undo/redo step reports; the listing counts are absent in outcomes from before deletes. */
export type HistoryStep = Pick<UndoOutcome, 'changeSet' | 'conflicts'> & Partial<Pick<UndoOutcome, 'changed' | 'removed' | 'putBack' | 'leftOut'>>;

/**
 * What an undo or redo did, for the status bar and the CLI: "Undid: Price +10 % on 10,000
 * listings"; for imports and deletes also what happened to listings ("Undid: Import of shop.csv:
 * 120 new, 30 changed — 120 listings removed, 30 restored"); then what was left alone.
 */
export function describeHistoryStep(action: 'undo' | 'redo', step: HistoryStep): string {
  if (step.changeSet === null) return action === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.';
  let text = `${action === 'undo' ? 'Undid' : 'Redid'}: ${step.changeSet.summary}`;
  const { removed = 0, putBack = 0, changed = 0, leftOut = 0 } = step;
  const effects: string[] = [];
  if (removed > 0) effects.push(count(removed, 'listing removed', 'listings removed'));
  if (putBack > 0) effects.push(`${count(putBack, 'listing', 'listings')} back`);
  // An import's updated listings: undo restores them, redo changes them again.
  if (step.changeSet.kind === 'import' && changed > 0) effects.push(`${integer(changed)} ${action === 'undo' ? 'restored' : 'changed again'}`);
  if (leftOut > 0) effects.push(`${count(leftOut, 'listing was', 'listings were')} not put back: another listing has ${leftOut === 1 ? 'its' : 'their'} marketplace id now`);
  if (effects.length > 0) text += ` — ${effects.join(', ')}`;
  if (step.conflicts > 0) {
    const one = step.conflicts === 1;
    text += `${effects.length > 0 ? '; ' : ' — '}${integer(step.conflicts)} ${one ? 'value was' : 'values were'} left as ${one ? 'it is' : 'they are'}: changed again since`;
  }
  return text;
}

function integer(n: number): string {
  return n.toLocaleString('en-US');
}

function count(n: number, singular: string, plural: string): string {
  return `${integer(n)} ${n === 1 ? singular : plural}`;
}
