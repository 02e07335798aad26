/**
 * Issue 14 item 2: spelling that respects sellers. Trade terms, sizes, units, model numbers,
 * hyphen prefixes, brand and maker values and the catalog's frequent words are known; corrections
 * are close and common, or none.
 */
import { describe, expect, it } from 'vitest';
import { brandOf } from '../../../core/optimizer/brand.js';
import { CatalogVocabulary, MIN_LISTINGS, type VocabularyListing } from '../../../core/optimizer/catalog-vocabulary.js';
import { closeCorrections, editDistance } from '../../../core/optimizer/close-corrections.js';
import { isCommonWord } from '../../../core/optimizer/common-words.js';
import { spellingSuggestions } from '../../../core/optimizer/spelling.js';
import { collect, corpusFiles, corpusPath } from '../import/helpers.js';
import { checker } from './helpers.js';

const flaggedWords = (text: string, known?: (w: string) => boolean): string[] =>
  spellingSuggestions({ title: text, description: '', tags: [] }, null, checker, known).map((s) => s.word);

const vocabularyListing = (id: number, title: string, extra: Partial<VocabularyListing> = {}): VocabularyListing => ({ id, title, tags: [], description: '', ...extra });

describe('words sellers write that no dictionary has', () => {
  it('knows trade terms, sizes, units, model numbers and hyphen prefixes', () => {
    const title = 'Pre-owned NWT tshirt 180 gsm, sizes XL 2XL 3X, 10oz mug, 500ml bottle, 500 ml, XR-500 charger, non-slip, SKU UPC EAN OEM';
    expect(flaggedWords(title)).toEqual([]);
    // Lower-case in tags, as tags are written.
    const tags = spellingSuggestions({ title: '', description: '', tags: ['nwt tshirt', 'gsm', 'pre-owned', 'xl', 'oem parts'] }, null, checker);
    expect(tags).toEqual([]);
  });

  it('still flags a misspelled word inside a hyphenated word, with its own position', () => {
    const [found] = spellingSuggestions({ title: 'Pre-owned neckalce-style chain', description: '', tags: [] }, null, checker);
    expect(found).toMatchObject({ word: 'neckalce', start: 10, end: 18, suggestions: ['necklace'] });
  });

  it('never offers a far or rare word: "pre" is not "pee", an unknown code gets no guess', () => {
    expect(closeCorrections('pre', ['pee', 'pure', 'pry'])).toEqual([]);
    expect(closeCorrections('gsm', ['gym', 'gem'])).toEqual([]);
    expect(closeCorrections('tshirt', ['shirt', 't shirt'])).toEqual(['shirt']);
    expect(flaggedWords('Zorblex lamp')).toEqual(['Zorblex']);
    expect(spellingSuggestions({ title: 'Zorblex lamp', description: '', tags: [] }, null, checker)[0]?.suggestions).toEqual([]);
  });

  it('offers close, common corrections: one edit up to 7 letters, two from 8, a swap counts as one', () => {
    expect(editDistance('neckalce', 'necklace')).toBe(1);
    expect(editDistance('walet', 'wallet')).toBe(1);
    expect(editDistance('braclet', 'bracelet')).toBe(1);
    expect(editDistance('Necklace', 'necklace')).toBe(0);
    expect(closeCorrections('walet', ['wallet', 'valet', 'waltz'])).toEqual(['wallet', 'valet']);
    expect(closeCorrections('walet', ['wallets'])).toEqual([]);
    expect(closeCorrections('handbgas', ['handbags'])).toEqual(['handbags']);
    expect(closeCorrections('earrigns', ['earrings'])).toEqual(['earrings']);
    // 3–4 letters: only when exactly one common word is one edit away.
    expect(closeCorrections('mgu', ['mug'])).toEqual(['mug']);
    expect(closeCorrections('cet', ['cat', 'cut'])).toEqual([]);
    expect(isCommonWord('pee')).toBe(false);
    expect(isCommonWord('Necklace')).toBe(true);
  });

  it('a rare word the catalog uses often may be offered too', () => {
    expect(closeCorrections('cuflinks', ['cufflinks'])).toEqual([]);
    expect(closeCorrections('cuflinks', ['cufflinks'], (w) => w === 'cufflinks')).toEqual(['cufflinks']);
  });
});

describe("the seller's catalog vocabulary", () => {
  const catalog = [
    vocabularyListing(1, 'Taba squishy duckling', { brand: 'Zorblex Works' }),
    vocabularyListing(2, 'Taba squishy paw', { attributes: { Manufacturer: 'Quennity' } }),
    vocabularyListing(3, 'Latte squishy', { tags: ['taba squishy'] }),
    vocabularyListing(4, 'Springfieold hoodie'),
  ];
  const vocabulary = new CatalogVocabulary(catalog);

  it(`knows words used in ≥ ${MIN_LISTINGS} listings and every brand or maker word, not a one-off`, () => {
    expect(vocabulary.knows('taba')).toBe(true);
    expect(vocabulary.knows('Squishy')).toBe(true);
    expect(vocabulary.knows('zorblex')).toBe(true);
    expect(vocabulary.knows('quennity')).toBe(true);
    expect(vocabulary.knows('springfieold')).toBe(false);
    expect(vocabulary.listingsUsing('squishy')).toBe(3);
  });

  it('the review never flags them; the one-off typo still is', () => {
    const known = (w: string): boolean => vocabulary.knows(w);
    expect(flaggedWords('Taba Zorblex Quennity squishy from Springfieold', known)).toEqual(['Springfieold']);
  });

  it('the brand field is never flagged', () => {
    const found = spellingSuggestions({ title: 'Zorblex Studio lamp', description: '', tags: ['zorblex lamp'] }, brandOf('Zorblex Studio'), checker);
    expect(found).toEqual([]);
  });
});

describe.skipIf(corpusFiles().length === 0)('on real listings (corpus Etsy exports)', () => {
  // Titles and tags only, 40 listings per file: nspell's search for a never-seen word costs up to
  // ~100 ms (the review pays it for the listings on screen; a test over thousands would take minutes).
  it('flags no word the catalog uses often, and every guess is close and common or the seller’s', async () => {
    const files = corpusFiles().filter((f) => f.startsWith('etsy'));
    let flagged = 0;
    for (const file of files) {
      const { listings } = await collect(corpusPath(file));
      const catalog = listings.map((listing, i) => ({ ...listing, id: i + 1 }));
      const vocabulary = new CatalogVocabulary(catalog);
      const known = (w: string): boolean => vocabulary.knows(w);
      for (const listing of catalog.slice(0, 40)) {
        for (const s of spellingSuggestions({ ...listing, description: '' }, brandOf(listing.brand), checker, known)) {
          flagged++;
          expect(vocabulary.knows(s.word), `${file}: ${s.word}`).toBe(false);
          for (const guess of s.suggestions) {
            expect(editDistance(s.word, guess), `${s.word} → ${guess}`).toBeLessThanOrEqual([...s.word].length >= 8 ? 2 : 1);
            expect(isCommonWord(guess) || known(guess), `${s.word} → ${guess}`).toBe(true);
          }
        }
      }
    }
    expect(flagged).toBeGreaterThan(0);
  }, 120_000);
});
