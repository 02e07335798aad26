import { z } from 'zod';

/** File formats Listsmith reads. `generic_csv` uses a user-chosen column mapping. */
export const IMPORT_DIALECTS = [
  'shopify',
  'etsy',
  'etsy_api',
  'ebay_seller_hub',
  'ebay_report',
  'amazon_flat_file',
  'amazon_all_listings',
  'woocommerce',
  'google_merchant',
  'wix',
  'generic_csv',
  'json',
  'jsonl',
] as const;
export const importDialectSchema = z.enum(IMPORT_DIALECTS);
export type ImportDialect = z.infer<typeof importDialectSchema>;

export const DIALECT_LABELS: Record<ImportDialect, string> = {
  shopify: 'Shopify products CSV',
  etsy: 'Etsy listings download (CSV)',
  etsy_api: 'Etsy API listings dump',
  ebay_seller_hub: 'eBay Seller Hub upload / template',
  ebay_report: 'eBay listings report',
  amazon_flat_file: 'Amazon inventory flat file',
  amazon_all_listings: 'Amazon listings report (All Listings or FBA inventory, TSV)',
  woocommerce: 'WooCommerce products CSV',
  google_merchant: 'Google Merchant feed (CSV/TSV/XML)',
  wix: 'Wix Stores products CSV',
  generic_csv: 'Other CSV (map the columns yourself)',
  json: 'JSON (array of listings)',
  jsonl: 'JSON Lines (one listing per line)',
};

/** What a listing's currency is when neither the file nor the seller says. */
export const FALLBACK_CURRENCY = 'USD';

/**
 * The currencies the import wizard offers for a file that states none (ISO 4217). Any other
 * known code is accepted over the contract too.
 */
export const DEFAULT_CURRENCY_CHOICES = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'NZD',
  'JPY',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'ISK',
  'PLN',
  'CZK',
  'HUF',
  'RON',
  'TRY',
  'ILS',
  'AED',
  'SAR',
  'INR',
  'CNY',
  'HKD',
  'TWD',
  'SGD',
  'KRW',
  'THB',
  'MYR',
  'IDR',
  'PHP',
  'MXN',
  'BRL',
  'ZAR',
] as const;

const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 code the platform knows (its minor units come from the same ICU data). */
export const currencyCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, { error: 'Expected a three-letter currency code in capitals, like USD, EUR or JPY', abort: true })
  .refine((code) => KNOWN_CURRENCIES.has(code), { error: (issue) => `"${String(issue.input)}" is not an ISO 4217 currency code (like USD, EUR or JPY)` });

export const TEXT_ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252', 'windows-1251', 'windows-1250', 'shift_jis'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/**
 * Listing fields a column can be mapped to. `attribute:<name>` stores the column as an item
 * specific; `ignore` reads nothing from it (a marketplace format keeps it with the listing as written).
 */
export const MAPPABLE_FIELDS = [
  'sourceId',
  'sku',
  'title',
  'description',
  'price',
  'currency',
  'quantity',
  'tags',
  'materials',
  'images',
  'category',
  'brand',
  'condition',
  'status',
  'variantGroup',
  'optionName1',
  'optionValue1',
  'optionName2',
  'optionValue2',
  'ignore',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number] | `attribute:${string}`;
export const mappableFieldSchema = z.union([z.enum(MAPPABLE_FIELDS), z.string().regex(/^attribute:.{1,100}$/)]);

/**
 * Column index (0-based, in the header row) → field. For "Other CSV" it is laid over the guessed
 * mapping; for a marketplace format it overrides how the format reads those columns
 * (core/import/column-overrides.ts).
 */
export const columnMappingSchema = z.record(z.string().regex(/^\d{1,4}$/), mappableFieldSchema);
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export interface PreviewColumn {
  index: number;
  /** The header as written in the file (trimmed); duplicates get " (2)", empty ones "Column N". */
  header: string;
  /** What the template calls the column for the seller, above its machine header (Amazon's labels row: "Nome dell'articolo"). */
  label?: string;
  /**
   * The listing field the column is read into (`ignore`: not read). null: the format reads it as
   * none of the mappable fields; it is kept with the listing exactly as written (Listing.source).
   */
  mappedTo: MappableField | null;
  /** The seller's mapping (an override of the format's own reading, or a generic CSV mapping), not the format's. */
  chosen: boolean;
  samples: string[];
}

