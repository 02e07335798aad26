import type { Generated } from 'kysely';
import type { ChangeSetKind, ChangeSetState, RevisionAuthor } from '../../common/edit-types.js';
import type { JobKind, ProposalState } from '../../common/job-types.js';
import type { ListingStatus, Marketplace } from '../../common/listing.js';

/**
 * The catalog's tables as kysely sees them, column for column as the migrations leave them
 * (tests/unit/catalog/schema-matches-migrations.test.ts compares them with a migrated file).
 * Row types elsewhere are `Selectable<…>` / `Pick<…>` of these, never written out again.
 * JSON columns are TEXT here: listing-codec.ts parses them defensively into domain types.
 */
export interface ListingsTable {
  id: Generated<number>;
  marketplace: Marketplace;
  source_id: string | null;
  sku: string | null;
  title: string;
  description: Generated<string>;
  /** JSON array of strings. */
  tags: Generated<string>;
  /** JSON array of strings. */
  materials: Generated<string>;
  /** JSON array of image URLs. */
  images: Generated<string>;
  category: string | null;
  brand: string | null;
  condition: string | null;
  /** JSON object: item specific name → value. */
  attributes: Generated<string>;
  status: ListingStatus;
  /** Kept by triggers on `variants`. */
  variant_count: Generated<number>;
  /** Epoch milliseconds. */
  created_at: number;
  /** Migration 002: the import that last created or changed the listing. */
  import_id: number | null;
  /** Migration 003: 0–100 against the listing's marketplace; null until scored (rescore.ts). */
  quality_score: number | null;
  /** Failing error-severity rules; null until scored. */
  error_count: number | null;
  /** JSON array of failing rule ids. */
  failing_rules: Generated<string>;
  /** Bits of the fields holding AI-written text: 1 title, 2 description, 4 tags (migration 005). */
  ai_fields: Generated<number>;
}

/**
 * Migration 006: the columns bulk edits rewrite most, one row per listing (same id), in a narrow
 * table so a scattered edit rewrites few pages (see 006-listing-offers.ts).
 */
export interface ListingOffersTable {
  id: number;
  price_minor: number | null;
  currency: Generated<string>;
  quantity: number | null;
  /** Epoch milliseconds; every edit of the listing moves it. */
  updated_at: number;
}

/** The `listing_rows` view (migration 006): a listing's whole row, `listings` joined with `listing_offers`. */
export type ListingRowsView = ListingsTable & Omit<ListingOffersTable, 'id'>;

export interface VariantsTable {
  id: Generated<number>;
  listing_id: number;
  position: Generated<number>;
  sku: string | null;
  /** JSON array of {name, value}. */
  options: Generated<string>;
  price_minor: number | null;
  quantity: number | null;
  image: string | null;
  /** Migration 007: JSON object of the variant's untouched source columns, or null. */
  columns: string | null;
}

/** Migration 007: what a listing's source file held beyond Listsmith's fields (JSON ListingSource). */
export interface ListingSourcesTable {
  listing_id: number;
  data: string;
}

/** Migration 007: a whole listing (JSON) a change set removed, so undo/redo can put it back. */
export interface ListingSnapshotsTable {
  change_set_id: number;
  listing_id: number;
  data: string;
}

/** Migration 007: id ranges of the listings a change set created (an import's new listings). */
export interface ChangeSetCreatedTable {
  change_set_id: number;
  first_id: number;
  last_id: number;
}


export interface RevisionsTable {
  id: Generated<number>;
  listing_id: number;
  author: RevisionAuthor;
  created_at: number;
  /** JSON: what changed, field → {before, after}. */
  changes: string;
  /** Migration 003: the user action this revision is part of (null for revisions written before it). */
  change_set_id: number | null;
}


export interface ChangeSetsTable {
  id: Generated<number>;
  author: RevisionAuthor;
  kind: ChangeSetKind;
  summary: string;
  listing_count: Generated<number>;
  state: Generated<ChangeSetState>;
  /** 1 when undo/redo may walk it (user edits, accepted proposals); imports are 0. */
  undoable: Generated<0 | 1>;
  created_at: number;
  updated_at: number;
}

