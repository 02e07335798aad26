import type { ListingChanges } from '../../../../common/edit-types.js';
import type { GridRow, Listing, Marketplace } from '../../../../common/listing.js';
import { countCharacters, evaluateField, evaluateListing, fieldLimit, type FieldLimit, type Issue } from '../../../../common/rules/index.js';
import { formatPriceInput, parsePriceInput } from './field-parsing.js';

/* ----------------------------------------------------------------------------------------------
 * Inline editing of one grid cell (title or price). Pure helpers, unit-tested; the store slice
 * lives in inline-edit-slice.ts. The draft is kept in the store, not in the input, so it survives the row
 * being scrolled out of view and back (virtualized rows unmount).
 * -------------------------------------------------------------------------------------------- */

export type InlineField = 'title' | 'price';

export interface InlineEdit {
  id: number;
  /** Row position when the edit started (the row may move after a refresh; `id` is what counts). */
  index: number;
  field: InlineField;
  marketplace: Marketplace;
  currency: string;
  /** The row's `updatedAt` when the edit started: sent as `expectedUpdatedAt` (conflict check). */
  expectedUpdatedAt: number;
  /** The value as shown when the edit started, as text. */
  original: string;
  /** What the seller typed. */
  text: string;
  saving: boolean;
  /** The core's (or the parser's) message: shown at the input; nothing was changed. */
  error: string | null;
}

export function startEdit(row: GridRow, index: number, field: InlineField): InlineEdit {
  const original = field === 'title' ? row.title : formatPriceInput(row.priceMinor, row.currency);
  return {
    id: row.id,
    index,
    field,
    marketplace: row.marketplace,
    currency: row.currency,
    expectedUpdatedAt: row.updatedAt,
    original,
    text: original,
    saving: false,
    error: null,
  };
}

export type InlineChanges = { ok: true; changes: ListingChanges | null } | { ok: false; message: string };

/** The `listing.update` changes for what was typed: null when nothing changed. */
export function inlineChanges(edit: Pick<InlineEdit, 'field' | 'text' | 'original' | 'currency'>): InlineChanges {
  if (edit.text === edit.original) return { ok: true, changes: null };
  if (edit.field === 'title') return { ok: true, changes: { title: edit.text } };
  const parsed = parsePriceInput(edit.text, edit.currency);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const before = parsePriceInput(edit.original, edit.currency);
  if (before.ok && before.value === parsed.value) return { ok: true, changes: null };
  return { ok: true, changes: { priceMinor: parsed.value } };
}

export interface InlineCheck {
  /** Characters typed (titles), null for prices. */
  count: number | null;
  limit: FieldLimit | null;
  issues: Issue[];
  /** What was typed cannot be sent (e.g. a price that is not a number): the parser's message. */
  problem: string | null;
}

/** The live feedback under the input: counter against the marketplace's limit and its rules' issues. */
export function checkInline(edit: Pick<InlineEdit, 'field' | 'text' | 'currency' | 'marketplace'>): InlineCheck {
  if (edit.field === 'title') {
    return {
      count: countCharacters(edit.text),
      limit: fieldLimit(edit.marketplace, 'title'),
      issues: evaluateField('title', edit.text, edit.marketplace),
      problem: null,
    };
  }
  const parsed = parsePriceInput(edit.text, edit.currency);
  if (!parsed.ok) return { count: null, limit: null, issues: [], problem: parsed.message };
  return { count: null, limit: null, issues: evaluateField('price', parsed.value, edit.marketplace), problem: null };
}

/** The grid row for a listing as saved (score and errors recomputed by the same engine as the core). */
export function rowFromListing(row: GridRow, listing: Listing): GridRow {
  const result = evaluateListing(listing, listing.marketplace);
  return {
    ...row,
    marketplace: listing.marketplace,
    sku: listing.sku,
    title: listing.title,
    priceMinor: listing.priceMinor,
    currency: listing.currency,
    quantity: listing.quantity,
    status: listing.status,
    variantCount: listing.variants.length,
    updatedAt: listing.updatedAt,
    score: result.score,
    errors: result.errors,
  };
}
