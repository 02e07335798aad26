import type { ExportFormat, ExportSummary, ImportDialect } from '../../../common/import-types.js';
import type { Listing } from '../../../common/listing.js';
import { idFromGenerated } from '../../../core/catalog/generated-id.js';
import { sourceContent } from '../../../core/catalog/listing-source.js';
import type { Catalog } from '../../../core/catalog/open-catalog.js';
import { CHUNK_SIZE, ListingReader } from '../../../core/catalog/read-scope.js';

/**
 * What "the same listings with equal values in every field" means for the fidelity suites: every
 * listing as the catalog reads it back (variants, kept source columns, attributes…), without the
 * catalog's own bookkeeping (ids, timestamps, AI marks), keyed by the listing's identity.
 */
export type ComparableListing = Omit<Listing, 'id' | 'createdAt' | 'updatedAt' | 'aiWritten' | 'variants' | 'source'> & {
  variants: Omit<Listing['variants'][number], 'id'>[];
  /** The seller's data of the source (sourceContent: not the dialect or upload envelope it came in). */
  source?: ReturnType<typeof sourceContent>;
};

export function readAllListings(catalog: Catalog): Listing[] {
  const ids = catalog.db.prepare('SELECT id FROM listings ORDER BY id').pluck().all() as number[];
  const reader = new ListingReader(catalog.db);
  const out: Listing[] = [];
  for (let from = 0; from < ids.length; from += CHUNK_SIZE) out.push(...reader.read(ids, from));
  return out;
}

/**
 * A listing as the suites compare it. An id an export made up for a listing that had none (Google
 * requires one: `LS-<id>`) counts as no id: a fresh catalog cannot know it was made up.
 */
export function comparable(listing: Listing): ComparableListing {
  const { id: _id, createdAt: _c, updatedAt: _u, aiWritten: _a, variants, source, ...rest } = listing;
  const content = sourceContent(source);
  const generated = rest.sourceId !== null && idFromGenerated(rest.sourceId) !== null;
  const ids = generated ? { sourceId: null, sku: rest.sku === rest.sourceId ? null : rest.sku } : {};
  const unknown = generated && content && ids.sku === null ? { unknown: [...new Set([...(content.unknown ?? []), 'sku' as const])].sort() } : {};
  return { ...rest, ...ids, ...(content ? { source: { ...content, ...unknown } } : {}), variants: variants.map(({ id: _vid, ...variant }) => variant) };
}

/** The identity a re-import matches on (docs/FIDELITY.md §1); listings without one by title. */
export function identityOf(listing: Pick<Listing, 'marketplace' | 'sourceId' | 'sku' | 'title'>): string {
  return `${listing.marketplace}|${listing.sourceId ?? ''}|${listing.sku ?? ''}|${listing.sourceId === null && listing.sku === null ? listing.title : ''}`;
}

/** The catalog as comparable listings keyed by identity (several listings with one identity keep file order). */
export function catalogState(catalog: Catalog): Map<string, ComparableListing[]> {
  const state = new Map<string, ComparableListing[]>();
  for (const listing of readAllListings(catalog)) {
    const seen = comparable(listing);
    const key = identityOf(seen);
    const list = state.get(key) ?? [];
    list.push(seen);
    state.set(key, list);
  }
  return state;
}

/**
 * The export format a listing read with `dialect` goes back to ("its own format"). An Etsy API
 * dump goes to JSONL: Listsmith writes no API dumps, and Etsy's CSV (the cross matrix checks that
 * one) has no column for the category or state the dump holds. An eBay report goes to the Seller
 * Hub upload, the only file eBay takes back.
 */
export function ownFormat(dialect: ImportDialect, layout?: string): ExportFormat {
  switch (dialect) {
    case 'shopify':
      return layout === 'legacy' ? 'shopify_legacy' : 'shopify';
    case 'etsy':
      return 'etsy';
    case 'etsy_api':
      return 'jsonl';
    case 'ebay_report':
    case 'ebay_seller_hub':
      return 'ebay_seller_hub';
    case 'amazon_flat_file':
    case 'amazon_all_listings':
      return 'amazon_flat_file';
    case 'woocommerce':
      return 'woocommerce';
    case 'google_merchant':
      // The XML feed: a TSV cannot hold line breaks.
      return 'google_merchant_xml';
    case 'generic_csv':
    case 'wix':
    case 'json':
    case 'jsonl':
      return 'jsonl';
  }
}

/** Every file an export wrote (one per column set or site). */
export function exportedPaths(summary: ExportSummary): string[] {
  const files = (summary as ExportSummary & { files?: { path: string }[] }).files;
  return files && files.length > 0 ? files.map((file) => file.path) : [summary.path];
}
