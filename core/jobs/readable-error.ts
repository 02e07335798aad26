import { isOptimizerPoolError } from './pool-error.js';

/**
 * The reason stored for a failed listing: the pool's own message (already written for the seller)
 * or, for anything else, a generic sentence with the technical detail after it.
 */
export function readableReason(error: unknown): string {
  if (isOptimizerPoolError(error)) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `The optimizer failed on these listings (${detail.slice(0, 300)}).`;
}

/**
 * Failures that say nothing about the listings — the pool was full or shutting down, the runner
 * stopped: the batch goes back to the queue without using up an attempt.
 */
export function isNotTheListingsFault(error: unknown): boolean {
  return isOptimizerPoolError(error) && (error.kind === 'busy' || error.kind === 'aborted');
}
