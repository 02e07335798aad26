/**
 * Key terms first — only moves that lose nothing: a segment naming the product (a noun of the
 * listing's category) moves before keyword segments, a brand written as its own segment moves to
 * the front, and where the marketplace's style puts the brand first (Amazon) a missing brand is
 * added when the title still fits. Words inside a segment are never reordered.
 */
import { countCharacters } from '../../common/rules/index.js';
import { mentionsBrand, type Brand } from './brand.js';
import { joinSegments, segmentFirst, splitSegments, withoutSegment } from './title-segments.js';

export interface KeyTermsOptions {
  brand: Brand | null;
  category: string | null | undefined;
  brandFirst: boolean;
  maxLength: number | null;
}

/** Plural to singular, enough for category names: dresses → dress, boxes → box, mugs → mug. */
function singular(noun: string): string {
  if (/(?:ss|x|z|ch|sh)es$/.test(noun)) return noun.slice(0, -2);
  if (/ies$/.test(noun)) return `${noun.slice(0, -3)}y`;
  if (/[^s]s$/.test(noun)) return noun.slice(0, -1);
  return noun;
}

const nounPatterns = new Map<string, RegExp | null>();

/** "Jewelry > Necklaces & Pendants" → a matcher of necklace(s) or pendant(s). */
function categoryNouns(category: string | null | undefined): RegExp | null {
  if (!category) return null;
  let pattern = nounPatterns.get(category);
  if (pattern !== undefined) return pattern;
  const leaf = category.split('>').pop() ?? '';
  const alternatives = leaf
    .toLowerCase()
    .split(/\s*(?:&|,|\/|\band\b)\s*/)
    .map((noun) => singular(noun.trim()))
    .filter((noun) => noun.length >= 3)
    .map((noun) => {
      const stem = noun.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
      return noun.endsWith('y') ? `${stem}|${stem.slice(0, -1)}ies` : `${stem}(?:es|s)?`;
    });
  pattern = alternatives.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
  if (nounPatterns.size > 1_000) nounPatterns.clear();
  nounPatterns.set(category, pattern);
  return pattern;
}

const sameText = (a: string, b: string): boolean => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.toLowerCase();

export function keyTermsFirst(title: string, options: KeyTermsOptions): string {
  let segments = splitSegments(title);
  const nouns = categoryNouns(options.category);
  if (nouns !== null && segments.parts.length > 1 && !nouns.test(segments.parts[0] ?? '')) {
    const productIndex = segments.parts.findIndex((part) => nouns.test(part));
    if (productIndex > 0) segments = segmentFirst(segments, productIndex);
  }

  const brand = options.brand;
  if (brand !== null) {
    const brandIndex = segments.parts.findIndex((part) => sameText(part, brand.name));
    if (brandIndex > 0) {
      const rest = joinSegments(withoutSegment(segments, brandIndex));
      return `${brand.name} ${rest}`;
    }
    const text = joinSegments(segments);
    if (options.brandFirst && brandIndex < 0 && text.length > 0 && !mentionsBrand(text, brand)) {
      const withBrand = `${brand.name} ${text}`;
      if (options.maxLength === null || countCharacters(withBrand) <= options.maxLength) return withBrand;
    }
    return text;
  }
  return joinSegments(segments);
}
