import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportFormat, ImportDialect, ImportReport } from '../../../common/import-types.js';
import type { Listing } from '../../../common/listing.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { exportListings } from '../../../core/export/export-listings.js';
import { ebayUploadable, uploadHeaderOf } from '../../../core/export/formats/ebay-report-columns.js';
import { ebayConditionId } from '../../../core/export/formats/ebay.js';
import { EXPORT_TARGETS } from '../../../core/export/formats/index.js';
import { headerKey } from '../../../core/export/kept-columns.js';
import { englishHeader } from '../../../core/import/canonical-headers.js';
import { REPORT_ASIN } from '../../../core/import/dialects/amazon-all-listings.js';
import { applyImport } from '../../../core/import/apply-import.js';
import { openImportSource } from '../../../core/import/open-import-source.js';
import { tempDbPath, tempDir } from '../catalog/temp-catalog.js';
import { corpusFiles, corpusPath } from '../import/helpers.js';
import { catalogState, exportedPaths, ownFormat, readAllListings, type ComparableListing } from './catalog-state.js';
import { describeDifferences, diffStates } from './state-diff.js';

/**
 * The promise of docs/FIDELITY.md, checked on every real export file in the shared corpus (files
 * added there later are picked up without a code change):
 *
 * 1. the import accounts for every data row once (the report's tiles add up);
 * 2. exporting the listings to their own format and importing those files into the same catalog
 *    changes nothing (0 new, 0 updated) and leaves every field equal;
 * 3. importing the exported files into an empty catalog gives the same listings and variants with
 *    equal values in every field, kept source columns included.
 *
 * A file whose prices state no currency is imported in USD, as a seller picking USD in the wizard
 * would, and its re-import is given the same choice. Which format is a file's own: ownFormat().
 */

const files = corpusFiles().filter((name) => !name.startsWith('.') && name !== 'README.md').sort();

async function importInto(catalog: Catalog, file: string, options: { defaultCurrency: string; matchBy?: 'key' | 'title' }): Promise<ImportReport> {
  const fileName = path.basename(file);
  const source = await openImportSource(file, { fileName, defaultCurrency: options.defaultCurrency });
  return applyImport(catalog, source, { fileName, operationId: 'fidelity', ...(options.matchBy ? { matchBy: options.matchBy } : {}) });
}

function expectEveryRowAccounted(report: ImportReport): void {
  const { rows } = report;
  expect(rows.new + rows.updated + rows.unchanged + rows.partOf + rows.merged + rows.rejected, JSON.stringify(rows)).toBe(report.dataRows);
  expect(report.warnings.filter((w) => /could not be accounted/.test(w.message))).toEqual([]);
}

/** The most common currency of the catalog: what a seller would pick again for a re-import. */
function storeCurrency(catalog: Catalog): string {
  const row = catalog.db.prepare('SELECT currency FROM listing_offers GROUP BY currency ORDER BY count(*) DESC LIMIT 1').pluck().get() as string | undefined;
  return row ?? 'USD';
}

/** Exports every listing to its own format (one export per dialect × format the file's listings came from). */
async function exportOwnFormats(catalog: Catalog): Promise<{ path: string; dialect: string; format: ExportFormat }[]> {
  const groups = new Map<string, { dialect: string; format: ExportFormat; ids: number[] }>();
  for (const listing of readAllListings(catalog)) {
    const dialect = listing.source?.dialect ?? 'jsonl';
    const format = ownFormat(dialect as ImportDialect, listing.source?.layout);
    const group = groups.get(`${dialect}|${format}`) ?? { dialect, format, ids: [] };
    group.ids.push(listing.id);
    groups.set(`${dialect}|${format}`, group);
  }
  const out: { path: string; dialect: string; format: ExportFormat }[] = [];
  const dir = tempDir();
  for (const { dialect, format, ids } of groups.values()) {
    const summary = await exportListings(catalog, { format, scope: { kind: 'ids', ids }, outPath: path.join(dir, `own-${dialect}-${format}.${EXPORT_TARGETS[format].extension}`) });
    expect(summary.skipped, `${format}: ${summary.problems.map((p) => p.message).slice(0, 5).join(' | ')}`).toBe(0);
    out.push(...exportedPaths(summary).map((file) => ({ path: file, dialect, format })));
  }
  return out;
}

