/**
 * Issue 19 end to end in Node: the real groq-sdk and AI job path against the fake Groq server
 * misbehaving (refusals in several languages, invented facts, dropped sizes, echoed instructions,
 * meta-text, placeholders, cut-off text). Nothing of it reaches a listing through "accept all"
 * (a job's proposals), a listing's accept or auto-apply; the review data shows each field with its
 * reason; the seller can still accept one such field on its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFUSALS, type Misbehaviour } from '../../../core/ai/fake-groq/index.js';
import type { FakeGroq } from '../../../core/ai/fake-groq/server.js';
import type { AiFlagKind } from '../../../core/jobs/ai-flag-rule.js';
import { insertListings } from '../../../core/catalog/insert-listings.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { acceptProposals, enqueueJob, listPendingProposals, readJob, type JobRunner } from '../../../core/jobs/index.js';
import { newListing } from '../catalog/temp-catalog.js';
import { aiOnlyJobRunner, keyedAiService, startRoomyFakeGroq } from './ai-test-setup.js';

let dir: string;
let catalog: Catalog;
let fake: FakeGroq;
let runner: JobRunner;
let ids: number[];
const KEY = 'gsk_test_key_output_checks_0001';

/** Real-looking listings, each with sizes or weights, none mentioning cashmere, warranties or certificates. */
const LISTINGS = [
  { title: 'Linen Shirt Size XL, Natural Beige, 250 g', description: 'Relaxed shirt in washed linen, size XL. Weighs 250 g. Machine washable.', materials: ['linen'], tags: ['linen shirt', 'beige shirt'] },
  { title: 'Stoneware Coffee Mug 350 ml, Speckled Blue', description: 'Hand thrown stoneware mug, holds 350 ml. Dishwasher safe.', materials: ['stoneware'], tags: ['coffee mug', 'stoneware mug'] },
  { title: 'Oak Cutting Board 30 x 20 cm', description: 'Solid oak board, 30 x 20 cm, 2 cm thick. Oiled with food safe oil.', materials: ['oak'], tags: ['cutting board', 'oak board'] },
  { title: 'Silver Ring Size 7, 2 mm Band', description: 'Sterling silver band, 2 mm wide, ring size 7.', materials: ['sterling silver'], tags: ['silver ring', 'band ring'] },
  { title: 'Beeswax Candle Set of 3, 200 g Each', description: 'Three hand poured beeswax candles, 200 g each. Burns for 40 hours.', materials: ['beeswax'], tags: ['beeswax candle', 'candle set'] },
];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'listsmith-ai-flags-'));
  catalog = openCatalog(join(dir, 'catalog.sqlite'), { role: 'writer' });
  ids = insertListings(
    catalog.db,
    LISTINGS.map((listing, i) => newListing({ ...listing, marketplace: 'etsy', sku: `H19-${i}`, brand: null, attributes: {}, category: 'Home' })),
  );
  fake = await startRoomyFakeGroq(KEY);
  runner = aiOnlyJobRunner(catalog, keyedAiService(catalog, fake, KEY));
});

