/** `listsmith optimize --ai`: the built CLI, keyed from the environment, against the fake Groq server. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeGroq } from '../../../core/ai/fake-groq/server.js';
import { newListing } from '../catalog/temp-catalog.js';
import { catalogFileWith, pluckAll, runCliWithGroq, startRoomyFakeGroq } from '../ai/ai-test-setup.js';

const KEY = 'gsk_cli_test_key_0123456789';
let fake: FakeGroq;

beforeEach(async () => {
  fake = await startRoomyFakeGroq(KEY);
});
afterEach(async () => {
  await fake.close();
});

const catalogWith = (count: number): string =>
  catalogFileWith(Array.from({ length: count }, (_, i) => newListing({ marketplace: 'etsy', sku: `T-${i}`, title: `HANDMADE CERAMIC MUG!!! BEST GIFT mug #${i}`, tags: ['mug'] })));
const query = <T>(db: string, sql: string): T => pluckAll<T>(db, sql)[0] as T;
const run = (args: string[], key: string) => runCliWithGroq(args, fake, key);

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
