/**
 * Issue 19 through the CLI: `listsmith optimize --ai --apply` (the built CLI, keyed from the
 * environment) against a fake Groq server that refuses or invents facts. Nothing of it is written
 * to a listing; the flagged fields stay pending for the review and the JSON line counts them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeGroq } from '../../../core/ai/fake-groq/server.js';
import { newListing } from '../catalog/temp-catalog.js';
import { catalogFileWith, pluckAll, runCliWithGroq, startRoomyFakeGroq } from './ai-test-setup.js';

const KEY = 'gsk_cli_flags_key_0123456789';
let fake: FakeGroq;

beforeEach(async () => {
  fake = await startRoomyFakeGroq(KEY);
});
afterEach(async () => {
  await fake.close();
});

const catalogWith = (count: number): string =>
  catalogFileWith(
    Array.from({ length: count }, (_, i) =>
      newListing({ marketplace: 'etsy', sku: `F-${i}`, title: `Stoneware Coffee Mug ${i + 1}, 350 ml, Speckled Blue`, description: 'Hand thrown stoneware mug, holds 350 ml. Dishwasher safe.', tags: ['coffee mug'], materials: ['stoneware'], brand: null, attributes: {} }),
    ),
  );
const read = pluckAll;
const run = (args: string[]) => runCliWithGroq(args, fake, KEY);

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
