/**
 * Key phrases of a listing for tags, with wink-nlp's bundled English model (no downloads):
 * part-of-speech tags find noun phrases (adjectives and nouns ending in a noun — "sterling silver
 * necklace", "organic cotton"), ranked by how often they occur, title occurrences counting triple,
 * two- and three-word phrases above single words. Single words only come from the title, and a
 * phrase that only ever modifies a following noun ("glass phone" in "glass phone case") ranks low.
 *
 * The model loads with this module (it is plain CommonJS: JSON and arrays); the tagger is built on
 * first use, once per thread (≈ 100 ms).
 */
import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { BOILERPLATE_NOUNS, FLUFF_ADJECTIVES } from './shop-boilerplate.js';

let tagger: WinkMethods | undefined;

function nlp(): WinkMethods {
  tagger ??= winkNLP(model, ['pos']);
  return tagger;
}

/**
 * Articles, prepositions and conjunctions of the other languages sellers write in (French, German,
 * Spanish, Italian, Portuguese, Dutch): the English model reads them as nouns, so a French title gave
 * tags like "et les" or "la phrase". They may stand inside a phrase ("cadre de naissance"), never
 * at its ends. Words that are also English nouns (van, den, die) are left out.
 */
const OTHER_LANGUAGE_FUNCTION_WORDS = new Set([
  ...['à', 'au', 'aux', 'avec', 'ces', 'd', 'dans', 'de', 'des', 'du', 'en', 'et', 'l', 'la', 'le', 'les', 'ou', 'par', 'pour', 'sa', 'ses', 'son', 'sur', 'un', 'une', 'vos', 'votre'],
  ...['aus', 'das', 'dem', 'der', 'des', 'ein', 'eine', 'einem', 'einen', 'einer', 'für', 'im', 'mit', 'oder', 'ohne', 'und', 'vom', 'von', 'zu', 'zum', 'zur'],
  ...['con', 'del', 'el', 'las', 'los', 'para', 'por', 'sin', 'su', 'sus', 'una', 'uno', 'y'],
  ...['agli', 'al', 'alla', 'con', 'da', 'dei', 'del', 'della', 'delle', 'di', 'e', 'gli', 'il', 'lo', 'nel', 'nella', 'per', 'tra'],
  ...['ao', 'com', 'da', 'das', 'do', 'dos', 'em', 'na', 'no', 'os', 'um', 'uma'],
  ...['een', 'het', 'met', 'op', 'voor'],
]);

