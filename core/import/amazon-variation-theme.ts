import { Columns } from './listing-draft.js';

/**
 * Amazon's `variation_theme` names the columns a child row's options are in, spelled many ways
 * across templates and years: `SizeColor`, `Size-Color`, `SizeName-ColorName`,
 * `color_name-size_name`, `SIZE/COLOR`, `MetalType-RingSize`, `ItemPackageQuantity`. Each part is
 * matched against the file's own columns (`size_name`, `color_name`, `metal_type`, `ring_size`…),
 * longest name first, so `SizeColor` finds `size_name` then `color_name`.
 */

/** Columns that describe a dimension but never hold an option value. */
const NOT_OPTIONS = /(_map|unit_of_measure|_uom)$|^(parent|relationship|variation)_/;

/** Squashes a name for matching: lower case, letters and digits only, British spellings folded. */
function squash(text: string): string {
  return text.toLowerCase().replace(/colour/g, 'color').replace(/flavour/g, 'flavor').replace(/[^a-z0-9]/g, '');
}

/** Column indexes of the theme's dimensions, in the theme's order; empty when nothing matches. */
export function themeColumns(theme: string, header: readonly string[]): number[] {
  const candidates = new Map<string, number>();
  header.forEach((name, i) => {
    const key = Columns.key(name);
    if (NOT_OPTIONS.test(key)) return;
    const squashed = squash(key);
    if (squashed !== '' && !candidates.has(squashed)) candidates.set(squashed, i);
  });
  // `size_name` also answers to `Size`, `color_name` to `Color`, unless a column is named that.
  header.forEach((name, i) => {
    const key = Columns.key(name);
    if (NOT_OPTIONS.test(key) || !key.endsWith('_name')) return;
    const short = squash(key.slice(0, -'_name'.length));
    if (short !== '' && !candidates.has(short)) candidates.set(short, i);
  });
  const byLength = [...candidates.keys()].sort((a, b) => b.length - a.length);
  const found: number[] = [];
  for (const part of theme.split(/[-/|,\s]+/)) {
    let rest = squash(part);
    while (rest !== '') {
      const match = byLength.find((key) => rest.startsWith(key));
      if (match === undefined) break;
      const index = candidates.get(match)!;
      if (!found.includes(index)) found.push(index);
      rest = rest.slice(match.length);
    }
  }
  return found;
}

/** The option name a theme column gives its values: `size_name` → Size, `metal_type` → Metal type. */
export function optionName(column: string): string {
  const words = column.trim().replace(/_name$/i, '').replace(/[_\s]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
