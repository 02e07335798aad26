/**
 * The listing's brand as the optimizer uses it: the exact casing to keep, its words (never
 * "corrected" by spelling), and whether it is a real brand at all ("Unbranded" is not).
 */

/** Values sellers put in the brand field when there is no brand. */
const NOT_A_BRAND = new Set(['unbranded', 'generic', 'no brand', 'none', 'n/a', 'na', 'does not apply', 'unknown', 'handmade', 'our studio']);

export interface Brand {
  /** As the seller wrote it in the brand field. */
  name: string;
  /** Whole-word, case-insensitive matcher of the brand in a text (global). */
  pattern: RegExp;
  /** Its words, lower-case. */
  words: ReadonlySet<string>;
  /** Its first word, lower-case: a text without it cannot hold the brand (see mayHoldBrand). */
  firstWord: string;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const cache = new Map<string, Brand | null>();

/** The brand, or null when the field is empty or says there is none. */
export function brandOf(field: string | null | undefined): Brand | null {
  const name = (field ?? '').replace(/\s+/g, ' ').trim();
  if (name.length === 0 || NOT_A_BRAND.has(name.toLowerCase())) return null;
  let brand = cache.get(name);
  if (brand !== undefined) return brand;
  const body = escapeRegExp(name).replace(/ /g, '\\s+');
  brand = {
    name,
    pattern: new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${body}(?![\\p{L}\\p{M}\\p{N}])`, 'giu'),
    words: new Set(Array.from(name.matchAll(WORD), (m) => m[0].toLowerCase())),
    firstWord: name.split(' ')[0]!.toLowerCase(),
  };
  // Brands repeat across a catalog; a bounded cache keeps lookups cheap without growing forever.
  if (cache.size > 10_000) cache.clear();
  cache.set(name, brand);
  return brand;
}

/** Letters the pattern's /iu case folding matches where toLowerCase() gives another letter (ſ ~ s, ẞ ~ ß…). */
const FOLDS_UNLIKE_LOWER_CASE = /[\u017f\u1e9e\u212a\u212b\u03c2\u1fbe\u0130\u0131]|\u0345/;

/**
 * False only when the text cannot hold the brand: a substring test instead of the brand's
 * whole-word, case-folding pattern, which on real titles was the optimizer's slowest step (it
 * tries its lookbehind at every position of every title, several times per title).
 */
export function mayHoldBrand(text: string, brand: Brand): boolean {
  return FOLDS_UNLIKE_LOWER_CASE.test(text) || text.toLowerCase().includes(brand.firstWord);
}

/** True when `text` mentions the brand (whole words, any case). */
export function mentionsBrand(text: string, brand: Brand): boolean {
  if (!mayHoldBrand(text, brand)) return false;
  brand.pattern.lastIndex = 0;
  return brand.pattern.test(text);
}
