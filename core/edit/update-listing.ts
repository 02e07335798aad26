import type { EditOutcome } from '../../common/contract.js';
import type { EditableField, FieldChange, ListingChanges } from '../../common/edit-types.js';
import { hardLimitViolations, listingEditSummary, sameFieldValue } from '../../common/edit/index.js';
import { ContractError } from '../../common/result.js';
import { getListing } from '../catalog/get-listing.js';
import { listingFromRows } from '../catalog/listing-codec.js';
import { qualityOf } from '../catalog/listing-quality.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { insertUserRevision, readChangeSet, startUserChangeSet } from './change-sets.js';
import { nextUpdatedAt, writeListingFields } from './listing-write.js';
import { catalogQuery } from '../catalog/query-builder.js';
import { selectFirstRow } from '../catalog/run-compiled.js';

export interface ListingEdit {
  id: number;
  changes: ListingChanges;
  /** The `updatedAt` the editor loaded; a listing changed since fails with `conflict`. */
  expectedUpdatedAt?: number;
}

/** `listing.update`: one seller edit of one listing. */
export function updateListing(catalog: Catalog, edit: ListingEdit, now = Date.now()): EditOutcome {
  return saveListingChanges(catalog, edit, 'edit', now);
}

/**
 * Saves changes to one listing in one transaction: the fields that really differ, the new
 * updated_at and quality columns, a change set (undoable) and a revision with each field's
 * before → after. An edit that changes nothing writes nothing (changeSet null). A value over the
 * marketplace's hard limit (title too long, too many tags) fails `invalid_input` and writes nothing.
 */
export function saveListingChanges(catalog: Catalog, edit: ListingEdit, kind: 'edit' | 'revert', now: number): EditOutcome {
  const { db } = catalog;
  return db
    .transaction((): EditOutcome => {
      const row = selectFirstRow(db, catalogQuery.selectFrom('listing_rows').selectAll().where('id', '=', edit.id));
      if (!row) throw new ContractError('not_found', `Listing #${edit.id} is no longer in the catalog; it may have been deleted. Nothing was saved.`);
      const current = listingFromRows(row, []);

      const changed: ListingChanges = {};
      const revision: Partial<Record<EditableField, FieldChange>> = {};
      for (const field of Object.keys(edit.changes) as EditableField[]) {
        const after = edit.changes[field];
        if (after === undefined || sameFieldValue(current[field], after)) continue;
        Object.assign(changed, { [field]: after });
        revision[field] = { before: current[field], after };
      }
      const fields = Object.keys(changed) as EditableField[];
      if (fields.length === 0) return { listing: withVariants(catalog, edit.id), changeSet: null };

      if (edit.expectedUpdatedAt !== undefined && edit.expectedUpdatedAt !== row.updated_at) {
        throw new ContractError(
          'conflict',
          `“${clip(current.title)}” was changed elsewhere (an import, another window or an undo) after you opened it. Nothing was saved: reload the listing and make your edit again.`,
          { updatedAt: row.updated_at },
        );
      }
      const violations = hardLimitViolations(current.marketplace, changed);
      if (violations.length > 0) {
        throw new ContractError('invalid_input', `${violations.map((v) => v.message).join(' ')} Nothing was saved.`, { violations });
      }

      const summary = listingEditSummary(kind, fields, changed.title ?? current.title);
      const changeSetId = startUserChangeSet(db, kind, summary, 1, now);
      writeListingFields(db, row, changed, nextUpdatedAt(now, row.updated_at), qualityOf({ ...current, ...changed }));
      insertUserRevision(db, edit.id, JSON.stringify(revision), changeSetId, now);
      return { listing: withVariants(catalog, edit.id), changeSet: readChangeSet(db, changeSetId) };
    })
    .immediate();
}

function withVariants(catalog: Catalog, id: number): EditOutcome['listing'] {
  const listing = getListing(catalog, id);
  if (!listing) throw new ContractError('not_found', `Listing #${id} is no longer in the catalog.`);
  return listing;
}

function clip(title: string): string {
  return title.length > 60 ? `${title.slice(0, 59)}…` : title;
}
