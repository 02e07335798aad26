import type { ExportTarget } from '../target.js';

/**
 * JSON Lines: one full `Listing` (common/listing.ts) per line, the lossless format the importer
 * reads back. No BOM (JSON text must not start with one, RFC 8259 §8.1), no spreadsheet escaping
 * (no spreadsheet opens it), no limits.
 */
export const jsonlTarget: ExportTarget = {
  format: 'jsonl',
  kind: 'jsonl',
  bom: false,
  extension: 'jsonl',
  columns: [],
  check: (listing) => ({ ok: true, listing, changes: [] }),
  rows: () => [],
};
