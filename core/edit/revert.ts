import type { EditOutcome } from '../../common/contract.js';
import { listingChangesSchema, type EditableField, type ListingChanges } from '../../common/edit-types.js';
import { ContractError } from '../../common/result.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { catalogQuery } from '../catalog/query-builder.js';
import { selectFirstRow } from '../catalog/run-compiled.js';
import { editableChanges, parseRevisionChanges } from './revision-changes.js';
import { saveListingChanges } from './update-listing.js';

/**
 * `revision.revert`: sets the listing's fields back to what they were before that revision, as a
 * new undoable change (kind 'revert') with its own revision — history is never rewritten. Only
 * editable fields are reverted (an import's variant changes are not), the same hard limits apply
 * as to any edit, and fields already back at their old value are not written again.
 */
export function revertRevision(catalog: Catalog, revisionId: number, now = Date.now()): EditOutcome {
  const revision = selectFirstRow(catalog.db, catalogQuery.selectFrom('revisions').select(['listing_id', 'changes']).where('id', '=', revisionId));
  if (!revision) throw new ContractError('not_found', `Revision #${revisionId} is not in this catalog. Reload the listing's history.`);
  const changes: ListingChanges = {};
  for (const [field, change] of Object.entries(editableChanges(parseRevisionChanges(revision.changes))) as [EditableField, { before: unknown }][]) {
    // Revisions are our own JSON, but a value that no longer passes the edit schema is not written back.
    const checked = listingChangesSchema.safeParse({ [field]: change.before });
    if (checked.success) Object.assign(changes, checked.data);
  }
  if (Object.keys(changes).length === 0) {
    throw new ContractError('invalid_input', `Revision #${revisionId} changed nothing that can be reverted here (for example only variants). Nothing was changed.`);
  }
  return saveListingChanges(catalog, { id: revision.listing_id, changes }, 'revert', now);
}
