import Database from 'better-sqlite3';
import type { Marketplace } from '../../common/listing.js';
import { evaluateListing, type RuleInput } from '../../common/rules/index.js';
import { parseStringArray, parseStringRecord } from '../../core/catalog/listing-codec.js';

type ScoredListing = RuleInput & { marketplace: Marketplace };

interface RuleColumns {
  marketplace: Marketplace;
  title: string;
  description: string;
  price_minor: number | null;
  quantity: number | null;
  sku: string | null;
  brand: string | null;
  condition: string | null;
  tags: string;
  materials: string;
  images: string;
  attributes: string;
}

/** Up to `count` listings of the catalog as the rules engine reads them (read-only connection). */
export function readRuleInputs(databasePath: string, count: number): ScoredListing[] {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare('SELECT marketplace, title, description, price_minor, quantity, sku, brand, condition, tags, materials, images, attributes FROM listings ORDER BY id LIMIT ?')
      .all(count) as RuleColumns[];
    return rows.map((row) => ({
      marketplace: row.marketplace,
      title: row.title,
      description: row.description,
      priceMinor: row.price_minor,
      quantity: row.quantity,
      sku: row.sku,
      brand: row.brand,
      condition: row.condition,
      tags: parseStringArray(row.tags),
      materials: parseStringArray(row.materials),
      images: parseStringArray(row.images),
      attributes: parseStringRecord(row.attributes),
    }));
  } finally {
    db.close();
  }
}

/**
 * rules_eval_per_s: evaluateListing calls per second on one thread, each listing against its own
 * marketplace — the cost every write and every rescore pays per listing. One warm-up pass (JIT),
 * then the median of three timed passes.
 */
export function measureRulesThroughput(listings: readonly ScoredListing[]): number {
  const pass = (): number => {
    const started = performance.now();
    let issues = 0;
    for (const listing of listings) issues += evaluateListing(listing, listing.marketplace).issues.length;
    const seconds = (performance.now() - started) / 1000;
    // Using the result keeps the loop from being optimised away.
    if (issues < 0) throw new Error('unreachable');
    return listings.length / seconds;
  };
  pass();
  const rates = [pass(), pass(), pass()].sort((a, b) => a - b);
  return Math.round(rates[1]!);
}
