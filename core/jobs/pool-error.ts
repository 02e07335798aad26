/**
 * Why an optimizer task failed, in the few kinds the job queue acts on: retry later (`busy`),
 * retry with backoff then fail (`worker_exit`, `worker_error`, `out_of_memory`, `timeout`), or stop
 * (`aborted`: the seller cancelled). Messages are for the seller: what happened and what happens next.
 */
export type PoolFailureKind = 'worker_exit' | 'worker_error' | 'out_of_memory' | 'timeout' | 'aborted' | 'busy';

export class OptimizerPoolError extends Error {
  override readonly name = 'OptimizerPoolError';

  constructor(
    readonly kind: PoolFailureKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Worth running again: everything but a cancel. */
  get retryable(): boolean {
    return this.kind !== 'aborted';
  }
}

export function isOptimizerPoolError(error: unknown): error is OptimizerPoolError {
  return error instanceof OptimizerPoolError;
}
