import type { Warnings } from './listing-draft.js';
import { parseQuantity } from './values.js';

/**
 * Reads a stock cell for the marketplace readers: its warnings (oversold stock is imported as is,
 * with one) go to the row, and text that is not a count is kept exactly as written in `kept`
 * under its header, so nothing of the cell is lost.
 */
export function readStock(raw: string, header: string, line: number, warnings: Warnings, kept: Record<string, string>): number | null {
  const { value, warning } = parseQuantity(raw, header);
  if (warning) warnings.add(line, header, warning);
  if (value === null && raw.trim() !== '') kept[header] = raw;
  return value;
}
