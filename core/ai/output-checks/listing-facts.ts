/**
 * The facts of a piece of text (quantities, sizes, materials, certifications, warranties,
 * colours, names and model codes) and what a listing itself states: its title, description,
 * tags, materials, brand, category, attributes, variants and the source columns kept from its
 * file. A rewrite may say only what the listing states.
 */
import type { Listing } from '../../../common/listing.js';
import type { OptimizerTaskListing } from '../../jobs/pool-task.js';
import { descriptionText } from '../ai-prompt.js';
import { CONCEPTS, type LexiconKind } from './fact-lexicon.js';
import { quantitiesOf, sizesOf, UNIT_SPELLINGS } from './quantities.js';
import { compact, normalize } from './text-match.js';

export type FactKind = 'quantity' | 'size' | LexiconKind | 'name';

export interface Fact {
  kind: FactKind;
  /** Equal keys state the same fact ("350 ml" and "350ml"; "cotton" and "Baumwolle"). */
  key: string;
  /** As written. */
  text: string;
}

/** A listing as the AI job reads it: the task's fields, and the whole stored listing when it has one. */
export type EvidenceListing = OptimizerTaskListing & Partial<Pick<Listing, 'variants' | 'source'>>;

const CODE = /[\p{L}\p{N}]+(?:[-./][\p{L}\p{N}]+)*/gu;
/** A token that is a number with a unit or an ordinal ("350ml", "2XL", "14k", "1st"): the quantity checks cover it. */
const QUANTITY_TOKEN = /^\d+(?:[.,]\d+)?(?:-?)([\p{L}%]{1,6})$/u;
const QUANTITY_SUFFIXES = new Set(['k', 'kt', 'er', 'x', 'xl', 'xxl', 'st', 'nd', 'rd', 'th', 'e', 'ème', 'º', 'ª']);
const SHOUTED = /^\p{Lu}{2,}$/u;
const CAMEL = /\p{Ll}\p{Lu}/u;
const MARKED = /([\p{L}\p{N}][\p{L}\p{N}-]*)\s?[™®]/gu;
const SIZE_LETTERS = /^(?:[2-6]?X{0,4}[SML]|XXS)$/;

/** Every fact of `text`. */
export function factsOf(text: string): Fact[] {
  const facts: Fact[] = [];
  for (const quantity of quantitiesOf(text)) facts.push({ kind: 'quantity', key: `q:${quantity.key}`, text: quantity.text });
  for (const size of sizesOf(text)) facts.push({ kind: 'size', key: `s:${size.value}`, text: size.text });
  for (const concept of CONCEPTS) {
    concept.pattern.lastIndex = 0;
    const match = concept.pattern.exec(text);
    if (match) facts.push({ kind: concept.kind, key: `c:${concept.concept}`, text: match[0] });
  }
  for (const name of namesOf(text)) facts.push({ kind: 'name', key: `n:${compact(name)}`, text: name });
  return facts;
}

/** Model codes (letters with digits), shouted or CamelCase words and marked names (™, ®). */
function namesOf(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(CODE)) {
    const token = match[0];
    const hasDigit = /\p{N}/u.test(token);
    const hasLetter = /\p{L}/u.test(token);
    if (hasDigit && hasLetter) {
      const suffix = QUANTITY_TOKEN.exec(token)?.[1]?.toLowerCase();
      if (suffix === undefined || !(UNIT_SPELLINGS.has(suffix) || QUANTITY_SUFFIXES.has(suffix))) names.push(token);
    } else if (hasLetter && !hasDigit && (SHOUTED.test(token) || CAMEL.test(token)) && !SIZE_LETTERS.test(token) && !UNIT_SPELLINGS.has(token.toLowerCase())) {
      names.push(token);
    }
  }
  for (const match of text.matchAll(MARKED)) names.push(match[1]!);
  return names;
}

/** What the listing states, searchable by fact key, word and letters-only text. */
export class ListingEvidence {
  /** normalize()d text of everything the listing says. */
  readonly text: string;
  private readonly letters: string;
  private readonly keys = new Set<string>();
  private readonly numbers = new Set<string>();
  private readonly words: Set<string>;
  /** What stays as it is whatever the AI writes (materials, attributes, variants, kept columns…). */
  readonly fixed: string;
  readonly before: { title: string; description: string; tags: string };

  constructor(listing: EvidenceListing) {
    const variants = (listing.variants ?? []).flatMap((variant) => [variant.sku ?? '', ...variant.options.flatMap((option) => [option.name, option.value])]);
    const columns = Object.values(listing.source?.columns ?? {});
    this.fixed = [
      listing.materials.join(', '),
      listing.brand ?? '',
      listing.category ?? '',
      listing.condition ?? '',
      listing.sku ?? '',
      ...Object.entries(listing.attributes).map(([name, value]) => `${name}: ${value}`),
      ...variants,
      ...columns,
    ]
      .filter((part) => part.trim() !== '')
      .join('\n');
    this.before = { title: listing.title, description: descriptionText(listing.description), tags: listing.tags.join(', ') };
    const all = [this.before.title, this.before.description, this.before.tags, this.fixed].join('\n');
    this.text = normalize(all);
    this.letters = compact(all);
    this.words = new Set(this.text.match(/[\p{L}\p{N}]+/gu) ?? []);
    for (const fact of factsOf(all)) this.keys.add(fact.key);
    for (const quantity of quantitiesOf(all)) this.numbers.add(quantity.value);
  }

  /** True when the listing states this fact (or, for a bare number or a size letter, mentions it at all). */
  states(fact: Fact): boolean {
    if (this.keys.has(fact.key)) return true;
    if (fact.kind === 'quantity' && !fact.key.includes('|')) return this.numbers.has(fact.key.slice(2)) || this.words.has(fact.key.slice(2));
    if (fact.kind === 'size') return this.words.has(fact.key.slice(2).toLowerCase());
    if (fact.kind === 'name') return this.letters.includes(fact.key.slice(2));
    return false;
  }
}
