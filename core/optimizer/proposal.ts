/**
 * What the rule optimizer proposes for one listing. A proposal is data, never an edit: the review
 * view shows each field's before/after with the rule behind every change, and the seller accepts
 * or rejects per field. Plain objects only, so a proposal crosses worker threads (structured clone)
 * and can be stored as JSON.
 */
import type { Marketplace } from '../../common/listing.js';
import type { RuleInput } from '../../common/rules/index.js';
import type { CatalogHints } from './catalog-vocabulary.js';

/**
 * The fields of a listing the optimizer reads: the rules engine's input, plus the category (key
 * terms) and what the seller's catalog says about the listing (similar listings' tags, words it
 * vouches for; CatalogVocabulary.hints), when the caller has a catalog.
 */
export type OptimizerInput = RuleInput & { category?: string | null; catalog?: CatalogHints };

/** The fields the optimizer may change. */
export type OptimizedField = 'title' | 'description' | 'tags' | 'price';

export interface OptimizedValues {
  title: string;
  description: string;
  tags: readonly string[];
  /** Minor units, as `Listing.priceMinor`. */
  price: number | null;
}

export interface OptimizerChange {
  /**
   * The rule this change satisfies — a common/rules id such as `etsy.title.caps_words` — or, when
   * it fixes no rule failure, the optimizer step that made it (`optimizer.title.filler`).
   */
  ruleId: string;
  /** Seller-facing: what was changed and why. */
  reason: string;
  /** Every rule that failed before this change and passes after it (may be empty). */
  fixes: readonly string[];
  /** Score points of the field the rule optimizer's change won back (its rules' points before minus after; AI changes leave it out). */
  gain?: number;
}

export interface FieldProposal<F extends OptimizedField = OptimizedField> {
  field: F;
  before: OptimizedValues[F];
  after: OptimizedValues[F];
  /** In the order they were applied. */
  changes: readonly OptimizerChange[];
}

/** A word the English dictionary does not know. Shown to the seller, never applied automatically. */
export interface SpellingSuggestion {
  field: 'title' | 'description' | 'tags';
  word: string;
  /** Best first; may be empty when the dictionary has nothing close. */
  suggestions: readonly string[];
  /** Range of the word in the proposed (after) value, in UTF-16 code units; for tags, in tag `item`. */
  start: number;
  end: number;
  item?: number;
}

export interface OptimizerProposal {
  marketplace: Marketplace;
  /** Only the fields the optimizer changed, in the order title, description, tags, price. */
  fields: readonly FieldProposal[];
  spelling: readonly SpellingSuggestion[];
  /** Quality score (common/rules) of the listing as it is and with every field proposal accepted. */
  score: { before: number; after: number };
  /** Failing error-severity rules, before and after. */
  errors: { before: number; after: number };
}

/**
 * The seller's price rules. Only idempotent rules exist here (running the optimizer on its own
 * output must change nothing), so there is no "add 10 %".
 */
export interface PriceRules {
  /** Every price ends in these minor units (99 → 12.99, 95 → 12.95, 0 → 13.00). */
  ending?: number;
  /** How a price moves to the ending; default 'nearest' (ties go down). */
  direction?: 'nearest' | 'up' | 'down';
  /** Lowest price in minor units; lower prices are raised to it (then to the ending). */
  minPriceMinor?: number;
  /** Highest price in minor units; ignored when below `minPriceMinor`. */
  maxPriceMinor?: number;
}

export interface SpellChecker {
  /** True when the dictionary accepts the word as written. */
  correct(word: string): boolean;
  /** Up to a few corrections, best first (memoized: the dictionary's search is slow). */
  suggest(word: string): readonly string[];
}

export interface OptimizerContext {
  priceRules?: PriceRules;
  /**
   * Spelling checker for suggestions and for telling acronyms from shouted words. Default: the
   * English one, loaded once per thread from dictionary-en; `null` disables spelling.
   */
  spellChecker?: SpellChecker | null;
  /**
   * Compute spelling suggestions into the proposal (default true). Jobs pass false: the review
   * computes them lazily for the listings on screen (core/jobs/proposal-spelling.ts), and
   * suggesting is most of an optimization pass's time on real text (nspell's search per unknown
   * word); the checker still tells acronyms from shouted words.
   */
  suggestSpelling?: boolean;
}
