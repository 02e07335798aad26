/** The rule optimizer: the public surface for workers, jobs and tests. */
export { applyProposal } from './apply-proposal.js';
export { englishDictionaryPaths, loadEnglishDictionary, type DictionaryFiles, type DictionaryPaths } from './english-dictionary.js';
export { optimizeListing } from './optimize-listing.js';
export { createSpellChecker, englishSpellChecker } from './spell-checker.js';
export type {
  FieldProposal,
  OptimizedField,
  OptimizedValues,
  OptimizerChange,
  OptimizerContext,
  OptimizerInput,
  OptimizerProposal,
  PriceRules,
  SpellChecker,
  SpellingSuggestion,
} from './proposal.js';
