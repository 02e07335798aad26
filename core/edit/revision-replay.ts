import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { EditableField, FieldChange, ListingChanges } from '../../common/edit-types.js';
import { sameFieldValue } from '../../common/edit/index.js';
import { variantValues, type NewVariant } from '../catalog/insert-listings.js';
import { encodeListingSource } from '../catalog/listing-source.js';
import type { ListingSource } from '../../common/listing.js';
import { FIELD_COLUMNS, fromColumnValue, isEditableField, toColumnValue } from './field-columns.js';
import { isListingField, sameStoredValue, storedForm, type ListingField } from './listing-field-values.js';
import { nextUpdatedAt, qualityAfterEdit, STORED_QUALITY_COLUMNS, writeListingFields, type StoredQuality } from './listing-write.js';
import { prepared } from '../catalog/prepared.js';
import type { RevisionsTable } from '../catalog/schema.js';
import { QualityMemo } from './quality-memo.js';
import { parseRevisionChanges } from './revision-changes.js';
import { ID_CHUNK, IN_ID_CHUNK, readByIds, readRowsById } from '../catalog/rows-by-id.js';
import type { ListingSourcesTable } from '../catalog/schema.js';
import type { VariantRow } from '../catalog/listing-codec.js';

/** The fields besides the editable ones that import revisions record: written here, not by an edit. */
type SourceField = Exclude<ListingField, EditableField>;

type RevisionRow = Pick<Selectable<RevisionsTable>, 'id' | 'listing_id' | 'changes'>;

/** A chunk's listing as replay reads it: the columns the revisions touch, plus variants and source when they do. */
type ReplayRow = Record<string, unknown> & { variants?: unknown; source?: unknown };

/**
 * Replays a change set's revisions in one direction — undo newest first putting back `before`,
 * redo oldest first putting back `after`, so a set touching one listing twice unwinds in order —
 * ID_CHUNK at a time, reading only what they touch. Each field goes back only where it still holds
 * the value the step undoes; a field changed since (by a later change that is not undone) is left
 * alone and counted as a conflict, and so is a field of a listing that is gone.
 *
 * Every field a revision records is replayed: the editable ones (edits, bulk edits, proposals) and
 * what imports also record — the marketplace id, the variants and the kept source columns —
 * compared in their stored form (listing-field-values.ts). Quality is rescored from the editable
 * fields (the rules read nothing else), memoized across the set.
 */
export function replayRevisions(db: BetterSqlite3.Database, changeSetId: number, direction: 'undo' | 'redo', now: number): { changed: number; conflicts: number } {
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
    const revisions = page.all(changeSetId, cursor, ID_CHUNK) as RevisionRow[];
    if (revisions.length === 0) break;
    cursor = revisions.at(-1)!.id;
    const parsed = revisions.map((revision) => ({ listingId: revision.listing_id, changes: replayableChanges(revision.changes) }));
    const rows = readChunk(db, parsed);

    for (const { listingId, changes } of parsed) {
      const row = rows.get(listingId);
      const restore: Partial<Record<ListingField, unknown>> = {};
      for (const [field, change] of Object.entries(changes) as [ListingField, FieldChange][]) {
        const [from, to] = direction === 'undo' ? [change.after, change.before] : [change.before, change.after];
        const current = row === undefined ? undefined : valueOf(row, field);
        if (row !== undefined && same(field, current, from) && !(field === 'sourceId' && marketplaceIdTaken(db, row, to, listingId))) restore[field] = to;
        else if (row === undefined || !same(field, current, to)) conflicts++;
      }
      if (row === undefined || Object.keys(restore).length === 0) continue;
      writeRestored(db, row, restore, now, memo);
      changed++;
    }
  }
  return { changed, conflicts };
}

/** A revision's field changes that replay knows how to put back (unknown names are skipped). */
function replayableChanges(text: string): Partial<Record<ListingField, FieldChange>> {
  const result: Partial<Record<ListingField, FieldChange>> = {};
  for (const [field, change] of Object.entries(parseRevisionChanges(text))) if (isListingField(field)) result[field] = change;
  return result;
}

