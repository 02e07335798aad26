import { defaultBackupDir } from '../backup/backup-handlers.js';
import { backupBeforeBigOperation } from '../backup/pre-operation.js';
import { bulkScopeSize } from '../backup/pre-operation-size.js';
import type { Scope, UndoOutcome } from '../../common/contract.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { readStats } from '../catalog/stats.js';
import { applyBulkEdit, previewBulkEdit } from '../edit/bulk-edit.js';
import { checkpoint } from '../edit/checkpoint-later.js';
import { deleteListings, previewDelete } from '../edit/delete-listings.js';
import { forgetDiscardedSnapshots, hasDiscardedSnapshots } from '../edit/discarded-snapshots.js';
import { listingHistory } from '../edit/history.js';
import { revertRevision } from '../edit/revert.js';
import { redoLast, undoLast, undoState } from '../edit/undo.js';
import { updateListing } from '../edit/update-listing.js';
import type { HandlerContext, Handlers } from './handlers-type.js';
import { optimizePlanner, PLANNER_CARE_MIN_ROWS } from '../catalog/planner-care.js';

type EditHandlers = Pick<
  Handlers,
  | 'listing.update'
  | 'listing.history'
  | 'revision.revert'
  | 'bulk.preview'
  | 'bulk.apply'
  | 'history.state'
  | 'history.undo'
  | 'history.redo'
  | 'listings.deletePreview'
  | 'listings.delete'
>;

/**
 * Editing over one catalog connection: single and bulk edits, deleting listings, undo/redo,
 * history and revert (see core/edit/). Writers tell every window the catalog changed — only when
 * something did.
 */
export function createEditHandlers(catalog: Catalog): EditHandlers {
  const changed = (ctx: HandlerContext, didChange: boolean): void => {
    if (didChange) ctx.emit('catalog.changed', { reason: 'edit', at: Date.now() });
  };
  // Bulk writes commit without copying the WAL back (checkpoint-later.ts); this thread does that
  // right after the answer has gone out, before any later call.
  const checkpointAfterAnswer = (ctx: HandlerContext, didChange: boolean): void => {
    if (didChange) ctx.startOperation(async () => checkpoint(catalog.db));
  };
  // A new change ends redo (change-sets.ts): the listings kept for redoing what it discarded are
  // dead weight in the file, forgotten after the answer (discarded-snapshots.ts).
  const forgetDiscardedAfterAnswer = (ctx: HandlerContext, newChange: boolean): void => {
    if (newChange && hasDiscardedSnapshots(catalog.db)) ctx.startOperation(async () => void forgetDiscardedSnapshots(catalog.db));
  };
  // A bulk edit or delete of many listings gets a backup first (failure is logged; the write goes ahead).
  const backupBeforeScope = async (scope: Scope): Promise<void> => {
    const listings = readStats(catalog).listings;
    await backupBeforeBigOperation(catalog.db, {
      reason: 'pre-bulk-edit',
      size: bulkScopeSize(catalog, scope, listings),
      catalogListings: listings,
      backupDir: defaultBackupDir(catalog.path),
    });
  };
  return {
    'listing.update': ({ id, changes, expectedUpdatedAt }, ctx) => {
      const outcome = updateListing(catalog, { id, changes, ...(expectedUpdatedAt === undefined ? {} : { expectedUpdatedAt }) });
      changed(ctx, outcome.changeSet !== null);
      forgetDiscardedAfterAnswer(ctx, outcome.changeSet !== null);
      return outcome;
    },

    'listing.history': ({ id, limit }) => ({ revisions: listingHistory(catalog.db, id, limit) }),

    'revision.revert': ({ revisionId }, ctx) => {
      const outcome = revertRevision(catalog, revisionId);
      changed(ctx, outcome.changeSet !== null);
      forgetDiscardedAfterAnswer(ctx, outcome.changeSet !== null);
      return outcome;
    },

    'bulk.preview': ({ scope, edit }) => previewBulkEdit(catalog, scope, edit),

    'bulk.apply': async ({ scope, edit }, ctx) => {
      await backupBeforeScope(scope);
      const result = applyBulkEdit(catalog, scope, edit);
      changed(ctx, result.changed > 0);
      checkpointAfterAnswer(ctx, result.changed > 0);
      forgetDiscardedAfterAnswer(ctx, result.changed > 0);
      // Thousands of rewritten rows can change the best plan: fresh statistics, after the answer.
      if (result.changed >= PLANNER_CARE_MIN_ROWS) ctx.startOperation(async () => optimizePlanner(catalog.db, { afterBulkWrite: true }));
      return result;
    },

    'history.state': () => undoState(catalog.db),

    'history.undo': ({ changeSetId }, ctx) => {
      const outcome = undoLast(catalog, Date.now(), changeSetId);
      changed(ctx, wroteListings(outcome));
      checkpointAfterAnswer(ctx, wroteListings(outcome));
      return outcome;
    },

    'history.redo': (_input, ctx) => {
      const outcome = redoLast(catalog);
      changed(ctx, wroteListings(outcome));
      checkpointAfterAnswer(ctx, wroteListings(outcome));
      return outcome;
    },

    'listings.deletePreview': ({ scope }) => previewDelete(catalog, scope),

    'listings.delete': async ({ scope }, ctx) => {
      // Deleting many listings gets the same backup first as a bulk edit of them (undo covers the
      // mistake; the backup covers a catalog damaged halfway).
      await backupBeforeScope(scope);
      const result = deleteListings(catalog, scope);
      changed(ctx, result.deleted > 0);
      checkpointAfterAnswer(ctx, result.deleted > 0);
      forgetDiscardedAfterAnswer(ctx, result.deleted > 0);
      return result;
    },
  };
}

/** Undo and redo write listings when they change fields or take listings out or put them back. */
function wroteListings(outcome: Pick<UndoOutcome, 'changed' | 'removed' | 'putBack'>): boolean {
  return outcome.changed + outcome.removed + outcome.putBack > 0;
}
