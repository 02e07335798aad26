/**
 * What a seller's own catalog says about words and tags: which words the seller uses often enough
 * to be right whatever the dictionary says (a word in ≥ MIN_LISTINGS listings, brand and maker
 * values), and which tags the seller put on listings similar to a given one. Built once per catalog
 * from a sample of its listings (catalog-vocabulary-source.ts reads it from SQLite), so it costs the
 * same on a 1M-listing catalog as on a 10k one.
 *
 * Why 3 listings: a typo typed by hand is rarely repeated identically in three different listings,
 * while a seller's brand, product line or jargon ("squishies", "saggar", "springfieold" is not)
 * recurs; a typo copied through a template is the exception, and it shows in every listing that
 * uses the template, where the seller sees it once and fixes it everywhere.
 */

/** The fields of a listing the vocabulary reads. */
export interface VocabularyListing {
  id: number;
  title: string;
  tags: readonly string[];
  description: string;
  brand?: string | null;
  attributes?: Readonly<Record<string, string>> | null;
}

/** What the optimizer needs from the catalog for one listing: plain data, so it crosses to workers. */
export interface CatalogHints {
  /** Tags the seller used on similar listings, best first, lower-case. */
  similarTags: readonly string[];
  /** Words of this listing (and of `similarTags`) the catalog vouches for, lower-case. */
  knownWords: readonly string[];
  /** Listings the vocabulary was built from: below a few dozen, "used in 3 listings" says little. */
  listings: number;
}

/** A word is the seller's when at least this many sampled listings use it (see the header). */
export const MIN_LISTINGS = 3;
/** Listings read at most; past this the catalog is sampled evenly by id. */
export const SAMPLE_SIZE = 10_000;
/** The description's opening says what the item is; the rest is care, shipping and policies. */
const DESCRIPTION_CHARS = 1_500;
/** Similar listings whose tags are considered. */
const NEIGHBOURS = 12;
/** Least share of a listing's title words (weighted by rarity) another listing must share to be similar. */
const MIN_SIMILARITY = 0.34;
/** Least summed similarity of the listings using a tag for it to be proposed. */
const MIN_TAG_SUPPORT = 0.6;
/** Listings kept per title word; a word on more listings than this is too common to find neighbours by. */
const MAX_POSTINGS = 400;

/** Separators between words: anything but letters, marks, digits and inner apostrophes. */
const SEPARATORS = /[^\p{L}\p{M}\p{N}'’]+/u;
const EDGE_APOSTROPHES = /^['’]+|['’]+$/g;
const DIGIT = /\p{N}/u;
const MARKUP = /<[^<>]*>|&#?[a-z0-9]+;/gi;
const MAKER_KEY = /brand|manufacturer|maker|designer|label|publisher|artist/i;
/** Words that say nothing about what the item is (never make listings similar). */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'for', 'of', 'in', 'on', 'at', 'to', 'by', 'with', 'from', 'as', 'per', 'via', 'vs', 'x',
  'is', 'it', 'its', 'this', 'that', 'these', 'your', 'you', 'my', 'our', 'we', 'i', 'be', 'are', 'set', 'new', 'size',
]);

/** Lower-case words of a text (hyphens and other punctuation separate words). */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(SEPARATORS)) {
    const word = raw.includes("'") || raw.includes('’') ? raw.replace(EDGE_APOSTROPHES, '').replace(/’/g, "'") : raw;
    if (word.length > 0) out.push(word);
  }
  return out;
}

const openingText = (description: string): string => description.slice(0, DESCRIPTION_CHARS).replace(MARKUP, ' ');

const tagKey = (tag: string): string => tag.toLowerCase().replace(/\s+/g, ' ').trim();

function contentWords(title: string): string[] {
  return [...new Set(wordsOf(title).filter((w) => !FUNCTION_WORDS.has(w) && (w.length > 1 || DIGIT.test(w))))];
}

interface TaggedListing {
  id: number;
  titleWords: ReadonlySet<string>;
  tags: readonly string[];
  /** The words of each tag (same order), split once. */
  tagWords: readonly (readonly string[])[];
}

export class CatalogVocabulary {
  /** Listings the vocabulary was built from. */
  readonly sampled: number;
  private readonly counts = new Map<string, number>();
  private readonly makerWords = new Set<string>();
  private readonly tagged: TaggedListing[] = [];
  private readonly postings = new Map<string, number[]>();
  private weights: Float64Array | undefined;

  constructor(listings: Iterable<VocabularyListing>) {
    let sampled = 0;
    for (const listing of listings) {
      sampled++;
      this.count(listing);
      this.index(listing);
    }
    this.sampled = sampled;
  }

