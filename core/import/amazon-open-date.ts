/**
 * The All Listings report's `open-date`, written in the marketplace's own way: `2013-01-07
 * 07:35:42 PST` (amazon.com), `08/07/2016 10:12:40 BST` (amazon.co.uk: day first),
 * `2019/10/09 15:37:57 JST` (amazon.co.jp). A day-first date read month-first moves the listing's
 * creation by months (or fails past the 12th), so the order comes from the date itself (a part
 * over 12) or else from its time zone: North American zones write the month first, the others
 * the day. A zone Listsmith does not know counts as UTC, and a date it cannot order is no date.
 */

const ZONES: Readonly<Record<string, number>> = {
  UTC: 0, GMT: 0, WET: 0, BST: 1, WEST: 1, IST: 5.5, CET: 1, MET: 1, MEZ: 1, CEST: 2, MEST: 2, MESZ: 2, METDST: 2, EET: 2, EEST: 3,
  JST: 9, AEST: 10, AEDT: 11, AWST: 8,
  PST: -8, PDT: -7, MST: -7, MDT: -6, CST: -6, CDT: -5, EST: -5, EDT: -4, AKST: -9, AKDT: -8, HST: -10,
};
const MONTH_FIRST = new Set(['PST', 'PDT', 'MST', 'MDT', 'CST', 'CDT', 'EST', 'EDT', 'AKST', 'AKDT', 'HST']);

const DATE = /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*([A-Za-z]{2,6}))?$/;

/** Milliseconds since the epoch, or null when the text is not a date this report writes. */
export function parseOpenDate(text: string): number | null {
  const m = DATE.exec(text.trim());
  if (!m) {
    // ISO 8601 with its offset (2022-05-01T10:00:00+00:00) says everything itself.
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text.trim()) ? Date.parse(text.trim()) : NaN;
    return Number.isNaN(iso) ? null : iso;
  }
  const zone = (m[7] ?? 'UTC').toUpperCase();
  const offset = ZONES[zone] ?? 0;
  const [a, b, c] = [m[1]!, Number(m[2]), m[3]!];
  let year: number, month: number, day: number;
  if (a.length === 4) {
    [year, month, day] = [Number(a), b, Number(c)];
  } else if (c.length === 4) {
    const first = Number(a);
    const dayFirst = first > 12 ? true : b > 12 ? false : m[7] === undefined || !(zone in ZONES) ? null : !MONTH_FIRST.has(zone);
    if (dayFirst === null) return null;
    [year, month, day] = dayFirst ? [Number(c), b, first] : [Number(c), first, b];
  } else {
    return null;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)) - offset * 3_600_000;
  // Date.UTC rolls 31 June over to 1 July: such a date is not one.
  return new Date(ms + offset * 3_600_000).getUTCDate() === day ? ms : null;
}