/**
 * A file whose own export format is another dialect of its marketplace (an eBay report goes back
 * as a Seller Hub upload; an Amazon All Listings report as a flat file) is read back by another
 * reader: the listings' fields must all come back equal and no kept column may be lost or changed,
 * but the upload file may teach the catalog columns the report did not have (Category ID…).
 */
function sameDialectBack(dialect: string, format: ExportFormat): boolean {
  return !(dialect === 'ebay_report' && format === 'ebay_seller_hub') && !(dialect === 'amazon_all_listings' && format === 'amazon_flat_file');
}

/**
 * The part of an eBay listing an upload file carries back: not the report-only columns (eBay
 * computes them, or the upload has no such column), the condition as its eBay ID (a report
 * shows the category's name for it: "New with tags" is condition 1000, which an upload names "New"),
 * and an attribute from a report column the upload names otherwise under the upload's header
 * (the report's "eBay Product ID(ePID)" is the upload's P:EPID).
 */
function carried(listing: ComparableListing): ComparableListing {
  if (listing.marketplace === 'amazon') return carriedByFlatFile(listing);
  if (listing.marketplace !== 'ebay') return listing;
  const keptId = listing.source?.columns['Condition ID'];
  const condition = keptId ?? ebayConditionId(listing.condition) ?? listing.condition;
  if (!listing.source) return { ...listing, condition };
  const fromReport = { source: { dialect: 'ebay_report', columns: {} } } as unknown as Listing;
  const uploadable = (columns: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(columns).filter(([header]) => ebayUploadable(header, fromReport)));
  // A variation's report-only cells (its own "Sold quantity") stay in the catalog too.
  const variants = listing.variants.map(({ columns, ...variant }) => {
    const kept = columns === undefined ? {} : uploadable(columns);
    return Object.keys(kept).length > 0 ? { ...variant, columns: kept } : variant;
  });
  const attributeColumns = listing.source.attributeColumns && Object.fromEntries(Object.entries(listing.source.attributeColumns).map(([name, header]) => [name, uploadHeaderOf(header) ?? header]));
  return { ...listing, condition, variants, source: { ...listing.source, columns: uploadable(listing.source.columns), ...(attributeColumns ? { attributeColumns } : {}) } };
}

/**
 * The part of an Amazon report listing a flat file carries back: the ASIN is read back from
 * `external_product_id`, where a flat file matches the offer (the report's own `asin1` / `asin`
 * column goes out too, and comes back kept as written).
 */
function carriedByFlatFile(listing: ComparableListing): ComparableListing {
  const column = listing.source?.attributeColumns?.['ASIN'];
  if (!listing.source || column === undefined || !REPORT_ASIN.includes(column)) return listing;
  return { ...listing, source: { ...listing.source, attributeColumns: { ...listing.source.attributeColumns, ASIN: 'external_product_id' } } };
}

/** `after` holds every field of `before` equal, and every kept column of `before` (it may hold more columns). */
function keptIn(before: Map<string, ComparableListing[]>, after: Map<string, ComparableListing[]>): ReturnType<typeof diffStates> {
  const narrowed = new Map<string, ComparableListing[]>();
  for (const [key, listings] of after) {
    const originals = before.get(key) ?? [];
    narrowed.set(
      key,
      listings.map((listing, index) => {
        const original = originals[index];
        if (!original?.source || !listing.source) return listing;
        const columns = Object.fromEntries(Object.keys(original.source.columns).filter((header) => header in listing.source!.columns).map((header) => [header, listing.source!.columns[header]!]));
        const attributeColumns = Object.fromEntries(Object.keys(original.source.attributeColumns ?? {}).filter((name) => name in (listing.source!.attributeColumns ?? {})).map((name) => [name, listing.source!.attributeColumns![name]!]));
        const attributes = Object.fromEntries(Object.keys(original.attributes).filter((name) => name in listing.attributes).map((name) => [name, listing.attributes[name]!]));
        const { attributeColumns: _learned, ...rest } = listing.source;
        return { ...listing, attributes, source: { ...rest, columns, ...(original.source.attributeColumns ? { attributeColumns } : {}) } };
      }),
    );
  }
  return diffStates(before, narrowed);
}

