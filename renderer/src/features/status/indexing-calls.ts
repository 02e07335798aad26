import type { ContractClient } from '../../../../common/client.js';

/** How far a large import's second phase (search entries and scores) is; null when none runs. */
export type IndexingProgress = { done: number; total: number } | null;

/** Follows the indexing phase of large imports (core/catalog/index-backlog.ts). */
export function indexingCalls(client: ContractClient) {
  return {
    /** Calls `handler` with each step and with null when the phase ends; returns the unsubscriber. */
    follow(handler: (progress: IndexingProgress) => void): () => void {
      const offProgress = client.on('operation.progress', (event) => {
        if (event.phase !== 'indexing' || event.total === null) return;
        handler(event.done >= event.total ? null : { done: event.done, total: event.total });
      });
      // The phase ends with a rescore change: clears the bar even if its last progress event was missed.
      const offChanged = client.on('catalog.changed', (event) => {
        if (event.reason === 'rescore') handler(null);
      });
      return () => {
        offProgress();
        offChanged();
      };
    },
  };
}
