/**
 * Formatting helpers (pure; Intl only). `locale` undefined = the user's locale.
 */

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, locale: string | undefined): Intl.NumberFormat | null {
  const key = `${locale ?? ''}|${currency}`;
  let fmt = moneyFormats.get(key);
  if (fmt === undefined) {
    try {
      fmt = new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      return null;
    }
    moneyFormats.set(key, fmt);
  }
  return fmt;
}

/** Minor units (cents) → "$12.34", "¥1,234", "BHD 1.234"; null → "—". Unknown currency codes fall back to "12.34 XYZ". */
export function formatPrice(minor: number | null | undefined, currency: string, locale?: string): string {
  if (minor === null || minor === undefined || !Number.isFinite(minor)) return '—';
  const fmt = /^[A-Za-z]{3}$/.test(currency) ? moneyFormat(currency.toUpperCase(), locale) : null;
  if (fmt === null) return `${(minor / 100).toFixed(2)} ${currency}`.trim();
  const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2;
  return fmt.format(minor / 10 ** digits);
}

const intFormats = new Map<string, Intl.NumberFormat>();
export function formatInteger(n: number | null | undefined, locale?: string): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const key = locale ?? '';
  let fmt = intFormats.get(key);
  if (fmt === undefined) {
    fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    intFormats.set(key, fmt);
  }
  return fmt.format(n);
}

/** "1 listing", "1,000,000 listings". */
export function formatCount(n: number, singular: string, plural: string, locale?: string): string {
  return `${formatInteger(n, locale)} ${n === 1 ? singular : plural}`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string | undefined, withTime: boolean, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${withTime}|${timeZone ?? ''}`;
  let fmt = dateFormats.get(key);
  if (fmt === undefined) {
    fmt = new Intl.DateTimeFormat(
      locale,
      withTime ? { dateStyle: 'medium', timeStyle: 'short', timeZone } : { dateStyle: 'medium', timeZone },
    );
    dateFormats.set(key, fmt);
  }
  return fmt;
}

/** Epoch ms → "Mar 5, 2025, 2:07 PM"; invalid → "—". */
export function formatDateTime(ms: number | null | undefined, locale?: string, timeZone?: string): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '—';
  return dateFormat(locale, true, timeZone).format(d);
}

export function formatDate(ms: number | null | undefined, locale?: string, timeZone?: string): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '—';
  return dateFormat(locale, false, timeZone).format(d);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * A listing description (untrusted, may be HTML) → plain text for display as a text node.
 * Never produces markup: the result is only ever rendered as text, this just makes it readable.
 */
export function descriptionToText(description: string): string {
  if (!/[<&]/.test(description)) return description.trim();
  const text = description
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n• ')
    .replace(/<\/(p|div|h[1-6]|ul|ol|tr|table|section|article|blockquote)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Only show images a CSP of `img-src 'self' https: data:` would load anyway. */
export function isDisplayableImageUrl(url: string): boolean {
  return /^https:\/\//i.test(url) || /^data:image\//i.test(url);
}

/** A 1-based row number typed by the user → 0-based index, or null if not a row of the view. */
export function parseRowNumber(input: string, total: number): number | null {
  const cleaned = input.replace(/[\s,._'\u00a0]/g, '');
  if (!/^\d+$/.test(cleaned)) return null;
  const n = Number(cleaned);
  if (!Number.isSafeInteger(n) || n < 1 || total <= 0) return null;
  return Math.min(n, total) - 1;
}

/** 1536 → "1.5 KB", 3_500_000 → "3.3 MB" (binary units, as file managers on Windows show them). */
export function formatBytes(bytes: number | null | undefined, locale?: string): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${formatInteger(bytes, locale)} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 });
  return `${fmt.format(value)} ${units[unit]}`;
}

/** Seconds → "45 s", "3 min 05 s", "1 h 02 min"; null → "—". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
