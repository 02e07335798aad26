import { DIALECT_LABELS, type ColumnMapping, type CurrencyHint, type ImportDialect, type TitleMatchCount } from '../../common/import-types.js';
import type { OpenImportOptions } from '../import/open-import-source.js';
import { previewImport } from '../import/preview-import.js';
import type { TitleLookup } from '../import/title-matches.js';
import { resolveColumnMap, type ImportCliOptions } from './import-options.js';

/**
 * What `listsmith import` decides before it writes anything, from a preview of the file's head (the
 * wizard's preview): the format, the --map columns resolved against the file's header, and the
 * currency of prices the file does not state — --currency, else a hint in the file (said in the
 * output), else a refusal (naming the file's suggestion, if any): Listsmith never guesses a currency.
 */

export interface ImportPlan {
  dialect: ImportDialect;
  mapping?: ColumnMapping;
  currency: Pick<OpenImportOptions, 'defaultCurrency' | 'currencyOrigin'>;
  /** The hint the currency came from (null: chosen, stated by the file, or not needed). */
  hint: CurrencyHint | null;
  /** For a file without ids or SKUs: how many of its listings share a stored listing's title. */
  titleMatch: TitleMatchCount | null;
}

export class CurrencyNotStated extends Error {}

export async function planImport(path: string, fileName: string, sizeBytes: number, options: ImportCliOptions, titleMatches: TitleLookup): Promise<ImportPlan> {
  const base = { fileId: 'cli', fileName, sizeBytes, titleMatches, matchBy: options.matchBy, ...(options.currency === undefined ? {} : { defaultCurrency: options.currency }) };
  let preview = await previewImport(path, { ...base, ...(options.dialect === undefined ? {} : { dialect: options.dialect }) });
  let mapping: ColumnMapping | undefined;
  if (options.map.length > 0) {
    // "Other CSV (map the columns yourself)" → "Other CSV".
    mapping = resolveColumnMap(options.map, preview.columns, preview.mappableFields, DIALECT_LABELS[preview.dialect].replace(/\s*\(.*\)$/, ''));
    preview = await previewImport(path, { ...base, dialect: preview.dialect, mapping });
  }
  const plan = { dialect: preview.dialect, ...(mapping === undefined ? {} : { mapping }), titleMatch: preview.titleMatch };
  if (options.currency !== undefined) return { ...plan, currency: { defaultCurrency: options.currency, currencyOrigin: 'chosen' }, hint: null };
  // Nothing to price (every row rejected so far) or every price names its currency: nothing to decide.
  if (preview.listings.length === 0 || preview.currencyInFile) return { ...plan, currency: {}, hint: null };
  const hint = preview.currencyHint;
  if (hint !== null && hint.toConfirm !== true) return { ...plan, currency: { defaultCurrency: hint.code, currencyOrigin: 'hint' }, hint };
  // A suggestion is named, not used: the seller confirms it with --currency.
  if (hint !== null) throw new CurrencyNotStated(`${fileName} does not say what currency its prices are in; it suggests ${hint.code} (${hint.reason}): add --currency ${hint.code} to confirm, or --currency CODE.`);
  throw new CurrencyNotStated(`${fileName} does not say what currency its prices are in; add --currency CODE (e.g. --currency EUR).`);
}
