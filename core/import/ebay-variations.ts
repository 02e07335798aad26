import type { VariantOption } from '../../common/listing.js';

/**
 * eBay's variation notation, shared by the listing report (`Variation details`) and Seller Hub /
 * File Exchange uploads (`RelationshipDetails`): dimensions separated by `|`, a dimension's name
 * and values by `=`, values by `;`. A listing's own row lists every value
 * (`Size=S;M;L|Color=Red;Blue`), each variation row its own (`Size=S|Color=Red`).
 */

export interface VariationDimension {
  name: string;
  values: string[];
}

/** The dimensions a listing row names, with all their values (`Size=S;M|Color=Red` → Size [S, M], Color [Red]). */
export function parseVariationDimensions(text: string): VariationDimension[] {
  return parts(text).map(({ name, value }) => ({ name, values: value.split(';').map((v) => v.trim()).filter((v) => v !== '') }));
}

/**
 * A variation row's options (`Size=S|Color=Red`). A value is taken whole (a `;` in it is part of
 * the value here); text without a name reads as one option named "Variation".
 */
export function parseVariationOptions(text: string): VariantOption[] {
  const named = parts(text);
  if (named.length === 0 && text.trim() !== '') return [{ name: 'Variation', value: text.trim() }];
  return named.filter((option) => option.value !== '');
}

/** Writes dimensions back in eBay's notation (the inverse of parseVariationDimensions). */
export function formatVariationDimensions(dimensions: readonly VariationDimension[]): string {
  return dimensions.map((d) => `${d.name}=${d.values.join(';')}`).join('|');
}

/** Writes a variation's options back in eBay's notation (the inverse of parseVariationOptions). */
export function formatVariationOptions(options: readonly VariantOption[]): string {
  return options.map((o) => `${o.name}=${o.value}`).join('|');
}

/**
 * Whether a row's dimensions list every option of the given variations: true for a multi-variation
 * listing's own row followed by its variation rows, false when the first row is itself a variation.
 */
export function listsEveryOption(dimensions: readonly VariationDimension[], variations: readonly (readonly VariantOption[])[]): boolean {
  return variations.every((options) =>
    options.every((option) => {
      const dimension = dimensions.find((d) => sameOptionName(d.name, option.name));
      return dimension !== undefined && (dimension.values.includes(option.value) || dimension.values.join(';') === option.value);
    }),
  );
}

/** Options in the order the listing's dimensions name them (names as the listing row writes them). */
export function orderOptions(options: readonly VariantOption[], dimensions: readonly VariationDimension[]): VariantOption[] {
  const ordered: VariantOption[] = [];
  for (const dimension of dimensions) {
    const option = options.find((o) => sameOptionName(o.name, dimension.name));
    if (option) ordered.push({ name: dimension.name, value: option.value });
  }
  for (const option of options) if (!dimensions.some((d) => sameOptionName(d.name, option.name))) ordered.push(option);
  return ordered;
}

/**
 * The listing row names a value no variation has (`MPN=Peach;Cherry` over one `MPN=Cherry` row):
 * eBay files leave variations out, and the listing row's cell is then the only place the value is.
 */
export function namesMissingVariations(dimensions: readonly VariationDimension[], variants: readonly { options: readonly VariantOption[] }[]): boolean {
  return dimensions.some((dimension) => dimension.values.some((value) => !variants.some((v) => v.options.some((o) => sameOptionName(o.name, dimension.name) && o.value === value))));
}

/**
 * The price eBay shows for a multi-variation listing, which its report writes as the listing row's
 * Current price: the lowest price of a variation in stock (quantity unknown counts as in stock),
 * else the lowest of all. An upload file has no price on the listing's own row, so a listing read
 * back from one gets the price its report had, not whichever variation came first.
 */
export function shownVariationPrice(variants: readonly { priceMinor: number | null; quantity: number | null }[]): number | null {
  const priced = variants.filter((v): v is { priceMinor: number; quantity: number | null } => v.priceMinor !== null);
  const inStock = priced.filter((v) => v.quantity === null || v.quantity > 0);
  const from = inStock.length > 0 ? inStock : priced;
  return from.length === 0 ? null : Math.min(...from.map((v) => v.priceMinor));
}

/**
 * The variants' dimensions with the values a listing row also named (eBay leaves variations out of
 * its files): each dimension lists the named values in their order, then the variants' other values.
 * Dimensions the variants no longer have are not brought back.
 */
export function withListedValues(dimensions: readonly VariationDimension[], listed: readonly VariationDimension[]): VariationDimension[] {
  return dimensions.map((dimension) => {
    const named = listed.find((d) => sameOptionName(d.name, dimension.name));
    if (!named) return dimension;
    return { name: dimension.name, values: [...named.values, ...dimension.values.filter((value) => !named.values.includes(value))] };
  });
}

/** Option names compare without case or surrounding spaces (`Color` and `color ` are one). */
export function sameOptionName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function parts(text: string): VariantOption[] {
  const out: VariantOption[] = [];
  for (const part of text.split('|')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    out.push({ name: part.slice(0, eq).trim(), value: part.slice(eq + 1).trim() });
  }
  return out;
}
