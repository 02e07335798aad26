import { spawn, type ChildProcess } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { closeSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ContractClient } from '../../common/client.js';
import type { GridQuery } from '../../common/grid.js';
import { cachedDemoCatalog } from '../cached-catalog.js';
import { percentile, round, timed } from './stats.js';
import { measureBulkEdit } from './edit-bench.js';
import { measureDelete } from './delete-bench.js';
import { makeShopifyFiles, measureFloor, measureImport } from './import-bench.js';
import { measureJobOverhead } from './job-bench.js';
import { measureAiThroughput } from './ai-bench.js';
import { measureAiLatency } from './ai-latency-bench.js';
import { measureOptimizerPool, measureRealOptimizerPool } from './optimizer-bench.js';
import { copyWithSpreadIds, measurePagesDuringLoad } from './pages-during-load.js';
import { writeRealTextFile } from './real-text-file.js';
import { measureRenderer } from './renderer-bench.js';
import { measureRulesThroughput, readRuleInputs } from './rules-bench.js';
import { connectClient } from './ws-client.js';
import { SEARCH_QUERIES } from './search-queries.js';

/**
 * `npm run bench [-- --json] [--rows N] [--skip-renderer] [--skip-import] …`: seeds a catalog once (cached under .cache/bench), starts
 * the real web host as a child process and measures through the contract over the WebSocket,
 * exactly the path the renderer takes. Not part of `npm test`: numbers, not pass/fail.
 */
const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    rows: { type: 'string', default: '1000000' },
    iterations: { type: 'string', default: '60' },
    'import-rows': { type: 'string', default: '100000' },
    'rules-rows': { type: 'string', default: '100000' },
    'skip-import': { type: 'boolean', default: false },
    'skip-edit': { type: 'boolean', default: false },
    'skip-delete': { type: 'boolean', default: false },
    'skip-optimizer': { type: 'boolean', default: false },
    'skip-renderer': { type: 'boolean', default: false },
    'skip-ai': { type: 'boolean', default: false },
    /** Only the AI latency part (ai_single_ms, ai_batch10_ms; about a minute at real time). */
    'only-ai-latency': { type: 'boolean', default: false },
    /** Only the AI benchmark (no 1M catalog needed). */
    'only-ai': { type: 'boolean', default: false },
    /** Only the import part (fresh file, floor, real text, into the cached 1M catalog, pages during that load; issue 15). */
    'only-import': { type: 'boolean', default: false },
    'ai-listings': { type: 'string', default: '1000' },
    'ai-compression': { type: 'string', default: '10' },
    'load-job-rows': { type: 'string', default: '100000' },
  },
});
const rows = Number(values.rows);
const iterations = Number(values.iterations);
const repoRoot = resolve(import.meta.dirname, '..', '..');
const results: Record<string, number> = {};
const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** ai_limit_ratio, ai_failed: 1,000 listings through an AI job under free-tier emulation (ai-bench.ts). */
async function measureAi(): Promise<void> {
  log(`AI bench: ${values['ai-listings']} listings, free tier (30 RPM, 6,000 TPM, ~1 s latency), time ×${values['ai-compression']}…`);
  Object.assign(results, await measureAiThroughput(Number(values['ai-listings']), Number(values['ai-compression'])));
  await measureAiWaits();
}

/** ai_single_ms, ai_batch10_ms: what a seller waits for, at real time, free tier, while a bulk AI job runs (ai-latency-bench.ts). */
async function measureAiWaits(): Promise<void> {
  log('AI latency bench: one-listing rewrites while a 1,000-listing AI job runs, and a 10-listing job, free tier, ~1 s latency, real time…');
  Object.assign(results, await measureAiLatency());
}

