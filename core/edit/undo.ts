import type BetterSqlite3 from 'better-sqlite3';
import type { UndoOutcome } from '../../common/contract.js';
import type { EditableField, FieldChange, ListingChanges, UndoState } from '../../common/edit-types.js';
import { sameFieldValue } from '../../common/edit/index.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { changeSetSummary, readChangeSet, setChangeSetState, type ChangeSetRow } from './change-sets.js';
import { withCheckpointDeferred } from './checkpoint-later.js';
import { FIELD_COLUMNS, fromColumnValue, toColumnValue } from './field-columns.js';
import { nextUpdatedAt, qualityAfterEdit, STORED_QUALITY_COLUMNS, writeListingFields, type StoredQuality } from './listing-write.js';
import { prepared } from './prepared.js';
import { QualityMemo } from './quality-memo.js';
import { editableChanges, parseRevisionChanges } from './revision-changes.js';
import { readRowsById, ROW_CHUNK } from './rows-by-id.js';

/**
 * Undo and redo walk the user's undoable change sets, all kept in SQLite, so they survive a
 * restart. Undo takes the newest 'applied' set; redo the oldest 'undone' one — any new change
 * discards every undone set (change-sets.ts), so the undone sets are always the ones most recently
 * undone, and the oldest of them is the last one undone.
 */
export function undoState(db: BetterSqlite3.Database): UndoState {
  const undo = prepared(db, "SELECT * FROM change_sets WHERE undoable = 1 AND state = 'applied' ORDER BY id DESC LIMIT 1").get() as ChangeSetRow | undefined;
  const redo = prepared(db, "SELECT * FROM change_sets WHERE undoable = 1 AND state = 'undone' ORDER BY id ASC LIMIT 1").get() as ChangeSetRow | undefined;
  return { undo: undo ? changeSetSummary(undo) : null, redo: redo ? changeSetSummary(redo) : null };
}

/**
 * `history.undo`: puts back each revision's `before` wherever the field still holds its `after`.
 * A field changed since (a later import, an edit in a set that is not undone) is left alone and
 * counted as a conflict: undo never overwrites work it did not do. One transaction.
 */
export function undoLast(catalog: Catalog, now = Date.now()): UndoOutcome {
  return replayNewest(catalog, 'undo', now);
}

/** `history.redo`: the reverse: `after` back wherever the field still holds `before`. */
export function redoLast(catalog: Catalog, now = Date.now()): UndoOutcome {
  return replayNewest(catalog, 'redo', now);
}

/** One transaction; like a bulk edit, it leaves the WAL checkpoint to the caller (checkpoint-later.ts). */
function replayNewest(catalog: Catalog, direction: 'undo' | 'redo', now: number): UndoOutcome {
  const { db } = catalog;
  const replay = db.transaction((): UndoOutcome => {
    const target = undoState(db)[direction];
    if (!target) return { changeSet: null, changed: 0, conflicts: 0, state: undoState(db) };
    const { changed, conflicts } = replayChangeSet(db, target.id, direction, now);
    setChangeSetState(db, target.id, direction === 'undo' ? 'undone' : 'applied', now);
    return { changeSet: readChangeSet(db, target.id), changed, conflicts, state: undoState(db) };
  });
  return withCheckpointDeferred(db, () => replay.immediate());
}

interface RevisionRow {
  id: number;
  listing_id: number;
  changes: string;
}

/**
 * Replays a change set's revisions ROW_CHUNK at a time — undo newest first, redo oldest first, so
 * a set touching one listing twice unwinds in order — reading only the columns they touch.
 */
function replayChangeSet(db: BetterSqlite3.Database, changeSetId: number, direction: 'undo' | 'redo', now: number): { changed: number; conflicts: number } {
  const page = prepared(
    db,
    direction === 'undo'
      ? 'SELECT id, listing_id, changes FROM revisions WHERE change_set_id = ? AND id < ? ORDER BY id DESC LIMIT ?'
      : 'SELECT id, listing_id, changes FROM revisions WHERE change_set_id = ? AND id > ? ORDER BY id ASC LIMIT ?',
  );
  const memo = new QualityMemo();
  let changed = 0;
  let conflicts = 0;
  let cursor = direction === 'undo' ? Number.MAX_SAFE_INTEGER : 0;
  for (;;) {
    const revisions = page.all(changeSetId, cursor, ROW_CHUNK) as RevisionRow[];
    if (revisions.length === 0) break;
    cursor = revisions.at(-1)!.id;
    const parsed = revisions.map((revision) => ({ listingId: revision.listing_id, changes: editableChanges(parseRevisionChanges(revision.changes)) }));
    const fields = new Set<EditableField>();
    for (const { changes } of parsed) for (const field of Object.keys(changes) as EditableField[]) fields.add(field);
    const columns = ['updated_at', ...STORED_QUALITY_COLUMNS, ...[...fields].map((field) => FIELD_COLUMNS[field].column)];
    const rows = readRowsById(db, columns, [...new Set(parsed.map((revision) => revision.listingId))]);

    for (const { listingId, changes } of parsed) {
      const row = rows.get(listingId);
      const restore: ListingChanges = {};
      for (const [field, change] of Object.entries(changes) as [EditableField, FieldChange][]) {
        const [from, to] = direction === 'undo' ? [change.after, change.before] : [change.before, change.after];
        const current = row === undefined ? undefined : fromColumnValue(field, row[FIELD_COLUMNS[field].column]);
        if (row !== undefined && sameFieldValue(current, from)) Object.assign(restore, { [field]: to });
        else if (row === undefined || !sameFieldValue(current, to)) conflicts++;
      }
      if (row === undefined || Object.keys(restore).length === 0) continue;
      const quality = qualityAfterEdit(db, row as unknown as StoredQuality, restore, memo);
      const updatedAt = nextUpdatedAt(now, row.updated_at as number);
      writeListingFields(db, row as unknown as StoredQuality, restore, updatedAt, quality);
      // Keep the chunk's copy current in case a later revision of this set touches the same listing.
      for (const field of Object.keys(restore) as EditableField[]) row[FIELD_COLUMNS[field].column] = toColumnValue(field, restore[field]);
      Object.assign(row, { updated_at: updatedAt, quality_score: quality.qualityScore, error_count: quality.errorCount, failing_rules: quality.failingRules });
      changed++;
    }
  }
  return { changed, conflicts };
}
