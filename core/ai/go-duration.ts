/**
 * Groq reports rate-limit resets as Go durations ("2m59.56s", "7.66s", "520ms", "1h2m",
 * "1.559999999s"), both in the `x-ratelimit-reset-*` headers and inside 429 messages.
 */

const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1, us: 0.001, 'µs': 0.001, ns: 0.000_001 };

// `ms` must be tried before `m`, or "520ms" would read as 520 minutes and a stray "s".
const PART = /(\d+(?:\.\d*)?|\.\d+)(ms|us|µs|ns|h|m|s)/gy;

/** Milliseconds (whole, rounded up from microsecond precision), or null when `text` is not a Go duration. */
export function parseGoDuration(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  if (trimmed === '') return null;
  PART.lastIndex = 0;
  let total = 0;
  let consumed = 0;
  for (let match = PART.exec(trimmed); match; match = PART.exec(trimmed)) {
    total += Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? Number.NaN);
    consumed = PART.lastIndex;
  }
  if (consumed !== trimmed.length || !Number.isFinite(total)) return null;
  // Float noise ("7.66s" → 7660.000000000001) must not round up to an extra millisecond.
  return Math.ceil(Math.round(total * 1000) / 1000);
}

/** The first Go duration after "try again in" in a Groq 429 message, in ms. */
export function retryDelayFromMessage(message: string): number | null {
  const match = /try again in\s+([0-9.hmsuµn]+)/i.exec(message);
  return match?.[1] ? parseGoDuration(match[1].replace(/\.$/, '')) : null;
}
