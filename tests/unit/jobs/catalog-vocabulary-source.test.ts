/**
 * The catalog vocabulary read from a real SQLite catalog: memoized per catalog, rebuilt after an
 * import, used by the review's spelling (words the seller uses often are not flagged) and by rule
 * jobs (each listing gets its hints: similar listings' tags, the words the catalog vouches for).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { NewListing } from '../../../core/catalog/insert-listings.js';
import type { Catalog } from '../../../core/catalog/open-catalog.js';
import { applyImport } from '../../../core/import/apply-import.js';
import { catalogVocabulary, withCatalogHints } from '../../../core/jobs/catalog-vocabulary-source.js';
import { spellingForListings } from '../../../core/jobs/index.js';
import { ListingReader } from '../../../core/catalog/read-scope.js';
import { newListing } from '../catalog/temp-catalog.js';
import { catalogWith } from '../edit/edit-catalog.js';
import { memorySource } from '../import-apply/memory-source.js';

const open: Catalog[] = [];
afterEach(() => {
  for (const catalog of open.splice(0)) catalog.close();
});

const squishies: NewListing[] = [
  newListing({ sourceId: 'a', sku: 'S-1', title: 'Taba squishy duckling', tags: ['taba squishy', 'sensory toy', 'duckling'] }),
  newListing({ sourceId: 'b', sku: 'S-2', title: 'Taba squishy bunny', tags: ['taba squishy', 'sensory toy', 'bunny'] }),
  newListing({ sourceId: 'c', sku: 'S-3', title: 'Taba squishy kitten', tags: ['taba squishy', 'sensory toy'] }),
  newListing({ sourceId: 'd', sku: 'S-4', title: 'Springfieold hoodie', tags: [] }),
];

describe('the catalog vocabulary from SQLite', () => {
  it('is built once per catalog and rebuilt after an import', async () => {
    const made = catalogWith(squishies);
    open.push(made.catalog);
    const first = catalogVocabulary(made.catalog);
    expect(first.sampled).toBe(4);
    expect(first.knows('taba')).toBe(true);
    expect(catalogVocabulary(made.catalog)).toBe(first);

    const incoming = [1, 2, 3].map((i) => newListing({ sourceId: `z${i}`, sku: `Z-${i}`, title: `Quennity lamp ${i}` }));
    await applyImport(made.catalog, memorySource(incoming), { fileName: 'more.csv', operationId: 'op-vocabulary' });
    const after = catalogVocabulary(made.catalog);
    expect(after).not.toBe(first);
    expect(after.sampled).toBe(7);
    expect(after.knows('quennity')).toBe(true);
  });

  it('keeps the review from flagging the seller’s frequent words, not a one-off typo', () => {
    const made = catalogWith(squishies);
    open.push(made.catalog);
    const found = spellingForListings(made.catalog, made.ids);
    const words = found.flatMap((listing) => listing.words.map((w) => w.word));
    expect(words).toEqual(['Springfieold']);
  });

  it('gives each listing of a rule job the tags of its similar listings, never its own', () => {
    const made = catalogWith([...squishies, newListing({ sourceId: 'e', sku: 'S-5', title: 'Taba squishy puppy', tags: [] })]);
    open.push(made.catalog);
    const listings = new ListingReader(made.catalog.db).read(made.ids, 0);
    const hinted = withCatalogHints(made.catalog, listings, 'etsy');
    // eBay takes no tags: nothing to compute.
    expect(withCatalogHints(made.catalog, listings, 'ebay').every((l) => l.catalog === undefined)).toBe(true);
    const puppy = hinted.find((l) => l.title === 'Taba squishy puppy');
    expect(puppy?.catalog?.similarTags).toEqual(['sensory toy', 'taba squishy']);
    expect(puppy?.catalog?.knownWords).toEqual(expect.arrayContaining(['squishy', 'taba']));
    // "duckling" names only the first listing: not a tag for the others.
    const bunny = hinted.find((l) => l.title === 'Taba squishy bunny');
    expect(bunny?.catalog?.similarTags).not.toContain('duckling');
    expect(bunny?.catalog?.similarTags).not.toContain('bunny');
  });
});
