/**
 * The job loop: claim a batch → run it through the injected optimizer (the Piscina pool) → write
 * its results in one transaction → next. `lanes` loops run side by side so the pool's threads stay
 * busy while one batch is being written. Every SQLite step is one short transaction (a claim, a
 * 200-listing write), with a macrotask yield between batches, so the thread that owns the writer
 * connection never stalls for long. Crash safety lives in SQLite, not here: leases, idempotent
 * writes and recoverJobs make a kill at any instant harmless.
 */
import { randomUUID } from 'node:crypto';
import type { Catalog } from '../catalog/open-catalog.js';
import { catalogQuery } from '../catalog/query-builder.js';
import { compileOnce } from '../catalog/run-compiled.js';
import { ListingReader } from '../catalog/read-scope.js';
import type { OptimizerProposal } from '../optimizer/index.js';
import { failBatch, writeBatchResults } from './batch-outcome.js';
import { cancelJob } from './cancel-job.js';
import { withCatalogHints } from './catalog-vocabulary-source.js';
import { claimBatch, nextClaimableAt, renewLease } from './claim-batch.js';
import { isJobPaused } from './pause-job.js';
import { DEFAULT_RETRY, JOB_PRIORITY, isListingFailure, type BatchFailureHandling, type BatchItemResult, type ClaimedBatch, type JobKind, type JobProgress, type JobSummary, type OptimizerRunner, type RetryPolicy } from './job-types.js';
import { ProgressMeter } from './progress-meter.js';
import { hasActiveJobs, readJob } from './read-jobs.js';
import { isNotTheListingsFault, readableReason } from './readable-error.js';

/** Some item of the batch is still running under this lease (not cancelled, not re-leased). */
const stillLeased = compileOnce((batch: { jobId: number; leaseOwner: string }) =>
  catalogQuery.selectFrom('job_items').select('listing_id').where('job_id', '=', batch.jobId).where('lease_owner', '=', batch.leaseOwner).where('state', '=', 'running').limit(1),
);

export interface JobRunnerOptions {
  catalog: Catalog;
  runner: OptimizerRunner;
  /** Runs the batches of AI jobs (absent: AI jobs are run by `runner` too, e.g. in tests). */
  aiRunner?: OptimizerRunner;
  /** Listings per claim by job kind (default `batchSize`): AI batches are smaller so progress moves. */
  batchSizeFor?: (kind: JobKind) => number;
  /** Special handling of a batch failure (see BatchFailureHandling); null: the normal retry with backoff. */
  describeFailure?: (error: unknown) => BatchFailureHandling | null;
  /** Batches in flight at once (default 2: one per pool thread is enough, writes are quick). */
  lanes?: number;
  /**
   * Extra lanes that claim only interactive jobs (default 1): a seller's one-listing rewrite starts
   * at once even while every other lane holds a long bulk batch (an AI batch can take minutes).
   */
  interactiveLanes?: number;
  /** Listings per task (default 200). */
  batchSize?: number;
  /** Lease length; renewed every third of it while a batch runs (default 30 s). */
  leaseMs?: number;
  retry?: RetryPolicy;
  /** With nothing to claim and no known wake-up time, look for new work this often (default 2 s). */
  idlePollMs?: number;
  onProgress?: (progress: JobProgress) => void;
  /** A batch of an auto-applying job changed listings (the catalog changed). */
  onApplied?: (jobId: number, applied: number) => void;
  /**
   * Runs each of the runner's SQLite steps. The app's writer passes its call queue here, so a claim
   * or a batch write never lands inside another call's transaction; default: run at once.
   */
  runQueued?: <T>(work: () => T) => Promise<T>;
  /** A write failed (e.g. the disk is full): reported, and the lane backs off and retries. */
  onError?: (error: unknown) => void;
  /** Clock for leases and backoff (tests). */
  now?: () => number;
}

export interface JobRunner {
  /** Starts the lanes (call recoverJobs first). */
  start(): void;
  /** Something was enqueued or retried: look for work now instead of at the next poll. */
  wake(): void;
  /** Cancels a job and aborts its batches in flight (their results are discarded). */
  cancel(jobId: number): JobSummary | null;
  /** Resolves once no job is queued or running (the CLI waits for this). */
  whenIdle(): Promise<void>;
  /** Aborts batches in flight, gives their listings back to the queue, waits for the lanes. */
  stop(): Promise<void>;
}

