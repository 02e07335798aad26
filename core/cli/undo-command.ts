import type { UndoOutcome } from '../../common/contract.js';
import { describeHistoryStep } from '../../common/history-text.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { redoLast, undoLast } from '../edit/undo.js';

/**
 * `listsmith undo [--change-set N]` and `listsmith redo`: the app's Ctrl+Z and Ctrl+Shift+Z on the
 * same history (change_sets), headless.
 */
export const UNDO_USAGE = `  listsmith undo [--change-set N] [--db PATH] [--json]
      undoes the newest change, as Ctrl+Z in the app: an edit, a bulk edit, a delete, or an
      import (its new listings are removed, the listings it changed get their values back).
      --change-set N: only if change set N is the newest (\`listsmith import\` prints
      "Recorded as change set #N"), so a script never undoes something else.
      An older import cannot be undone out of turn: undo is one history, newest first, and a
      later change may build on what the import brought in. Undo the later changes first.
  listsmith redo [--db PATH] [--json]
      redoes the change undone last`;

export class UndoUsageError extends Error {}

/** `--change-set` as given, or undefined; a usage error when it is not an id. */
export function parseChangeSetId(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const id = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(id) || id < 1) throw new UndoUsageError(`--change-set needs a change set number (a whole number), not "${value}".`);
  return id;
}

export interface HistoryCommandResult {
  /** What happened, in the words the app's status bar uses. */
  message: string;
  outcome: UndoOutcome;
}

/** Undoes the newest change, or — with `changeSetId` — that change set only if it is the newest. */
export function undoCommand(catalog: Catalog, changeSetId?: number): HistoryCommandResult {
  const outcome = undoLast(catalog, Date.now(), changeSetId);
  return { message: describeHistoryStep('undo', outcome), outcome };
}

export function redoCommand(catalog: Catalog): HistoryCommandResult {
  const outcome = redoLast(catalog);
  return { message: describeHistoryStep('redo', outcome), outcome };
}

/** The --json object: what was walked, what it did, and what undo/redo would do next. */
export function historyJson({ outcome, message }: HistoryCommandResult): Record<string, unknown> {
  const { changeSet, changed, conflicts, removed, putBack, leftOut, state } = outcome;
  return { message, changeSet, changed, conflicts, removed, putBack, leftOut, next: { undo: state.undo?.summary ?? null, redo: state.redo?.summary ?? null } };
}
