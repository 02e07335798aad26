import { z } from 'zod';
import type { ChangeSetSummary } from './edit-types.js';
import { filterSchema, searchTextSchema } from './grid.js';
import type { Marketplace } from './listing.js';

/**
 * Optimization jobs and the review of their proposals, as the contract carries them (see
 * core/jobs/ for the durable queue behind these shapes). Plain data only.
 */

export type JobKind = 'optimize' | 'ai';
/** `paused`: Groq kept failing; nothing is lost, the seller resumes it (jobs.retry) when it works again. */
export type JobState = 'queued' | 'running' | 'paused' | 'done' | 'failed' | 'cancelled';

/** One job as the jobs panel shows it. */
export interface JobSummary {
  id: number;
  kind: JobKind;
  state: JobState;
  priority: number;
  marketplace: Marketplace;
  autoApply: boolean;
  total: number;
  done: number;
  failed: number;
  /** Seller-facing reason when listings failed or the job was cancelled. */
  error: string | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  /** The undoable change set of an auto-applying job, once it applied something. */
  changeSetId: number | null;
  /**
   * Listings with a pending proposal from this job (core/jobs tallyPendingProposals: the count the
   * review and the grid's "Has proposals" filter show). Filled by jobs.list only.
   */
  pendingListings?: number;
}

/** The listing fields the optimizer may propose changes to. */
export const PROPOSAL_FIELDS = ['title', 'description', 'tags', 'price'] as const;
export type ProposalField = (typeof PROPOSAL_FIELDS)[number];
export type ProposalState = 'pending' | 'accepted' | 'rejected' | 'superseded';

/** One rule-driven change inside a field's proposal. */
export interface ProposalChange {
  ruleId: string;
  /** Seller-facing: what was changed and why. */
  reason: string;
  fixes: readonly string[];
  /** Score points the change won back (absent in proposals stored before issue 14 item 6). */
  gain?: number;
}

/** One field's proposal as the review view shows it. */
export interface ProposalView {
  id: number;
  listingId: number;
  jobId: number | null;
  field: ProposalField;
  before: unknown;
  after: unknown;
  changes: ProposalChange[];
  state: ProposalState;
  createdAt: number;
  decidedAt: number | null;
  changeSetId: number | null;
}

/** What accepting proposals did: ONE undoable change set (null when nothing changed). */
export interface AcceptOutcome {
  changeSet: ChangeSetSummary | null;
  accepted: number;
  listings: number;
  /** Fields skipped because the listing changed since the proposal was made. */
  stale: number;
  /** The first 100 of those listings. */
  staleIds: number[];
  /** Flagged AI fields the selector covered and left pending: each is accepted only on its own. */
  flagged: number;
}

/** Pushed while a job runs (at most a few per second per job) and once when it ends. */
export interface JobProgressEvent {
  jobId: number;
  done: number;
  total: number;
  failed: number;
  /** Listings per second over the last few batches (0 until measured). */
  ratePerSecond: number;
  /** Seconds left at that rate; null while unknown, 0 once finished. */
  etaSeconds: number | null;
  state: JobState;
}

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const jobIdSchema = id;
export const jobPrioritySchema = z.enum(['interactive', 'bulk']);
export const proposalFieldSchema = z.enum(PROPOSAL_FIELDS);
const fields = z.array(proposalFieldSchema).min(1).max(PROPOSAL_FIELDS.length).optional();

/**
 * Which pending proposals a review action covers: single fields, whole listings, a job's, or those
 * of the listings matching a grid filter + search (optionally only one job's).
 */
export const proposalSelectorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ids'), ids: z.array(id).min(1).max(100_000) }).strict(),
  z.object({ kind: z.literal('listings'), listingIds: z.array(id).min(1).max(100_000), fields }).strict(),
  z.object({ kind: z.literal('job'), jobId: id, fields }).strict(),
  z.object({ kind: z.literal('query'), filter: filterSchema, search: searchTextSchema.optional(), jobId: id.optional(), fields }).strict(),
]);
export type ProposalSelectorInput = z.infer<typeof proposalSelectorSchema>;

const minor = z.number().int().min(0).max(1_000_000_000_000);

/** The seller's price rules for a job (core/optimizer PriceRules): ending, direction, min/max. */
export const priceRulesSchema = z
  .object({
    /** Cents every price ends in: 99 → .99, 95 → .95, 0 → .00. */
    ending: z.number().int().min(0).max(99).optional(),
    direction: z.enum(['nearest', 'up', 'down']).optional(),
    minPriceMinor: minor.optional(),
    maxPriceMinor: minor.optional(),
  })
  .strict()
  .refine((r) => r.minPriceMinor === undefined || r.maxPriceMinor === undefined || r.minPriceMinor <= r.maxPriceMinor, {
    message: 'The minimum price is above the maximum price.',
  });
export type PriceRulesInput = z.infer<typeof priceRulesSchema>;

/** A word of a listing's proposed text the dictionary does not know. Shown, never applied. */
export interface SpellingView {
  field: 'title' | 'description' | 'tags';
  word: string;
  /** Best first; may be empty. */
  suggestions: string[];
  /** For tags: which tag. */
  item?: number;
}

/** The spelling suggestions of one listing of a review page (listings without any are left out). */
export interface ListingSpelling {
  listingId: number;
  words: SpellingView[];
}

/** proposals.list: one listing's, one job's, a grid query's (optionally within a job), or all. */
export const proposalListInputSchema = z
  .object({
    listingId: id.optional(),
    jobId: jobIdSchema.optional(),
    /** Only proposals of listings matching this grid filter + search. */
    query: z.object({ filter: filterSchema, search: searchTextSchema.optional() }).strict().optional(),
    limit: z.number().int().min(1).max(2_000),
    /** Also return spelling suggestions for the listings on this page (loads the dictionary once). */
    spelling: z.boolean().optional(),
  })
  .strict()
  .refine((input) => input.listingId === undefined || (input.jobId === undefined && input.query === undefined), { message: 'Give a listingId, or a jobId and/or a query, not both.' });

export interface ProposalList {
  /** The first `limit` pending proposals, by listing. */
  proposals: ProposalView[];
  /** Pending proposals in the whole catalog (a badge). */
  pending: number;
  /** Pending proposals the input selects (all of them, not only this page). */
  matching: number;
  /** Listings those proposals are on (core/jobs tallyPendingProposals: the same pair the grid's "Has proposals" filter counts). */
  matchingListings: number;
  /** With `spelling: true`: per listing on this page, the words the dictionary does not know. */
  spelling: ListingSpelling[];
}
