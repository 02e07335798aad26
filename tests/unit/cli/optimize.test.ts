/** `listsmith optimize`, run as the built CLI against a real catalog with the real optimizer pool. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertListings } from '../../../core/catalog/insert-listings.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { parseListingFilter } from '../../../core/cli/optimize.js';
import { newListing, tempDir } from '../catalog/temp-catalog.js';
import { repoRoot } from '../paths.js';

const cli = path.join(repoRoot, 'out', 'cli', 'cli.js');
const worker = path.join(repoRoot, 'out', 'workers', 'optimizer.worker.cjs');

function run(...args: string[]): { status: number | null; stderr: string; last: unknown } {
  const { GROQ_API_KEY: _key, GROQ_BASE_URL: _base, ...env } = process.env;
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env });
  let last: unknown;
  try {
    last = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '');
  } catch {
    last = null;
  }
  return { status: result.status, stderr: result.stderr, last };
}

const LONG = 'Handmade sterling silver ring with natural turquoise stone, vintage boho style jewelry gift for her, women size 7';

function catalogWith(ebay: number, etsy: number): string {
  const db = path.join(tempDir(), 'c.sqlite');
  const catalog = openCatalog(db, { role: 'writer' });
  try {
    const rows = [
      ...Array.from({ length: ebay }, (_, i) => newListing({ marketplace: 'ebay', sku: `E-${i}`, title: `${LONG} #${i}` })),
      ...Array.from({ length: etsy }, (_, i) => newListing({ marketplace: 'etsy', sku: `T-${i}`, title: `${LONG} #${i}` })),
    ];
    insertListings(catalog.db, rows);
  } finally {
    catalog.close();
  }
  return db;
}

function query<T>(db: string, sql: string): T {
  const catalog = openCatalog(db, { role: 'writer' });
  try {
    return catalog.db.prepare(sql).pluck().get() as T;
  } finally {
    catalog.close();
  }
}

describe('optimize --filter', () => {
  it('defaults to the target marketplace and parses key=value pairs, search last', () => {
    expect(parseListingFilter(undefined, 'ebay')).toEqual({ kind: 'query', filter: { marketplaces: ['ebay'] } });
    expect(parseListingFilter('status=active,status=draft,marketplace=any,search=silver, ring', 'ebay')).toEqual({
      kind: 'query',
      filter: { statuses: ['active', 'draft'] },
      search: 'silver, ring',
    });
    expect(parseListingFilter('marketplace=etsy,maxScore=60,errors=yes', 'ebay')).toEqual({ kind: 'query', filter: { marketplaces: ['etsy'], maxScore: 60, hasErrors: true } });
    expect(() => parseListingFilter('colour=red', 'ebay')).toThrow(/unknown key "colour"/);
    expect(() => parseListingFilter('status=gone', 'ebay')).toThrow(/unknown status/);
  });

  it('proposals=yes is the grid\'s "Has proposals" filter', () => {
    expect(parseListingFilter('proposals=yes,marketplace=any', 'ebay')).toEqual({ kind: 'query', filter: { hasProposals: true } });
    expect(parseListingFilter('errors=yes, proposals=YES, search=ring', 'etsy')).toEqual({
      kind: 'query',
      filter: { marketplaces: ['etsy'], hasErrors: true, hasProposals: true },
      search: 'ring',
    });
    expect(() => parseListingFilter('proposals=no', 'ebay')).toThrow(/proposals takes only "yes"/);
    expect(() => parseListingFilter('proposals', 'ebay')).toThrow(/not key=value/);
  });
});

describe.skipIf(!fs.existsSync(cli) || !fs.existsSync(worker))('listsmith optimize', () => {
  it('--apply fits every eBay title to 80 characters, as one undoable change set, with a JSON last line', () => {
    const db = catalogWith(300, 20);
    const out = path.join(path.dirname(db), 'ebay.csv');
    const before = run('export', '--format', 'ebay_seller_hub', '--out', out, '--db', db, '--json');
    expect(before.last).toMatchObject({ skipped: 320 });

    const review = run('optimize', '--marketplace', 'ebay', '--db', db, '--json');
    expect(review.status).toBe(0);
    expect(review.last).toMatchObject({ listings: 300, applied: 0, failed: 0, errors: [] });
    expect((review.last as { proposals: number }).proposals).toBeGreaterThanOrEqual(300);
    expect(query<number>(db, 'SELECT max(length(title)) FROM listings')).toBeGreaterThan(80);

    // proposals=yes: only the listings the first run left proposals on (none of the Etsy ones).
    const pending = query<number>(db, "SELECT count(DISTINCT listing_id) FROM proposals WHERE state = 'pending'");
    const again = run('optimize', '--marketplace', 'ebay', '--filter', 'marketplace=any,proposals=yes', '--db', db, '--json');
    expect(again.status).toBe(0);
    expect(again.last).toMatchObject({ listings: pending, applied: 0, failed: 0 });

    const applied = run('optimize', '--marketplace', 'ebay', '--apply', '--db', db, '--json');
    expect(applied.status).toBe(0);
    const result = applied.last as { listings: number; proposals: number; applied: number; failed: number; errors: string[] };
    expect(result).toMatchObject({ listings: 300, failed: 0, errors: [] });
    expect(result.applied).toBe(result.proposals);
    expect(result.proposals).toBeGreaterThanOrEqual(300);
    expect(applied.stderr).toMatch(/300 \/ 300 listings/);
    expect(query<number>(db, "SELECT max(length(title)) FROM listings WHERE marketplace = 'ebay'")).toBeLessThanOrEqual(80);
    expect(query<number>(db, "SELECT min(length(title)) FROM listings WHERE marketplace = 'etsy'")).toBeGreaterThan(80);
    expect(query<number>(db, "SELECT count(*) FROM change_sets WHERE kind = 'proposal'")).toBe(1);

    // Only the eBay listings were in scope: the Etsy ones are still too long for eBay.
    const after = run('export', '--format', 'ebay_seller_hub', '--out', out, '--db', db, '--json');
    expect(after.last).toMatchObject({ rows: 300, skipped: 20 });
  }, 60_000);

  it('bad arguments: one clear line, no stack, non-zero exit', () => {
    const db = catalogWith(2, 0);
    const cases: [string[], number, RegExp][] = [
      [['optimize', '--db', db], 2, /needs --marketplace/],
      [['optimize', '--marketplace', 'ebayy', '--db', db], 2, /Unknown --marketplace "ebayy"/],
      [['optimize', '--marketplace', 'ebay', '--filter', 'colour=red', '--db', db], 2, /unknown key "colour"/],
      [['optimize', '--marketplace', 'ebay', '--ai', '--db', db], 1, /^listsmith: --ai needs a Groq API key: set GROQ_API_KEY/],
    ];
    for (const [args, status, message] of cases) {
      const result = run(...args);
      expect(result.status).toBe(status);
      const first = result.stderr.split('\n')[0]!;
      expect(first).toMatch(/^listsmith: /);
      expect(first).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(query<number>(db, 'SELECT count(*) FROM jobs')).toBe(0);
  });

  it('Ctrl-C cancels the job and applies nothing', async () => {
    const db = catalogWith(20_000, 0);
    const child = spawn(process.execPath, [cli, 'optimize', '--marketplace', 'ebay', '--apply', '--db', db, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const progressed = new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/\d+ \/ 20,000 listings/.test(stderr)) resolve();
      }),
    );
    await progressed;
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(stderr).toMatch(/cancelled; nothing was applied/);
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toMatchObject({ listings: 20_000, applied: 0, cancelled: true });
    expect(query<string>(db, 'SELECT state FROM jobs')).toBe('cancelled');
    expect(query<number>(db, 'SELECT count(*) FROM change_sets')).toBe(0);
    expect(query<number>(db, "SELECT count(*) FROM proposals WHERE state = 'accepted'")).toBe(0);
  }, 60_000);
});
