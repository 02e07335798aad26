/**
 * Numbers with their units ("350 ml", "2-Pack", "100%", "10-year", "pack of 3") and letter sizes
 * ("XL", "size M"), read with wink-nlp's tokenizer: it splits "350ml" and "1.5kg" into number and
 * unit and knows a number token from a word, in any language's text. Units are folded to one
 * spelling per unit (ounces → oz, Stück → pack) so a rephrased quantity is the same fact.
 */
import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { words } from './text-match.js';

let tokenizer: WinkMethods | undefined;

function nlp(): WinkMethods {
  // Tokens only: no tagger, no entities (the pipe is what costs time).
  tokenizer ??= winkNLP(model, []);
  return tokenizer;
}

const UNIT_WORDS: Readonly<Record<string, readonly string[]>> = {
  ml: ['ml', 'milliliter', 'milliliters', 'millilitre', 'millilitres', 'mililitros', 'millilitri'],
  cl: ['cl'],
  l: ['l', 'lt', 'ltr', 'liter', 'liters', 'litre', 'litres', 'litro', 'litros', 'litri', 'litrów'],
  mg: ['mg'],
  g: ['g', 'gr', 'gram', 'grams', 'gramm', 'gramme', 'grammes', 'gramos', 'grammi', 'gramas', 'gramów'],
  kg: ['kg', 'kgs', 'kilo', 'kilos', 'kilogram', 'kilograms', 'kilogramm', 'kilogramos'],
  oz: ['oz', 'ounce', 'ounces', 'onzas', 'once'],
  lb: ['lb', 'lbs', 'pound', 'pounds'],
  mm: ['mm', 'millimeter', 'millimeters', 'millimetre', 'millimetres'],
  cm: ['cm', 'centimeter', 'centimeters', 'centimetre', 'centimetres', 'zentimeter', 'centímetros', 'centimetri'],
  m: ['m', 'meter', 'meters', 'metre', 'metres', 'metros', 'metri'],
  in: ['in', 'inch', 'inches', 'zoll', 'pouces', 'pulgadas', 'pollici', 'polegadas', '"', '″', '”'],
  ft: ['ft', 'feet', 'foot', "'", '′'],
  '%': ['%', 'percent', 'pct', 'prozent', 'procent', 'porcentaje', 'percento', 'por cento', 'yüzde'],
  pack: [
    'pack', 'packs', 'pk', 'pcs', 'pc', 'piece', 'pieces', 'count', 'ct', 'set', 'sets', 'stück', 'stk', 'stck', 'pièces', 'pièce',
    'piezas', 'pieza', 'pezzi', 'pezzo', 'peças', 'peça', 'szt', 'sztuk', 'sztuki', 'stuks', 'stuk', 'st', 'stycken', 'adet', 'cái', 'unidades', 'unités',
  ],
  pair: ['pair', 'pairs', 'paar', 'paire', 'paires', 'par', 'pares', 'paia', 'pary', 'paren'],
  year: ['year', 'years', 'yr', 'yrs', 'jahr', 'jahre', 'jahren', 'an', 'ans', 'année', 'années', 'año', 'años', 'anno', 'anni', 'ano', 'anos', 'rok', 'lata', 'lat', 'jaar', 'år', 'yıl', 'năm'],
  month: ['month', 'months', 'monat', 'monate', 'monaten', 'mois', 'mes', 'meses', 'mese', 'mesi', 'miesiąc', 'miesięcy', 'maand', 'maanden', 'månad', 'månader', 'ay', 'tháng'],
  mah: ['mah'],
  w: ['w', 'watt', 'watts'],
  v: ['v', 'volt', 'volts'],
  gb: ['gb'],
  tb: ['tb'],
};
const UNITS = new Map<string, string>();
for (const [unit, spellings] of Object.entries(UNIT_WORDS)) for (const spelling of spellings) UNITS.set(spelling, unit);
/** Every unit spelling (lower case), for telling "350ml" from a model code. */
export const UNIT_SPELLINGS: ReadonlySet<string> = new Set(UNITS.keys());

