/**
 * How WooCommerce's product CSV writes text, undone as its own importer undoes it
 * (WC_Product_CSV_Importer, includes/import/class-wc-product-csv-importer.php).
 */

/**
 * Descriptions: the exporter writes a newline as the two characters `\n` and a literal `\n` in
 * the text as `\\n`. parse_description_field() turns every `\n` into a newline except inside
 * `\\n`, which it leaves as written; so does this.
 */
export function unescapeWooNewlines(text: string): string {
  if (!text.includes('\\n')) return text;
  return text
    .split('\\\\n')
    .map((part) => part.replaceAll('\\n', '\n'))
    .join('\\\\n');
}

/**
 * A comma-separated cell (Categories, Tags, Images): `\,` is a comma inside one value, as
 * explode_values() reads it. Values are trimmed; empty ones dropped.
 */
export function splitWooList(text: string): string[] {
  return text
    .split(/(?<!\\),/)
    .map((part) => part.replaceAll('\\,', ',').trim())
    .filter((part) => part !== '');
}

/**
 * The reverse of splitWooList, as WooCommerce's exporter writes a list (implode_values(): each
 * comma inside a value as `\,`, values joined by `, `): a tag named `amaryl,` stays one tag.
 */
export function joinWooList(items: readonly string[]): string {
  return items.map((item) => item.replaceAll(',', '\\,')).join(', ');
}