async function main(): Promise<void> {
  if (values['only-ai-latency']) {
    await measureAiWaits();
    printTable();
    if (values.json) console.log(JSON.stringify(results));
    return;
  }
  if (values['only-import']) {
    await measureImports(await seededCatalog());
    printTable();
    if (values.json) console.log(JSON.stringify(results));
    return;
  }
  if (values['only-ai']) {
    await measureAi();
    printTable();
    if (values.json) console.log(JSON.stringify(results));
    return;
  }
  const databasePath = await seededCatalog();
  // This VM reclaims idle page cache (DAMON): read the file once so the page and search numbers
  // measure the steady state, not the first touch of each disk page after a rebuild.
  warmFileCache(databasePath);
  const { host, port, token } = await startHost(databasePath);
  const { client, close } = await connectClient(port, token);
  try {
    await measureCatalogStats(client);
    await measureDashboardStats(client);
    const total = await measureViews(client);
    await measurePages(client, total);
    await measureSearch(client);
    // long_frames, last_row_visible, soak_*, cold_start_ms, bundle_gzip_kb: headless Chromium on this host (renderer-bench.ts).
    if (!values['skip-renderer']) {
      log('renderer bench: headless Chromium against the web host…');
      Object.assign(results, await measureRenderer({ url: `http://127.0.0.1:${port}/#token=${token}`, repoRoot }));
    }
  } finally {
    close();
    // Wait for the host to close its catalog: later measurements must not share the disk with it.
    const exited = new Promise((resolveExit) => host.once('exit', resolveExit));
    host.kill('SIGTERM');
    await exited;
  }
  measureRules(databasePath);
  // bulk_edit100k_ms, bulk_undo100k_ms (+ their checkpoints): price +10 % on a copy of the catalog (edit-bench.ts).
  if (!values['skip-edit']) Object.assign(results, await measureBulkEdit(databasePath));
  // delete100k_ms, delete_undo100k_ms, delete_redo100k_ms (+ checkpoints): 100k listings spread over a copy of the catalog (delete-bench.ts).
  if (!values['skip-delete']) Object.assign(results, await measureDelete(databasePath));
  // rules_listings_per_s: the rule optimizer in a 2-thread Piscina pool over 50k catalog listings (optimizer-bench.ts).
  if (!values['skip-optimizer']) {
    Object.assign(results, await measureOptimizerPool({ databasePath, threads: 2 }));
    // rules_real_listings_per_s: the same pool over real corpus listings repeated to 50k, with catalog hints per batch.
    Object.assign(results, await measureRealOptimizerPool({ threads: 2 }));
    // job_overhead_ms: the queue's own cost per job (enqueue, claim, result write, finish; job-bench.ts).
    Object.assign(results, await measureJobOverhead());
  }
  if (!values['skip-import']) await measureImports(databasePath);
  if (!values['skip-ai']) await measureAi();
  printTable();
  if (values.json) console.log(JSON.stringify(results));
}

async function seededCatalog(): Promise<string> {
  log(`preparing a ${rows.toLocaleString('en-US')}-listing demo catalog (built once, then cached)…`);
  const { path, builtInMs } = cachedDemoCatalog(repoRoot, rows);
  results.catalog_rows = rows;
  if (builtInMs > 0) results.demo_generate_ms = builtInMs;
  return path;
}

function startHost(databasePath: string): Promise<{ host: ChildProcess; port: number; token: string }> {
  const host = spawn(process.execPath, [join(repoRoot, 'out', 'web', 'host.js'), '--db', databasePath, '--port', '0', '--readers', '2'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    host.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([0-9a-f]+)/.exec(output);
      if (match) resolvePromise({ host, port: Number(match[1]), token: match[2]! });
    });
    host.once('exit', (code) => reject(new Error(`web host exited with ${code}: ${output}`)));
  });
}

/** catalog_stats_ms: p95 of catalog.stats (listing_counts only). */
async function measureCatalogStats(client: ContractClient): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) samples.push((await timed(() => client.call('catalog.stats', {})))[0]);
  results.catalog_stats_ms = round(percentile(samples, 95));
}

/** stats_ms: p95 of dashboard.stats over 50 calls (goal ≤ 10 ms at 1M listings: counters only). */
async function measureDashboardStats(client: ContractClient): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < 50; i++) samples.push((await timed(() => client.call('dashboard.stats', {})))[0]);
  results.stats_ms = round(percentile(samples, 95));
}

