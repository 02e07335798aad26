import { z } from 'zod';
import { listingStatusSchema, type ListingStatus, type Marketplace } from './listing.js';

/**
 * Editing: what a seller may change on a listing, bulk edits, revisions, undo/redo and the
 * dashboard. Schemas here bound sizes and types; per-marketplace hard limits (title length…) are
 * the rules engine's job (common/rules), checked again by the core on every write.
 */

/** The listing fields an edit may change (domain names, as revisions record them). */
export const EDITABLE_FIELDS = [
  'title',
  'description',
  'priceMinor',
  'currency',
  'quantity',
  'tags',
  'materials',
  'images',
  'sku',
  'brand',
  'condition',
  'category',
  'status',
  'attributes',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

const shortText = z.string().max(500);
const stringList = z.array(z.string().max(1_000)).max(500);

/** The largest price (minor units) the app accepts: far above any real listing, far below 2^53. */
export const MAX_PRICE_MINOR = 100_000_000_000;

export const listingChangesSchema = z
  .object({
    title: z.string().max(10_000),
    description: z.string().max(500_000),
    priceMinor: z.number().int().min(0, 'A price cannot be negative.').max(MAX_PRICE_MINOR).nullable(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'A currency is a three-letter ISO code such as USD or EUR.'),
    quantity: z.number().int().min(0, 'A quantity cannot be negative.').max(1_000_000_000).nullable(),
    tags: stringList,
    materials: stringList,
    images: z.array(z.string().max(4_000)).max(100),
    sku: shortText.nullable(),
    brand: shortText.nullable(),
    condition: shortText.nullable(),
    category: shortText.nullable(),
    status: listingStatusSchema,
    attributes: z.record(z.string().max(200), z.string().max(4_000)),
  })
  .partial()
  .strict();
export type ListingChanges = z.infer<typeof listingChangesSchema>;

/** One field's change as a revision records it. */
export interface FieldChange {
  before: unknown;
  after: unknown;
}
/** field → {before, after}; import revisions may also hold `variants`. */
export type RevisionChanges = Partial<Record<EditableField | 'variants', FieldChange>>;

export type RevisionAuthor = 'user' | 'import' | 'optimizer' | 'ai';
export type ChangeSetKind = 'edit' | 'bulk' | 'revert' | 'import' | 'proposal' | 'delete';
export type ChangeSetState = 'applied' | 'undone' | 'discarded';

/** A user-visible action: one inline edit, one bulk edit, one revert, one import. */
export interface ChangeSetSummary {
  id: number;
  author: RevisionAuthor;
  kind: ChangeSetKind;
  /** Seller-facing, e.g. "Price +10 % on 10,000 listings". */
  summary: string;
  listingCount: number;
  state: ChangeSetState;
  createdAt: number;
}

/** One entry of a listing's history (detail pane). */
export interface RevisionEntry {
  id: number;
  listingId: number;
  author: RevisionAuthor;
  createdAt: number;
  changes: RevisionChanges;
  /** The action it was part of; null for revisions older than change sets. */
  changeSet: ChangeSetSummary | null;
}

/** What undo and redo would do next (null: nothing to undo/redo). */
export interface UndoState {
  undo: ChangeSetSummary | null;
  redo: ChangeSetSummary | null;
}

// ---- deleting listings -------------------------------------------------------------------------

/** What deleting a scope would remove (`listings.deletePreview`). */
export interface DeletePreview {
  /** Listings in the scope that are in the catalog now. */
  listings: number;
  /** The first of them, in id order (≤ 5), so the confirmation can name what goes. */
  samples: { id: number; title: string }[];
}

/** What `listings.delete` did: one undoable change set (null: nothing was there to delete). */
export interface DeleteResult {
  changeSet: ChangeSetSummary | null;
  deleted: number;
}

// ---- bulk edits --------------------------------------------------------------------------------

/** Text fields find/replace works on. */
export const REPLACEABLE_FIELDS = ['title', 'description'] as const;
/** Fields "set a field" may set (lists and prices have their own edits). */
export const SETTABLE_FIELDS = ['status', 'condition', 'brand', 'category', 'quantity', 'currency', 'sku'] as const;
export type SettableField = (typeof SETTABLE_FIELDS)[number];

export const PRICE_ROUNDINGS = ['none', '0.99', '0.95', 'whole'] as const;
export type PriceRounding = (typeof PRICE_ROUNDINGS)[number];

export const bulkEditSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('set'),
      field: z.enum(SETTABLE_FIELDS),
      /** Validated per field by the core (status must be a status, quantity a whole number ≥ 0…). */
      value: z.union([z.string().max(500), z.number(), z.null()]),
    })
    .strict(),
  z
    .object({
      kind: z.literal('replace'),
      fields: z.array(z.enum(REPLACEABLE_FIELDS)).min(1).max(2),
      find: z.string().min(1).max(1_000),
      replace: z.string().max(1_000),
      regex: z.boolean(),
      caseSensitive: z.boolean(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('tags'),
      add: z.array(z.string().trim().min(1).max(200)).max(50),
      remove: z.array(z.string().trim().min(1).max(200)).max(50),
    })
    .strict(),
  z
    .object({
      kind: z.literal('price'),
      /** percent: ±amount %; add: ±amount in major units; set: exactly amount (major units). */
      op: z.enum(['percent', 'add', 'set']),
      amount: z.number().finite().min(-1_000_000_000).max(1_000_000_000),
      rounding: z.enum(PRICE_ROUNDINGS),
    })
    .strict(),
  z
    .object({
      kind: z.literal('currency'),
      /** Only listings priced in `from` change; their price × rate, now in `to`. */
      from: z.string().regex(/^[A-Z]{3}$/),
      to: z.string().regex(/^[A-Z]{3}$/),
      rate: z.number().positive().finite().max(1_000_000),
      rounding: z.enum(PRICE_ROUNDINGS),
    })
    .strict(),
  z.object({ kind: z.literal('status'), status: listingStatusSchema }).strict(),
]);
export type BulkEdit = z.infer<typeof bulkEditSchema>;