/** How rows without an id or SKU find a stored listing: 'key' never (they are new), 'title' by exact title. */
export const matchBySchema = z.enum(['key', 'title']);
export type MatchBy = z.infer<typeof matchBySchema>;

/** A currency the file suggests without stating it per price (a marketplace id, a site, a market column). */
export interface CurrencyHint {
  code: string;
  /** What in the file says so, for the seller: "Amazon marketplace: United Kingdom". */
  reason: string;
  /**
   * Weaker evidence (a Shopify store's primary market: its currency may be set apart from its
   * country): offered to the seller, never used until they choose it (the wizard does not pre-fill
   * it, the CLI names it and still asks for --currency).
   */
  toConfirm?: boolean;
}

/** For a file without id or SKU columns: how many of its listings share their exact title with one stored listing. */
export interface TitleMatchCount {
  /** Listings whose exact title is the title of exactly one stored listing of their marketplace. */
  matching: number;
  /** Listings counted. */
  checked: number;
  /** 'file': every listing of the file was counted; 'preview': only the previewed ones (the file is too large to read twice). */
  scope: 'file' | 'preview';
}

/** A listing as the import will store it, shown in the wizard before anything is written. */
export interface PreviewListing {
  line: number;
  title: string;
  sku: string | null;
  priceMinor: number | null;
  currency: string;
  /** The file states this listing's currency (false: it took the import's default currency). */
  currencyFromFile: boolean;
  quantity: number | null;
  tags: string[];
  images: number;
  variants: number;
  marketplace: string;
  /** The import (matching by title) will update the stored listing with this exact title instead of adding one. */
  matchedByTitle: boolean;
}

/**
 * What a report's row numbers count: a table's lines (1-based, as a text editor shows them), or the
 * items of an XML feed or a JSON array (1-based), which need not stand on lines of their own.
 */
export type RowUnit = 'line' | 'item';

export interface RowProblem {
  /** Where in the file: its line, or its item number when the report's `rowUnit` is 'item'. */
  line: number;
  /** Header of the offending column, if one. */
  column: string | null;
  message: string;
}

export interface ImportPreview {
  fileId: string;
  fileName: string;
  sizeBytes: number;
  encoding: TextEncoding;
  /** E.g. "Not valid UTF-8: read as Windows-1252 (check accented letters below)". */
  encodingNote: string | null;
  /** Which sheet of an Excel workbook or which file of a ZIP archive was read, e.g. `Excel workbook, sheet "Template" (of 3 sheets: …)`; null: a plain file. */
  containerNote: string | null;
  dialect: ImportDialect;
  /** 0–1. */
  confidence: number;
  candidates: { dialect: ImportDialect; confidence: number }[];
  delimiter: string | null;
  /** File line of the header row (after any preamble). */
  headerLine: number | null;
  /** What the previewed listings' and problems' row numbers count (see RowUnit). */
  rowUnit: RowUnit;
  columns: PreviewColumn[];
  listings: PreviewListing[];
  /** The currency listings get when the file states none (the request's, else FALLBACK_CURRENCY). */
  defaultCurrency: string;
  /**
   * Every previewed listing's currency comes from the file (a currency column, or a code or symbol
   * next to the amount such as "12.00 EUR" or "€12"), so the default changes nothing in the preview.
   * A bare "$" or "¥" does not count: several currencies write it.
   */
  currencyInFile: boolean;
  /** A currency the file suggests (the wizard pre-fills it when the file states none), or null. */
  currencyHint: CurrencyHint | null;
  /** The fields a column of this format can be mapped to (`--map` on the CLI, "Import as" in the wizard). */
  mappableFields: MappableField[];
  /** How listings without id or SKU will be matched (the request's, else 'key'). */
  matchBy: MatchBy;
  /** Set when no previewed listing has an id or SKU: what matching by title would match. */
  titleMatch: TitleMatchCount | null;
  problems: RowProblem[];
  warnings: RowProblem[];
}

