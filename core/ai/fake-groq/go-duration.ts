/**
 * Durations as Go's `time.Duration.String()` prints them, which is how Groq writes the
 * `x-ratelimit-reset-*` headers ("2m59.56s", "7.66s", "520ms", "6h0m0s"). Clients parse these, so
 * the fake must produce the same grammar, including the `h`/`m`/`s` mix and the bare `ms` form.
 */

/** Formats milliseconds (rounded to whole ms; anything above 0 prints at least "1ms"). */
export function formatGoDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0s';
  const total = Math.max(1, Math.round(ms));
  if (total < 1_000) return `${total}ms`;
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const millis = total % 60_000;
  const seconds = `${trimFraction((millis / 1_000).toFixed(3))}s`;
  if (hours > 0) return `${hours}h${minutes}m${seconds}`;
  if (minutes > 0) return `${minutes}m${seconds}`;
  return seconds;
}

/** Go prints the shortest fraction: "7.660" → "7.66", "3.000" → "3". */
function trimFraction(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}
