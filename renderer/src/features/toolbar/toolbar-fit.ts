/**
 * How many toolbar items fit in a row, in order, leaving room for the "More" button when some do
 * not. Pure (unit-tested); the toolbar measures and calls it on every resize.
 *
 * `available`: the width left for the items after the fixed parts (brand, search at its minimum,
 * total). Every item costs its width plus one `gap`; so does the More button when it is needed.
 */
export function fittingItemCount(available: number, itemWidths: readonly number[], gap: number, moreWidth: number): number {
  let all = 0;
  for (const width of itemWidths) all += width + gap;
  if (all <= available) return itemWidths.length;
  let used = moreWidth + gap;
  let count = 0;
  for (const width of itemWidths) {
    if (used + width + gap > available) break;
    used += width + gap;
    count++;
  }
  return count;
}
