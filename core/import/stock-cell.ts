import type { Warnings } from './listing-draft.js';
import { parseQuantity, RowError } from './values.js';

const NEGATIVE = /^\s*-\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.0+)?\s*$/;

/**
 * Reads a stock cell for the marketplace readers. Oversold stock (a negative count) is the
 * seller's real number: imported as is, with a warning, never a rejected row. Text that is not a
 * count is left out with a warning and kept exactly as written in `kept` under its header, so
 * nothing of the cell is lost.
 */
export function readStock(raw: string, header: string, line: number, warnings: Warnings, kept: Record<string, string>): number | null {
  let parsed: ReturnType<typeof parseQuantity>;
  try {
    parsed = parseQuantity(raw, header);
  } catch (err) {
    const negative = NEGATIVE.exec(raw);
    if (!(err instanceof RowError) || !negative) throw err;
    warnings.add(line, header, `Stock is negative (${raw.trim()}): more were sold than were in stock. Imported as is.`);
    return -Number(negative[1]!.replaceAll(',', ''));
  }
  if (parsed.warning) warnings.add(line, header, parsed.warning);
  if (parsed.value === null && raw.trim() !== '') kept[header] = raw;
  return parsed.value;
}
