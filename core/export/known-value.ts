import type { Listing, SourceField } from '../../common/listing.js';

/**
 * The one decision between "known empty" and "unknown" (docs/FIDELITY.md §4), used by every
 * format's rows(): a value is written as it is; a missing one (`null`, `undefined`, `''`) is `''`
 * — known to be empty, written blank — unless the field is in `listing.source.unknown` (the file
 * it came from had no column for it), where it is `null`: the listing lacks it, and a blank would
 * erase what the marketplace has. Listings without a source were made in Listsmith: every field
 * is known.
 */
export function valueOrUnknown<T extends string | number>(listing: Listing, field: SourceField, value: T | null | undefined): T | '' | null {
  if (value !== null && value !== undefined && value !== '') return value;
  return isUnknown(listing, field) ? null : '';
}

/** A list joined for one cell (`null` when the list is empty), through valueOrUnknown. */
export function listOrUnknown(listing: Listing, field: SourceField, items: readonly string[], separator: string): string | null {
  return valueOrUnknown(listing, field, items.length > 0 ? items.join(separator) : null);
}

export function isUnknown(listing: Listing, field: SourceField): boolean {
  return listing.source?.unknown?.includes(field) ?? false;
}