const BUSY_DELAY_MS = 250;
const ERROR_DELAY_MS = 1_000;

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { catalog, runner } = options;
  const { db } = catalog;
  const lanes = Math.max(1, options.lanes ?? 2);
  const interactiveLanes = Math.max(0, options.interactiveLanes ?? 1);
  const batchSize = Math.max(1, options.batchSize ?? 200);
  const leaseMs = options.leaseMs ?? 30_000;
  const retry = options.retry ?? DEFAULT_RETRY;
  const idlePollMs = options.idlePollMs ?? 2_000;
  const now = options.now ?? Date.now;
  const queued = options.runQueued ?? (<T>(work: () => T): Promise<T> => Promise.resolve().then(work));
  const owner = `runner-${process.pid}-${randomUUID().slice(0, 8)}`;
  const meter = new ProgressMeter();
  const reader = new ListingReader(db);
  const inFlight = new Map<string, { jobId: number; controller: AbortController }>();
  const wakers = new Set<() => void>();
  const idleWaiters: (() => void)[] = [];
  let running: Promise<void>[] = [];
  let stopped = false;

  const report = (job: JobSummary | null): void => {
    if (job && options.onProgress) options.onProgress(meter.progress(job, now()));
  };

  const checkIdle = (): void => {
    if (idleWaiters.length > 0 && !hasActiveJobs(db)) for (const resolve of idleWaiters.splice(0)) resolve();
  };

  const wake = (): void => {
    for (const resolve of [...wakers]) resolve();
  };

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      wakers.add(done);
    });
  }

  async function runBatch(batch: ClaimedBatch): Promise<void> {
    const controller = new AbortController();
    inFlight.set(batch.leaseOwner, { jobId: batch.jobId, controller });
    // Renewal doubles as the cancel check for a cancel made on another connection.
    const renewal = setInterval(() => {
      queued(() => renewLease(db, batch, leaseMs, now())).then(
        (renewed) => {
          if (!renewed) controller.abort(new Error('lease lost'));
        },
        (error: unknown) => options.onError?.(error),
      );
    }, Math.max(10, Math.floor(leaseMs / 3)));
    try {
      // The rule optimizer also gets what the catalog says about each listing (similar listings' tags, the seller's words).
      const listings = await queued(() => (batch.kind === 'ai' ? reader.read(batch.listingIds, 0) : withCatalogHints(catalog, reader.read(batch.listingIds, 0), batch.payload.marketplace)));
      // Claimed while the runner was stopping: give the listings back untouched (see catch).
      if (stopped) throw new Error('stopping');
      let results: readonly BatchItemResult[] = [];
      if (listings.length > 0) {
        const task = { listings, marketplace: batch.payload.marketplace, context: batch.payload.priceRules ? { priceRules: batch.payload.priceRules } : {} };
        const active = batch.kind === 'ai' ? options.aiRunner : runner;
        // The rule optimizer must never stand in for the AI: the seller asked for a rewrite.
        if (!active) throw new Error('AI rewriting is not available in this process');
        results = await active.run(task, controller.signal, { interactive: batch.interactive });
        if (results.length !== listings.length) throw new Error(`expected ${listings.length} proposals, got ${results.length}`);
      }
      if (controller.signal.aborted) throw controller.signal.reason;
      const byListing = new Map<number, OptimizerProposal>();
      const failures = new Map<number, string>();
      listings.forEach((listing, i) => {
        const result = results[i]!;
        if (isListingFailure(result)) failures.set(listing.id, result.failure);
        else byListing.set(listing.id, result);
      });
      const { outcome, job } = await queued(() => {
        const outcome = writeBatchResults(db, batch, byListing, now(), failures);
        return { outcome, job: outcome.written > 0 || outcome.jobFinished ? readJob(db, batch.jobId) : null };
      });
      if (outcome.applied > 0) options.onApplied?.(batch.jobId, outcome.applied);
      report(job);
    } catch (error) {
      const job = await queued((): JobSummary | null => {
        if (stopped) {
          failBatch(db, batch, readableReason(error), retry, { now: now(), penalize: false });
          return null;
        }
        if (controller.signal.aborted && isCancelledOrLost(batch)) return null;
        // Aborted because its job was paused: the listings go back untouched, no attempt used.
        if (controller.signal.aborted && isJobPaused(db, batch.jobId)) {
          failBatch(db, batch, readableReason(error), retry, { now: now(), penalize: false });
          return null;
        }
        const special = options.describeFailure?.(error) ?? null;
        if (special) {
          const outcome = failBatch(db, batch, special.reason, retry, {
            now: now(),
            penalize: special.requeueAfterMs === undefined && special.pause !== true,
            ...(special.pause ? { pause: true } : {}),
            ...(special.requeueAfterMs === undefined ? {} : { delayMs: special.requeueAfterMs }),
            ...(special.final ? { final: true } : {}),
            ...(special.note ? { note: special.note } : {}),
          });
          // The job's other batches in flight would only fail the same way: stop them now.
          if (special.pause) abortJobBatches(batch.jobId, 'paused');
          return outcome.failed > 0 || outcome.jobFinished || special.note || special.pause ? readJob(db, batch.jobId) : null;
        }
        const blameless = isNotTheListingsFault(error);
        const outcome = failBatch(db, batch, readableReason(error), retry, { now: now(), penalize: !blameless, delayMs: blameless ? BUSY_DELAY_MS : 0 });
        return outcome.failed > 0 || outcome.jobFinished ? readJob(db, batch.jobId) : null;
      });
      report(job);
    } finally {
      clearInterval(renewal);
      inFlight.delete(batch.leaseOwner);
      // Requests of the batch still out (packs asked side by side after one failed) stop too.
      controller.abort(new Error('batch over'));
    }
  }

  function abortJobBatches(jobId: number, why: string): void {
    for (const flight of inFlight.values()) if (flight.jobId === jobId) flight.controller.abort(new Error(why));
  }

  /** The job was cancelled (or our lease re-leased): nothing of this batch may be written. */
  function isCancelledOrLost(batch: ClaimedBatch): boolean {
    return stillLeased.first(db, { jobId: batch.jobId, leaseOwner: batch.leaseOwner }) === undefined;
  }

  async function lane(minPriority?: number): Promise<void> {
    while (!stopped) {
      try {
        const claim = { owner, batchSize, leaseMs, retry, now: now(), ...(options.batchSizeFor ? { batchSizeFor: options.batchSizeFor } : {}), ...(minPriority === undefined ? {} : { minPriority }) };
        const batch = stopped ? null : await queued(() => claimBatch(db, claim));
        if (batch) {
          await runBatch(batch);
          // A macrotask between batches: timers, messages and other lanes get their turn.
          await new Promise<void>((resolve) => setImmediate(resolve));
          await queued(checkIdle);
          continue;
        }
        if (stopped) break;
        const next = await queued(() => {
          checkIdle();
          return nextClaimableAt(db, minPriority);
        });
        await sleep(next === null ? idlePollMs : Math.min(idlePollMs, next - now() + 1));
      } catch (error) {
        options.onError?.(error);
        await sleep(ERROR_DELAY_MS);
      }
    }
  }

  return {
    start() {
      if (running.length > 0 || stopped) return;
      running = [...Array.from({ length: lanes }, () => lane()), ...Array.from({ length: interactiveLanes }, () => lane(JOB_PRIORITY.interactive))];
    },
    wake,
    cancel(jobId) {
      const job = cancelJob(db, jobId, now());
      abortJobBatches(jobId, 'cancelled');
      report(job);
      checkIdle();
      return job;
    },
    whenIdle() {
      if (!hasActiveJobs(db)) return Promise.resolve();
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        wake();
      });
    },
    async stop() {
      stopped = true;
      for (const flight of inFlight.values()) flight.controller.abort(new Error('stopping'));
      wake();
      await Promise.all(running);
      running = [];
    },
  };
}
