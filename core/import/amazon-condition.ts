/**
 * Amazon's item conditions, three spellings of one list: the All Listings report's
 * `item-condition` number, the flat file's `condition_type` token (`UsedVeryGood`), and the name
 * Seller Central shows ("Used - Very Good"), which is what Listsmith stores. Reading either file
 * gives the name; the flat-file export writes the token back, so Amazon gets a value it accepts and
 * a flat file goes out as it came in. A value in none of these lists (`new_new`, `9`) stays as written.
 */

const CONDITIONS: readonly (readonly [number, string, string])[] = [
  [1, 'UsedLikeNew', 'Used - Like New'],
  [2, 'UsedVeryGood', 'Used - Very Good'],
  [3, 'UsedGood', 'Used - Good'],
  [4, 'UsedAcceptable', 'Used - Acceptable'],
  [5, 'CollectibleLikeNew', 'Collectible - Like New'],
  [6, 'CollectibleVeryGood', 'Collectible - Very Good'],
  [7, 'CollectibleGood', 'Collectible - Good'],
  [8, 'CollectibleAcceptable', 'Collectible - Acceptable'],
  [10, 'Refurbished', 'Refurbished'],
  [11, 'New', 'New'],
];

/** The condition an All Listings `item-condition` cell names, or the cell as written. */
export function conditionFromReport(cell: string): string {
  return CONDITIONS.find(([n]) => String(n) === cell.trim())?.[2] ?? cell;
}

/** The condition a flat file's `condition_type` token names (exact spelling only), or the cell as written. */
export function conditionFromToken(cell: string): string {
  return CONDITIONS.find(([, token]) => token === cell.trim())?.[2] ?? cell;
}

/** The flat-file token for a condition name, or the condition as it is. */
export function conditionToken(condition: string): string {
  return CONDITIONS.find(([, , name]) => name === condition)?.[1] ?? condition;
}
