const digitsCache = new Map<string, number>();

/** How a typed currency code is read everywhere: trimmed, upper case ("eur " → "EUR"). */
export function normalizeCurrencyCode(text: string): string {
  return text.trim().toUpperCase();
}

/**
 * Minor units per major unit for a currency as a power of ten (JPY 0, USD 2, KWD 3), from the
 * platform's ICU data — the same source the renderer formats prices with, so 10 % of ¥1,000 is
 * ¥100 and never ¥1. Codes ICU does not know (or that are not three letters) count 2.
 */
export function currencyDigits(currency: string): number {
  const code = normalizeCurrencyCode(currency);
  let digits = digitsCache.get(code);
  if (digits === undefined) {
    digits = 2;
    if (/^[A-Z]{3}$/.test(code)) {
      try {
        digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
      } catch {
        digits = 2;
      }
    }
    digitsCache.set(code, digits);
  }
  return digits;
}