/** rules_eval_per_s: rules engine throughput on the catalog's own listings (see rules-bench.ts). */
function measureRules(databasePath: string): void {
  const listings = readRuleInputs(databasePath, Number(values['rules-rows']));
  results.rules_eval_listings = listings.length;
  results.rules_eval_per_s = measureRulesThroughput(listings);
}

const defaultQuery: GridQuery = { sort: { column: 'updated', direction: 'desc' }, filter: {} };

async function measureViews(client: ContractClient): Promise<number> {
  const [openMs, view] = await timed(() => client.call('grid.open', defaultQuery));
  results.view_open_default_ms = round(openMs, 1);
  const [titleMs] = await timed(() => client.call('grid.open', { sort: { column: 'title', direction: 'asc' }, filter: {} }));
  results.view_open_title_ms = round(titleMs, 1);
  const [filteredMs] = await timed(() =>
    client.call('grid.open', { sort: { column: 'price', direction: 'desc' }, filter: { marketplaces: ['etsy'], statuses: ['active'] } }),
  );
  results.view_open_filtered_ms = round(filteredMs, 1);
  const [scoreMs] = await timed(() => client.call('grid.open', { sort: { column: 'score', direction: 'asc' }, filter: {} }));
  results.view_open_score_ms = round(scoreMs, 1);
  const [qualityMs] = await timed(() =>
    client.call('grid.open', { sort: { column: 'updated', direction: 'desc' }, filter: { hasErrors: true, maxScore: 70 } }),
  );
  results.view_open_errors_filtered_ms = round(qualityMs, 1);
  const [cachedMs] = await timed(() => client.call('grid.open', defaultQuery));
  results.view_reopen_cached_ms = round(cachedMs, 2);
  return view.total;
}

async function measurePages(client: ContractClient, total: number): Promise<void> {
  const view = await client.call('grid.open', defaultQuery);
  const positions = { top: 0, mid: Math.floor(total / 2), end: Math.max(0, total - 200) };
  for (const [name, base] of Object.entries(positions)) {
    const samples: number[] = [];
    for (let i = 0; i < iterations; i++) {
      // Jitter within a few thousand rows so each page reads different database pages.
      const offset = Math.min(Math.max(0, total - 200), Math.max(0, base + (i % 2 === 0 ? 1 : -1) * ((i * 997) % 5000)));
      samples.push((await timed(() => client.call('grid.rows', { viewId: view.viewId, offset, limit: 200 })))[0]);
    }
    results[`page_${name}_p50_ms`] = round(percentile(samples, 50));
    results[`page_${name}_p95_ms`] = round(percentile(samples, 95));
  }
  await measurePagesAnywhere(client, view.viewId, total);
}

/** page_any_p95_ms: 200 pages of 200 rows at random depths over the whole view (seeded, so runs compare). */
async function measurePagesAnywhere(client: ContractClient, viewId: string, total: number): Promise<void> {
  let seed = 0x5eed;
  // mulberry32: a tiny seeded generator; Math.random would make every run read other pages.
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const offset = Math.floor(random() * Math.max(1, total - 200));
    samples.push((await timed(() => client.call('grid.rows', { viewId, offset, limit: 200 })))[0]);
  }
  results.page_any_p50_ms = round(percentile(samples, 50));
  results.page_any_p95_ms = round(percentile(samples, 95));
}

async function measureSearch(client: ContractClient): Promise<void> {
  const samples: number[] = [];
  const sorts: GridQuery['sort'][] = [
    { column: 'updated', direction: 'desc' },
    { column: 'title', direction: 'asc' },
  ];
  for (const sort of sorts) {
    for (const search of SEARCH_QUERIES) {
      const [ms] = await timed(async () => {
        const view = await client.call('grid.open', { sort, filter: {}, search });
        await client.call('grid.rows', { viewId: view.viewId, offset: 0, limit: 200 });
        return view;
      });
      samples.push(ms);
    }
  }
  results.search_p50_ms = round(percentile(samples, 50));
  results.search_p95_ms = round(percentile(samples, 95));
  results.search_max_ms = round(Math.max(...samples));
}

