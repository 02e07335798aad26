/** Optimization jobs: the durable queue, its runner, and the review of proposals. */
export { enqueueJob } from './enqueue.js';
export { claimBatch, nextClaimableAt, renewLease, type ClaimOptions } from './claim-batch.js';
export { failBatch, writeBatchResults, type WriteOutcome } from './batch-outcome.js';
export { cancelJob, retryJob } from './cancel-job.js';
export { isJobPaused, pauseJob, resumeJob } from './pause-job.js';
export { recoverJobs, type RecoverOptions, type RecoverResult } from './recover-jobs.js';
export { hasActiveJobs, listJobs, listJobsWithPendingCounts, readJob } from './read-jobs.js';
export { createJobRunner, type JobRunner, type JobRunnerOptions } from './job-runner.js';
export { acceptProposals, listPendingProposals, pendingProposalCount, rejectProposals, tallyPendingProposals, type AcceptResult } from './review-proposals.js';
export { spellingForListings } from './proposal-spelling.js';
export type { ProposalSelector } from './proposal-selector.js';
export type { ProposalState, ProposalView } from './proposal-rows.js';
export * from './job-types.js';
