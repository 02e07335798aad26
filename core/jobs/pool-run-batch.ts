/**
 * The body of an optimizer task, shared by the Piscina worker (workers/optimizer.worker.ts) and
 * tests that compare it with in-process calls. The spell checker loads lazily, once per thread
 * (≈ 150 ms, dictionary-en resolved from the bundle's own location, inside an asar too); wink-nlp's
 * model loads on the first tag extraction inside the optimizer.
 */
import { englishSpellChecker, optimizeListing, type OptimizerContext, type SpellChecker } from '../optimizer/index.js';
import type { OptimizerBatch, OptimizerBatchResult } from './pool-task.js';

let checker: SpellChecker | undefined;

export function runOptimizerBatch(batch: OptimizerBatch): OptimizerBatchResult {
  const spelling = batch.context?.spelling !== false;
  if (spelling) checker ??= englishSpellChecker();
  // Suggestions are the review's (computed for the listings on screen), never the job's.
  const context: OptimizerContext = { priceRules: batch.context?.priceRules, spellChecker: spelling ? checker : null, suggestSpelling: false };
  return batch.listings.map((listing) => {
    try {
      return optimizeListing(listing, batch.marketplace, context);
    } catch (error) {
      // Name the listing: a rule bug on one listing should be findable from the job's error.
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`listing ${listing.id}: ${reason}`, { cause: error });
    }
  });
}
