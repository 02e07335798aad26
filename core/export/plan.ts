import type { ExportPreview } from '../../common/contract.js';
import type { RowProblem } from '../../common/import-types.js';
import type { Listing } from '../../common/listing.js';
import { isPlainNumber } from './cells.js';
import { listingLabel } from './formats/shared.js';
import type { Change, Column, ExportTarget, OutputRow } from './target.js';

/** Previews list at most this many problems of each kind (the counts are exact). */
export const MAX_LISTED = 200;

export type Prepared = { ok: true; listing: Listing; rows: OutputRow[]; changes: Change[] } | { ok: false; reason: string; column: string | null };

/** check() + rows() + the numeric-column guard: what both passes (plan and write) run per listing. */
export function prepareListing(target: ExportTarget, columnsByKey: ReadonlyMap<string, Column>, listing: Listing): Prepared {
  const checked = target.check(listing);
  if (!checked.ok) return checked;
  const rows = target.rows(checked.listing);
  for (const row of rows) {
    for (const [key, value] of Object.entries(row.cells)) {
      if (value === null || value === undefined) continue;
      const column = columnsByKey.get(key) ?? target.dynamicColumn?.(key) ?? null;
      if (column?.type === 'number' && !isPlainNumber(value)) {
        return { ok: false, column: column.header, reason: `"${String(value)}" in ${column.header} is not a number.` };
      }
    }
  }
  return { ok: true, listing: checked.listing, rows, changes: checked.changes };
}

/**
 * The never-blank rule, decided over every listing before a byte is written.
 *
 * Shopify (and Matrixify, and WooCommerce/Amazon in update mode) read a blank cell as "delete
 * this value". The catalog cannot tell "this listing has no brand" from "we never learned its
 * brand", so a blank could erase data the seller has on the marketplace. Therefore a column is
 * written only when EVERY exported listing holds a value for it wherever it applies; a field held
 * by some listings but not all is left out of the file entirely, and the preview says which
 * column, how many listings hold it, and how to include it (export the listings that have it on
 * their own, e.g. with a filter). Blanks that remain are structural and harmless: product fields
 * on a Shopify group's later rows, a simple product's Parent, IMAGE3 of a listing with two
 * images, a variation without its own image.
 */
export class ColumnPlanner {
  private readonly staticKeys: ReadonlySet<string>;
  readonly columnsByKey: ReadonlyMap<string, Column>;
  private readonly holding = new Map<string, number>();
  private readonly lacking = new Map<string, number>();
  private readonly dynamic: Column[] = [];
  exported = 0;

  constructor(private readonly target: ExportTarget) {
    this.columnsByKey = new Map(target.columns.map((column) => [column.key, column]));
    this.staticKeys = new Set(this.columnsByKey.keys());
  }

  add(rows: readonly OutputRow[]): void {
    this.exported++;
    const held = new Set<string>();
    const lacks = new Set<string>();
    for (const row of rows) {
      if (!row.partial) for (const key of this.staticKeys) if (!(key in row.cells)) lacks.add(key);
      for (const [key, value] of Object.entries(row.cells)) {
        if (!this.staticKeys.has(key) && !this.dynamic.some((column) => column.key === key)) {
          const column = this.target.dynamicColumn?.(key);
          if (column) this.dynamic.push(column);
        }
        if (value === null) lacks.add(key);
        else if (value !== undefined) held.add(key);
      }
    }
    for (const key of held) this.holding.set(key, (this.holding.get(key) ?? 0) + 1);
    for (const key of lacks) this.lacking.set(key, (this.lacking.get(key) ?? 0) + 1);
  }

  /** The columns to write, in order, and a note for each one left out although some listings hold it. */
  result(marketplace: string): { columns: Column[]; notes: RowProblem[] } {
    const columns: Column[] = [];
    const notes: RowProblem[] = [];
    const consider = (column: Column, isDynamic: boolean): void => {
      const held = this.holding.get(column.key) ?? 0;
      const lacking = isDynamic ? this.exported - held : (this.lacking.get(column.key) ?? 0);
      if (column.always || (held > 0 && lacking === 0)) {
        columns.push(column);
      } else if (held > 0) {
        notes.push({
          line: 0,
          column: column.header,
          message:
            `Column "${column.header}" is left out: ${lacking.toLocaleString('en-US')} of ${this.exported.toLocaleString('en-US')} listings have no value for it, ` +
            `and a blank cell would erase the value on ${marketplace}. To include it, export the ${(this.exported - lacking).toLocaleString('en-US')} listings that have it on their own.`,
        });
      }
    };
    for (const column of this.target.columns) consider(column, false);
    for (const column of this.dynamic) consider(column, true);
    return { columns, notes };
  }
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

export function toPreview(exported: number, skipped: ProblemList, changed: ProblemList, notes: readonly RowProblem[]): ExportPreview {
  return {
    rows: exported,
    skipped: skipped.items,
    skippedCount: skipped.count,
    // File-level notes (columns left out) first: they concern every listing.
    changed: [...notes, ...changed.items].slice(0, MAX_LISTED),
    changedCount: notes.length + changed.count,
  };
}
