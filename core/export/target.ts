import type { EbaySiteCode } from '../../common/ebay-sites.js';
import type { ExportFormat, RowProblem } from '../../common/import-types.js';
import type { Listing, Variant } from '../../common/listing.js';

/**
 * One cell as a format produces it (docs/FIDELITY.md §4):
 * - a string or number: the value;
 * - `''`: the field is known to be empty (the file had the column blank, or the seller cleared it):
 *   written blank;
 * - `null`: the listing LACKS this field (never imported: `source.unknown`). A blank would erase
 *   the value on the marketplace, so the listing goes to a file without this column (plan.ts),
 *   unless the row says a blank leaves the value unchanged (`blankKeeps`);
 * - `undefined`, or the key absent: not applicable on this row (a Shopify variant row's product
 *   fields, a simple product's Parent), where a blank is the format's normal, harmless spelling.
 */
export type Cell = string | number | null | undefined;

export interface OutputRow {
  cells: Record<string, Cell>;
  /**
   * A blank on this row leaves the marketplace's value as it is (Amazon `PartialUpdate`, an eBay
   * `Revise`, a new eBay draft): a lacking cell is written blank instead of splitting the file.
   */
  blankKeeps?: boolean;
  /** The listing's own row (product fields): its kept source columns are written here. */
  listingRow?: boolean;
  /** The variant this row writes: that variant's kept columns are written here. */
  variant?: Variant;
  /**
   * The variant's kept columns replace the row's values (a Google item group: each item kept the
   * fields that differed from the group's first item, which the listing's values stand for).
   */
  variantColumnsWin?: boolean;
  /** The image URL this row writes: that image's kept columns (Shopify `Image Alt Text`) are written here. */
  image?: string;
  /** Keys whose cells are kept source text, written as the file had them (text even in a number column). */
  verbatim?: Set<string>;
}

export interface Column {
  key: string;
  header: string;
  /** Numbers are validated and written plainly (never prefixed against spreadsheet formulas). */
  type: 'text' | 'number';
  /** Written even when no listing holds a value (structural columns: handle, action, ID…). */
  always?: boolean;
  /**
   * The format fills it with a default the listing does not model (Shopify's inventory tracker,
   * eBay's Format): a value kept from the listing's own source file under the same header wins.
   */
  derived?: boolean;
}

/** A change the export makes to fit the format (shortened, dropped), shown before writing. */
export interface Change {
  column: string | null;
  message: string;
}

export type Refusal = { ok: false; reason: string; column: string | null };
export type Checked = { ok: true; listing: Listing; changes: Change[] } | Refusal;

/** Export-wide notes a format collects over its listings (eBay: columns not uploadable, the site choice). */
export interface ExportNotes {
  add(listing: Listing, settings: ExportSettings): void;
  notes(): RowProblem[];
  /** EUR listings that name no eBay site, and the site they go to. */
  ebaySiteChoice?(settings: ExportSettings): { listings: number; site: EbaySiteCode } | null;
}

/** Choices the seller makes for an export (the dialog, the CLI). */
export interface ExportSettings {
  /** The eBay site of EUR listings whose source names none. */
  ebaySite?: EbaySiteCode;
}

export interface ExportTarget {
  format: ExportFormat;
  /** csv = comma-separated (RFC 4180, CRLF); tsv = tab-separated; xml = a Google RSS feed (xml-feed.ts); jsonl = one JSON object per line. */
  kind: 'csv' | 'tsv' | 'xml' | 'jsonl';
  /** UTF-8 byte order mark first, so Excel reads UTF-8 instead of the ANSI code page. */
  bom: boolean;
  extension: 'csv' | 'tsv' | 'xml' | 'jsonl';
  /**
   * Columns in file order. Rows may also use `@<header>` keys (kept-columns.ts): columns named by
   * data — kept source columns, eBay `C:` item specifics — written after these, in first-seen order.
   */
  columns: readonly Column[];
  /** The key of the column that writes the listing's status: its kept source status word goes there. */
  statusKey?: string;
  /** Other headers that name the format's own columns (another header generation's): header → column key. */
  aliases?: Readonly<Record<string, string>>;
  /**
   * Where a listing goes when one format has several file layouts (Shopify's two header
   * generations, one eBay file per site): the layout's target, or why the listing cannot go.
   * Listings of different layouts are written to different files. Absent: this target.
   */
  route?(listing: Listing, settings: ExportSettings): ExportTarget | Refusal;
  /** This layout's part of a file name and its description, when the format has several (`uk`, "eBay UK (GBP)"). */
  layout?: { id: string; fileLabel: string; description: string };
  /** Validates against the marketplace's hard limits; may return a fitted copy with its changes. */
  check(listing: Listing): Checked;
  rows(listing: Listing): OutputRow[];
  /** Kept source columns that must not go back into this format's files (eBay report-only columns). */
  uploadable?(header: string, listing: Listing): boolean;
  /** A collector of export-wide notes, one per export. */
  notes?(): ExportNotes;
  /**
   * The keys the marketplace identifies this listing's items by (WooCommerce and Amazon SKUs, a
   * Shopify handle, Google ids): two listings with one key would be merged on upload, so the later
   * one is skipped and says why. `noteOnly`: the file still carries both (an Etsy CSV or an eBay
   * draft without its item number, where a SKU is only how a re-import matches), with a note.
   */
  keys?(listing: Listing): { column: string; values: string[]; marketplace: string; noteOnly?: boolean };
}
