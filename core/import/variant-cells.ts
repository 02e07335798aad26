/**
 * A variation row's own untouched cells (Variant.columns): the non-empty ones that differ from its
 * listing row's, by header. The cells it shares with the listing row are the listing's already, so
 * a variant keeps only what is its own (its UPC, its title, its sold count…), exactly as written.
 * `skip`: the columns the variant's own fields were read from (SKU, price, stock, options…).
 */
export function ownCells(cells: readonly string[], listingCells: readonly string[], header: readonly string[], skip: ReadonlySet<number>): Record<string, string> | undefined {
  const own: Record<string, string> = {};
  cells.forEach((value, i) => {
    const name = header[i];
    if (name === undefined || skip.has(i) || value.trim() === '' || value === listingCells[i]) return;
    own[name] = value;
  });
  return Object.keys(own).length > 0 ? own : undefined;
}
