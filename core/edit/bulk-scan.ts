import type BetterSqlite3 from 'better-sqlite3';
import type { ListingChanges } from '../../common/edit-types.js';
import { hardLimitViolations, isEditProblem, type BulkSubject, type CompiledBulkEdit, type EditOutcome } from '../../common/edit/index.js';
import type { Marketplace } from '../../common/listing.js';
import { FIELD_COLUMNS, fieldsFromRow } from './field-columns.js';
import { STORED_QUALITY_COLUMNS, type StoredQuality } from './listing-write.js';
import { idChunks, readRowsById } from '../catalog/rows-by-id.js';

/** What a bulk edit makes of one listing in its scope. */
export interface ScannedListing {
  stored: StoredQuality & { title: string; updated_at: number };
  /** The fields the edit read, as stored. */
  subject: BulkSubject;
  /** The changes (hard limits already checked), null (unchanged) or why it is skipped. */
  outcome: EditOutcome;
}

/**
 * Walks the scope's listings in chunks of ID_CHUNK (rows-by-id.ts), reading only the columns the edit needs, and
 * yields what the edit does to each. A change breaking the marketplace's hard limits (a title
 * over eBay's 80 characters after a replace, a 14th Etsy tag) becomes a problem: bulk edits skip
 * such listings rather than fail the whole edit. Preview and apply share this walk, so what the
 * preview promises is what apply does.
 */
export function* scanBulkEdit(db: BetterSqlite3.Database, ids: ArrayLike<number>, compiled: CompiledBulkEdit): Generator<ScannedListing> {
  const columns = [...new Set(['title', 'updated_at', ...STORED_QUALITY_COLUMNS, ...compiled.reads.map((field) => FIELD_COLUMNS[field].column)])];
  for (const chunk of idChunks(ids)) {
    const rows = readRowsById(db, columns, chunk);
    for (const id of chunk) {
      const row = rows.get(id);
      if (!row) continue;
      const stored = row as unknown as ScannedListing['stored'];
      const subject = fieldsFromRow(row, compiled.reads) as BulkSubject;
      yield { stored, subject, outcome: withinHardLimits(stored.marketplace, compiled.apply(subject)) };
    }
  }
}

function withinHardLimits(marketplace: Marketplace, outcome: EditOutcome): EditOutcome {
  if (outcome === null || isEditProblem(outcome)) return outcome;
  const violations = hardLimitViolations(marketplace, outcome as ListingChanges);
  return violations.length === 0 ? outcome : { problem: violations.map((violation) => violation.message).join(' ') };
}
