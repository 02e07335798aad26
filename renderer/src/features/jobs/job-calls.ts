import type { ContractClient } from '../../../../common/client.js';
import type { MethodInput } from '../../../../common/contract.js';

/** Starting optimizer and AI jobs and reviewing their proposals (the jobs list itself is jobs-store.ts). */
export function jobCalls(client: ContractClient) {
  return {
    start: (input: MethodInput<'jobs.start'>) => client.call('jobs.start', input),
    cancel: (jobId: number) => client.call('jobs.cancel', { jobId }),
    retry: (jobId: number) => client.call('jobs.retry', { jobId }),
    proposals: (input: MethodInput<'proposals.list'>) => client.call('proposals.list', input),
    accept: (selector: MethodInput<'proposals.accept'>['selector']) => client.call('proposals.accept', { selector }),
    reject: (selector: MethodInput<'proposals.reject'>['selector']) => client.call('proposals.reject', { selector }),
    /** A listing the review shows proposals for. */
    listing: (id: number) => client.call('listing.get', { id }),
  };
}
