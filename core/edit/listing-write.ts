import type BetterSqlite3 from 'better-sqlite3';
import type { EditableField, ListingChanges } from '../../common/edit-types.js';
import { qualityAfterChange } from '../../common/edit/index.js';
import type { Marketplace } from '../../common/listing.js';
import { listingFromRows, parseStringArray, type ListingRow } from '../catalog/listing-codec.js';
import { qualityOf, type QualityColumns } from '../catalog/listing-quality.js';
import { FIELD_COLUMNS, OFFER_COLUMNS, toColumnValue, type SqlValue } from './field-columns.js';
import { prepared } from '../catalog/prepared.js';
import type { QualityMemo } from './quality-memo.js';

/** What writing an edit needs to know about the stored row besides the edited fields. */
export interface StoredQuality {
  id: number;
  marketplace: Marketplace;
  quality_score: number | null;
  error_count: number | null;
  failing_rules: string;
}

/** The columns of StoredQuality besides id, for SELECT lists. */
export const STORED_QUALITY_COLUMNS = ['marketplace', 'quality_score', 'error_count', 'failing_rules'] as const;

/**
 * The quality columns after `changes`. A scored listing is rescored from its stored failing rules
 * plus the changed fields only (common/edit/quality-delta.ts), which keeps a 100k-row bulk edit
 * within its time; an unscored one (or one scored against a rule that no longer exists) is read
 * whole and evaluated from scratch. Many-listing writes pass a QualityMemo (quality-memo.ts).
 */
export function qualityAfterEdit(db: BetterSqlite3.Database, stored: StoredQuality, changes: ListingChanges, memo?: QualityMemo): QualityColumns {
  if (stored.quality_score !== null) {
    if (memo) {
      const quick = memo.afterChange(stored.marketplace, stored.failing_rules, changes, stored.quality_score);
      if (quick) return quick;
    } else {
      const quick = qualityAfterChange(stored.marketplace, parseStringArray(stored.failing_rules), changes, stored.quality_score);
      if (quick) return { qualityScore: quick.qualityScore, errorCount: quick.errorCount, failingRules: JSON.stringify(quick.failingRules) };
    }
  }
  const row = prepared(db, 'SELECT * FROM listing_rows WHERE id = ?').get(stored.id) as ListingRow;
  return qualityOf({ ...listingFromRows(row, []), ...changes });
}

/**
 * Writes the changed fields of one listing with its new updated_at — and its quality columns only
 * when they differ from the stored ones. Only changed columns are in the SET lists: SQLite rewrites
 * the index entries of every column it is asked to set, equal or not — always setting the score
 * doubled the UPDATE time of a 100k-row price edit — and a price edit then never fires the
 * full-text trigger (title, description, sku, brand, tags). Price, currency, quantity and
 * updated_at live in `listing_offers` (migration 006): an edit of only those (a price rule, a stock
 * change) never rewrites the wide `listings` row. One prepared statement per column set.
 */
export function writeListingFields(db: BetterSqlite3.Database, stored: StoredQuality, changes: ListingChanges, updatedAt: number, quality: QualityColumns): void {
  const wide: string[] = [];
  const wideValues: SqlValue[] = [];
  const offer: string[] = [];
  const offerValues: SqlValue[] = [];
  for (const field of Object.keys(changes) as EditableField[]) {
    const { column } = FIELD_COLUMNS[field];
    const inOffers = OFFER_COLUMNS.has(column);
    (inOffers ? offer : wide).push(`${column} = ?`);
    (inOffers ? offerValues : wideValues).push(toColumnValue(field, changes[field]));
  }
  const sameQuality = quality.qualityScore === stored.quality_score && quality.errorCount === stored.error_count && quality.failingRules === stored.failing_rules;
  if (!sameQuality) {
    wide.push('quality_score = ?', 'error_count = ?', 'failing_rules = ?');
    wideValues.push(quality.qualityScore, quality.errorCount, quality.failingRules);
  }
  if (wide.length > 0) prepared(db, `UPDATE listings SET ${wide.join(', ')} WHERE id = ?`).run(...wideValues, stored.id);
  prepared(db, `UPDATE listing_offers SET ${[...offer, 'updated_at = ?'].join(', ')} WHERE id = ?`).run(...offerValues, updatedAt, stored.id);
}

/**
 * The updated_at an edit stores: now, but always later than the stored one, so an editor holding
 * the old value sees a conflict even when two saves fall in the same millisecond.
 */
export function nextUpdatedAt(now: number, storedUpdatedAt: number): number {
  return Math.max(now, storedUpdatedAt + 1);
}
