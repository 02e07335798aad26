import { isAmazonSettingsRow, parseAmazonSettings } from './amazon-settings.js';

/**
 * The names a template shows the seller above its machine headers: Amazon's labels row ("Nome
 * dell'articolo" over `item_name[…]#1.value`, "Product Name" over `item_name`). The import wizard
 * shows them beside the headers, which in these files are API names a seller never typed.
 */

/** Per header column, the template's label for it ('' where it has none), or null when the file has no labels row. */
export function templateLabels(preamble: readonly (readonly string[])[], width: number): string[] | null {
  const first = preamble[0];
  if (first === undefined) return null;
  let labels: readonly string[] | undefined;
  if (isAmazonSettingsRow(first)) {
    // The settings say which row (1-based) holds the labels; the preamble is the rows above the keys.
    const settings = parseAmazonSettings(first);
    labels = preamble[(settings.labelRow ?? 4) - 1];
  } else if (/^TemplateType=/i.test((first[0] ?? '').replace(/^\uFEFF/, '').trim())) {
    // The older flat file: the row under TemplateType.
    labels = preamble[1];
  }
  if (labels === undefined) return null;
  const out = Array.from({ length: width }, (_, i) => (labels[i] ?? '').trim());
  return out.some((label) => label !== '') ? out : null;
}
