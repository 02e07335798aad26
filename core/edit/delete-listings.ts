import type { Scope } from '../../common/contract.js';
import type { DeletePreview, DeleteResult } from '../../common/edit-types.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { scopeIds } from '../catalog/read-scope.js';
import { takeOutListings } from './change-set-listings.js';
import { withCheckpointDeferred } from './checkpoint-later.js';
import { finishChangeSet, readChangeSet, startUserChangeSet } from './change-sets.js';
import { prepared } from '../catalog/prepared.js';

/** Titles a preview names (the confirmation shows them; the count covers all). */
const SAMPLES = 5;

/**
 * `listings.deletePreview`: how many listings of the scope are in the catalog, and the first few,
 * from one read snapshot (the background reader; a query scope is resolved by the grid's own code).
 */
export function previewDelete(catalog: Catalog, scope: Scope): DeletePreview {
  const { db } = catalog;
  return db.transaction((): DeletePreview => {
    const ids = scopeIds(catalog, scope);
    const title = prepared(db, 'SELECT title FROM listings WHERE id = ?').pluck();
    const samples: DeletePreview['samples'] = [];
    // An `all` or `query` scope is read from the catalog; only an `ids` scope can name ids that are gone.
    let listings = scope.kind === 'ids' ? 0 : ids.length;
    for (let i = 0; i < ids.length && (scope.kind === 'ids' || samples.length < SAMPLES); i++) {
      const id = ids[i]!;
      const found = title.get(id) as string | undefined;
      if (found === undefined) continue;
      if (scope.kind === 'ids') listings++;
      if (samples.length < SAMPLES) samples.push({ id, title: found });
    }
    return { listings, samples };
  })();
}

/**
 * `listings.delete`: removes the scope's listings as ONE undoable change set (kind 'delete',
 * author 'user'), in one transaction on the writer, ID_CHUNK listings at a time (rows-by-id.ts): each is kept
 * whole in `listing_snapshots` first, so undo puts it back with its id, fields, variants, kept
 * source columns, proposals and history (change-set-listings.ts). Like any new change it ends redo.
 * Nothing in the scope → no change set. The WAL checkpoint is left to the caller.
 */
export function deleteListings(catalog: Catalog, scope: Scope, now = Date.now()): DeleteResult {
  const { db } = catalog;
  const remove = db.transaction((): DeleteResult => {
    const ids = scopeIds(catalog, scope);
    const changeSetId = startUserChangeSet(db, 'delete', deleteSummary(ids.length), ids.length, now);
    const deleted = takeOutListings(db, changeSetId, ids);
    // Nothing was there (ids deleted meanwhile): undo the bookkeeping with the rest of the transaction.
    if (deleted === 0) throw new NothingToDelete();
    finishChangeSet(db, changeSetId, deleteSummary(deleted), deleted, now);
    return { changeSet: readChangeSet(db, changeSetId), deleted };
  });
  try {
    return withCheckpointDeferred(db, () => remove.immediate());
  } catch (error) {
    if (error instanceof NothingToDelete) return { changeSet: null, deleted: 0 };
    throw error;
  }
}

/** "Delete of 12 listings": the undo button reads "Undo Delete of 12 listings". */
export function deleteSummary(listings: number): string {
  return `Delete of ${listings.toLocaleString('en-US')} ${listings === 1 ? 'listing' : 'listings'}`;
}

class NothingToDelete extends Error {}
