/**
 * `listsmith optimize --marketplace M [--filter F] [--apply] [--db PATH] [--json]`: the app's
 * optimize job, headless and in-process. The job goes through the durable queue (core/jobs) and the
 * real Piscina pool, exactly as in the app; the CLI only waits for its own job.
 *
 * --apply accepts the job's proposals AFTER the job finished, in one transaction and one undoable
 * change set (the same as "Accept all" in the review view). Ctrl-C cancels the job: the batch in
 * flight is aborted and discarded, proposals already written stay pending for review, and nothing
 * is applied.
 */
import type { Scope } from '../../common/contract.js';
import type { GridFilter } from '../../common/grid.js';
import { LISTING_STATUSES, MARKETPLACES, type ListingStatus, type Marketplace } from '../../common/listing.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { catalogQuery } from '../catalog/query-builder.js';
import { selectFirstRow, selectRows } from '../catalog/run-compiled.js';
import { acceptProposals, createJobRunner, enqueueJob, readJob, recoverJobs, type JobProgress, type JobSummary } from '../jobs/index.js';
import { createOptimizerPool } from '../jobs/optimizer-pool.js';
import { optimizerLanesFor } from '../jobs/pool-defaults.js';
import { readableReason } from '../jobs/readable-error.js';
import { AiCallError } from '../ai/ai-failure.js';
import { AI_BATCH_SIZE, aiJobRunner, describeAiFailure } from '../ai/ai-job-runner.js';
import type { AiService } from '../ai/ai-service.js';

/** Bad arguments: the CLI prints the usage and exits 2. */
export class OptimizeUsageError extends Error {}

export const OPTIMIZE_USAGE = `  listsmith optimize --marketplace M [--filter F] [--apply] [--db PATH] [--json]
      Runs the rule optimizer for marketplace M (${MARKETPLACES.join(', ')}) over the listings
      whose marketplace is M, or over --filter F: comma-separated key=value pairs, e.g.
      "marketplace=etsy,status=active,search=silver ring". Keys: marketplace, status (repeat a key
      for several values, "marketplace=any" for all), maxScore=0..100, errors=yes, proposals=yes
      (only listings with pending proposals: the grid's "Has proposals"), and search=TEXT
      (last: it takes the rest of F, commas included). Without --apply the proposals wait for
      review in the app; with --apply they are accepted as one undoable change. Ctrl-C cancels.`;

const isMarketplace = (value: string): value is Marketplace => (MARKETPLACES as readonly string[]).includes(value);
const isStatus = (value: string): value is ListingStatus => (LISTING_STATUSES as readonly string[]).includes(value);

export function parseMarketplace(value: string | undefined): Marketplace {
  if (value === undefined) throw new OptimizeUsageError('listsmith optimize needs --marketplace M.');
  if (!isMarketplace(value)) throw new OptimizeUsageError(`Unknown --marketplace "${value}". One of: ${MARKETPLACES.join(', ')}.`);
  return value;
}

/**
 * `--filter` (optimize, check) parsed into a grid query. Without a marketplace key the scope is the
 * listings of `defaultMarketplace` (optimize's target; check's --marketplace), or every listing
 * when that is null; `marketplace=any` lifts it.
 */