/** Words that put a count after them: "pack of 2", "lot de 3", "confezione da 6". */
const COUNT_LEADS = new Set(['pack', 'set', 'lot', 'bundle', 'box', 'case', 'paquete', 'juego', 'confezione', 'set', 'pacote', 'kit', 'zestaw', 'paket', 'packung', 'satz', 'pakket']);
const COUNT_JOINS = new Set(['of', 'de', 'da', 'di', 'com', 'van', 'med', 'mit', 'z', 'à']);

export interface Quantity {
  /** Number, plus its unit when it has one: "350|ml", "2|pack", "42". */
  key: string;
  value: string;
  unit: string | null;
  /** As written in the text. */
  text: string;
}

/** "1,5" and "1.5" are the same number; "1,000" and "1.000" are a thousand. */
export function normalizeNumber(raw: string): string {
  const digits = /^\d{1,3}(?:[.,]\d{3})+$/.test(raw) ? raw.replace(/[.,]/g, '') : raw.replace(',', '.');
  const value = Number(digits);
  return Number.isFinite(value) ? String(value) : raw;
}

export function quantitiesOf(text: string): Quantity[] {
  if (!/\d/.test(text)) return [];
  const doc = nlp().readDoc(text);
  const its = nlp().its;
  const values = doc.tokens().out();
  const types = doc.tokens().out(its.type);
  const spaces = doc.tokens().out(its.precedingSpaces);
  const span = (from: number, to: number): string => values.slice(from, to + 1).map((value, i) => (i === 0 ? value : `${spaces[from + i] ?? ''}${value}`)).join('');
  const found: Quantity[] = [];
  for (let i = 0; i < values.length; i++) {
    if (types[i] !== 'number' || !/\d/.test(values[i]!)) continue;
    const value = normalizeNumber(values[i]!);
    let end = i;
    let unit: string | null = null;
    let j = i + 1;
    if (values[j]?.toLowerCase() === 'er') j++; // German "2er-Pack"
    if (values[j] === '-' && spaces[j] === '') j++; // "2-Pack", "10-year"
    // "250 g." at a sentence end reads as one token "g.".
    const next = values[j]?.toLowerCase().replace(/(?<=\p{L})\.$/u, '');
    if (next === 'fl' && values[j + 1]?.toLowerCase() === 'oz') {
      unit = 'oz';
      end = j + 1;
    } else if (next !== undefined && UNITS.has(next) && !/^[MLS]$/.test(values[j]!)) {
      // A capital M, L or S after a number is a size in a size table ("45.7 M"), not metres or litres.
      unit = UNITS.get(next)!;
      end = j;
    }
    let start = i;
    if (unit === null) {
      const join = values[i - 1]?.toLowerCase();
      const lead = values[i - 2]?.toLowerCase();
      if (join !== undefined && lead !== undefined && COUNT_JOINS.has(join) && COUNT_LEADS.has(lead)) {
        unit = 'pack';
        start = i - 2;
      }
    }
    found.push({ key: unit === null ? value : `${value}|${unit}`, value, unit, text: span(start, end).replace(/(?<=\p{L})\.$/u, '') });
  }
  return found;
}

const SIZE_WORDS = 'size|größe|grösse|groesse|taille|talla|taglia|tamanho|rozmiar|maat|storlek|beden|cỡ|kích\\s+cỡ';
const LETTER_SIZE = words('(?:xxs|xs|xl|xxl|xxxl|xxxxl|[2-6]xl)');
const NAMED_SIZE = words(`(?:${SIZE_WORDS})\\s*:?\\s*(?:xxs|xs|s|m|l|xl|xxl|xxxl|[2-6]xl)`);

/** Letter sizes: XS/XL/XXL… anywhere, S/M/L only after a size word ("size M", "Größe L"). */
export function sizesOf(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const pattern of [LETTER_SIZE, NAMED_SIZE]) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const letters = /[0-9]?x*[sml]$/i.exec(match[0])?.[0].toUpperCase() ?? match[0].toUpperCase();
      found.push({ key: `size|${letters}`, value: letters, unit: 'size', text: match[0] });
    }
  }
  return found;
}
