/**
 * A CoreApi that stands for "whichever core is open now". Restoring a backup closes the core and
 * opens a new one; IPC handlers and event forwarding keep talking to the slot, calls made while the
 * new core opens wait for it, and events follow the current core. No Electron import: unit tested.
 */
import type { EventPayloads } from '../../common/contract.js';
import type { EventName } from '../../common/contract-names.js';
import { fail, type Envelope } from '../../common/result.js';
import type { PhotoSize } from '../../common/photo-types.js';
import type { CoreApi } from '../../core/host/core-api.js';

type Listener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

export class CoreSlot implements CoreApi {
  private current: Promise<CoreApi> | undefined;
  private unsubscribe: (() => void) | undefined;
  private generation = 0;
  private readonly listeners = new Set<Listener>();
  private staging = '';

  /** Installs a core (being opened). Resolves/rejects like it. */
  set(core: Promise<CoreApi>): Promise<CoreApi> {
    const generation = ++this.generation;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.current = core;
    core.then(
      (api) => {
        if (generation !== this.generation) return;
        this.staging = api.stagingDir;
        this.unsubscribe = api.onEvent((event, payload) => {
          for (const listener of this.listeners) listener(event, payload);
        });
      },
      () => {},
    );
    return core;
  }

  /** The open core, or a rejection when none is set / it failed to open. */
  get ready(): Promise<CoreApi> {
    return this.current ?? Promise.reject(new Error('no core'));
  }

  async dispatch(method: string, input: unknown): Promise<Envelope<unknown>> {
    let api: CoreApi;
    try {
      api = await this.ready;
    } catch {
      return fail('database_unavailable', 'The catalog is not open. Restart Listsmith; if it keeps happening, restore a backup.');
    }
    return api.dispatch(method, input);
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes the current core (the slot stays usable: `set` a new one). */
  async close(): Promise<void> {
    const core = this.current;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (!core) return;
    try {
      await (await core).close();
    } catch {
      // A core that failed to open has nothing to close.
    }
  }

  get stagingDir(): string {
    return this.staging;
  }

  /** No open core: no photo (the page shows its placeholder). */
  async photoFile(url: string, size: PhotoSize): Promise<string | null> {
    try {
      return await (await this.ready).photoFile(url, size);
    } catch {
      return null;
    }
  }
}