/** Dashboard counters (migration 003), kept exact by triggers on `listings`. */
export interface ScoreCountsTable {
  bucket: number;
  n: number;
}
export interface ErrorCountsTable {
  has_errors: 0 | 1;
  n: number;
}
export interface RuleCountsTable {
  rule_id: string;
  n: number;
}

export interface ProposalsTable {
  id: Generated<number>;
  listing_id: number;
  job_id: number | null;
  field: string;
  /** JSON values. */
  before_value: string | null;
  after_value: string | null;
  rule: string | null;
  state: Generated<ProposalState>;
  created_at: number;
  /** Migration 004: JSON array of {ruleId, reason, fixes}, every change behind the proposal. */
  changes: Generated<string>;
  /** Migration 004: when it was accepted or rejected, and the change set that applied it. */
  decided_at: number | null;
  change_set_id: number | null;
}

export interface JobsTable {
  id: Generated<number>;
  kind: JobKind;
  state: Generated<'queued' | 'running' | 'done' | 'failed' | 'cancelled'>;
  priority: Generated<number>;
  /** JSON. */
  payload: Generated<string>;
  attempts: Generated<number>;
  lease_expires_at: number | null;
  error: string | null;
  created_at: number;
  updated_at: number;
  /** Migration 004 (core/jobs): auto-apply flag, counters, timestamps, the auto-apply change set. */
  auto_apply: Generated<0 | 1>;
  total: Generated<number>;
  done: Generated<number>;
  failed: Generated<number>;
  started_at: number | null;
  finished_at: number | null;
  change_set_id: number | null;
  /** Migration 010: set while the job is paused (its state stays 'queued'). */
  paused_at: number | null;
}

/** Migration 004: one row per (job, listing), the unit of exactly-once work. */
export interface JobItemsTable {
  job_id: number;
  listing_id: number;
  state: Generated<'queued' | 'running' | 'done' | 'failed' | 'cancelled'>;
  attempts: Generated<number>;
  next_attempt_at: Generated<number>;
  lease_owner: string | null;
  lease_expires_at: number | null;
  error: string | null;
}

export interface ImportsTable {
  id: Generated<number>;
  file_name: string;
  dialect: string | null;
  encoding: string | null;
  started_at: number;
  finished_at: number | null;
  /** JSON. */
  counts: Generated<string>;
  /** JSON. */
  report: Generated<string>;
}

export interface SettingsTable {
  key: string;
  /** JSON. */
  value: string;
}

/** Per (marketplace, status) listing counts, kept exact by triggers on `listings`. */
export interface ListingCountsTable {
  marketplace: Marketplace;
  status: ListingStatus;
  n: number;
}

/** Holds a row only inside a bulk insert's own transaction; see insert-listings.ts. */
export interface BulkWriteTable {
  marker: 1;
}

/** Indexes a bulk load dropped and will recreate; see bulk-load.ts. */
export interface PendingIndexesTable {
  name: string;
  sql: string;
}

/** Listings committed by a large import and not yet indexed for search nor scored (migration 009, index-backlog.ts). */
export interface ListingsUnindexedTable {
  id: number;
}

export interface CatalogDatabase {
  listings: ListingsTable;
  listing_offers: ListingOffersTable;
  listing_rows: ListingRowsView;
  variants: VariantsTable;
  listing_sources: ListingSourcesTable;
  listing_snapshots: ListingSnapshotsTable;
  change_set_created: ChangeSetCreatedTable;
  revisions: RevisionsTable;
  proposals: ProposalsTable;
  jobs: JobsTable;
  job_items: JobItemsTable;
  imports: ImportsTable;
  settings: SettingsTable;
  listing_counts: ListingCountsTable;
  bulk_write: BulkWriteTable;
  /** Same shape: the listing_counts trigger stands aside while it holds a row (migration 011). */
  batch_counts: BulkWriteTable;
  pending_indexes: PendingIndexesTable;
  listings_unindexed: ListingsUnindexedTable;
  change_sets: ChangeSetsTable;
  score_counts: ScoreCountsTable;
  error_counts: ErrorCountsTable;
  rule_counts: RuleCountsTable;
}
