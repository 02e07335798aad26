import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type BetterSqlite3 from 'better-sqlite3';
import type { ImportReport, ImportRowTally, RowProblem, RowUnit } from '../../common/import-types.js';
import { rowLabel } from '../../common/import-report-text.js';
import { LISTING_STATUSES, type Marketplace } from '../../common/listing.js';
import { listingContentValues, listingOfferValues, prepareListingBatchWriter, variantValues, type NewListing } from '../catalog/insert-listings.js';
import { idFromGenerated } from '../catalog/generated-id.js';
import { encodeListingSource } from '../catalog/listing-source.js';
import { qualityOf } from '../catalog/listing-quality.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { fromSqliteError } from '../catalog/sqlite-error.js';
import { diffListing, mergeIncoming, storedToNew, type StoredListing } from './apply-import-diff.js';
import { CappedProblems, closeImportChangeSet, openImportChangeSet, recordCreatedIds, recordImportEnd, recordImportStart } from './apply-import-record.js';
import { BulkKeyLookup, type ChunkKeys, type ListingKey } from './bulk-key-lookup.js';
import type { ImportSource, MappedRecord } from './mapped-record.js';
import { isStored, titleLookup, TitleMatcher } from './title-matches.js';

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  /** Data rows read so far. */
  rows: number;
  /** Rows per second since the start. */
  rowsPerSecond: number;
  /** Bytes per second since the start (the unit ETA is computed in). */
  bytesPerSecond: number;
  etaSeconds: number | null;
}

export interface ApplyImportOptions {
  fileName: string;
  operationId: string;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** The `imports` row to fill; created here when not given (the handler creates it up front). */
  importId?: number;
  /** Clock for timestamps (tests pin it). */
  now?: () => number;
  /**
   * How rows without an id or SKU find a stored listing: 'key' (default) never matches them — they
   * are new listings; 'title' matches the one stored listing of the marketplace with exactly that
   * title (the seller's choice in the wizard, `--match title` on the CLI).
   */
  matchBy?: 'key' | 'title';
  /**
   * New listings beyond this many are committed unindexed and unscored, and indexed for search and
   * scored afterwards in the background (core/catalog/index-backlog.ts); default 2,000, so a small
   * import is searchable at once and a large one is visible in the grid at disk speed.
   */
  indexAtOnce?: number;
}

/** Progress callbacks (and event-loop yields, so a cancel message gets in) at most this often. */
const PROGRESS_INTERVAL_MS = 250;
/**
 * Records are matched this many at a time (one bulk key look-up, bulk-key-lookup.ts), and the new
 * listings among them are inserted through the batch writer at the end of the chunk.
 */
const CHUNK_SIZE = 2_000;
/** See ApplyImportOptions.indexAtOnce. */
const INDEX_AT_ONCE = 2_000;
/** The report lists at most this many created/updated ids; the grid filter `importId` covers all. */
const MAX_REPORT_IDS = 10_000;

/** Thrown inside the transaction when the signal fires; never escapes applyImport. */
class ImportCancelled extends Error {}

/** What this import did to one listing; kept per id so a later row of the same listing is counted once. */
interface Touched {
  outcome: 'imported' | 'updated' | 'unchanged';
  /** File line of the first row that named this listing. */
  firstLine: number;
}

/** A new listing waiting in the insert buffer (not yet visible to lookups). */
interface PendingInsert {
  listing: NewListing;
  firstLine: number;
}

