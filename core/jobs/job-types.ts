/**
 * The durable job queue's vocabulary. Plain data only: contract methods, the jobs panel and the CLI
 * are thin wrappers over these shapes.
 */
import type { Scope } from '../../common/contract.js';
import type { JobKind, JobState } from '../../common/job-types.js';
import type { Marketplace } from '../../common/listing.js';
import type { OptimizerProposal, PriceRules } from '../optimizer/index.js';
import type { OptimizerBatch } from './pool-task.js';

export type { OptimizerBatch } from './pool-task.js';

// The job shapes the contract carries are defined once, in common/.
export type { JobKind, JobState, JobSummary } from '../../common/job-types.js';
export type JobItemState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** Interactive jobs (the seller is waiting on a selection) are claimed before bulk ones. */
export const JOB_PRIORITY = { interactive: 10, bulk: 0 } as const;
export type JobPriority = keyof typeof JOB_PRIORITY;

/** What a job carries besides its listings, stored as `jobs.payload` JSON. */
export interface JobPayload {
  marketplace: Marketplace;
  priceRules?: PriceRules;
}

export interface EnqueueRequest {
  kind: JobKind;
  /** Resolved to listing ids at enqueue time: a later edit of the grid filter does not move the job. */
  target: Scope;
  marketplace: Marketplace;
  priority?: JobPriority;
  autoApply?: boolean;
  priceRules?: PriceRules;
}

/** Up to `batchSize` listings of one job, leased to one runner lane. */
export interface ClaimedBatch {
  jobId: number;
  kind: JobKind;
  payload: JobPayload;
  autoApply: boolean;
  /** Interactive jobs' batches go before bulk ones in the pool's queue too. */
  interactive: boolean;
  listingIds: number[];
  /** Unique per claim: only the holder of this lease may write the batch's results. */
  leaseOwner: string;
  leaseExpiresAt: number;
  /** Attempts so far, including this one (the highest of the batch). */
  attempt: number;
}

/**
 * What runs a batch: the Piscina pool (optimizer-pool.ts satisfies this) or a fake in tests.
 * Resolves one proposal per listing, in order; rejects (or aborts on `signal`) for the whole batch,
 * ideally with an OptimizerPoolError whose message the seller can read.
 */
export interface OptimizerRunner {
  run(batch: OptimizerBatch, signal?: AbortSignal, options?: { interactive?: boolean }): Promise<readonly BatchItemResult[]>;
}

/** A listing the runner could not optimize, alone (the rest of its batch is fine): it fails for good with this reason. */
/** A listing a batch could not optimize (rules or AI), with the reason the seller reads in the jobs panel. */
export interface ListingFailure {
  failure: string;
}
export type BatchItemResult = OptimizerProposal | ListingFailure;

export function isListingFailure(result: BatchItemResult): result is ListingFailure {
  return 'failure' in result;
}

/**
 * How a whole-batch failure is handled, when the runner knows better than "retry with backoff":
 * `final` fails every listing at once (e.g. no API key); `requeueAfterMs` gives the listings back
 * without using an attempt and holds them until then (e.g. a daily limit); `note` is shown on the job.
 */
export interface BatchFailureHandling {
  reason: string;
  /** Pause the whole job with `reason` (the listings go back without using an attempt) until the seller resumes it. */
  pause?: boolean;
  final?: boolean;
  requeueAfterMs?: number;
  note?: string;
}

export interface RetryPolicy {
  /** Attempts per listing before it fails for good (a crashed/expired lease counts as one). */
  maxAttempts: number;
  /** Delay after the first failure; doubles with each further failure, capped at maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000 };

export interface JobProgress {
  jobId: number;
  state: JobState;
  done: number;
  failed: number;
  total: number;
  /** Listings per second over the last few batches (0 until measured). */
  rate: number;
  /** Milliseconds left at that rate; null while unknown. */
  etaMs: number | null;
}
