/**
 * What one optimizer task carries across the thread boundary: a batch of listings for one target
 * marketplace. Plain data only (structured clone): the spell checker and the NLP model live in the
 * worker, so the context says whether to use them, never passes them.
 */
import type { Marketplace } from '../../common/listing.js';
import type { OptimizerInput, OptimizerProposal, PriceRules } from '../optimizer/index.js';

/** A listing as the optimizer reads it, with its catalog id (for error messages and the caller's bookkeeping). */
export type OptimizerTaskListing = OptimizerInput & { id: number; marketplace?: Marketplace };

export interface OptimizerTaskContext {
  priceRules?: PriceRules;
  /** false: no dictionary at all (acronyms then read as shouted words); default true. Suggestions are never computed in a job. */
  spelling?: boolean;
}

export interface OptimizerBatch {
  listings: readonly OptimizerTaskListing[];
  /** The marketplace every listing of the batch is optimized for. */
  marketplace: Marketplace;
  context?: OptimizerTaskContext;
}

/** One proposal per listing, in the batch's order (index i answers `listings[i]`). */
export type OptimizerBatchResult = OptimizerProposal[];