export function parseListingFilter(filter: string | undefined, defaultMarketplace: Marketplace | null): Scope {
  const result: GridFilter = {};
  const marketplaces = new Set<Marketplace>();
  const statuses = new Set<ListingStatus>();
  let anyMarketplace = false;
  let search: string | undefined;
  let rest = (filter ?? '').trim();
  while (rest.length > 0) {
    const searchAt = /^\s*search\s*=/i.exec(rest);
    if (searchAt) {
      search = rest.slice(searchAt[0].length).trim();
      if (search.length === 0) throw new OptimizeUsageError('--filter: search= needs some text.');
      if (search.length > 500) throw new OptimizeUsageError('--filter: search text is longer than 500 characters.');
      break;
    }
    const comma = rest.indexOf(',');
    const pair = (comma === -1 ? rest : rest.slice(0, comma)).trim();
    rest = comma === -1 ? '' : rest.slice(comma + 1).trim();
    if (pair.length === 0) continue;
    const equals = pair.indexOf('=');
    const key = (equals === -1 ? pair : pair.slice(0, equals)).trim().toLowerCase();
    const value = equals === -1 ? '' : pair.slice(equals + 1).trim().toLowerCase();
    if (equals === -1 || value.length === 0) throw new OptimizeUsageError(`--filter: "${pair}" is not key=value.`);
    if (key === 'marketplace') {
      if (value === 'any' || value === 'all') anyMarketplace = true;
      else if (isMarketplace(value)) marketplaces.add(value);
      else throw new OptimizeUsageError(`--filter: unknown marketplace "${value}". One of: any, ${MARKETPLACES.join(', ')}.`);
    } else if (key === 'status') {
      if (!isStatus(value)) throw new OptimizeUsageError(`--filter: unknown status "${value}". One of: ${LISTING_STATUSES.join(', ')}.`);
      statuses.add(value);
    } else if (key === 'maxscore') {
      const score = Number(value);
      if (!Number.isInteger(score) || score < 0 || score > 100) throw new OptimizeUsageError('--filter: maxScore must be a whole number from 0 to 100.');
      result.maxScore = score;
    } else if (key === 'errors') {
      if (!['yes', 'true', '1'].includes(value)) throw new OptimizeUsageError('--filter: errors takes only "yes".');
      result.hasErrors = true;
    } else if (key === 'proposals') {
      // The grid filter has only "has pending proposals", so only "yes" means something.
      if (!['yes', 'true', '1'].includes(value)) throw new OptimizeUsageError('--filter: proposals takes only "yes".');
      result.hasProposals = true;
    } else {
      throw new OptimizeUsageError(`--filter: unknown key "${key}". Keys: marketplace, status, maxScore, errors, proposals, search.`);
    }
  }
  if (!anyMarketplace && (marketplaces.size > 0 || defaultMarketplace !== null)) result.marketplaces = marketplaces.size > 0 ? [...marketplaces] : [defaultMarketplace!];
  if (statuses.size > 0) result.statuses = [...statuses];
  return { kind: 'query', filter: result, ...(search === undefined ? {} : { search }) };
}

export interface OptimizeOptions {
  marketplace: Marketplace;
  scope: Scope;
  apply: boolean;
  /** Aborting cancels the job (Ctrl-C). */
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress) => void;
  /** Default: out/workers/optimizer.worker.cjs next to the built CLI. */
  workerFile?: string;
  threads?: number;
  /** --ai: rewrite through Groq (the app's AI client: one rate limiter, the same validation and review). */
  ai?: AiService;
}

export interface OptimizeResult {
  jobId: number;
  state: JobSummary['state'];
  /** Listings in the job. */
  listings: number;
  /** Field proposals the job wrote. */
  proposals: number;
  /** Field proposals applied (with --apply). */
  applied: number;
  /** AI fields --apply left pending because they were flagged (core/ai/output-checks). */
  flagged: number;
  /** Listings that could not be optimized. */
  failed: number;
  errors: string[];
  cancelled: boolean;
  changeSetId: number | null;
  seconds: number;
}

const TERMINAL = new Set<JobSummary['state']>(['done', 'failed', 'cancelled']);

