import { attributeCell, keepColumns, setAttributeFrom, type Draft, type Warnings } from './listing-draft.js';

/**
 * eBay item specifics in uploads and reports: `C:Brand` (item specifics), `P:UPC` / `Product:EAN`
 * (product identifiers), `CD:Grade - (ID: 27502)` / `CDA:Certification Number - (ID: 27503)`
 * (condition descriptors), `eBay Product ID(ePID)`. Each becomes an attribute named without its
 * prefix and id, recorded with the column it came from so an export to eBay writes it back there.
 */

/** Column keys (Columns.key) of item specific columns. */
export const EBAY_SPECIFIC_COLUMN = /^(c|p|cd|cda|product):|^ebay product id\(epid\)$/;

export function ebaySpecificName(header: string): string {
  const trimmed = header.trim();
  if (/^ebay product id\(epid\)$/i.test(trimmed)) return 'ePID';
  const name = trimmed
    .replace(/^\*?(c|p|cd|cda|product):\s*/i, '')
    .replace(/\s*-\s*\(ID:\s*\d+\)\s*$/i, '')
    .trim();
  // An upload's `P:EPID` is the report's ePID: one attribute whichever file the listing came from.
  if (/^epid$/i.test(name) && name !== trimmed) return 'ePID';
  return name || trimmed;
}

/**
 * Adds the row's specifics as attributes. Two columns that would share a name (`C:Grade` and
 * `CD:Grade - (ID: 27502)`) keep theirs apart: the second is named by its whole header. An
 * Excel-damaged identifier is warned about and kept as written, not imported.
 */
export function addEbaySpecifics(draft: Draft, cells: readonly string[], indexes: readonly number[], header: readonly string[], line: number, warnings: Warnings): void {
  for (const i of indexes) {
    const value = attributeCell(draft, cells, i, header, line, warnings);
    if (value === null) continue;
    const column = header[i]!;
    const short = ebaySpecificName(column).slice(0, 100);
    const name = short in draft.attributes ? column.trim().slice(0, 100) : short;
    if (!(name in draft.attributes)) setAttributeFrom(draft, name, column, value);
    else keepColumns(draft.kept.columns, cells, header, [i]);
  }
}
