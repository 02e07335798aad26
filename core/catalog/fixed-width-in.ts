/**
 * One prepared `IN (…)` of fixed width serves every chunk of ids: a short chunk is padded with its
 * first id (a duplicate in IN (…) matches nothing extra), so SQLite's statement cache holds one
 * statement per width instead of one per chunk length.
 */

/** `?, ?, …` — `width` placeholders. */
export function placeholders(width: number): string {
  return Array<string>(width).fill('?').join(', ');
}

/** `ids` padded to `width` with its first id; `ids` must be non-empty and at most `width` long. */
export function padIds(ids: readonly number[], width: number): readonly number[] {
  if (ids.length === 0 || ids.length > width) throw new RangeError(`padIds: ${ids.length} ids for a width of ${width}`);
  return ids.length === width ? ids : ids.concat(Array<number>(width - ids.length).fill(ids[0]!));
}
