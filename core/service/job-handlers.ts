import { ContractError } from '../../common/result.js';
import type { ProposalSelectorInput } from '../../common/job-types.js';
import type { Catalog } from '../catalog/open-catalog.js';
import {
  acceptProposals,
  cancelJob,
  tallyPendingProposals,
  enqueueJob,
  listJobsWithPendingCounts,
  listPendingProposals,
  pendingProposalCount,
  rejectProposals,
  resumeJob,
  retryJob,
  spellingForListings,
  type ProposalSelector,
} from '../jobs/index.js';
import type { JobControl } from '../jobs/job-host.js';
import type { AiService } from '../ai/ai-service.js';
import type { HandlerContext, Handlers } from './handlers-type.js';

type JobHandlers = Pick<Handlers, 'jobs.start' | 'jobs.list' | 'jobs.cancel' | 'jobs.retry' | 'proposals.list' | 'proposals.accept' | 'proposals.reject'>;

function toSelector(input: ProposalSelectorInput): ProposalSelector {
  if (input.kind === 'ids') return { kind: 'ids', ids: input.ids };
  const fields = input.fields ? { fields: input.fields } : {};
  if (input.kind === 'listings') return { kind: 'listings', listingIds: input.listingIds, ...fields };
  if (input.kind === 'job') return { kind: 'job', jobId: input.jobId, ...fields };
  // The grid's filter + search, resolved by the grid's own code when the call runs.
  const scope = { kind: 'query' as const, filter: input.filter, ...(input.search === undefined ? {} : { search: input.search }) };
  return { kind: 'scope', scope, ...(input.jobId === undefined ? {} : { jobId: input.jobId }), ...fields };
}

const noSuchJob = (jobId: number): ContractError => new ContractError('not_found', `Job #${jobId} was not found; it may have been removed. Reload the jobs panel.`);

/** Optimization jobs and proposal review: thin wrappers over core/jobs. */
export function createJobHandlers(catalog: Catalog, jobs: JobControl | undefined, ai?: AiService): JobHandlers {
  // Without a job host (a unit test over a bare connection): jobs are queued, nothing runs them.
  const control: JobControl = jobs ?? { wake: () => undefined, cancel: (jobId) => cancelJob(catalog.db, jobId) };
  const changed = (ctx: HandlerContext, didChange: boolean): void => {
    if (didChange) ctx.emit('catalog.changed', { reason: 'edit', at: Date.now() });
  };
  return {
    'jobs.start': ({ scope, marketplace, kind, priority, autoApply, priceRules }) => {
      // An AI job without a usable key would only fail later, listing by listing: say so now.
      if (kind === 'ai') {
        const blocker = ai ? ai.blocker() : 'AI rewriting is not available in this part of the app.';
        if (blocker) throw new ContractError(ai?.hasKey() ? 'conflict' : 'unauthorized', blocker);
      }
      const job = enqueueJob(catalog, {
        kind,
        target: scope,
        marketplace,
        ...(priority ? { priority } : {}),
        ...(autoApply === undefined ? {} : { autoApply }),
        ...(priceRules ? { priceRules } : {}),
      });
      if (job.state === 'queued') control.wake();
      return job;
    },

    'jobs.list': () => ({ jobs: listJobsWithPendingCounts(catalog) }),

    'jobs.cancel': ({ jobId }) => {
      const job = control.cancel(jobId);
      if (!job) throw noSuchJob(jobId);
      return job;
    },

    'jobs.retry': ({ jobId }) => {
      // A paused job resumes (Groq gets another chance at once); a failed or cancelled one is retried.
      const resumed = resumeJob(catalog.db, jobId);
      if (resumed) ai?.resumeAfterOutage();
      const job = resumed ?? retryJob(catalog.db, jobId);
      if (!job) throw noSuchJob(jobId);
      if (job.state === 'queued') control.wake();
      return job;
    },

    'proposals.list': ({ listingId, jobId, query, limit, spelling }) => {
      const selector: ProposalSelector =
        listingId !== undefined
          ? { kind: 'listings', listingIds: [listingId] }
          : query !== undefined
            ? toSelector({ kind: 'query', ...query, ...(jobId === undefined ? {} : { jobId }) })
            : jobId !== undefined
              ? { kind: 'job', jobId }
              : { kind: 'scope', scope: { kind: 'all' } };
      const proposals = listPendingProposals(catalog, selector, limit);
      const tally = tallyPendingProposals(catalog, selector);
      return {
        proposals,
        pending: pendingProposalCount(catalog),
        matching: tally.changes,
        matchingListings: tally.listings,
        spelling: spelling ? spellingForListings(catalog, proposals.map((p) => p.listingId)) : [],
      };
    },

    'proposals.accept': ({ selector }, ctx) => {
      const result = acceptProposals(catalog, toSelector(selector));
      changed(ctx, result.changeSet !== null);
      return result;
    },

    'proposals.reject': ({ selector }, ctx) => {
      const result = rejectProposals(catalog, toSelector(selector));
      // The grid marks listings with pending proposals: a rejection changes that mark.
      changed(ctx, result.rejected > 0);
      return result;
    },
  };
}
