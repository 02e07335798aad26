import { z } from 'zod';
import type { ChangeSetSummary } from './edit-types.js';
import type { Marketplace } from './listing.js';

/**
 * Optimization jobs and the review of their proposals, as the contract carries them (see
 * core/jobs/ for the durable queue behind these shapes). Plain data only.
 */

export type JobKind = 'optimize' | 'ai';
export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

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

/** Which pending proposals a review action covers: single fields, whole listings, or a job's. */
export const proposalSelectorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ids'), ids: z.array(id).min(1).max(100_000) }).strict(),
  z.object({ kind: z.literal('listings'), listingIds: z.array(id).min(1).max(100_000), fields }).strict(),
  z.object({ kind: z.literal('job'), jobId: id, fields }).strict(),
]);
export type ProposalSelectorInput = z.infer<typeof proposalSelectorSchema>;
