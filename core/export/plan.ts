import type { ExportPreview } from '../../common/contract.js';
import type { RowProblem } from '../../common/import-types.js';
import type { Listing } from '../../common/listing.js';
import { isPlainNumber } from './cells.js';
import { listingLabel } from './formats/shared.js';
import { KEPT_KEY, keptColumn, withKeptColumns } from './kept-columns.js';
import type { Change, Column, ExportSettings, ExportTarget, OutputRow, Refusal } from './target.js';

/** Previews list at most this many problems of each kind (the counts are exact). */
export const MAX_LISTED = 200;

export type Prepared =
  | {
      ok: true;
      listing: Listing;
      /** The layout it is written with (Shopify header generation, eBay site). */
      target: ExportTarget;
      rows: OutputRow[];
      changes: Change[];
      /** Keys of the columns this listing lacks (null cells), sorted: listings lacking the same ones share a file. */
      lacking: string[];
    }
  | Refusal;

/**
 * The keys claimed so far in one pass of an export (key → the listing that holds it). Both passes
 * meet listings in the same order, so both skip the same ones.
 */
export type KeyClaims = Map<string, Listing>;

/**
 * route() + check() + unique keys + rows() + kept columns + the numeric-column guard: what both
 * passes (plan and write) run per listing, so both see the same rows.
 */
export function prepareListing(format: ExportTarget, listing: Listing, settings: ExportSettings, claims: KeyClaims): Prepared {
  const routed = format.route ? format.route(listing, settings) : format;
  if ('ok' in routed) return routed;
  const target = routed;
  const checked = target.check(listing);
  if (!checked.ok) return checked;
  const taken = claimKeys(target, checked.listing, claims);
  if (taken && 'ok' in taken) return taken;
  const changes = taken ? [...checked.changes, taken] : checked.changes;
  const rows = withKeptColumns(target, checked.listing, target.rows(checked.listing));
  const lacking = new Set<string>();
  for (const row of rows) {
    // for…in, not Object.entries: this runs for every cell of every listing, twice per export.
    for (const key in row.cells) {
      const value = row.cells[key];
      if (value === null) {
        if (!row.blankKeeps) lacking.add(key);
        continue;
      }
      if (value === undefined || value === '' || row.verbatim?.has(key)) continue;
      const column = columnOf(target, key);
      if (column?.type === 'number' && !isPlainNumber(value)) {
        return { ok: false, column: column.header, reason: `"${String(value)}" in ${column.header} is not a number.` };
      }
    }
  }
  return { ok: true, listing: checked.listing, target, rows, changes, lacking: [...lacking].sort() };
}

/**
 * Claims the listing's keys, or says which listing already holds one (nothing is claimed then):
 * a refusal, or for `noteOnly` keys a change noting that reading the file back would merge them.
 */
function claimKeys(target: ExportTarget, listing: Listing, claims: KeyClaims): Refusal | Change | null {
  const keys = target.keys?.(listing);
  if (!keys) return null;
  const values = keys.values.filter((value) => value.trim() !== '');
  for (const value of values) {
    const holder = claims.get(value.trim().toLowerCase());
    if (holder !== undefined && holder.id !== listing.id) {
      if (keys.noteOnly) return { column: keys.column, message: `Its ${keys.column} "${value}" is also that of ${listingLabel(holder)}: both are written, but importing this file again would take them for one listing. Give one of them another ${keys.column}.` };
      return { ok: false, column: keys.column, reason: `Its ${keys.column} "${value}" is also that of ${listingLabel(holder)}; ${keys.marketplace} would merge the two into one item. Give one of them another ${keys.column}.` };
    }
  }
  for (const value of values) claims.set(value.trim().toLowerCase(), listing);
  return null;
}

const columnsByKey = new WeakMap<ExportTarget, Map<string, Column>>();

/** The format's column for a cell key, or the kept / data-named column it stands for. */
export function columnOf(target: ExportTarget, key: string): Column | null {
  let columns = columnsByKey.get(target);
  if (!columns) columnsByKey.set(target, (columns = new Map(target.columns.map((column) => [column.key, column]))));
  return columns.get(key) ?? keptColumn(key);
}

