import type { ImportDialect } from '../../common/import-types.js';
import { WOOCOMMERCE_HEADER_TRANSLATIONS } from './woocommerce-header-translations.js';

/**
 * Headers a marketplace writes in the seller's admin language, read as the English headers the
 * format detection and the readers look for (`Артикул` → `SKU`, `Gewicht (kg)` → `Weight (kg)`,
 * `Méta : color` → `Meta: color`). Only the look-up goes through English: the file's own headers
 * are what the seller sees and what kept columns are stored under, so an export to the same
 * format writes the seller's headers back.
 */

type Table = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

const TABLES: Partial<Record<ImportDialect, Table>> = { woocommerce: WOOCOMMERCE_HEADER_TRANSLATIONS };

/** Spacing and quote variants that differ between packs and hand edits (no-break spaces, `’`). */
function spaced(text: string): string {
  return text.normalize('NFC').replace(/[\u00a0\u202f]/g, ' ').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim();
}

const comparable = (text: string): string => spaced(text).toLowerCase();

interface Translator {
  exact: Map<string, string>;
  /** Headers with a number or unit in them (`Attribut %d Name`, `Poids (%s)`): the English template fills it in. */
  patterns: { pattern: RegExp; english: string }[];
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

function build(table: Table): Translator {
  const exact = new Map<string, string>();
  const patterns: Translator['patterns'] = [];
  for (const locale of Object.values(table)) {
    for (const [english, translations] of Object.entries(locale)) {
      for (const translated of translations) {
        if (!/%[ds]/.test(translated)) {
          exact.set(comparable(translated), english);
          continue;
        }
        const source = spaced(translated)
          .split(/(%[ds])/)
          .map((part) => (part === '%d' ? '(\\d+)' : part === '%s' ? '(.+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
          .join('');
        patterns.push({ pattern: new RegExp(`^${source}$`, 'iu'), english });
      }
    }
  }
  return { exact, patterns };
}

/** The English header `dialect`'s reader knows for `header`, or `header` itself. */
export function englishHeader(dialect: ImportDialect, header: string): string {
  const translator = translatorOf(dialect);
  if (!translator) return header;
  const exact = translator.exact.get(comparable(header));
  if (exact !== undefined) return exact;
  const text = spaced(header);
  for (const { pattern, english } of translator.patterns) {
    const match = pattern.exec(text);
    if (match) return english.replace(/%[ds]/, match[1]!);
  }
  return header;
}

export function englishHeaders(dialect: ImportDialect, header: readonly string[]): string[] {
  return header.map((name) => englishHeader(dialect, name));
}
