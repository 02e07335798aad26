/**
 * Issue 19 through the CLI: `listsmith optimize --ai --apply` (the built CLI, keyed from the
 * environment) against a fake Groq server that refuses or invents facts. Nothing of it is written
 * to a listing; the flagged fields stay pending for the review and the JSON line counts them.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGroq, type FakeGroq } from '../../../core/ai/fake-groq/server.js';
import { insertListings } from '../../../core/catalog/insert-listings.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { newListing, tempDir } from '../catalog/temp-catalog.js';
import { repoRoot } from '../paths.js';

const cli = path.join(repoRoot, 'out', 'cli', 'cli.js');
const KEY = 'gsk_cli_flags_key_0123456789';
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
      Array.from({ length: count }, (_, i) =>
        newListing({ marketplace: 'etsy', sku: `F-${i}`, title: `Stoneware Coffee Mug ${i + 1}, 350 ml, Speckled Blue`, description: 'Hand thrown stoneware mug, holds 350 ml. Dishwasher safe.', tags: ['coffee mug'], materials: ['stoneware'], brand: null, attributes: {} }),
      ),
    );
  } finally {
    catalog.close();
  }
  return db;
}

function read<T>(db: string, sql: string): T[] {
  const catalog = openCatalog(db, { role: 'writer' });
  try {
    return catalog.db.prepare(sql).pluck().all() as T[];
  } finally {
    catalog.close();
  }
}

/** Async: the fake server runs in this process and must keep answering while the CLI runs. */
function run(args: string[]): Promise<{ code: number | null; stderr: string; last: Record<string, unknown> | null }> {
  const { GROQ_API_KEY: _key, GROQ_BASE_URL: _base, ...env } = process.env;
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, GROQ_API_KEY: KEY, GROQ_BASE_URL: fake.url } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      let last: Record<string, unknown> | null = null;
      try {
        last = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>;
      } catch {
        // no JSON line
      }
      resolve({ code, stderr, last });
    }),
  );
}

describe('listsmith optimize --ai --apply never applies a flagged field', () => {
  it.each([
    ['refusal', /sorry|leid|désolé|siento|dispiace|desculpe|przepraszam|spijt|ledsen|üzgünüm|xin lỗi|as an ai/i],
    ['invented_facts', /cashmere|warranty|certified/i],
  ] as const)('%s: titles and descriptions stay the seller\'s own; the flagged fields are counted and left for review', async (fault, leaked) => {
    const db = catalogWith(5);
    const before = read<string>(db, 'SELECT title FROM listings ORDER BY id');
    fake.inject(fault, 1_000);
    const result = await run(['optimize', '--marketplace', 'etsy', '--ai', '--apply', '--db', db, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.last).toMatchObject({ listings: 5, failed: 0 });
    expect(result.last!.flagged as number).toBeGreaterThanOrEqual(5);
    expect(result.stderr).toMatch(/flagged AI fields were left for review/);
    for (const text of [...read<string>(db, 'SELECT title FROM listings'), ...read<string>(db, 'SELECT description FROM listings')]) expect(text).not.toMatch(leaked);
    expect(read<string>(db, 'SELECT title FROM listings ORDER BY id')).toEqual(before);
    expect(read<number>(db, "SELECT count(*) FROM proposals WHERE state = 'pending' AND rule LIKE 'ai.flag.%'")[0]).toBe(result.last!.flagged);
  }, 60_000);
});
