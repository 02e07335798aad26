/** `listsmith optimize --ai`: the built CLI, keyed from the environment, against the fake Groq server. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGroq, type FakeGroq } from '../../../core/ai/fake-groq/server.js';
import { insertListings } from '../../../core/catalog/insert-listings.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { newListing, tempDir } from '../catalog/temp-catalog.js';
import { repoRoot } from '../paths.js';

const cli = path.join(repoRoot, 'out', 'cli', 'cli.js');
const KEY = 'gsk_cli_test_key_0123456789';
let fake: FakeGroq;

beforeEach(async () => {
  fake = await startFakeGroq({ apiKeys: [KEY], limits: { rpm: 1_000, tpm: 250_000, rpd: 500_000 } });
});
afterEach(async () => {
  await fake.close();
});

function catalogWith(count: number): string {
  const db = path.join(tempDir(), 'c.sqlite');
  const catalog = openCatalog(db, { role: 'writer' });
  try {
    insertListings(
      catalog.db,
      Array.from({ length: count }, (_, i) => newListing({ marketplace: 'etsy', sku: `T-${i}`, title: `HANDMADE CERAMIC MUG!!! BEST GIFT mug #${i}`, tags: ['mug'] })),
    );
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

/** Async: the fake server runs in this process and must keep answering while the CLI runs. */
function run(args: string[], key: string): Promise<{ code: number | null; stderr: string; last: unknown }> {
  const { GROQ_API_KEY: _key, GROQ_BASE_URL: _base, ...env } = process.env;
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, GROQ_API_KEY: key, GROQ_BASE_URL: fake.url } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      let last: unknown = null;
      try {
        last = JSON.parse(stdout.trim().split('\n').at(-1) ?? '');
      } catch {
        // no JSON line
      }
      resolve({ code, stderr, last });
    }),
  );
}

describe('listsmith optimize --ai', () => {
  it('rewrites through Groq and applies with --apply: one JSON line, revisions by the AI', async () => {
    const db = catalogWith(30);
    const result = await run(['optimize', '--marketplace', 'etsy', '--ai', '--apply', '--db', db, '--json'], KEY);
    expect(result.code, result.stderr).toBe(0);
    expect(result.last).toMatchObject({ listings: 30, failed: 0 });
    const { proposals, applied } = result.last as { proposals: number; applied: number };
    expect(proposals).toBeGreaterThanOrEqual(30);
    expect(applied).toBe(proposals);
    expect(query<number>(db, "SELECT count(*) FROM listings WHERE title LIKE '%!!!%'")).toBe(0);
    expect(query<number>(db, "SELECT count(*) FROM revisions WHERE author = 'ai'")).toBe(30);
    expect(query<number>(db, 'SELECT count(*) FROM listings WHERE ai_fields & 1')).toBe(30);
    expect(fake.stats().byStatus[200]).toBeGreaterThan(0);
  }, 60_000);

  it('a daily limit ends with one line saying when it resets, a non-zero exit and nothing applied', async () => {
    const db = catalogWith(10);
    fake.inject('rate_day', 100);
    const result = await run(['optimize', '--marketplace', 'etsy', '--ai', '--apply', '--db', db], KEY);
    expect(result.code).toBe(1);
    const last = result.stderr.trim().split('\n').at(-1)!;
    expect(last).toMatch(/^listsmith: Groq's daily \w+ limit is used up; it resets in \d+ (h|min)/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(query<number>(db, "SELECT count(*) FROM proposals WHERE state = 'accepted'")).toBe(0);
    expect(query<number>(db, 'SELECT count(*) FROM revisions')).toBe(0);
  }, 60_000);

  it('a refused key ends with one line asking for a valid key', async () => {
    const db = catalogWith(5);
    const result = await run(['optimize', '--marketplace', 'etsy', '--ai', '--db', db], 'gsk_not_the_right_key_000000');
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(/^listsmith: .*key/i);
    expect(result.stderr).not.toContain('gsk_not_the_right_key_000000');
    expect(query<number>(db, 'SELECT count(*) FROM proposals')).toBe(0);
  }, 60_000);
});