/** One listing's before → after in a bulk preview. */
export interface BulkSample {
  id: number;
  title: string;
  field: EditableField;
  before: unknown;
  after: unknown;
}

export interface BulkProblem {
  id: number;
  title: string;
  /** Seller-facing: why this listing will be (or was) left unchanged. */
  message: string;
}

export interface BulkPreview {
  /** Listings in the scope. */
  matched: number;
  /** Listings the edit would change. */
  willChange: number;
  /** Listings the edit would break (e.g. title over a hard limit): left unchanged. */
  skipped: number;
  /** First changes, in grid order (≤ 20). */
  samples: BulkSample[];
  /** First skipped listings and why (≤ 20). */
  problems: BulkProblem[];
}

export interface BulkResult {
  changeSet: ChangeSetSummary | null;
  changed: number;
  skipped: number;
  problems: BulkProblem[];
}

// ---- dashboard ---------------------------------------------------------------------------------

export interface DashboardStats {
  listings: number;
  byMarketplace: Partial<Record<Marketplace, number>>;
  byStatus: Partial<Record<ListingStatus, number>>;
  /** Listings per score bucket: [0] = 0–9 … [9] = 90–100. */
  scoreBuckets: number[];
  /** Listings not scored yet (just after an upgrade; the writer scores them in the background). */
  unscored: number;
  withErrors: number;
  /** Most failing rules (≤ 10), most listings first. */
  topRules: { ruleId: string; listings: number }[];
  /** Latest change sets (≤ 10), newest first. */
  recent: ChangeSetSummary[];
  /** Listings changed per day, last 14 days, oldest first (day = local-midnight epoch ms of the host). */
  activity: { day: number; listings: number }[];
}
