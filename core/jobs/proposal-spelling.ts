/**
 * Spelling suggestions for the listings of a review page, computed when the page is read rather
 * than stored with the job: nothing to migrate, and they always match the listing as it is now
 * (with its pending proposals applied). Shown to the seller, never applied; the brand's words and
 * the words the seller's catalog uses often (catalog-vocabulary-source.ts) are never flagged.
 */
import type { ListingSpelling } from '../../common/job-types.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { CHUNK_SIZE, ListingReader } from '../catalog/read-scope.js';
import { catalogVocabulary } from './catalog-vocabulary-source.js';
import { brandOf } from '../optimizer/brand.js';
import { englishSpellChecker, type SpellChecker } from '../optimizer/index.js';
import { spellingSuggestions } from '../optimizer/spelling.js';
import { proposalView } from './proposal-rows.js';
import { pendingProposals } from './proposal-selector.js';

/** A review page shows a few dozen listings; more than this is not a page. */
export const MAX_SPELLING_LISTINGS = 200;

/**
 * Per listing (in the order given, the first MAX_SPELLING_LISTINGS), the unknown words of its
 * title, description and tags as they would be with every pending proposal accepted. Listings with
 * no unknown word, or no longer in the catalog, are left out. Default checker: the English one
 * (loaded once per thread).
 */
export function spellingForListings(catalog: Catalog, listingIds: readonly number[], checker: SpellChecker = englishSpellChecker()): ListingSpelling[] {
  const ids = [...new Set(listingIds)].slice(0, Math.min(MAX_SPELLING_LISTINGS, CHUNK_SIZE));
  if (ids.length === 0) return [];
  return catalog.db.transaction((): ListingSpelling[] => {
    const proposed = new Map<number, { title?: string; description?: string; tags?: string[] }>();
    for (const rows of pendingProposals(catalog, { kind: 'listings', listingIds: ids })) {
      for (const row of rows) {
        const view = proposalView(row);
        const values = proposed.get(view.listingId) ?? {};
        if (view.field === 'title' && typeof view.after === 'string') values.title = view.after;
        else if (view.field === 'description' && typeof view.after === 'string') values.description = view.after;
        else if (view.field === 'tags' && Array.isArray(view.after)) values.tags = view.after.map(String);
        proposed.set(view.listingId, values);
      }
    }
    const out: ListingSpelling[] = [];
    const vocabulary = catalogVocabulary(catalog);
    const known = (word: string): boolean => vocabulary.knows(word);
    for (const listing of new ListingReader(catalog.db).read(ids, 0)) {
      const values = proposed.get(listing.id) ?? {};
      const found = spellingSuggestions(
        { title: values.title ?? listing.title, description: values.description ?? listing.description, tags: values.tags ?? listing.tags },
        brandOf(listing.brand),
        checker,
        known,
      );
      if (found.length === 0) continue;
      out.push({
        listingId: listing.id,
        words: found.map((s) => ({ field: s.field, word: s.word, suggestions: [...s.suggestions], ...(s.item === undefined ? {} : { item: s.item }) })),
      });
    }
    return out;
  })();
}
