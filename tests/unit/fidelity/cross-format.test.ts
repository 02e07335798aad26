import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, type ExportFormat } from '../../../common/import-types.js';
import type { Listing } from '../../../common/listing.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { exportListings } from '../../../core/export/export-listings.js';
import { applyImport } from '../../../core/import/apply-import.js';
import { openImportSource } from '../../../core/import/open-import-source.js';
import { tempDbPath, tempDir } from '../catalog/temp-catalog.js';
import { corpusFiles, corpusPath } from '../import/helpers.js';
import { exportedPaths, readAllListings } from './catalog-state.js';

/**
 * The cross matrix: every corpus file exported to every format and read back. Whatever the target
 * format carries must arrive: a field the listing had is never blanked or dropped, unless the
 * export said so for that listing (a tag Etsy does not allow, an image past a format's limit…),
 * and a listing the format cannot take is skipped with a reason, never silently. Formats carry
 * different fields (an Etsy CSV has no brand), so only the fields in CARRIES are checked.
 */

type Field = 'title' | 'description' | 'priceMinor' | 'quantity' | 'sku' | 'tags' | 'materials' | 'images' | 'brand' | 'category' | 'variants';

const CARRIES: Record<ExportFormat, Field[]> = {
  shopify: ['title', 'description', 'priceMinor', 'quantity', 'sku', 'tags', 'images', 'brand', 'category', 'variants'],
  shopify_legacy: ['title', 'description', 'priceMinor', 'quantity', 'sku', 'tags', 'images', 'brand', 'category', 'variants'],
  etsy: ['title', 'description', 'priceMinor', 'quantity', 'sku', 'tags', 'materials', 'images'],
  ebay_seller_hub: ['title', 'description', 'priceMinor', 'quantity', 'sku', 'images', 'variants'],
  amazon_flat_file: ['title', 'description', 'priceMinor', 'quantity', 'sku', 'tags', 'images', 'brand', 'variants'],
  woocommerce: ['title', 'description', 'priceMinor', 'quantity', 'sku', 'tags', 'images', 'category', 'variants'],
  google_merchant: ['title', 'description', 'priceMinor', 'images', 'brand', 'variants'],
  google_merchant_xml: ['title', 'description', 'priceMinor', 'images', 'brand', 'variants'],
  jsonl: ['title', 'description', 'priceMinor', 'quantity', 'sku', 'tags', 'materials', 'images', 'brand', 'category', 'variants'],
};

/**
 * Pairs this test cannot judge by title, with why (the round-trip suite still checks these files
 * in their own format). Not a pass: each is a known gap named in docs/FIDELITY.md.
 * - gopoma holds WooCommerce's sample catalog twice (same titles, numeric SKUs equal to other
 *   products' IDs): Amazon's SKU identity and title matching cannot tell which came back as which.
 * - MisterMarveil was hand-edited: one variable product's variations point at a parent whose SKU
 *   was mistyped (`EV-OO13`), so in Amazon and Google files it comes back as another product's item.
 */
const UNJUDGED = new Set([
  'woocommerce_wc-product-export_2024__gopoma.csv → amazon_flat_file',
  'woocommerce_product-export_FRENCH_hand-edited__MisterMarveil.csv → amazon_flat_file',
  'woocommerce_product-export_FRENCH_hand-edited__MisterMarveil.csv → google_merchant',
  'woocommerce_product-export_FRENCH_hand-edited__MisterMarveil.csv → google_merchant_xml',
]);

/** Listings exported per file and format: enough to meet every shape in the file, quick in CI. */
const SAMPLE = 400;

const files = corpusFiles().filter((name) => !name.startsWith('.') && name !== 'README.md').sort();

async function importInto(catalog: Catalog, file: string): Promise<void> {
  const fileName = path.basename(file);
  await applyImport(catalog, await openImportSource(file, { fileName, defaultCurrency: 'USD' }), { fileName, operationId: 'cross' });
}

function held(listing: Listing, field: Field): boolean {
  const value = listing[field];
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'string') return value.trim() !== '';
  return value !== null;
}

/** A listing's identity across formats: its title (every format carries it), then its position. */
function byTitle(listings: readonly Listing[]): Map<string, Listing[]> {
  const map = new Map<string, Listing[]>();
  for (const listing of listings) map.set(listing.title, [...(map.get(listing.title) ?? []), listing]);
  return map;
}

describe.skipIf(files.length === 0)('every corpus file to every export format: nothing the format carries is blanked or dropped', () => {
  const cases = files.flatMap((file) => EXPORT_FORMATS.map((format) => [file, format] as const)).filter(([file, format]) => !UNJUDGED.has(`${file} → ${format}`));
  it.each(cases)('%s → %s', async (file, format) => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    await importInto(catalog, corpusPath(file));
    const originals = readAllListings(catalog).slice(0, SAMPLE);
    if (originals.length === 0) return catalog.close();
    const summary = await exportListings(catalog, { format, scope: { kind: 'ids', ids: originals.map((l) => l.id) }, outPath: path.join(tempDir(), `cross.${format}`) });
    // Every listing is written or skipped with a reason that names it.
    expect(summary.rows + summary.skipped).toBe(originals.length);
    const noted = new Set(summary.problems.map((problem) => problem.line));
    // A note on a listing that shares a key with another names that other one too.
    for (const problem of summary.problems) for (const match of problem.message.matchAll(/Listing #(\d+)/g)) noted.add(Number(match[1]));

    const fresh = openCatalog(tempDbPath(), { role: 'writer' });
    for (const out of exportedPaths(summary)) await importInto(fresh, out);
    const back = byTitle(readAllListings(fresh));
    const lost: string[] = [];
    for (const original of originals) {
      const match = back.get(original.title)?.shift();
      if (!match) {
        if (!noted.has(original.id)) lost.push(`#${original.id} "${original.title.slice(0, 40)}": not exported and no reason given`);
        continue;
      }
      for (const field of CARRIES[format]) {
        if (held(original, field) && !held(match, field) && !noted.has(original.id)) lost.push(`#${original.id} "${original.title.slice(0, 40)}": ${field} blanked`);
      }
      if (CARRIES[format].includes('variants') && original.variants.length !== match.variants.length && !noted.has(original.id)) {
        lost.push(`#${original.id}: ${original.variants.length} variants became ${match.variants.length}`);
      }
    }
    expect(lost.slice(0, 15)).toEqual([]);
    fresh.close();
    catalog.close();
  });
});