function isOwnColumn(target: ExportTarget, key: string): boolean {
  return columnOf(target, key)?.key === key && !key.startsWith(KEPT_KEY);
}

/** One file of an export: its layout, the columns its listings lack, and what it holds. */
export interface PlannedFile {
  /** The partitions (partitionKey) whose listings go to this file. */
  keys: string[];
  target: ExportTarget;
  /** Columns its listings lack that other listings of the same layout hold. */
  lacking: string[];
  listings: number;
  columns: Column[];
  /** The file name's suffix after the export's base name ('' for the first file). */
  suffix: string;
  note: string;
}

interface Partition {
  key: string;
  target: ExportTarget;
  lacking: string[];
  listings: number;
  /** Keys with a value or a known-empty cell somewhere in this partition. */
  holding: Set<string>;
  /** Kept / data-named columns in first-seen order. */
  dynamic: Column[];
  seen: number;
}

/** Partitions written to one file (same target and columns): the partition with all their keys. */
type MergedFile = Omit<Partition, 'key'> & { keys: string[] };

/**
 * The never-blank rule, decided over every listing before a byte is written (docs/FIDELITY.md §4).
 *
 * Shopify (and WooCommerce, Google, Amazon's full `Update`) read a blank cell as "delete this
 * value", so a listing never gets a blank for a field it lacks (`null`: never imported). A column
 * is never left out for every listing because some lack it either: listings are partitioned by
 * the set of columns they lack (and by layout: an eBay site, a Shopify header generation), and
 * each partition is one file with exactly the columns its listings hold. Rows that say a blank
 * leaves the value unchanged (Amazon `PartialUpdate`, eBay `Revise` and new drafts) never lack
 * anything. Blanks that remain are known-empty values or structural (product fields on a Shopify
 * group's later rows, a simple product's Parent, IMAGE3 of a listing with two images).
 */
export class FilePlanner {
  private readonly partitions = new Map<string, Partition>();
  exported = 0;

  add(prepared: Extract<Prepared, { ok: true }>): void {
    this.exported++;
    const key = partitionKey(prepared);
    let partition = this.partitions.get(key);
    if (!partition) {
      partition = { key, target: prepared.target, lacking: prepared.lacking, listings: 0, holding: new Set(), dynamic: [], seen: this.partitions.size };
      this.partitions.set(key, partition);
    }
    partition.listings++;
    for (const row of prepared.rows) {
      for (const cellKey in row.cells) {
        const value = row.cells[cellKey];
        if (value === null || value === undefined || partition.holding.has(cellKey)) continue;
        partition.holding.add(cellKey);
        const kept = isOwnColumn(prepared.target, cellKey) ? null : keptColumn(cellKey);
        if (kept) partition.dynamic.push(kept);
      }
    }
  }

  /**
   * The files, first the one with the fewest lacking columns (then the most listings): it keeps
   * the export's plain name, the others are numbered and say why they are separate. Listings that
   * lack only columns no listing of their layout holds share a file with the others.
   */
  files(marketplace: string): PlannedFile[] {
    const ordered = this.merged().sort((a, b) => a.lacking.length - b.lacking.length || b.listings - a.listings || a.seen - b.seen);
    const mainLayout = ordered[0]?.target.layout?.id;
    return ordered.map((file, index) => {
      const lacking = new Set(file.lacking);
      const columns = [
        ...file.target.columns.filter((column) => !lacking.has(column.key) && (column.always === true || file.holding.has(column.key))),
        ...file.dynamic.filter((column) => !lacking.has(column.key)),
      ];
      // In the format's column order; a data-named column (not among them) last.
      const order = (key: string): number => {
        const index = file.target.columns.findIndex((column) => column.key === key);
        return index < 0 ? Number.MAX_SAFE_INTEGER : index;
      };
      const lackingHeaders = [...file.lacking].sort((a, b) => order(a) - order(b)).map((key) => columnOf(file.target, key)?.header ?? key);
      const layout = file.target.layout;
      const parts = index === 0 ? [] : [String(index + 1)];
      if (index > 0 && layout !== undefined && layout.id !== mainLayout) parts.push(layout.fileLabel);
      if (lackingHeaders.length > 0) parts.push(withoutLabel(lackingHeaders));
      return {
        keys: file.keys,
        target: file.target,
        lacking: file.lacking,
        listings: file.listings,
        columns,
        suffix: parts.length > 0 ? `-${parts.join('-')}` : '',
        note: fileNote(file, lackingHeaders, marketplace),
      };
    });
  }