export async function optimizeCatalog(catalog: Catalog, options: OptimizeOptions): Promise<OptimizeResult> {
  const started = Date.now();
  const { db } = catalog;
  recoverJobs(db);
  const errors: string[] = [];
  const note = (message: string): void => {
    if (!errors.includes(message) && errors.length < 20) errors.push(message);
  };
  // The pool first: a missing worker file fails before a job is queued.
  const pool = createOptimizerPool({ ...(options.workerFile ? { workerFile: options.workerFile } : {}), ...(options.threads ? { threads: options.threads } : {}) });
  let job: JobSummary;
  try {
    if (options.ai) {
      const blocker = options.ai.blocker();
      if (blocker) throw new OptimizeUsageError(blocker);
    }
    job = enqueueJob(catalog, { kind: options.ai ? 'ai' : 'optimize', target: options.scope, marketplace: options.marketplace, priority: 'bulk' });
    if (!TERMINAL.has(job.state)) job = await runUntilFinished(catalog, pool, job.id, options, (error) => note(readableReason(error)));
  } finally {
    await pool.close();
  }

  let applied = 0;
  let flagged = 0;
  let changeSetId: number | null = null;
  if (options.apply && job.state !== 'cancelled' && !options.signal?.aborted) {
    const accepted = acceptProposals(catalog, { kind: 'job', jobId: job.id });
    applied = accepted.accepted;
    flagged = accepted.flagged;
    changeSetId = accepted.changeSet?.id ?? null;
    if (accepted.stale > 0) note(`${accepted.stale.toLocaleString('en-US')} proposals were not applied: their listings changed while the job ran.`);
  }
  if (job.error) errors.unshift(job.error);
  const failures = selectRows(
    db,
    catalogQuery
      .selectFrom('job_items')
      .select((item) => ['error', item.fn.countAll<number>().as('n')])
      .where('job_id', '=', job.id)
      .where('state', '=', 'failed')
      .groupBy('error')
      .orderBy('n', 'desc')
      .limit(10),
  );
  for (const { error, n } of failures) note(`${n.toLocaleString('en-US')} listings: ${error ?? 'unknown error'}`);
  const { proposals } = selectFirstRow(db, catalogQuery.selectFrom('proposals').select((proposal) => proposal.fn.countAll<number>().as('proposals')).where('job_id', '=', job.id))!;
  return {
    jobId: job.id,
    state: job.state,
    listings: job.total,
    proposals,
    applied,
    flagged,
    failed: job.failed,
    errors,
    cancelled: job.state === 'cancelled',
    changeSetId,
    seconds: (Date.now() - started) / 1000,
  };
}

async function runUntilFinished(
  catalog: Catalog,
  pool: ReturnType<typeof createOptimizerPool>,
  jobId: number,
  options: OptimizeOptions,
  onError: (error: unknown) => void,
): Promise<JobSummary> {
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const check = (): void => {
    const job = readJob(catalog.db, jobId);
    if (!job || TERMINAL.has(job.state)) finish();
  };
  let stopReason: string | null = null;
  const runner = createJobRunner({
    catalog,
    runner: pool,
    // Every pool thread busy (the default 2 lanes left most of a many-core machine idle).
    lanes: optimizerLanesFor(pool.stats().threads),
    ...(options.ai
      ? {
          aiRunner: aiJobRunner(options.ai),
          batchSizeFor: (kind) => (kind === 'ai' ? AI_BATCH_SIZE : 200),
          // Headless, nobody waits hours for a daily budget, fixes a key or resumes after an outage mid-run: stop with the reason.
          describeFailure: (error) => {
            if (error instanceof AiCallError && (error.kind === 'rate_day' || error.kind === 'auth' || error.kind === 'outage')) {
              stopReason ??= error.message;
              setImmediate(cancel);
              return { reason: error.message, final: true };
            }
            return describeAiFailure(error);
          },
        }
      : {}),
    onProgress: (progress) => {
      if (progress.jobId !== jobId) return;
      options.onProgress?.(progress);
      if (TERMINAL.has(progress.state)) finish();
    },
    onError,
  });
  const cancel = (): void => {
    runner.cancel(jobId);
    finish();
  };
  options.signal?.addEventListener('abort', cancel, { once: true });
  // Other jobs in the same file (left by the app) may share the runner; we wait for ours only.
  const poll = setInterval(check, 500);
  try {
    if (options.signal?.aborted) cancel();
    else runner.start();
    await finished;
  } finally {
    clearInterval(poll);
    options.signal?.removeEventListener('abort', cancel);
    await runner.stop();
  }
  const job = readJob(catalog.db, jobId)!;
  return stopReason ? { ...job, error: stopReason } : job;
}
