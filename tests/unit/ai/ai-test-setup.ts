/**
 * The AI tests' shared setup: a fake Groq server with room to spare, an AiService keyed for it,
 * an AI-only job runner, and the built CLI run against the fake server with its key in the
 * environment (as a seller's shell would set it).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { aiJobs } from '../../../core/ai/ai-job-runner.js';
import { AiService } from '../../../core/ai/ai-service.js';
import { startFakeGroq, type FakeGroq } from '../../../core/ai/fake-groq/server.js';
import { insertListings } from '../../../core/catalog/insert-listings.js';
import type { NewListing } from '../../../core/catalog/insert-listings.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { createJobRunner, type JobRunner, type OptimizerRunner } from '../../../core/jobs/index.js';
import { tempDir } from '../catalog/temp-catalog.js';
import { repoRoot } from '../paths.js';

/** Limits no test reaches, so only the faults a test injects fail a call. */
const ROOMY_LIMITS = { rpm: 1_000, tpm: 250_000, rpd: 500_000 };

/** A fake Groq server that accepts only `key` (any key when absent). */
export function startRoomyFakeGroq(key?: string): Promise<FakeGroq> {
  return startFakeGroq({ ...(key === undefined ? {} : { apiKeys: [key] }), limits: ROOMY_LIMITS });
}

/** The app's AiService on `catalog`, keyed with `key` as if the seller had stored it, calling `fake`. */
export function keyedAiService(catalog: Catalog, fake: FakeGroq, key: string): AiService {
  const ai = new AiService({ db: catalog.db, baseURL: fake.url, runQueued: (work) => Promise.resolve().then(work) });
  ai.setKey(key, { source: 'stored', protection: 'test', warning: null });
  return ai;
}

const noRulePool: OptimizerRunner = { run: () => Promise.reject(new Error('the rule optimizer must not run AI batches')) };

/** A job runner whose AI batches go to `ai` (as the app's job host sets it up) and that fails a rule batch. */
export function aiOnlyJobRunner(catalog: Catalog, ai: AiService): JobRunner {
  return createJobRunner({ catalog, runner: noRulePool, ...aiJobs(ai), retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20 } });
}

/** A catalog file holding `listings` (closed again), for the CLI to open. */
export function catalogFileWith(listings: NewListing[]): string {
  const db = path.join(tempDir(), 'c.sqlite');
  const catalog = openCatalog(db, { role: 'writer' });
  try {
    insertListings(catalog.db, listings);
  } finally {
    catalog.close();
  }
  return db;
}

/** Every value of a one-column query on the catalog file `db`. */
export function pluckAll<T>(db: string, sql: string): T[] {
  const catalog = openCatalog(db, { role: 'writer' });
  try {
    return catalog.db.prepare(sql).pluck().all() as T[];
  } finally {
    catalog.close();
  }
}

const cli = path.join(repoRoot, 'out', 'cli', 'cli.js');

/**
 * Runs the built CLI with `key` and `fake`'s address in GROQ_API_KEY / GROQ_BASE_URL (the test's
 * own are dropped). Async: the fake server runs in this process and must keep answering meanwhile.
 * `last` is the last stdout line read as JSON (null when it is not JSON).
 */
export function runCliWithGroq(args: string[], fake: FakeGroq, key: string): Promise<{ code: number | null; stderr: string; last: Record<string, unknown> | null }> {
  const { GROQ_API_KEY: _key, GROQ_BASE_URL: _base, ...env } = process.env;
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, GROQ_API_KEY: key, GROQ_BASE_URL: fake.url } });
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