/**
 * Where every data row of an imported file went; the six numbers add up to `dataRows`.
 * A listing's first row counts as new, updated or unchanged; its other rows (variants, extra
 * images) as part of it.
 */
export interface ImportRowTally {
  /** Rows that created a listing. */
  new: number;
  /** Rows that changed a listing already in the catalog. */
  updated: number;
  /** Rows of listings already in the catalog exactly as the file has them. */
  unchanged: number;
  /** Variant and image rows of the listing above them (Shopify variant rows, eBay variation rows…). */
  partOf: number;
  /** Rows naming a listing an earlier row of the file already named (same id or SKU): merged into that one (warnings name both lines). */
  merged: number;
  /** Rows not imported (errors say why). */
  rejected: number;
}

/** How an import decided its listings' currency. */
export interface ImportCurrencyNote {
  /** The currency of listings whose file states none. */
  defaultCurrency: string;
  /** chosen: the seller picked it (wizard, --currency); hint: read from the file (Amazon marketplace, Shopify market); fallback: neither. */
  origin: 'chosen' | 'hint' | 'fallback';
  /** Listings whose currency the file states (a currency column, or a code or symbol with the price). */
  fromFile: number;
  /** fromFile by currency (reports saved before this was counted lack it). */
  fileCurrencies?: Record<string, number>;
  /** Listings that took `defaultCurrency`. */
  fromDefault: number;
}

export interface ImportReport {
  importId: number;
  fileName: string;
  dialect: ImportDialect;
  encoding: TextEncoding;
  /** As ImportPreview's: which sheet or archived file was read (reports saved before this was kept lack it). */
  containerNote?: string | null;
  /** Data rows in the file (not preamble/header/blank lines). */
  dataRows: number;
  /** What the row numbers of `errors` and `warnings` count: lines, or an XML feed's or JSON array's items. */
  rowUnit: RowUnit;
  /** Listings. */
  imported: number;
  updated: number;
  unchanged: number;
  /** Rows. */
  rejected: number;
  /** Where each data row went (adds up to dataRows). */
  rows: ImportRowTally;
  /** Variants of the listings this import created or changed. */
  variants: number;
  currency: ImportCurrencyNote;
  /** The undoable change set of this import (null: it changed nothing). */
  changeSetId: number | null;
  errors: RowProblem[];
  warnings: RowProblem[];
  /** Ids of the listings this import created or updated (capped), for "show in grid". */
  listingIds: number[];
  cancelled: boolean;
  startedAt: number;
  finishedAt: number;
}

export const EXPORT_FORMATS = ['shopify', 'shopify_legacy', 'etsy', 'ebay_seller_hub', 'amazon_flat_file', 'woocommerce', 'google_merchant', 'google_merchant_xml', 'jsonl'] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  shopify: 'Shopify (2024/25 headers)',
  shopify_legacy: 'Shopify (legacy 2019–2023 headers)',
  etsy: 'Etsy CSV',
  ebay_seller_hub: 'eBay Seller Hub upload',
  amazon_flat_file: 'Amazon flat file (subset)',
  woocommerce: 'WooCommerce CSV',
  google_merchant: 'Google Merchant (TSV)',
  google_merchant_xml: 'Google Merchant (XML feed: keeps line breaks)',
  jsonl: 'JSON Lines',
};

/** One file an export writes (or would write), and why it is a file of its own. */
export interface ExportFilePlan {
  fileName: string;
  /** Listings in this file. */
  rows: number;
  /** What sets it apart: its layout (eBay site…) and the columns its listings lack. */
  note: string;
}

export interface ExportFile extends ExportFilePlan {
  path: string;
  /** The staged file to download (/files/<fileId>), when the export ran in the app. */
  fileId?: string;
}

export interface ExportSummary {
  format: ExportFormat;
  /** Listings written, over all files. */
  rows: number;
  /** Listings left out, with why. */
  skipped: number;
  problems: RowProblem[];
  /** The first file's path (files[0].path). */
  path: string;
  /** Every file written: one per column set (listings lacking a column get a file without it) or layout (eBay site). */
  files: ExportFile[];
}
