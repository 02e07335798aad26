/**
 * The rule optimizer: for one listing and a target marketplace, proposes a better title,
 * description, tags and price, each change carrying the rule (or optimizer step) behind it, plus
 * spelling suggestions that are shown but never applied. Pure, synchronous, deterministic and
 * offline; CPU-bound work for the Piscina workers. Per thread, the dictionary and the NLP tagger
 * load once, on first use.
 */
import type { Marketplace } from '../../common/listing.js';
import { evaluateListing } from '../../common/rules/index.js';
import { applyProposal } from './apply-proposal.js';
import { brandOf, type Brand } from './brand.js';
import { fieldPoints } from './field-rules.js';
import { optimizeDescription } from './optimize-description.js';
import { optimizePrice } from './optimize-price.js';
import { optimizeTags } from './optimize-tags.js';
import { optimizeTitle } from './optimize-title.js';
import type { FieldProposal, OptimizerContext, OptimizerInput, OptimizerProposal } from './proposal.js';
import { englishSpellChecker } from './spell-checker.js';
import type { CatalogHints } from './catalog-vocabulary.js';
import { spellingSuggestions, spelledRight, type KnownWords } from './spelling.js';

/** Words vouched for by the catalog's hints or the brand: never flagged, in tags or suggestions. */
function knownWordsOf(catalog: CatalogHints | undefined, brand: Brand | null): KnownWords | undefined {
  if (catalog === undefined && brand === null) return undefined;
  const words = new Set([...(catalog?.knownWords ?? []), ...(brand?.words ?? [])]);
  return (word) => words.has(word.toLowerCase().replace(/’/g, "'"));
}

/**
 * A field proposal is made only when it earns its place (issue 14 item 6): one of its changes makes
 * a failing rule pass — a marketplace rule (`fixes`), or for prices the seller's own price rule,
 * which is the seller's explicit request — or the field wins back score points (`gain`). Tidying
 * alone — lower-casing "CAT/FOG", taking out an "=", removing extra spaces between tags — is no
 * reason to ask the seller. The review shows, per change, the rule it fixed or the points it won.
 */
export function earnsItsPlace(proposal: FieldProposal, marketplace: Marketplace): boolean {
  if (proposal.changes.some((change) => change.fixes.length > 0)) return true;
  const points = (value: FieldProposal['after']): number => fieldPoints(proposal.field, value as never, marketplace);
  return points(proposal.after) < points(proposal.before);
}

const earned = <P extends FieldProposal>(proposal: P | null, marketplace: Marketplace): P | null =>
  proposal !== null && earnsItsPlace(proposal, marketplace) ? proposal : null;

export function optimizeListing(listing: OptimizerInput, marketplace: Marketplace, context: OptimizerContext = {}): OptimizerProposal {
  const checker = context.spellChecker === undefined ? englishSpellChecker() : context.spellChecker;
  const brand = brandOf(listing.brand);

  const titleSteps = optimizeTitle(listing.title, {
    marketplace,
    brand,
    category: listing.category,
    isWord: checker === null ? undefined : (word) => checker.correct(word),
  });
  const title = earned(titleSteps, marketplace);
  const description = earned(optimizeDescription(listing.description, marketplace), marketplace);
  const newTitle = title?.after ?? listing.title;
  const newDescription = description?.after ?? listing.description;
  const known = knownWordsOf(listing.catalog, brand);
  const tagSources = {
    title: newTitle,
    description: newDescription,
    brand,
    catalog: listing.catalog ?? null,
    materials: listing.materials,
    spelledRight: checker === null ? null : (tag: string) => spelledRight(tag, 'tags', checker, known),
  };
  const tags = earned(optimizeTags(listing.tags, tagSources, marketplace), marketplace);
  const price = earned(optimizePrice(listing.priceMinor, context.priceRules, marketplace), marketplace);

  const fields: FieldProposal[] = [];
  if (title !== null) fields.push(title);
  if (description !== null) fields.push(description);
  if (tags !== null) fields.push(tags);
  if (price !== null) fields.push(price);

  const before = evaluateListing(listing, marketplace);
  const after = fields.length === 0 ? before : evaluateListing(applyProposal(listing, { fields }), marketplace);
  const suggest = checker !== null && context.suggestSpelling !== false;
  const spelling = suggest ? spellingSuggestions({ title: newTitle, description: newDescription, tags: tags?.after ?? listing.tags }, brand, checker, known) : [];

  return {
    marketplace,
    fields,
    spelling,
    score: { before: before.score, after: after.score },
    errors: { before: before.errors, after: after.errors },
  };
}