afterEach(async () => {
  await runner.stop();
  catalog.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

async function runJob(autoApply = false): Promise<number> {
  const job = enqueueJob(catalog, { kind: 'ai', target: { kind: 'ids', ids }, marketplace: 'etsy', ...(autoApply ? { autoApply } : {}) });
  runner.start();
  runner.wake();
  await runner.whenIdle();
  expect(readJob(catalog.db, job.id)!.state).toBe('done');
  return job.id;
}

const stored = () => catalog.db.prepare('SELECT id, title, description FROM listings ORDER BY id').all() as { id: number; title: string; description: string }[];

/** What each misbehaviour must be flagged as, and how to see that it reached a listing. */
const CASES: { fault: Misbehaviour; kind: AiFlagKind; reason: RegExp; leaked: (text: string) => boolean }[] = [
  { fault: 'refusal', kind: 'refusal', reason: /^The AI refused or apologised instead of rewriting/, leaked: (text) => REFUSALS.some((refusal) => text.includes(refusal.text.slice(0, 25))) },
  { fault: 'invented_facts', kind: 'new_fact', reason: /^Not in the listing: .*(cashmere|100%|2-Pack|certified|warranty)/i, leaked: (text) => /cashmere|warranty|certified/i.test(text) },
  { fault: 'dropped_sizes', kind: 'lost_fact', reason: /^Lost from the listing: "(250 g|XL|350 ml|30 x 20 cm|20 cm|2 mm|7|200 g)/, leaked: () => false },
  { fault: 'echo_prompt', kind: 'echoed_prompt', reason: /^The AI repeated its instructions/, leaked: (text) => /you improve product listings|never invent facts/i.test(text) },
  { fault: 'meta_text', kind: 'meta_text', reason: /^The AI wrote about its answer \("(Here is the (rewritten title|improved description)|Sure!)/, leaked: (text) => /here is the|^sure!/i.test(text) },
  { fault: 'placeholder', kind: 'placeholder', reason: /^The AI left a placeholder unfilled \("\[Brand/, leaked: (text) => text.includes('[Brand') || text.includes('{country}') },
  { fault: 'truncated_text', kind: 'truncated', reason: /stops mid-sentence/, leaked: (text) => /\s(with|and the)$/.test(text.trim()) },
];

describe('AI output that must not reach a listing', () => {
  it.each(CASES)('$fault: flagged as $kind with its reason in the review; accept-all and a listing accept leave it pending', async ({ fault, kind, reason, leaked }) => {
    const before = stored();
    // Every request misbehaves: the first answer and the targeted re-ask.
    fake.inject(fault, 1_000);
    const jobId = await runJob();

    const review = listPendingProposals(catalog, { kind: 'job', jobId });
    const flagged = review.filter((view) => view.changes[0]?.ruleId.startsWith('ai.flag.'));
    const withKind = flagged.filter((view) => view.changes.some((change) => change.ruleId === `ai.flag.${kind}`));
    // Each listing shows the misbehaviour in its title or description, with the reason.
    expect(new Set(withKind.map((view) => view.listingId)).size, JSON.stringify(review.map((v) => [v.field, v.after, v.changes[0]]))).toBe(LISTINGS.length);
    for (const view of withKind) expect(view.changes.find((change) => change.ruleId === `ai.flag.${kind}`)!.reason).toMatch(reason);
    for (const view of withKind) expect(view.changes.find((change) => change.ruleId === `ai.flag.${kind}`)!.reason).toMatch(/"Accept all" and --apply skip it/);

    // "Accept all" of the job's review (the same call `optimize --apply` makes).
    const all = acceptProposals(catalog, { kind: 'job', jobId });
    expect(all.flagged).toBe(flagged.length);
    // A listing's "accept" skips them too.
    expect(acceptProposals(catalog, { kind: 'listings', listingIds: ids }).accepted).toBe(0);
    // Two ids at once is not "on its own".
    expect(acceptProposals(catalog, { kind: 'ids', ids: flagged.slice(0, 2).map((view) => view.id) }).accepted).toBe(0);

    const after = stored();
    for (const [i, listing] of after.entries()) {
      expect(leaked(listing.title), listing.title).toBe(false);
      expect(leaked(listing.description), listing.description).toBe(false);
      // A flagged title or description is still the seller's own.
      for (const view of flagged.filter((v) => v.listingId === listing.id && v.field !== 'tags')) expect(listing[view.field as 'title' | 'description']).toBe(before[i]![view.field as 'title' | 'description']);
    }
    const pending = catalog.db.prepare("SELECT count(*) FROM proposals WHERE job_id = ? AND state = 'pending' AND rule LIKE 'ai.flag.%'").pluck().get(jobId);
    expect(pending).toBe(flagged.length);
  }, 60_000);

  it('the seller can accept one flagged field on its own, from the review', async () => {
    fake.inject('invented_facts', 1_000);
    const jobId = await runJob();
    const flaggedTitle = listPendingProposals(catalog, { kind: 'job', jobId }).find((view) => view.field === 'title' && view.changes[0]?.ruleId === 'ai.flag.new_fact')!;
    const outcome = acceptProposals(catalog, { kind: 'ids', ids: [flaggedTitle.id] });
    expect(outcome.accepted).toBe(1);
    expect(catalog.db.prepare('SELECT title FROM listings WHERE id = ?').pluck().get(flaggedTitle.listingId)).toBe(flaggedTitle.after);
    expect(catalog.db.prepare('SELECT author FROM revisions WHERE listing_id = ? ORDER BY id DESC LIMIT 1').pluck().get(flaggedTitle.listingId)).toBe('ai');
  }, 60_000);

  it('auto-apply skips flagged fields and applies the clean ones', async () => {
    fake.inject('refusal', 1_000);
    const before = stored();
    const jobId = await runJob(true);
    const after = stored();
    expect(after.map((listing) => listing.title)).toEqual(before.map((listing) => listing.title));
    expect(catalog.db.prepare("SELECT count(*) FROM proposals WHERE job_id = ? AND state = 'pending' AND rule = 'ai.flag.refusal'").pluck().get(jobId)).toBeGreaterThanOrEqual(LISTINGS.length);
  }, 60_000);

  it('a healthy server: nothing is flagged and accept-all applies everything', async () => {
    const jobId = await runJob();
    const review = listPendingProposals(catalog, { kind: 'job', jobId });
    expect(review.length).toBeGreaterThan(0);
    expect(review.filter((view) => view.changes[0]?.ruleId.startsWith('ai.flag.')), JSON.stringify(review.map((v) => v.changes[0]))).toEqual([]);
    const all = acceptProposals(catalog, { kind: 'job', jobId });
    expect(all).toMatchObject({ accepted: review.length, flagged: 0 });
  }, 60_000);
});
