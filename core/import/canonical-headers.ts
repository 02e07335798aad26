import type { ImportDialect } from '../../common/import-types.js';
import { flatFileNameOf } from './amazon-attribute-keys.js';
import { ETSY_HEADER_TRANSLATIONS } from './etsy-header-translations.js';
import { WOOCOMMERCE_HEADER_TRANSLATIONS } from './woocommerce-header-translations.js';

/**
 * Headers a marketplace writes in the seller's admin language, read as the English headers the
 * format detection and the readers look for (`Артикул` → `SKU`, `Gewicht (kg)` → `Weight (kg)`,
 * `Méta : color` → `Meta: color`). Only the look-up goes through English: the file's own headers
 * are what the seller sees and what kept columns are stored under, so an export to the same
 * format writes the seller's headers back. Amazon's attribute paths (`item_name[…]#1.value`) read
 * as the flat-file names (`item_name`) the same way.
 */

type Table = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

const TABLES: Partial<Record<ImportDialect, Table>> = { woocommerce: WOOCOMMERCE_HEADER_TRANSLATIONS, etsy: ETSY_HEADER_TRANSLATIONS };

/** Spacing and quote variants that differ between packs and hand edits (no-break spaces, `’`). */
function spaced(text: string): string {
  return text.normalize('NFC').replace(/[\u00a0\u202f]/g, ' ').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim();
}

const comparable = (text: string): string => spaced(text).toLowerCase();

interface Translator {
  /** A translation shared by several packs (`Typ`: de, and pl's older pack) names every locale. */
  exact: Map<string, { english: string; locales: string[] }>;
  /** Headers with a number or unit in them (`Attribut %d Name`, `Poids (%s)`): the English template fills it in. */
  patterns: { pattern: RegExp; english: string; locales: string[] }[];
}

const translators = new Map<ImportDialect, Translator | null>();

function translatorOf(dialect: ImportDialect): Translator | null {
  let translator = translators.get(dialect);
  if (translator !== undefined) return translator;
  const table = TABLES[dialect];
  translator = table ? build(table) : null;
  translators.set(dialect, translator);
  return translator;
}

/** `Attribut %d Name` → a pattern matching `Attribut 1 Name` that captures the number. */
function templatePattern(template: string): RegExp {
  const source = spaced(template)
    .split(/(%[ds])/)
    .map((part) => (part === '%d' ? '(\\d+)' : part === '%s' ? '(.+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'iu');
}

function build(table: Table): Translator {
  const exact: Translator['exact'] = new Map();
  const patterns: Translator['patterns'] = [];
  for (const [locale, headers] of Object.entries(table)) {
    for (const [english, translations] of Object.entries(headers)) {
      for (const translated of translations) {
        if (/%[ds]/.test(translated)) {
          patterns.push({ pattern: templatePattern(translated), english, locales: [locale] });
          continue;
        }
        const key = comparable(translated);
        const known = exact.get(key);
        if (known) known.locales.push(locale);
        else exact.set(key, { english, locales: [locale] });
      }
    }
  }
  return { exact, patterns };
}

function translate(translator: Translator, header: string): { english: string; locales: readonly string[] } | null {
  const exact = translator.exact.get(comparable(header));
  if (exact !== undefined) return exact;
  const text = spaced(header);
  for (const { pattern, english, locales } of translator.patterns) {
    const match = pattern.exec(text);
    if (match) return { english: english.replace(/%[ds]/, match[1]!), locales };
  }
  return null;
}

/** The English header `dialect`'s reader knows for `header`, or `header` itself. */
export function englishHeader(dialect: ImportDialect, header: string): string {
  // Amazon's current templates name columns by attribute path (amazon-attribute-keys.ts).
  if (dialect === 'amazon_flat_file') return flatFileNameOf(header) ?? header;
  const translator = translatorOf(dialect);
  return (translator && translate(translator, header)?.english) ?? header;
}

export function englishHeaders(dialect: ImportDialect, header: readonly string[]): string[] {
  return header.map((name) => englishHeader(dialect, name));
}

/**
 * The admin language a header row was written in (`fr_FR`), or null for English (or a format
 * without translations): the locale most of its translated headers come from.
 */
export function headerLocale(dialect: ImportDialect, header: readonly string[]): string | null {
  const translator = translatorOf(dialect);
  if (!translator) return null;
  const votes = new Map<string, number>();
  for (const name of header) {
    for (const locale of translate(translator, name)?.locales ?? []) votes.set(locale, (votes.get(locale) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [locale, count] of votes) if (best === null || count > votes.get(best)!) best = locale;
  return best;
}

/**
 * An English header as the format writes it in `locale` (the current pack's wording; English when
 * the pack leaves it untranslated), for exports that write a seller's headers back in their language.
 */
export function localizedHeader(dialect: ImportDialect, locale: string, english: string): string {
  const headers = TABLES[dialect]?.[locale];
  if (!headers) return english;
  const direct = headers[english]?.[0];
  if (direct !== undefined) return direct;
  for (const [template, translations] of Object.entries(headers)) {
    if (!/%[ds]/.test(template) || translations[0] === undefined) continue;
    const match = templatePattern(template).exec(spaced(english));
    if (match) return translations[0].replace(/%[ds]/, match[1]!);
  }
  return english;
}
