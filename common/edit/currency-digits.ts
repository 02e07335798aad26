const digitsCache = new Map<string, number>();

/**
 * Minor units per major unit for a currency as a power of ten (JPY 0, USD 2, KWD 3), from the
 * platform's ICU data — the same source the renderer formats prices with, so 10 % of ¥1,000 is
 * ¥100 and never ¥1.
 */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}