/**
 * Files a seller damaged by hand before sharing them: checked like another dialect's file (every
 * field equal, no kept column lost or changed), since the export writes them back well-formed.
 * - stoa: its rows are shifted one column: image URLs sit under "Image position", so image rows
 *   cannot be keyed by their image and an export writes positions there;
 * - MisterMarveil: the Type header was blanked and the attribute flag columns deleted; the export
 *   writes WooCommerce's own headers and flags back.
 */
const HAND_DAMAGED = new Set(['shopify_products_2025_newheaders__stoa.csv', 'woocommerce_product-export_FRENCH_hand-edited__MisterMarveil.csv']);

/**
 * A hand-damaged file's listing without what the damage decides: which header an attribute or
 * image row sat under, and kept cells under a header the format writes itself (a parent's value
 * list typed by hand, "04 ans , 06 ans… et 15 ans", goes back as its variations spell it).
 */
function repaired(format: ExportFormat): (listing: ComparableListing) => ComparableListing {
  const own = new Set(EXPORT_TARGETS[format].columns.map((column) => headerKey(column.header)));
  return (listing) => {
    const dialect = listing.marketplace === 'woocommerce' ? 'woocommerce' : 'shopify';
    const notOwn = (columns: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(columns).filter(([header]) => !own.has(headerKey(englishHeader(dialect, header)))));
    const variants = listing.variants.map(({ columns, ...variant }) => (columns ? { ...variant, columns: notOwn(columns) } : variant));
    if (!listing.source) return { ...listing, variants };
    const { attributeColumns: _a, imageColumns: _i, columns, ...rest } = listing.source;
    return { ...listing, variants, source: { ...rest, columns: notOwn(columns) } };
  };
}

describe.skipIf(files.length === 0)('every corpus file: import → export to its own format → re-import loses nothing', () => {
  it.each(files)('%s', async (name) => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const first = await importInto(catalog, corpusPath(name), { defaultCurrency: 'USD' });
    expectEveryRowAccounted(first);
    const before = catalogState(catalog);
    if (before.size === 0) {
      catalog.close();
      return;
    }
    const currency = storeCurrency(catalog);
    const exported = await exportOwnFormats(catalog);
    const strict = !HAND_DAMAGED.has(name) && exported.every(({ dialect, format }) => sameDialectBack(dialect, format));

    // Same catalog: nothing new, nothing changed (another dialect's file may only add columns).
    for (const { path: file } of exported) {
      const again = await importInto(catalog, file, { defaultCurrency: currency, matchBy: 'title' });
      expectEveryRowAccounted(again);
      expect({ file: path.basename(file), imported: again.imported, errors: again.errors.slice(0, 3) }).toEqual({ file: path.basename(file), imported: 0, errors: [] });
      if (strict) expect({ file: path.basename(file), updated: again.updated }).toEqual({ file: path.basename(file), updated: 0 });
    }
    const view = HAND_DAMAGED.has(name) ? repaired(exported[0]!.format) : carried;
    const unchanged = strict ? diffStates(before, catalogState(catalog)) : keptIn(mapState(before, view), mapState(catalogState(catalog), view));
    expect(unchanged, describeDifferences(unchanged)).toEqual([]);

    // An empty catalog: the same listings, every field equal.
    const fresh = openCatalog(tempDbPath(), { role: 'writer' });
    for (const { path: file } of exported) expectEveryRowAccounted(await importInto(fresh, file, { defaultCurrency: currency }));
    const rebuilt = strict ? diffStates(before, catalogState(fresh)) : keptIn(mapState(before, view), mapState(catalogState(fresh), view));
    expect(rebuilt, describeDifferences(rebuilt)).toEqual([]);
    fresh.close();
    catalog.close();
  });
});

function mapState(state: Map<string, ComparableListing[]>, map: (listing: ComparableListing) => ComparableListing): Map<string, ComparableListing[]> {
  return new Map([...state].map(([key, listings]) => [key, listings.map(map)]));
}
