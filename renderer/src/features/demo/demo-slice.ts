import type { StateCreator, StoreApi } from 'zustand/vanilla';
import type { ContractClient } from '../../../../common/client.js';
import type { AppState } from '../../store/app-store.js';

/* ----------------------------------------------------------------------------------------------
 * Demo data for an empty catalog: `demo.generate` and its `demo.progress` events.
 * -------------------------------------------------------------------------------------------- */

export interface DemoState {
  running: boolean;
  done: number;
  total: number;
}

export interface DemoSlice {
  demo: DemoState;
  startDemo(count: number): Promise<void>;
}

export function createDemoSlice(client: ContractClient) {
  const slice: StateCreator<AppState, [], [], DemoSlice> = (set, get) => ({
    demo: { running: false, done: 0, total: 0 },
    async startDemo(count) {
      if (get().demo.running) return;
      set({ demo: { running: true, done: 0, total: count } });
      try {
        await client.call('demo.generate', { count });
        await get().loadStats();
        await get().openView('query');
      } catch (err) {
        get().pushError(err);
      } finally {
        set({ demo: { running: false, done: 0, total: 0 } });
      }
    },
  });

  /** Follows `demo.progress`; returns the unsubscriber. */
  function subscribe(store: StoreApi<AppState>): () => void {
    return client.on('demo.progress', (p) => {
      const demo = store.getState().demo;
      if (demo.running) store.setState({ demo: { running: true, done: p.done, total: p.total } });
    });
  }

  return { slice, subscribe };
}
