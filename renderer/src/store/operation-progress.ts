import type { EventPayloads } from '../../../common/contract.js';

/** Progress of a long operation as the import wizard and the export dialog show it. */
export type OperationProgress = Omit<EventPayloads['operation.progress'], 'operationId' | 'kind'>;

/** The core's message for a failed call, or a generic one. */
export function messageOf(err: unknown): string {
  if (err instanceof Error && err.message !== '') return err.message;
  return 'Something went wrong.';
}

/** Keeps the newest few `*.finished` events that arrived before their start call answered. */
export function rememberEarly<T>(map: Map<string, T>, key: string, value: T): void {
  map.set(key, value);
  while (map.size > 8) map.delete(map.keys().next().value!);
}
