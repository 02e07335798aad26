import type { AiStatus } from '../../common/ai-types.js';
import type { PhotoSettings } from '../../common/photo-types.js';
import { ContractError, type Envelope } from '../../common/result.js';
import type { CoreDiagnostics } from '../diagnostics/core-diagnostics.js';
import type { PhotoHost } from '../photos/photo-host.js';
import type { AiKeyHost } from './ai-key-host.js';
import type { CatalogThread } from './catalog-thread.js';
import type { HostHandlers } from './place-handlers.js';

export interface HostHandlerDeps {
  diagnostics: CoreDiagnostics;
  /** Every catalog thread: the writer first. */
  threads: CatalogThread[];
  writer: CatalogThread;
  aiKeys: AiKeyHost;
  photos: PhotoHost;
  /** Settles when the photo cache has read its settings. */
  photosStarted: Promise<void>;
}

/** A thread's answer as a value, or its error thrown again (dispatch turns it back into an envelope). */
export function unwrap<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new ContractError(envelope.error.code, envelope.error.message);
  return envelope.value as T;
}

/**
 * The methods the contract declares `runs: 'host'`: each needs the host process itself — state
 * across every thread, the secret store, the photo cache — so none waits in a thread's queue.
 */
export function createHostHandlers({ diagnostics, threads, writer, aiKeys, photos, photosStarted }: HostHandlerDeps): HostHandlers {
  // The writer got the key before this call (messages are ordered), so its status is current.
  const aiStatus = async (): Promise<AiStatus> => unwrap<AiStatus>(await writer.call('ai.status', {}));
  return {
    // It probes every thread, so it must not wait in any one thread's queue.
    'diagnostics.get': () => diagnostics.snapshot(threads),
    'photos.status': async () => {
      await photosStarted;
      return photos.status();
    },
    'photos.configure': async (change) => {
      await photosStarted;
      return photos.configure(change as Partial<PhotoSettings>);
    },
    'ai.setKey': async ({ key }) => {
      await aiKeys.set(key);
      return aiStatus();
    },
    'ai.removeKey': async () => {
      await aiKeys.remove();
      return aiStatus();
    },
    // An operation runs on one thread; each aborts it if it is there (outside its call queue).
    'operation.cancel': async ({ operationId }) => {
      const found = await Promise.all(threads.map((thread) => thread.abort(operationId)));
      return { cancelled: found.some(Boolean) };
    },
  };
}
