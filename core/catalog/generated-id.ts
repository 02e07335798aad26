/**
 * The id an export gives a listing that has none where the format requires one (a Google feed's
 * `id`): `LS-<catalog id>`. Reading such a file back into the same catalog finds the listing again
 * by it (core/import/apply-import.ts) instead of adding it twice.
 */
export function generatedListingId(id: number): string {
  return `LS-${id}`;
}

/** The catalog id in a generated id, or null. */
export function idFromGenerated(text: string): number | null {
  const match = /^LS-(\d{1,15})$/.exec(text);
  return match ? Number(match[1]) : null;
}