/**
 * Applies a parsed import to the catalog as ONE transaction: either every listing of the file is
 * written, or (on an error or a cancel) none is and the catalog is exactly as before.
 *
 * Matching (identity, per marketplace): (marketplace, source_id) first — the marketplace's own id:
 * eBay item number, Shopify handle, WooCommerce ID, Google id, Etsy listing id, and for Amazon the
 * seller SKU, which is Amazon's key — else (marketplace, sku) when the record has a SKU (a SKU match
 * never captures a listing that has a different source id, except on Amazon where the SKU is the
 * identity). A record with neither is a new listing, unless the import was asked to match by
 * title (`matchBy: 'title'`): then a stored listing of that marketplace with exactly this title,
 * one row each, as title-matches.ts decides (a title two different listings share, with nothing in
 * the row to tell them apart, matches neither and is reported). Two records with different keys,
 * or two keyless records, are never merged.
 *
 * A match with no difference is `unchanged` and not written at all; a difference updates the
 * changed fields, replaces the variants when the file gives any, and writes a `revisions` row
 * (author 'import') with field → {before, after}. Fields the file leaves empty never erase stored
 * values (see apply-import-diff.ts). No match → inserted through the batch writer. Every written
 * listing is stored with its recomputed quality score. An import that writes anything records one
 * undoable `change_sets` row (kind 'import') that its revisions point to, with the id ranges of
 * the listings it created (undo removes those and restores the updated ones).
 *
 * A listing named twice in one file (same key): the later row is merged into the earlier one (its
 * non-empty values win), the listing is counted once, and a warning names both lines. Records are
 * matched a chunk at a time: one bulk look-up of the chunk's keys (bulk-key-lookup.ts), taken
 * after the previous chunk's new listings were inserted, so it sees this import's own earlier
 * writes; within the chunk the insert buffer has its own key map, and an update that changes a
 * stored key sends the rest of the chunk to per-row look-ups. Memory stays at one chunk plus one
 * small entry per touched listing id.
 *
 * Two phases: beyond the first `indexAtOnce` new listings, new listings are committed unindexed
 * and unscored, and the writer indexes and scores them in the background after the commit
 * (core/catalog/index-backlog.ts, migration 009).
 *
 * Every data row is counted once in `rows` (new / updated / unchanged / part of a listing /
 * merged / rejected), so the report's tiles add up to the file's data rows.
 *
 * The transaction stays open across the awaits of the record stream: this connection is the
 * single writer and its thread runs nothing else until the operation ends; readers keep seeing
 * the catalog as before until COMMIT.
 */