  private count(listing: VocabularyListing): void {
    const words = new Set([...wordsOf(listing.title), ...listing.tags.flatMap(wordsOf), ...wordsOf(openingText(listing.description))]);
    for (const word of words) this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
    const makers = [listing.brand ?? '', ...Object.entries(listing.attributes ?? {}).filter(([key]) => MAKER_KEY.test(key)).map(([, value]) => value)];
    for (const maker of makers) for (const word of wordsOf(maker)) this.makerWords.add(word);
  }

  private index(listing: VocabularyListing): void {
    const tags = [...new Set(listing.tags.map(tagKey).filter((t) => t.length > 0))];
    if (tags.length === 0) return;
    const titleWords = contentWords(listing.title);
    const at = this.tagged.length;
    this.tagged.push({ id: listing.id, titleWords: new Set(titleWords), tags, tagWords: tags.map(wordsOf) });
    for (const word of titleWords) {
      let list = this.postings.get(word);
      if (list === undefined) this.postings.set(word, (list = []));
      if (list.length < MAX_POSTINGS) list.push(at);
    }
  }

  /** True when the seller's catalog vouches for `word` (any case): used often, or a brand or maker's word. */
  knows(word: string): boolean {
    const lower = word.toLowerCase().replace(/’/g, "'");
    return this.makerWords.has(lower) || (this.counts.get(lower) ?? 0) >= MIN_LISTINGS;
  }

  /** How many sampled listings use `word` (any case). */
  listingsUsing(word: string): number {
    return this.counts.get(word.toLowerCase().replace(/’/g, "'")) ?? 0;
  }

  private rarity(word: string): number {
    const df = this.postings.get(word)?.length ?? 0;
    return Math.log(1 + this.tagged.length / (1 + df));
  }

  /**
   * Tags the seller put on listings sharing this listing's title words (the listing itself left
   * out), best supported first. A tag naming what only its own listing is — a word of that
   * listing's title, or a number, that this listing does not have — is left out: "1971 gift" is
   * not a tag for the 1975 coin.
   */
  similarTags(listing: Pick<VocabularyListing, 'id' | 'title' | 'description'>): string[] {
    const own = contentWords(listing.title);
    if (own.length === 0 || this.tagged.length === 0) return [];
    const ownText = new Set([...own, ...wordsOf(openingText(listing.description))]);
    let total = 0;
    // One scratch array per vocabulary, zeroed again below: a query allocates nothing catalog-sized.
    this.weights ??= new Float64Array(this.tagged.length);
    const weights = this.weights;
    const touched: number[] = [];
    for (const word of own) {
      const weight = this.rarity(word);
      total += weight;
      const list = this.postings.get(word);
      // A word on more listings than this says little about which are alike; scanning it would cost the most.
      if (list === undefined || list.length >= MAX_POSTINGS) continue;
      for (const at of list) {
        if (weights[at] === 0) touched.push(at);
        weights[at] = (weights[at] ?? 0) + weight;
      }
    }
    // The best NEIGHBOURS, kept sorted by insertion: a common title can have thousands of matches.
    const neighbours: { other: TaggedListing; similarity: number }[] = [];
    const better = (a: { other: TaggedListing; similarity: number }, b: { other: TaggedListing; similarity: number }): boolean =>
      a.similarity > b.similarity || (a.similarity === b.similarity && a.other.id < b.other.id);
    for (const at of touched) {
      const similarity = (weights[at] ?? 0) / total;
      weights[at] = 0;
      const other = this.tagged[at];
      if (other === undefined || similarity < MIN_SIMILARITY || other.id === listing.id) continue;
      const candidate = { other, similarity };
      const last = neighbours[neighbours.length - 1];
      if (neighbours.length === NEIGHBOURS && last !== undefined && !better(candidate, last)) continue;
      let i = neighbours.length;
      while (i > 0 && better(candidate, neighbours[i - 1]!)) i--;
      neighbours.splice(i, 0, candidate);
      if (neighbours.length > NEIGHBOURS) neighbours.pop();
    }
    const support = new Map<string, number>();
    for (const { other, similarity } of neighbours) {
      for (const [i, tag] of other.tags.entries()) {
        const words = other.tagWords[i] ?? [];
        const foreign = words.some((w) => !ownText.has(w) && (DIGIT.test(w) || other.titleWords.has(w)));
        if (!foreign) support.set(tag, (support.get(tag) ?? 0) + similarity);
      }
    }
    return [...support]
      .filter(([, weight]) => weight >= MIN_TAG_SUPPORT)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([tag]) => tag);
  }

  /** The optimizer's view of the catalog for one listing. */
  hints(listing: VocabularyListing): CatalogHints {
    const similarTags = this.similarTags(listing);
    const words = new Set([...wordsOf(listing.title), ...wordsOf(openingText(listing.description)), ...listing.tags.flatMap(wordsOf), ...similarTags.flatMap(wordsOf)]);
    return { similarTags, knownWords: [...words].filter((w) => this.knows(w)).sort(), listings: this.sampled };
  }
}
