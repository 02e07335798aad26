import type { ListingChanges } from '../../../../common/edit-types.js';
import { FIELD_TITLES } from '../../../../common/edit/field-labels.js';
import { normalizeCurrencyCode } from '../../../../common/edit/currency-digits.js';
import type { Listing, ListingStatus } from '../../../../common/listing.js';
import type { RuleInput } from '../../../../common/rules/index.js';
import { formatPriceInput, parsePriceInput, parseQuantityInput } from './field-parsing.js';

/* ----------------------------------------------------------------------------------------------
 * The detail pane editor's draft (what the seller typed, as typed) and how it turns into the
 * `listing.update` changes: only the fields that changed (pure, unit-tested).
 * -------------------------------------------------------------------------------------------- */

/** What the editor's inputs hold: text exactly as typed (price in major units), lists as items. */
export interface Draft {
  title: string;
  description: string;
  /** Major units as typed ("12.99", "12,99"); '' = no price. */
  price: string;
  currency: string;
  /** Whole number as typed; '' = unknown. */
  quantity: string;
  sku: string;
  brand: string;
  condition: string;
  category: string;
  status: ListingStatus;
  tags: string[];
  materials: string[];
  images: string[];
}
export type DraftField = keyof Draft;

export const DRAFT_FIELDS: readonly DraftField[] = [
  'title',
  'description',
  'price',
  'currency',
  'quantity',
  'sku',
  'brand',
  'condition',
  'category',
  'status',
  'tags',
  'materials',
  'images',
];

export function draftFromListing(listing: Listing): Draft {
  return {
    title: listing.title,
    description: listing.description,
    price: formatPriceInput(listing.priceMinor, listing.currency),
    currency: listing.currency,
    quantity: listing.quantity === null ? '' : String(listing.quantity),
    sku: listing.sku ?? '',
    brand: listing.brand ?? '',
    condition: listing.condition ?? '',
    category: listing.category ?? '',
    status: listing.status,
    tags: [...listing.tags],
    materials: [...listing.materials],
    images: [...listing.images],
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function sameDraftValue(a: Draft[DraftField], b: Draft[DraftField]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return sameList(a, b);
  return a === b;
}

/** Draft fields that differ (as typed) from `reference`. */
export function changedDraftFields(reference: Draft, draft: Draft): DraftField[] {
  return DRAFT_FIELDS.filter((f) => !sameDraftValue(reference[f], draft[f]));
}

/** Optional short text: trimmed, '' → null. */
function optionalText(value: string | null): string | null {
  const t = (value ?? '').trim();
  return t === '' ? null : t;
}

export interface DraftDiff {
  /** Exactly the fields to send to `listing.update`. */
  changes: ListingChanges;
  /** Fields whose input cannot be saved as typed, with what to do. */
  problems: Partial<Record<DraftField, string>>;
}

/** What saving `draft` would change on `base` — only real changes ("12.5" for 1250 is none). */
export function diffDraft(base: Listing, draft: Draft): DraftDiff {
  const changes: ListingChanges = {};
  const problems: Partial<Record<DraftField, string>> = {};
  if (draft.title !== base.title) changes.title = draft.title;
  if (draft.description !== base.description) changes.description = draft.description;

  const currency = normalizeCurrencyCode(draft.currency);
  if (!/^[A-Z]{3}$/.test(currency)) problems.currency = 'A currency is a three-letter code such as USD or EUR.';
  else if (currency !== base.currency) changes.currency = currency;

  const price = parsePriceInput(draft.price, problems.currency === undefined ? currency : base.currency);
  if (!price.ok) problems.price = price.message;
  else if (price.value !== base.priceMinor) changes.priceMinor = price.value;

  const quantity = parseQuantityInput(draft.quantity);
  if (!quantity.ok) problems.quantity = quantity.message;
  else if (quantity.value !== base.quantity) changes.quantity = quantity.value;

  for (const field of ['sku', 'brand', 'condition', 'category'] as const) {
    const next = optionalText(draft[field]);
    if (next !== optionalText(base[field])) {
      if (next !== null && next.length > 500) problems[field] = `${FIELD_TITLES[field]} is at most 500 characters.`;
      else changes[field] = next;
    }
  }
  if (draft.status !== base.status) changes.status = draft.status;
  for (const field of ['tags', 'materials', 'images'] as const) {
    if (!sameList(draft[field], base[field])) changes[field] = [...draft[field]];
  }
  return { changes, problems };
}

export function isDirty(diff: DraftDiff): boolean {
  return Object.keys(diff.changes).length > 0 || Object.keys(diff.problems).length > 0;
}

/** The listing as the rules engine should see it while the seller types. */
export function ruleInputOf(base: Listing, draft: Draft): RuleInput {
  const currency = normalizeCurrencyCode(draft.currency);
  const price = parsePriceInput(draft.price, /^[A-Z]{3}$/.test(currency) ? currency : base.currency);
  const quantity = parseQuantityInput(draft.quantity);
  return {
    title: draft.title,
    description: draft.description,
    tags: draft.tags,
    materials: draft.materials,
    images: draft.images,
    priceMinor: price.ok ? price.value : base.priceMinor,
    quantity: quantity.ok ? quantity.value : base.quantity,
    sku: optionalText(draft.sku),
    brand: optionalText(draft.brand),
    condition: optionalText(draft.condition),
    attributes: base.attributes,
  };
}