  /** Partitions regrouped by layout and the lacking columns that matter (those someone of the layout holds). */
  private merged(): MergedFile[] {
    const held = new Map<string, Set<string>>();
    for (const partition of this.partitions.values()) {
      const layout = partition.target.layout?.id ?? '';
      const set = held.get(layout) ?? new Set<string>();
      for (const key of partition.holding) set.add(key);
      held.set(layout, set);
    }
    const files = new Map<string, MergedFile>();
    for (const partition of [...this.partitions.values()].sort((a, b) => a.seen - b.seen)) {
      const layout = partition.target.layout?.id ?? '';
      const lacking = partition.lacking.filter((key) => held.get(layout)!.has(key));
      const key = `${layout}|${lacking.join(',')}`;
      const file = files.get(key);
      if (!file) {
        files.set(key, { keys: [partition.key], target: partition.target, lacking, listings: partition.listings, holding: new Set(partition.holding), dynamic: [...partition.dynamic], seen: partition.seen });
        continue;
      }
      file.keys.push(partition.key);
      file.listings += partition.listings;
      for (const cellKey of partition.holding) file.holding.add(cellKey);
      for (const column of partition.dynamic) if (!file.dynamic.some((known) => known.key === column.key)) file.dynamic.push(column);
    }
    return [...files.values()];
  }
}

export function partitionKey(prepared: Extract<Prepared, { ok: true }>): string {
  return `${prepared.target.layout?.id ?? ''}|${prepared.lacking.join(',')}`;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "without-vendor-type"; many columns: "without-7-columns" (file names stay short). */
function withoutLabel(headers: readonly string[]): string {
  const named = `without-${headers.map(slug).filter((part) => part !== '').join('-')}`;
  return named.length <= 48 ? named : `without-${headers.length}-columns`;
}

const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function fileNote(file: MergedFile, lackingHeaders: readonly string[], marketplace: string): string {
  const one = file.listings === 1;
  const parts = [count(file.listings, 'listing', 'listings')];
  if (file.target.layout && file.target.layout.description !== '') parts.push(file.target.layout.description);
  if (lackingHeaders.length > 0) {
    const names = lackingHeaders.map((header) => `"${header}"`).join(', ');
    parts.push(`without ${names}: ${one ? 'its source file had' : 'their source files had'} no such column, so ${one ? 'its value is' : 'their values are'} unknown, and a blank would erase ${one ? 'it' : 'them'} on ${marketplace}`);
  }
  return parts.join(' · ');
}

/** Collects per-listing problems for a preview or summary: the first MAX_LISTED, and the count. */
export class ProblemList {
  readonly items: RowProblem[] = [];
  count = 0;

  constructor(private readonly max = MAX_LISTED) {}

  add(listing: Listing, column: string | null, message: string): void {
    this.count++;
    if (this.items.length < this.max) this.items.push({ line: listing.id, column, message: `${listingLabel(listing)}: ${message}` });
  }
}

export function toPreview(
  exported: number,
  skipped: ProblemList,
  changed: ProblemList,
  notes: readonly RowProblem[],
  files: ExportPreview['files'],
  ebaySiteChoice: ExportPreview['ebaySiteChoice'],
): ExportPreview {
  return {
    rows: exported,
    skipped: skipped.items,
    skippedCount: skipped.count,
    // File-level notes first: they concern every listing.
    changed: [...notes, ...changed.items].slice(0, MAX_LISTED),
    changedCount: notes.length + changed.count,
    files,
    ebaySiteChoice,
  };
}
