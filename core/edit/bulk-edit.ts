import type { Scope } from '../../common/contract.js';
import type { BulkEdit, BulkPreview, BulkProblem, BulkResult, BulkSample, EditableField, ListingChanges } from '../../common/edit-types.js';
import { bulkEditSummary, compileBulkEdit, describeBulkEdit, isEditProblem } from '../../common/edit/index.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { scopeIds } from '../catalog/read-scope.js';
import { scanBulkEdit } from './bulk-scan.js';
import { withCheckpointDeferred } from './checkpoint-later.js';
import { finishChangeSet, readChangeSet, startUserChangeSet } from './change-sets.js';
import { nextUpdatedAt, qualityAfterEdit, writeListingFields } from './listing-write.js';
import { QualityMemo } from './quality-memo.js';
import { UserRevisionBatch } from './revision-batch.js';

/** Samples and problems a preview or result lists (the counts cover all of them). */
const LISTED = 20;

/**
 * `bulk.preview`: what the edit would do to the scope — read-only, on the background reader, in one
 * read transaction so the counts and samples come from one snapshot.
 */
export function previewBulkEdit(catalog: Catalog, scope: Scope, edit: BulkEdit): BulkPreview {
  const compiled = compileBulkEdit(edit);
  const { db } = catalog;
  return db.transaction((): BulkPreview => {
    const preview: BulkPreview = { matched: 0, willChange: 0, skipped: 0, samples: [], problems: [] };
    for (const { stored, subject, outcome } of scanBulkEdit(db, scopeIds(catalog, scope), compiled)) {
      preview.matched++;
      if (outcome === null) continue;
      if (isEditProblem(outcome)) {
        preview.skipped++;
        if (preview.problems.length < LISTED) preview.problems.push({ id: stored.id, title: stored.title, message: outcome.problem });
        continue;
      }
      preview.willChange++;
      for (const field of Object.keys(outcome) as EditableField[]) {
        if (preview.samples.length >= LISTED) break;
        const sample: BulkSample = { id: stored.id, title: stored.title, field, before: subject[field] ?? null, after: (outcome as ListingChanges)[field] };
        preview.samples.push(sample);
      }
    }
    return preview;
  })();
}

/**
 * `bulk.apply`: the edit on every listing of the scope in ONE transaction on the writer (all or
 * nothing; readers keep their snapshot until it commits), as ONE undoable change set with one
 * revision per changed listing. Listings the edit would break are skipped and reported.
 *
 * Hot loop: rows read 500 at a time by id with prepared statements, the edit in plain JS, one
 * prepared UPDATE of only the changed columns, quality rescored from the changed fields alone
 * (memoized: quality-memo.ts), revisions written in multi-row INSERTs (revision-batch.ts).
 * The WAL checkpoint is left to the caller (checkpoint-later.ts): run `checkpoint` after answering.
 */
export function applyBulkEdit(catalog: Catalog, scope: Scope, edit: BulkEdit, now = Date.now()): BulkResult {
  const compiled = compileBulkEdit(edit);
  const { db } = catalog;
  const apply = db.transaction((): BulkResult => {
    let revisions: UserRevisionBatch | null = null;
    const quality = new QualityMemo();
    let changed = 0;
    let skipped = 0;
    const problems: BulkProblem[] = [];
    for (const { stored, subject, outcome } of scanBulkEdit(db, scopeIds(catalog, scope), compiled)) {
      if (outcome === null) continue;
      if (isEditProblem(outcome)) {
        skipped++;
        if (problems.length < LISTED) problems.push({ id: stored.id, title: stored.title, message: outcome.problem });
        continue;
      }
      const changes = outcome as ListingChanges;
      // The summary names the final count: the row is written with a provisional one, fixed below.
      revisions ??= new UserRevisionBatch(db, startUserChangeSet(db, 'bulk', describeBulkEdit(edit), 0, now), now);
      writeListingFields(db, stored, changes, nextUpdatedAt(now, stored.updated_at), qualityAfterEdit(db, stored, changes, quality));
      revisions.add(stored.id, revisionJson(subject, changes));
      changed++;
    }
    if (revisions === null) return { changeSet: null, changed: 0, skipped, problems };
    revisions.flush();
    finishChangeSet(db, revisions.changeSetId, bulkEditSummary(edit, changed), changed, now);
    return { changeSet: readChangeSet(db, revisions.changeSetId), changed, skipped, problems };
  });
  return withCheckpointDeferred(db, () => apply.immediate());
}

/** field → {before, after} of the changed fields, as revisions store it. */
function revisionJson(before: Partial<Record<EditableField, unknown>>, changes: ListingChanges): string {
  const revision: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of Object.keys(changes) as EditableField[]) revision[field] = { before: before[field] ?? null, after: changes[field] };
  return JSON.stringify(revision);
}