const PHRASE_POS = new Set(['ADJ', 'NOUN', 'PROPN']);
const HEAD_POS = new Set(['NOUN', 'PROPN']);
/** Letters (with inner apostrophes and hyphens); no digits: "14k" or "3pc" make poor tags. */
const PHRASE_WORD = /^\p{L}[\p{L}\p{M}'’-]*$/u;
/** Weight of a phrase by its number of words: two-word phrases match searches best. */
const LENGTH_WEIGHT = [0, 0.6, 1, 0.9] as const;
const TITLE_WEIGHT = 3;
/** Weight of a phrase that never ends a noun phrase of its own. */
const MODIFIER_WEIGHT = 0.4;
/** Long descriptions: the opening says what the item is; the rest is care, shipping, policies. */
const MAX_TEXT = 1_500;

interface RunWord {
  word: string;
  pos: string;
  stop: boolean;
}

interface Candidate {
  score: number;
  /** Occurrences not followed by another noun of the same phrase. */
  standalone: number;
  first: number;
  inTitle: boolean;
  /** One word: occurrences with no word of the phrase before it, and the words that came before it otherwise. */
  bare: number;
  before: Set<string>;
}

function addPhrases(run: readonly RunWord[], weight: number, found: Map<string, Candidate>): void {
  const inTitle = weight === TITLE_WEIGHT;
  for (let end = 0; end < run.length; end++) {
    const head = run[end];
    if (head === undefined || !HEAD_POS.has(head.pos) || head.stop || BOILERPLATE_NOUNS.has(head.word)) continue;
    for (let size = 1; size <= 3 && end - size + 1 >= 0; size++) {
      const start = end - size + 1;
      const opener = run[start];
      if (opener === undefined || opener.stop || FLUFF_ADJECTIVES.has(opener.word)) continue;
      if (size === 1 && head.word.length < 3) continue;
      const phrase = run
        .slice(start, end + 1)
        .map((w) => w.word)
        .join(' ');
      const candidate = found.get(phrase) ?? { score: 0, standalone: 0, first: found.size, inTitle, bare: 0, before: new Set<string>() };
      found.set(phrase, candidate);
      candidate.score += weight * (LENGTH_WEIGHT[size as 1 | 2 | 3] ?? 1);
      candidate.standalone += HEAD_POS.has(run[end + 1]?.pos ?? '') ? 0 : 1;
      candidate.inTitle ||= inTitle;
      const previous = run[start - 1];
      if (previous === undefined) candidate.bare++;
      else candidate.before.add(previous.word);
    }
  }
}

/**
 * The last word of a title or of one of its segments ("Latte Paw Squishy", "… Throw | Blanket")
 * names the item even where the tagger reads it as an adjective: sellers put the product there.
 */
function endsTitleSegment(run: RunWord[], weight: number): void {
  const last = run[run.length - 1];
  if (weight === TITLE_WEIGHT && last !== undefined && last.pos === 'ADJ' && !last.stop) last.pos = 'NOUN';
}

function collect(text: string, weight: number, found: Map<string, Candidate>): void {
  if (text.trim().length === 0) return;
  const { its } = nlp();
  const tokens = nlp()
    .readDoc(text.slice(0, MAX_TEXT).toLowerCase())
    .tokens();
  const words = tokens.out(its.normal) as string[];
  const tags = tokens.out(its.pos) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const stops = tokens.out(its.stopWordFlag) as boolean[];
  let run: RunWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const pos = tags[i] ?? '';
    const next = words[i + 1];
    const last = run[run.length - 1];
    // "plastic - free" written "plastic-free" is one word to a buyer.
    if (word === '-' && last !== undefined && spaces[i] === '' && spaces[i + 1] === '' && next !== undefined && PHRASE_WORD.test(next) && PHRASE_POS.has(tags[i + 1] ?? '')) {
      last.word = `${last.word}-${next}`;
      last.pos = tags[i + 1] ?? last.pos;
      last.stop = false;
      i++;
      continue;
    }
    if (PHRASE_POS.has(pos) && PHRASE_WORD.test(word)) {
      run.push({ word, pos, stop: stops[i] === true || OTHER_LANGUAGE_FUNCTION_WORDS.has(word) });
    } else {
      if (pos === 'PUNCT') endsTitleSegment(run, weight);
      addPhrases(run, weight, found);
      run = [];
    }
  }
  endsTitleSegment(run, weight);
  addPhrases(run, weight, found);
}

/**
 * Phrases best first. `wholeOnly`: only phrases that end a noun phrase somewhere ("coin cufflinks"
 * in "half pence coin cufflinks"), never the modifiers inside one ("half pence", "day gift" is kept
 * out by its own rule: it never starts after a non-noun).
 */
function ranked(found: Map<string, Candidate>, maxWords: number, wholeOnly: boolean): string[] {
  const out: [string, number, number][] = [];
  for (const [phrase, c] of found) {
    if (!c.inTitle && !phrase.includes(' ')) continue;
    if (phrase.split(' ').length > maxWords || (wholeOnly && c.standalone === 0)) continue;
    // A word only ever seen after one and the same word is half of a compound ("serve" of "soft
    // serve", "sabi" of "wabi sabi"): the compound may be a tag, the half is not.
    if (!phrase.includes(' ') && c.bare === 0 && c.before.size === 1) continue;
    out.push([phrase, c.standalone > 0 ? c.score : c.score * MODIFIER_WEIGHT, c.first]);
  }
  return out.sort((a, b) => b[1] - a[1] || a[2] - b[2]).map(([phrase]) => phrase);
}

/**
 * Key phrases of the title for tags, best first, lower-case: one- and two-word noun phrases of the
 * title that end a noun phrase somewhere in the title or the description (`descriptionText`
 * counts too, and confirms: "sterling silver" in "Sterling Silver Necklace" is a phrase because
 * the description says "made from sterling silver."). Three-word phrases rarely match what
 * sellers and buyers type (in the corpus Etsy exports, 14 % of them used only the seller's own
 * tag words, against 46 % for two words), and a phrase that only ever modifies a following noun
 * is a fragment ("old half" in "Old Half Pence Coin Cufflinks").
 */
export function titleKeyphrases(title: string, descriptionText = ''): string[] {
  const found = new Map<string, Candidate>();
  collect(title, TITLE_WEIGHT, found);
  collect(descriptionText, 1, found);
  for (const [phrase, c] of found) if (!c.inTitle) found.delete(phrase);
  return ranked(found, 2, true);
}

/** Noun phrases of two words in a description's text, best first, lower-case (see titleKeyphrases). */
export function descriptionKeyphrases(descriptionText: string): string[] {
  const found = new Map<string, Candidate>();
  collect(descriptionText, 1, found);
  return ranked(found, 2, true);
}