function readChunk(db: BetterSqlite3.Database, parsed: readonly { listingId: number; changes: Partial<Record<ListingField, FieldChange>> }[]): Map<number, ReplayRow> {
  const fields = new Set<ListingField>();
  for (const { changes } of parsed) for (const field of Object.keys(changes) as ListingField[]) fields.add(field);
  const columns = new Set<string>(['updated_at', ...STORED_QUALITY_COLUMNS]);
  for (const field of fields) if (isEditableField(field)) columns.add(FIELD_COLUMNS[field].column);
  if (fields.has('sourceId')) columns.add('source_id');
  const ids = [...new Set(parsed.map((revision) => revision.listingId))];
  const rows = readRowsById(db, [...columns], ids) as Map<number, ReplayRow>;
  const present = [...rows.keys()];
  if (fields.has('variants')) {
    for (const row of rows.values()) row.variants = [];
    const variants = readByIds<VariantRow>(db, `SELECT * FROM variants WHERE listing_id ${IN_ID_CHUNK} ORDER BY listing_id, position, id`, present);
    for (const variant of variants) {
      (rows.get(variant.listing_id)!.variants as unknown[]).push({
        sku: variant.sku,
        options: JSON.parse(variant.options) as unknown,
        priceMinor: variant.price_minor,
        quantity: variant.quantity,
        image: variant.image,
        columns: variant.columns === null ? undefined : (JSON.parse(variant.columns) as unknown),
      });
    }
  }
  if (fields.has('source')) {
    for (const row of rows.values()) row.source = null;
    const sources = readByIds<ListingSourcesTable>(db, `SELECT listing_id, data FROM listing_sources WHERE listing_id ${IN_ID_CHUNK}`, present);
    for (const source of sources) rows.get(source.listing_id)!.source = JSON.parse(source.data) as unknown;
  }
  return rows;
}

function valueOf(row: ReplayRow, field: ListingField): unknown {
  if (isEditableField(field)) return fromColumnValue(field, row[FIELD_COLUMNS[field].column]);
  if (field === 'sourceId') return row.source_id;
  return row[field];
}

/** Editable fields compare as edits compare them; the import-only fields in their stored form. */
function same(field: ListingField, a: unknown, b: unknown): boolean {
  return isEditableField(field) ? sameFieldValue(a, b) : sameStoredValue(field, a, b);
}

/** Two listings of one marketplace cannot share its id: putting one back over another's is a conflict. */
function marketplaceIdTaken(db: BetterSqlite3.Database, row: ReplayRow, sourceId: unknown, listingId: number): boolean {
  if (typeof sourceId !== 'string') return false;
  const holder = prepared(db, 'SELECT id FROM listings WHERE marketplace = ? AND source_id = ?').pluck().get(row.marketplace, sourceId) as number | undefined;
  return holder !== undefined && holder !== listingId;
}

function writeRestored(db: BetterSqlite3.Database, row: ReplayRow, restore: Partial<Record<ListingField, unknown>>, now: number, memo: QualityMemo): void {
  const stored = row as unknown as StoredQuality & { updated_at: number };
  const editable: ListingChanges = {};
  const other: Partial<Record<SourceField, unknown>> = {};
  for (const [field, value] of Object.entries(restore) as [ListingField, unknown][]) {
    if (isEditableField(field)) Object.assign(editable, { [field]: value });
    else other[field] = storedForm(field, value);
  }
  const updatedAt = nextUpdatedAt(now, stored.updated_at);
  if (Object.keys(editable).length > 0) {
    const quality = qualityAfterEdit(db, stored, editable, memo);
    writeListingFields(db, stored, editable, updatedAt, quality);
    Object.assign(row, { quality_score: quality.qualityScore, error_count: quality.errorCount, failing_rules: quality.failingRules });
  } else {
    // The rules read only editable fields: the score stands.
    prepared(db, 'UPDATE listing_offers SET updated_at = ? WHERE id = ?').run(updatedAt, stored.id);
  }
  writeSourceFields(db, stored.id, other);

  // Keep the chunk's copy current in case a later revision of this set touches the same listing.
  for (const field of Object.keys(editable) as EditableField[]) row[FIELD_COLUMNS[field].column] = toColumnValue(field, editable[field]);
  if ('sourceId' in other) row.source_id = other.sourceId;
  if ('variants' in other) row.variants = other.variants;
  if ('source' in other) row.source = other.source;
  row.updated_at = updatedAt;
}

/** Writes the marketplace id, variants and kept source columns as the importer stores them. */
function writeSourceFields(db: BetterSqlite3.Database, id: number, fields: Partial<Record<SourceField, unknown>>): void {
  if ('sourceId' in fields) prepared(db, 'UPDATE listings SET source_id = ? WHERE id = ?').run(fields.sourceId as string | null, id);
  if ('variants' in fields) {
    prepared(db, 'DELETE FROM variants WHERE listing_id = ?').run(id);
    const insert = prepared(db, 'INSERT INTO variants (listing_id, position, sku, options, price_minor, quantity, image, columns) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    (fields.variants as NewVariant[]).forEach((variant, position) => insert.run(id, ...variantValues(variant, position)));
  }
  if ('source' in fields) {
    const data = encodeListingSource((fields.source as ListingSource | null) ?? undefined);
    if (data === null) prepared(db, 'DELETE FROM listing_sources WHERE listing_id = ?').run(id);
    else prepared(db, 'INSERT INTO listing_sources (listing_id, data) VALUES (?, ?) ON CONFLICT (listing_id) DO UPDATE SET data = excluded.data').run(id, data);
  }
}
