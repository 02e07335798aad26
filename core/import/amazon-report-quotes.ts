/**
 * Amazon writes its listing reports as tab-separated text without CSV quoting: a `"` is part of
 * the text (`Samsung 55" TV Stand`, `"Heavy" Duty Sleeves`). Read with quoting, a title that starts
 * with a quote loses it, and one whose quote never closes swallows every row after it. A report
 * saved again from Excel is quoted the CSV way (`"""Heavy"" Duty Sleeves"`), which its doubled
 * quotes give away: that one is read with quoting.
 */
export function isUnquotedAmazonReport(head: string): boolean {
  const first = head.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  const keys = first.split('\t').map((key) => key.trim().toLowerCase());
  return keys.length > 1 && (keys.includes('seller-sku') || keys.includes('出品者sku')) && !head.includes('""');
}
