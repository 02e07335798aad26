/**
 * What the AI benches share: a demo catalog in a temporary folder, the fake Groq server emulating
 * the free tier of llama-3.1-8b-instant, the app's AiService keyed for it, and a job runner that
 * sends AI batches to it as the app's job host does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aiJobs } from '../../core/ai/ai-job-runner.js';
import { AiService } from '../../core/ai/ai-service.js';
import { startFakeGroq, type FakeGroq, type FakeGroqOptions } from '../../core/ai/fake-groq/server.js';
import { generateDemoData } from '../../core/catalog/demo-data.js';
import { openCatalog, type Catalog } from '../../core/catalog/open-catalog.js';
import { createJobRunner, type JobRunner, type JobRunnerOptions, type OptimizerRunner } from '../../core/jobs/index.js';

/** Groq's free tier for llama-3.1-8b-instant. */
export const FREE_TIER = { rpm: 30, tpm: 6_000, rpd: 14_400 };

export interface AiBench {
  catalog: Catalog;
  fake: FakeGroq;
  ai: AiService;
  /** Closes the catalog and the server and removes the folder. */
  close(): Promise<void>;
}

/**
 * `listings` demo listings (from `seed`) and the free-tier fake server with `server`'s timing;
 * `windowMs` compresses our limiter's minute as the server's `minuteMs` does.
 */
export async function openAiBench(options: { name: string; listings: number; seed: number; server: Omit<FakeGroqOptions, 'limits'>; windowMs?: number }): Promise<AiBench> {
  const fake = await startFakeGroq({ ...options.server, limits: FREE_TIER });
  const dir = mkdtempSync(join(tmpdir(), `listsmith-${options.name}-`));
  const catalog = openCatalog(join(dir, 'catalog.sqlite'), { role: 'writer' });
  const close = async (): Promise<void> => {
    catalog.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    generateDemoData(catalog, { count: options.listings, seed: options.seed });
    const ai = new AiService({ db: catalog.db, baseURL: fake.url, runQueued: (work) => Promise.resolve().then(work), ...(options.windowMs === undefined ? {} : { windowMs: options.windowMs }) });
    ai.setKey('gsk_bench_key_0123456789', { source: 'environment', protection: null, warning: null });
    return { catalog, fake, ai, close };
  } catch (error) {
    await close();
    throw error;
  }
}

const unused: OptimizerRunner = { run: () => Promise.reject(new Error('only AI batches run in this bench')) };

/** As the app's job host sets it up (core/jobs/job-host.ts): two lanes (plus the interactive one), AI batches to `ai`. */
export function aiBenchRunner(bench: AiBench, options: Pick<JobRunnerOptions, 'onProgress'> = {}): JobRunner {
  return createJobRunner({ catalog: bench.catalog, runner: unused, ...aiJobs(bench.ai), lanes: 2, ...options });
}
