import type BetterSqlite3 from 'better-sqlite3';
import type { UndoOutcome } from '../../common/contract.js';
import type { ChangeSetSummary, UndoState } from '../../common/edit-types.js';
import { ContractError } from '../../common/result.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { putBackListings, takeOutPutIn } from './change-set-listings.js';
import { changeSetSummary } from '../catalog/change-set-row.js';
import { readChangeSet, setChangeSetState } from './change-sets.js';
import { withCheckpointDeferred } from './checkpoint-later.js';
import { catalogQuery } from '../catalog/query-builder.js';
import { selectFirstRow } from '../catalog/run-compiled.js';
import { replayRevisions } from './revision-replay.js';

/**
 * Undo and redo walk the undoable change sets, all kept in SQLite, so they survive a restart.
 * Undo takes the newest 'applied' set; redo the oldest 'undone' one — any new change discards every
 * undone set (change-sets.ts), so the undone sets are always the ones most recently undone, and the
 * oldest of them is the last one undone. The walk is linear: a set is only undone once every newer
 * one is, so it meets the catalog as it left it, except for writes that are not change sets.
 */
export function undoState(db: BetterSqlite3.Database): UndoState {
  const undoable = catalogQuery.selectFrom('change_sets').selectAll().where('undoable', '=', 1);
  const undo = selectFirstRow(db, undoable.where('state', '=', 'applied').orderBy('id', 'desc').limit(1));
  const redo = selectFirstRow(db, undoable.where('state', '=', 'undone').orderBy('id', 'asc').limit(1));
  return { undo: undo ? changeSetSummary(undo) : null, redo: redo ? changeSetSummary(redo) : null };
}

/**
 * `history.undo`: reverts the newest change set. Field changes: each revision's `before` goes back
 * wherever the field still holds its `after`; a field changed since is left alone and counted as a
 * conflict — undo never overwrites work it did not do. A delete puts its listings back; an import
 * also takes out the listings it created. `expected`: undo only if that change set is the newest
 * (an "Undo this import" button must never undo something else). One transaction.
 */
export function undoLast(catalog: Catalog, now = Date.now(), expected?: number): UndoOutcome {
  return stepNewest(catalog, 'undo', now, expected);
}

/** `history.redo`: the reverse of the last undo. */
export function redoLast(catalog: Catalog, now = Date.now()): UndoOutcome {
  return stepNewest(catalog, 'redo', now);
}

type StepCounts = Pick<UndoOutcome, 'changed' | 'conflicts' | 'removed' | 'putBack' | 'leftOut'>;
const NOTHING: StepCounts = { changed: 0, conflicts: 0, removed: 0, putBack: 0, leftOut: 0 };

/** One transaction; like a bulk edit, it leaves the WAL checkpoint to the caller (checkpoint-later.ts). */
function stepNewest(catalog: Catalog, direction: 'undo' | 'redo', now: number, expected?: number): UndoOutcome {
  const { db } = catalog;
  const step = db.transaction((): UndoOutcome => {
    const target = undoState(db)[direction];
    if (expected !== undefined && target?.id !== expected) throw notNewest(db, expected, target);
    if (!target) return { changeSet: null, ...NOTHING, state: undoState(db) };
    const counts = stepChangeSet(db, target, direction, now);
    setChangeSetState(db, target.id, direction === 'undo' ? 'undone' : 'applied', now);
    return { changeSet: readChangeSet(db, target.id), ...counts, state: undoState(db) };
  });
  return withCheckpointDeferred(db, () => step.immediate());
}

/**
 * What undoing or redoing one change set does, by kind:
 * - field changes (edit, bulk, revert, proposal): its revisions, replayed;
 * - delete: undo puts its listings back whole, redo takes them out again;
 * - import: undo puts back the fields it changed and then takes out the listings it created
 *   (kept whole for redo); redo puts those back and then re-applies its changes.
 * change-set-listings.ts keeps the listings a set holds out or has put in.
 */
function stepChangeSet(db: BetterSqlite3.Database, target: ChangeSetSummary, direction: 'undo' | 'redo', now: number): StepCounts {
  if (target.kind === 'delete') {
    return direction === 'undo' ? { ...NOTHING, ...putBackListings(db, target.id) } : { ...NOTHING, removed: takeOutPutIn(db, target.id) };
  }
  if (target.kind === 'import') {
    if (direction === 'undo') {
      const replayed = replayRevisions(db, target.id, 'undo', now);
      return { ...NOTHING, ...replayed, removed: takeOutPutIn(db, target.id) };
    }
    const back = putBackListings(db, target.id);
    return { ...NOTHING, ...back, ...replayRevisions(db, target.id, 'redo', now) };
  }
  return { ...NOTHING, ...replayRevisions(db, target.id, direction, now) };
}

/** Why a change set asked for by id cannot be undone now, in words a seller can act on. */
function notNewest(db: BetterSqlite3.Database, expected: number, newest: ChangeSetSummary | null): ContractError {
  const wanted = selectFirstRow(db, catalogQuery.selectFrom('change_sets').selectAll().where('id', '=', expected));
  if (wanted === undefined) return new ContractError('not_found', `Change #${expected} is not in this catalog's history. Nothing was undone.`);
  if (wanted.undoable === 0) return new ContractError('conflict', `“${wanted.summary}” cannot be undone: an older Listsmith recorded it before such changes could be undone. Nothing was undone.`);
  if (wanted.state !== 'applied') return new ContractError('conflict', `“${wanted.summary}” is already undone. Nothing was undone.`);
  const { later } = selectFirstRow(
    db,
    catalogQuery
      .selectFrom('change_sets')
      .select((row) => row.fn.countAll<number>().as('later'))
      .where('undoable', '=', 1)
      .where('state', '=', 'applied')
      .where('id', '>', expected),
  )!;
  const first = newest === null ? '' : `, newest first: “${newest.summary}”`;
  return new ContractError(
    'conflict',
    `“${wanted.summary}” is not the last change: ${later.toLocaleString('en-US')} ${later === 1 ? 'change was' : 'changes were'} made after it${first}. Undo goes back one change at a time; undo ${later === 1 ? 'that one' : 'those'} first (Ctrl+Z). Nothing was undone.`,
  );
}