/**
 * Issue 15: import100k_visible_ms (start → committed, in the grid), import100k_indexed_ms (start →
 * search entries and scores built), import100k_floor_ms (the same parsed rows, raw prepared
 * inserts, no triggers) and their ratio, into a fresh catalog (import-bench.ts); the same with
 * real sellers' text (real-text-file.ts); into a copy of the 1M catalog; then page fetches on that
 * copy while an import, its indexing and an optimization job run (pages-during-load.ts).
 */
async function measureImports(databasePath: string): Promise<void> {
  const count = Number(values['import-rows']);
  log(`import bench: writing three ${count.toLocaleString('en-US')}-listing Shopify CSVs and one of real corpus text…`);
  const files = await makeShopifyFiles(count);
  try {
    const fresh = await measureImport(files.first, join(files.dir, 'import', 'catalog.sqlite'));
    const floor = await measureFloor(files.first, join(files.dir, 'floor.sqlite'));
    results.import100k_listings = fresh.imported;
    results.import100k_visible_ms = Math.round(fresh.visibleMs);
    results.import100k_indexed_ms = Math.round(fresh.indexedMs);
    results.import100k_floor_ms = Math.round(floor);
    results.import100k_floor_ratio = round(fresh.visibleMs / floor, 2);

    const realFile = join(files.dir, 'real.jsonl');
    results.import100k_real_distinct = await writeRealTextFile(realFile, count);
    const real = await measureImport(realFile, join(files.dir, 'real', 'catalog.sqlite'), 'jsonl');
    const realFloor = await measureFloor(realFile, join(files.dir, 'real-floor.sqlite'), 'jsonl');
    results.import100k_real_listings = real.imported;
    results.import100k_real_visible_ms = Math.round(real.visibleMs);
    results.import100k_real_indexed_ms = Math.round(real.indexedMs);
    results.import100k_real_floor_ms = Math.round(realFloor);
    results.import100k_real_floor_ratio = round(real.visibleMs / realFloor, 2);

    log('import bench: into a copy of the 1M catalog…');
    const loadCatalog = join(files.dir, 'load', 'catalog.sqlite');
    mkdirSync(dirname(loadCatalog), { recursive: true });
    const jobIds = await copyWithSpreadIds(databasePath, loadCatalog, Number(values['load-job-rows']));
    warmFileCache(loadCatalog);
    const into1m = await measureImport(files.third, loadCatalog);
    results.import100k_into_1m_new = into1m.imported;
    results.import100k_into_1m_visible_ms = Math.round(into1m.visibleMs);
    results.import100k_into_1m_indexed_ms = Math.round(into1m.indexedMs);

    log('load bench: grid pages on that copy while an import, its indexing and an optimization job run together…');
    const { host, port, token } = await startHost(loadCatalog);
    const { client, close } = await connectClient(port, token);
    try {
      Object.assign(results, await measurePagesDuringLoad(client, loadCatalog, files.second, jobIds));
    } finally {
      close();
      host.kill('SIGTERM');
      await new Promise((resolve) => host.once('exit', resolve));
    }
  } finally {
    files.cleanup();
  }
}

function warmFileCache(path: string): void {
  const buffer = Buffer.allocUnsafe(8 * 2 ** 20);
  const fd = openSync(path, 'r');
  try {
    while (readSync(fd, buffer, 0, buffer.length, null) > 0);
  } finally {
    closeSync(fd);
  }
}

function printTable(): void {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  log(`\nListsmith bench — ${cpus().length} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  const width = Math.max(...Object.keys(results).map((k) => k.length));
  for (const [name, value] of Object.entries(results)) log(`${name.padEnd(width)}  ${value}`);
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${(error as Error).message}`);
  process.exit(1);
});