export async function applyImport(catalog: Catalog, source: ImportSource, options: ApplyImportOptions): Promise<ImportReport> {
  const { db } = catalog;
  const now = options.now ?? Date.now;
  const startedAt = now();
  const importId = options.importId ?? recordImportStart(db, { fileName: options.fileName, dialect: source.dialect, encoding: source.encoding, startedAt });
  const statements = prepareStatements(db);
  const writer = prepareListingBatchWriter(db);
  const lookup = new BulkKeyLookup(db);
  const indexAtOnce = options.indexAtOnce ?? INDEX_AT_ONCE;
  let inserted = 0;
  // The stored keys of the chunk being applied; null once this import's own update changed a key
  // (the rest of that chunk then asks SQLite row by row, which sees the change).
  let chunkKeys: ChunkKeys | null = null;
  let chunk: MappedRecord[] = [];

  const counts = { imported: 0, updated: 0, unchanged: 0, rejected: 0 };
  const rows: ImportRowTally = { new: 0, updated: 0, unchanged: 0, partOf: 0, merged: 0, rejected: 0 };
  const currency = { fromFile: 0, fromDefault: 0 };
  const fileCurrencies: Record<string, number> = {};
  const countCurrency = (record: Extract<MappedRecord, { kind: 'listing' }>): void => {
    if (record.currencyFromFile === false) currency.fromDefault++;
    else {
      currency.fromFile++;
      fileCurrencies[record.listing.currency] = (fileCurrencies[record.listing.currency] ?? 0) + 1;
    }
  };
  let variants = 0;
  const errors = new CappedProblems();
  const warnings = new CappedProblems();
  if (source.encodingNote) warnings.add({ line: 1, column: null, message: source.encodingNote });
  for (const note of source.notes ?? []) warnings.add(note);
  // A streamed reader (an XML feed) adds notes while it reads: those come after the rows'.
  const notesAtStart = source.notes?.length ?? 0;
  const listingIds: number[] = [];
  const touched = new Map<number, Touched>();
  // Title matching (the seller's choice): a stored listing this import already wrote is not matched again.
  const titles = (options.matchBy ?? 'key') === 'title' ? new TitleMatcher(titleLookup(db), (id) => touched.has(id)) : null;
  let pending: PendingInsert[] = [];
  let pendingByKey = new Map<string, PendingInsert>();

  // Opened at the first write, inside the transaction: an import that writes nothing leaves none.
  let changeSetId: number | null = null;
  const changeSet = (): number => (changeSetId ??= openImportChangeSet(db, options.fileName, now()));

  const noteId = (id: number): void => {
    if (listingIds.length < MAX_REPORT_IDS) listingIds.push(id);
  };

  const flushInserts = (): void => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    pendingByKey = new Map();
    const setId = changeSet();
    // The first listings are searchable at once; the rest of a large import waits for the background.
    const listings = batch.map((entry) => entry.listing);
    const atOnce = Math.max(0, Math.min(listings.length, indexAtOnce - inserted));
    const ids = [
      ...(atOnce > 0 ? writer.insertBatch(listings.slice(0, atOnce), { importId }) : []),
      ...(atOnce < listings.length ? writer.insertBatch(listings.slice(atOnce), { deferIndexing: true, importId }) : []),
    ];
    inserted += ids.length;
    recordCreatedIds(db, setId, ids);
    ids.forEach((id, index) => {
      const entry = batch[index]!;
      touched.set(id, { outcome: 'imported', firstLine: entry.firstLine });
      variants += entry.listing.variants.length;
      noteId(id);
    });
  };

  const applyListing = (record: Extract<MappedRecord, { kind: 'listing' }>): void => {
    const line = record.lines[0] ?? 0;
    const otherRows = Math.max(0, record.lines.length - 1);
    for (const warning of record.warnings) warnings.add(warning);
    for (const error of record.errors ?? []) errors.add(error);
    const invalid = invalidReason(record.listing);
    if (invalid) {
      counts.rejected += Math.max(1, record.lines.length);
      rows.rejected += Math.max(1, record.lines.length);
      errors.add({ line, column: null, message: invalid });
      return;
    }
    const incoming = record.listing;
    const keys = listingKeys(incoming);

    const waiting = keys
      .map((key) => pendingByKey.get(key))
      // As with stored listings: a SKU shared by two different marketplace ids is two items.
      .find((entry) => entry !== undefined && sameItem(entry.listing, incoming));
    if (waiting) {
      warnings.add(mergedWarning(line, waiting.firstLine, incoming, source.rowUnit ?? 'line'));
      rows.merged++;
      rows.partOf += otherRows;
      waiting.listing = stampNew(mergeIncoming(waiting.listing, incoming), waiting.listing.createdAt);
      for (const key of listingKeys(waiting.listing)) pendingByKey.set(key, waiting);
      return;
    }

    const stored = findStored(statements, chunkKeys, incoming, titles, (candidates) =>
      warnings.add({ line, column: null, message: ambiguousTitleMessage(rowLabel(source.rowUnit ?? 'line', line), incoming.title, candidates) }),
    );
    if (!stored) {
      const entry: PendingInsert = { listing: stampNew(incoming, now()), firstLine: line };
      pending.push(entry);
      counts.imported++;
      rows.new++;
      rows.partOf += otherRows;
      countCurrency(record);
      for (const key of keys) pendingByKey.set(key, entry);
      return;
    }

    const earlier = touched.get(stored.id);
    const before = storedToNew(stored);
    const merged = mergeIncoming(before, withoutGeneratedId(incoming, before));
    const changes = diffListing(before, merged);
    if (changes) {
      writeUpdate(statements, stored.id, merged, changes, { importId, changeSetId: changeSet(), at: now() });
      if ('sourceId' in changes || 'sku' in changes) chunkKeys = null;
      if (!earlier || earlier.outcome === 'unchanged') variants += merged.variants.length;
    }
    rows.partOf += otherRows;
    if (earlier) {
      warnings.add(mergedWarning(line, earlier.firstLine, incoming, source.rowUnit ?? 'line'));
      rows.merged++;
      if (changes && earlier.outcome === 'unchanged') {
        counts.unchanged--;
        counts.updated++;
        rows.unchanged--;
        rows.updated++;
        earlier.outcome = 'updated';
        noteId(stored.id);
      }
      return;
    }
    const outcome = changes ? 'updated' : 'unchanged';
    counts[outcome]++;
    rows[outcome]++;
    countCurrency(record);
    touched.set(stored.id, { outcome, firstLine: line });
    if (changes) noteId(stored.id);
  };

  let cancelled = false;
  let failure: string | null = null;
  const started = Date.now();
  let lastProgress = started;
  const report = (): void => {
    const elapsed = Math.max(1, Date.now() - started) / 1000;
    const bytesRead = source.bytesRead();
    const bytesPerSecond = bytesRead / elapsed;
    options.onProgress?.({
      bytesRead,
      totalBytes: source.totalBytes,
      rows: source.dataRows(),
      rowsPerSecond: Math.round(source.dataRows() / elapsed),
      bytesPerSecond: Math.round(bytesPerSecond),
      etaSeconds: bytesPerSecond > 0 ? Math.max(0, Math.round((source.totalBytes - bytesRead) / bytesPerSecond)) : null,
    });
  };

  const applyChunk = (): void => {
    const records = chunk;
    chunk = [];
    chunkKeys = lookup.load(records.flatMap((record) => (record.kind === 'listing' ? [record.listing] : [])));
    for (const record of records) {
      if (record.kind === 'rejected') {
        counts.rejected += Math.max(1, record.lines.length);
        rows.rejected += Math.max(1, record.lines.length);
        errors.add(record.problem);
      } else {
        applyListing(record);
      }
    }
    // Inserted now, the chunk's new listings are in the next chunk's look-up.
    flushInserts();
  };

  db.exec('BEGIN IMMEDIATE');
  try {
    for await (const record of source.records) {
      if (options.signal?.aborted) throw new ImportCancelled();
      chunk.push(record);
      if (chunk.length >= CHUNK_SIZE) applyChunk();
      if (Date.now() - lastProgress >= PROGRESS_INTERVAL_MS) {
        lastProgress = Date.now();
        report();
        // Let a queued cancel (a message on this thread) in even when the source never waits.
        await yieldToEventLoop();
        if (options.signal?.aborted) throw new ImportCancelled();
      }
    }
    applyChunk();
    if (options.signal?.aborted) throw new ImportCancelled();
    if (changeSetId !== null) closeImportChangeSet(db, changeSetId, options.fileName, counts, now());
    db.exec('COMMIT');
    report();
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (error instanceof ImportCancelled) cancelled = true;
    else {
      // SQLite's own words ("database or disk is full") do not tell a seller what to do; the
      // contract's mapping does (free disk space, check permissions…).
      const mapped = fromSqliteError(error);
      failure = mapped instanceof Error ? mapped.message : String(mapped);
    }
  }

  for (const note of source.notes?.slice(notesAtStart) ?? []) warnings.add(note);
  const rolledBack = cancelled || failure !== null;
  if (failure !== null) {
    errors.unshift({ line: 0, column: null, message: `The import stopped and nothing was changed: ${failure}` });
  }
  const dataRows = source.dataRows();
  const accounted = rows.new + rows.updated + rows.unchanged + rows.partOf + rows.merged + rows.rejected;
  if (!rolledBack && accounted !== dataRows) {
    // A reader that lost track of a row is a bug; the seller must still hear of it, not lose it quietly.
    warnings.unshift({ line: 0, column: null, message: `${Math.abs(dataRows - accounted).toLocaleString('en-US')} of ${dataRows.toLocaleString('en-US')} data rows could not be accounted for. Please report this file.` });
  }
  const defaultCurrency = source.defaultCurrency ?? { code: 'USD', origin: 'fallback' as const };
  const result: ImportReport = {
    importId,
    fileName: options.fileName,
    dialect: source.dialect,
    encoding: source.encoding,
    containerNote: source.containerNote,
    dataRows,
    rowUnit: source.rowUnit ?? 'line',
    // After a rollback nothing of this import is in the catalog: the counts say so.
    imported: rolledBack ? 0 : counts.imported,
    updated: rolledBack ? 0 : counts.updated,
    unchanged: rolledBack ? 0 : counts.unchanged,
    rejected: counts.rejected,
    rows: rolledBack ? { new: 0, updated: 0, unchanged: 0, partOf: 0, merged: 0, rejected: rows.rejected } : rows,
    variants: rolledBack ? 0 : variants,
    currency: { defaultCurrency: defaultCurrency.code, origin: defaultCurrency.origin, fromFile: rolledBack ? 0 : currency.fromFile, fromDefault: rolledBack ? 0 : currency.fromDefault, fileCurrencies: rolledBack ? {} : fileCurrencies },
    changeSetId: rolledBack ? null : changeSetId,
    errors: errors.list(),
    warnings: warnings.list(),
    listingIds: rolledBack ? [] : listingIds,
    cancelled,
    startedAt,
    finishedAt: now(),
  };
  recordImportEnd(db, importId, result, { errors: errors.total, warnings: warnings.total, failed: failure !== null });
  return result;
}

