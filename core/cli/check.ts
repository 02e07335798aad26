/**
 * `listsmith check [--marketplace M] [--filter F] [--db PATH] [--json]`: the quality rules as a
 * linter, so a seller can script them (before an upload, in a scheduled job). One JSON line per
 * listing with what fails; the command exits 1 when any finding is an error (the marketplace would
 * refuse or suppress the listing), like a linter, 0 otherwise.
 */
import type { Scope } from '../../common/contract.js';
import type { Marketplace } from '../../common/listing.js';
import { evaluateListing, type Severity } from '../../common/rules/index.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { CHUNK_SIZE, ListingReader, scopeIds } from '../catalog/read-scope.js';

export const CHECK_USAGE = `  listsmith check [--marketplace M] [--filter F] [--db PATH] [--json]
      Checks listings against the marketplace rules the app scores with and prints one JSON line
      per listing: {"id","sku","marketplace","title","score","findings":[{"rule","severity",
      "field","message"}]}, then a summary line. Without --marketplace: every listing against its
      own marketplace. With --marketplace M: M's listings against M's rules (like optimize; add
      --filter marketplace=any to check every listing against M). --filter takes optimize's keys.
      Exits 1 when any finding is an error, else 0.`;

export interface CheckFinding {
  rule: string;
  severity: Severity;
  field: string;
  message: string;
}

export interface CheckLine {
  id: number;
  sku: string | null;
  /** The marketplace the listing was checked against. */
  marketplace: Marketplace;
  title: string;
  score: number;
  findings: CheckFinding[];
}

export interface CheckTotals {
  listings: number;
  withErrors: number;
  withWarnings: number;
}

/**
 * Checks every listing of `scope` (in id order, one read transaction) and hands each result to
 * `emit` as it goes, so a million listings stream in bounded memory.
 */
export function checkCatalog(catalog: Catalog, options: { scope: Scope; marketplace?: Marketplace; emit: (line: CheckLine) => void }): CheckTotals {
  const totals: CheckTotals = { listings: 0, withErrors: 0, withWarnings: 0 };
  catalog.db.transaction(() => {
    const ids = scopeIds(catalog, options.scope);
    const reader = new ListingReader(catalog.db);
    for (let from = 0; from < ids.length; from += CHUNK_SIZE) {
      for (const listing of reader.read(ids, from)) {
        const marketplace = options.marketplace ?? listing.marketplace;
        const result = evaluateListing(listing, marketplace);
        totals.listings++;
        if (result.errors > 0) totals.withErrors++;
        if (result.warnings > 0) totals.withWarnings++;
        options.emit({
          id: listing.id,
          sku: listing.sku,
          marketplace,
          title: listing.title,
          score: result.score,
          findings: result.issues.map((issue) => ({ rule: issue.ruleId, severity: issue.severity, field: issue.field, message: issue.message })),
        });
      }
    }
  })();
  return totals;
}