interface Statements {
  bySource: BetterSqlite3.Statement;
  bySku: BetterSqlite3.Statement;
  byId: BetterSqlite3.Statement;
  variantsOf: BetterSqlite3.Statement;
  update: BetterSqlite3.Statement;
  updateOffer: BetterSqlite3.Statement;
  deleteVariants: BetterSqlite3.Statement;
  insertVariant: BetterSqlite3.Statement;
  insertRevision: BetterSqlite3.Statement;
  sourceOf: BetterSqlite3.Statement;
  writeSource: BetterSqlite3.Statement;
  deleteSource: BetterSqlite3.Statement;
  loadById(id: number): StoredListing | null;
}

const LISTING_COLUMNS = `id, marketplace, source_id, sku, title, description, price_minor, currency, quantity, tags, materials,
  images, category, brand, condition, attributes, status, created_at, updated_at`;

function prepareStatements(db: BetterSqlite3.Database): Statements {
  const byId = db.prepare(`SELECT ${LISTING_COLUMNS} FROM listing_rows WHERE id = ?`);
  const variantsOf = db.prepare('SELECT sku, options, price_minor, quantity, image, columns FROM variants WHERE listing_id = ? ORDER BY position, id');
  const sourceOf = db.prepare('SELECT data FROM listing_sources WHERE listing_id = ?').pluck();
  const statements: Statements = {
    // The look-ups read `listings` alone (id and source_id) and the whole row by id only on a hit:
    // most rows of a large import are new, and through the listing_rows join SQLite planned the
    // SKU look-up on listings_marketplace (a scan of the marketplace) instead of listings_sku.
    // `+marketplace` keeps the marketplace index out of the SKU and title plans for the same reason.
    // Served by the unique partial index listings_source.
    bySource: db.prepare('SELECT id, source_id FROM listings WHERE marketplace = ? AND source_id = ?'),
    // Served by listings_sku; the lowest id wins when several listings share a SKU.
    bySku: db.prepare('SELECT id, source_id FROM listings WHERE sku = ? AND +marketplace = ? ORDER BY id LIMIT 1'),
    byId,
    variantsOf,
    update: db.prepare(`UPDATE listings SET source_id = ?, sku = ?, title = ?, description = ?,
      tags = ?, materials = ?, images = ?, category = ?, brand = ?, condition = ?, attributes = ?, status = ?, import_id = ?,
      quality_score = ?, error_count = ?, failing_rules = ?
      WHERE id = ?`),
    updateOffer: db.prepare('UPDATE listing_offers SET price_minor = ?, currency = ?, quantity = ?, updated_at = ? WHERE id = ?'),
    deleteVariants: db.prepare('DELETE FROM variants WHERE listing_id = ?'),
    insertVariant: db.prepare('INSERT INTO variants (listing_id, position, sku, options, price_minor, quantity, image, columns) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    insertRevision: db.prepare("INSERT INTO revisions (listing_id, author, created_at, changes, change_set_id) VALUES (?, 'import', ?, ?, ?)"),
    sourceOf,
    writeSource: db.prepare('INSERT INTO listing_sources (listing_id, data) VALUES (?, ?) ON CONFLICT (listing_id) DO UPDATE SET data = excluded.data'),
    deleteSource: db.prepare('DELETE FROM listing_sources WHERE listing_id = ?'),
    loadById: (id) => withVariants(statements, byId.get(id) as RawListing | undefined),
  };
  return statements;
}

type RawListing = Omit<StoredListing, 'variants' | 'source'>;

function withVariants(statements: Statements, row: RawListing | undefined): StoredListing | null {
  if (!row) return null;
  return { ...row, source: (statements.sourceOf.get(row.id) as string | undefined) ?? null, variants: statements.variantsOf.all(row.id) as StoredListing['variants'] };
}

/** The listing found by an id an export made up for it (LS-<id>) does not take that id as its own. */
function withoutGeneratedId(incoming: NewListing, stored: NewListing): NewListing {
  if (incoming.sourceId === null || stored.sourceId !== null || idFromGenerated(incoming.sourceId) === null) return incoming;
  const sku = incoming.sku === incoming.sourceId ? stored.sku : incoming.sku;
  // The made-up id told nothing about the SKU: it stays as unknown as it was.
  const unknown = sku === null && stored.source?.unknown?.includes('sku') && incoming.source ? { source: { ...incoming.source, unknown: [...new Set([...(incoming.source.unknown ?? []), 'sku' as const])].sort() } } : {};
  return { ...incoming, sourceId: null, sku, ...unknown };
}

/** Marketplaces whose seller SKU is the listing's identity (Amazon: one SKU = one offer; an ASIN has many). */
const SKU_IS_IDENTITY: ReadonlySet<Marketplace> = new Set(['amazon']);

/** `keys`: the chunk's bulk look-up; null = ask SQLite for this row (the chunk's answers went stale). */
/** `titles`: the import's title matching, null unless the seller chose it; `onAmbiguous` hears how many listings a title could have been. */
function findStored(statements: Statements, keys: ChunkKeys | null, listing: NewListing, titles: TitleMatcher | null, onAmbiguous: (candidates: number) => void): StoredListing | null {
  if (listing.sourceId) {
    const key = keys ? keys.bySource(listing.marketplace, listing.sourceId) : (statements.bySource.get(listing.marketplace, listing.sourceId) as ListingKey | undefined);
    if (key) return statements.loadById(key.id);
    // An id an export made up for a listing that had none (LS-<id>): that listing, if it still has none.
    const generated = idFromGenerated(listing.sourceId);
    const own = generated === null ? null : statements.loadById(generated);
    if (own && own.marketplace === listing.marketplace && own.source_id === null) return own;
  }
  if (listing.sku) {
    const key = keys ? keys.bySku(listing.marketplace, listing.sku) : (statements.bySku.get(listing.sku, listing.marketplace) as ListingKey | undefined);
    // A listing that already has another marketplace id is another item that shares the SKU.
    if (key && (key.source_id === null || listing.sourceId === null || key.source_id === listing.sourceId || SKU_IS_IDENTITY.has(listing.marketplace))) {
      return statements.loadById(key.id);
    }
    return null;
  }
  if (!listing.sourceId && titles !== null) {
    const match = titles.match(listing);
    if (match !== null && 'ambiguous' in match) onAmbiguous(match.ambiguous);
    if (isStored(match)) return statements.loadById(match.id);
  }
  return null;
}

interface UpdateStamp {
  importId: number;
  changeSetId: number;
  at: number;
}

function writeUpdate(statements: Statements, id: number, listing: NewListing, changes: Record<string, { before: unknown; after: unknown }>, stamp: UpdateStamp): void {
  const quality = qualityOf(listing);
  statements.update.run(
    ...listingContentValues(listing),
    stamp.importId,
    quality.qualityScore,
    quality.errorCount,
    quality.failingRules,
    id,
  );
  statements.updateOffer.run(...listingOfferValues(listing), stamp.at, id);
  if ('variants' in changes) {
    statements.deleteVariants.run(id);
    listing.variants.forEach((variant, position) => {
      statements.insertVariant.run(id, ...variantValues(variant, position));
    });
  }
  if ('source' in changes) {
    const source = encodeListingSource(listing.source);
    if (source === null) statements.deleteSource.run(id);
    else statements.writeSource.run(id, source);
  }
  statements.insertRevision.run(id, stamp.at, JSON.stringify(changes), stamp.changeSetId);
}

function listingKeys(listing: NewListing): string[] {
  const keys: string[] = [];
  if (listing.sourceId) keys.push(`s\u0000${listing.marketplace}\u0000${listing.sourceId}`);
  if (listing.sku) keys.push(`k\u0000${listing.marketplace}\u0000${listing.sku}`);
  // Neither id nor SKU (an Etsy CSV without SKUs): no key. Two such rows with one title are two
  // listings, also when matching by title (title-matches.ts pairs rows with stored listings).
  return keys;
}

/** Two records sharing a key are one item unless they carry different marketplace ids (Amazon: the SKU decides). */
function sameItem(a: NewListing, b: NewListing): boolean {
  if (SKU_IS_IDENTITY.has(b.marketplace) && a.sku !== null && a.sku === b.sku) return true;
  return a.sourceId === null || b.sourceId === null || a.sourceId === b.sourceId;
}

function ambiguousTitleMessage(row: string, title: string, candidates: number): string {
  return `${row}: ${candidates} listings in the catalog have the title "${title}" and differ in photo or description, and nothing in the row tells which one it is: it was imported as a new listing. Delete the listing it repeats, or give the listings SKUs and import again.`;
}

function mergedWarning(line: number, firstLine: number, listing: NewListing, unit: RowUnit): RowProblem {
  return { line, column: null, message: `${rowLabel(unit, line)} names the same listing as ${rowLabel(unit, firstLine).toLowerCase()} (${describeKey(listing)}): merged into it, its non-empty values win.` };
}

function describeKey(listing: NewListing): string {
  if (listing.sourceId) return `id ${listing.sourceId}`;
  return listing.sku ? `SKU ${listing.sku}` : `title "${listing.title}"`;
}

/** An insert stamps both dates with the import time unless the file gave its own. */
function stampNew(listing: NewListing, at: number): NewListing {
  const createdAt = Number.isFinite(listing.createdAt) && listing.createdAt > 0 ? listing.createdAt : at;
  const updatedAt = Number.isFinite(listing.updatedAt) && listing.updatedAt > 0 ? listing.updatedAt : createdAt;
  return { ...listing, createdAt, updatedAt };
}

const STATUSES = new Set<string>(LISTING_STATUSES);

/**
 * What the catalog's CHECK constraints would refuse. Caught here so one bad row is rejected with
 * a clear message instead of aborting (and rolling back) the whole import.
 */
function invalidReason(listing: NewListing): string | null {
  if (!listing.title.trim()) return 'The listing has no title.';
  if (listing.priceMinor !== null && (!Number.isSafeInteger(listing.priceMinor) || listing.priceMinor < 0)) return `The price (${listing.priceMinor}) is not a valid amount.`;
  if (listing.quantity !== null && !Number.isSafeInteger(listing.quantity)) return `The quantity (${listing.quantity}) is not a whole number.`;
  if (!/^[A-Z]{3}$/.test(listing.currency)) return `"${listing.currency}" is not a currency code (like USD).`;
  if (!STATUSES.has(listing.status)) return `"${listing.status}" is not a listing status.`;
  for (const variant of listing.variants) {
    if (variant.priceMinor !== null && (!Number.isSafeInteger(variant.priceMinor) || variant.priceMinor < 0)) return `A variant price (${variant.priceMinor}) is not a valid amount.`;
    if (variant.quantity !== null && !Number.isSafeInteger(variant.quantity)) return `A variant quantity (${variant.quantity}) is not a whole number.`;
  }
  return null;
}

export type { RowProblem };
